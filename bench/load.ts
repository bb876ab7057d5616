/**
 * The load generator, run in its own process (forked by bench/scenarios.ts) so that it does not
 * share an event loop with the harness: the server, the baseline and this process split the
 * machine's cores the same way for every measurement.
 *
 * Receives one LoadJob over IPC, runs autocannon for the warm-up and then for the measured
 * duration, and answers a LoadResult. Latency percentiles come from every response's time
 * (autocannon's own table has no p95); requests are taken round-robin from `items`, and
 * `uniqueHeader` (e.g. Idempotency-Key) gets a value no other request of the job has.
 */
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type LoadItem = { method?: string; path: string; headers?: Record<string, string>; body?: string };

export type LoadJob = {
	origin: string;
	connections: number;
	durationS: number;
	warmupS: number;
	items: LoadItem[];
	/** Header set to a fresh value on every request. */
	uniqueHeader?: string;
	/** Per-request timeout in seconds. */
	timeoutS?: number;
	/**
	 * When set, each phase ends by sending this request instead of `items` until every request of
	 * `items` has been answered (autocannon drops what is in flight when it stops), at least
	 * `tailS` seconds and at most the request timeout: `sent` is then exact — e.g. every
	 * short-link GET sent was answered, and recorded as a click.
	 */
	tail?: LoadItem;
	tailS?: number;
};

export type PhaseResult = {
	requests: number;
	durationS: number;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	mean: number;
	/** Statuses of the answers to `items` (not the tail), including those after the measured window. */
	statuses: Record<string, number>;
	/** Requests of `items` sent (with a tail: all of them answered unless errors or timeouts say otherwise). */
	sent: number;
	tailStatuses: Record<string, number>;
	errors: number;
	timeouts: number;
	bytesPerSec: number;
};

export type LoadResult = { warmup: PhaseResult | null; measured: PhaseResult };

function percentile(sorted: number[], p: number) {
	if (!sorted.length) return 0;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function runPhase(job: LoadJob, durationS: number, runId: string, counter: { n: number; unique: number }): Promise<PhaseResult> {
	const times: number[] = [];
	const statuses: Record<string, number> = {};
	const tailStatuses: Record<string, number> = {};
	let sent = 0;
	let answered = 0;
	const started = performance.now();
	const windowEnd = started + durationS * 1000;
	const tail = job.tail;
	const tailS = tail ? (job.tailS ?? 1.5) : 0;
	type Context = { primary?: boolean };
	const request: Record<string, unknown> = {
		setupRequest: (req: Record<string, unknown>, context: Context) => {
			if (tail && performance.now() >= windowEnd) {
				context.primary = false;
				return { ...req, method: tail.method ?? 'GET', path: tail.path, headers: { ...(tail.headers ?? {}) }, body: tail.body };
			}
			context.primary = true;
			sent++;
			const item = job.items[counter.n++ % job.items.length];
			const headers = { ...(item.headers ?? {}) };
			if (job.uniqueHeader) headers[job.uniqueHeader] = `${runId}-${++counter.unique}`;
			return { ...req, method: item.method ?? 'GET', path: item.path, headers, body: item.body };
		}
	};
	if (tail) {
		// The answer belongs to the request the client set up last (one request at a time per connection).
		request.onResponse = (status: number, _body: unknown, context: Context) => {
			if (context.primary) answered++;
			const into = context.primary ? statuses : tailStatuses;
			into[status] = (into[status] ?? 0) + 1;
		};
	}
	const timeoutS = job.timeoutS ?? 10;
	const instance = autocannon({
		url: job.origin,
		connections: job.connections,
		duration: durationS + (tail ? timeoutS + tailS + 1 : 0),
		timeout: timeoutS,
		requests: [request]
	});
	let drain: NodeJS.Timeout | undefined;
	if (tail) {
		drain = setInterval(() => {
			const now = performance.now();
			if (now >= windowEnd + tailS * 1000 && answered >= sent) {
				clearInterval(drain);
				instance.stop();
			}
		}, 20);
	}
	instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
		if (!tail || performance.now() <= windowEnd) times.push(responseTime);
		if (!tail) statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
	});
	const result = await instance;
	clearInterval(drain);
	const elapsedS = Math.min((performance.now() - started) / 1000, durationS);
	const measured = times.length;
	times.sort((a, b) => a - b);
	const round = (x: number) => Math.round(x * 100) / 100;
	return {
		requests: measured,
		durationS: round(elapsedS),
		rps: round(measured / (tail ? durationS : result.duration || elapsedS)),
		p50: round(percentile(times, 50)),
		p95: round(percentile(times, 95)),
		p99: round(percentile(times, 99)),
		max: round(times.at(-1) ?? 0),
		mean: round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)),
		statuses,
		sent,
		tailStatuses,
		errors: result.errors,
		timeouts: result.timeouts,
		bytesPerSec: result.throughput.average
	};
}

export async function runLoad(job: LoadJob): Promise<LoadResult> {
	const runId = randomBytes(6).toString('hex');
	const counter = { n: 0, unique: 0 };
	const warmup = job.warmupS > 0 ? await runPhase({ ...job }, job.warmupS, runId, counter) : null;
	const measured = await runPhase(job, job.durationS, runId, counter);
	return { warmup, measured };
}

/** Runs a job in a fresh child process (the harness's own event loop stays out of the measurement). */
export function runLoadInChild(job: LoadJob): Promise<LoadResult> {
	const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	return new Promise((resolve, reject) => {
		let answered = false;
		child.once('message', (m: { ok: boolean; result?: LoadResult; error?: string }) => {
			answered = true;
			if (m.ok) resolve(m.result!);
			else reject(new Error(`load generator failed: ${m.error}`));
		});
		child.once('exit', (code) => {
			if (!answered) reject(new Error(`load generator exited (${code}) without a result`));
		});
		child.send(job);
	});
}

if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
	process.once('message', async (job: LoadJob) => {
		try {
			process.send!({ ok: true, result: await runLoad(job) });
		} catch (err) {
			process.send!({ ok: false, error: String((err as Error).stack ?? err) });
		}
		process.disconnect();
	});
}
