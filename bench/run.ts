/**
 * `npm run bench`: builds the production server if stale, generates data (or reuses it), starts
 * the server, runs the scenarios of issue 6 against it with a baseline measured in the same run,
 * and prints a Markdown table (also bench/results/latest.md and bench/results/<time>.json).
 *
 * Exit status: 0 when everything answered as expected, even if targets are missed (✘);
 * 1 on errors (unexpected statuses, clicks or reports not matching what was answered, duplicate
 * mail, a scenario that could not run).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPgDatabase, startServer, type RunningServer } from '../tests/reliability/server';
import { countRows, settle, type DataTarget } from './db';
import { runFanout } from './fanout';
import { demoManifest, readManifest, type Manifest } from './manifest';
import { markdownReport, type RunInfo } from './report';
import { pagesScenario, redirectScenario, reportsScenario, searchScenario, statsScenario, type Ctx, type ScenarioResult } from './scenarios';

const HELP = `npm run bench -- [options]

  --scale city|national|demo   data to generate (default city; demo: the demo seed, no generator)
  --engine pglite|postgres     database engine (default pglite; national defaults to postgres).
                               postgres uses DATABASE_URL, or a fresh database on the test server
  --data <dir|url>             reuse generated data (an embedded data directory or a postgres:// URL)
  --manifest <file>            the generator's manifest (default <dir>/bench-manifest.json with --data)
  --duration <s>               measured seconds per load (default 10)
  --warmup <s>                 warm-up seconds before each load (default 3)
  --connections <n>            connections for the throughput scenarios (default 50)
  --latency-connections <n>    connections for the latency scenarios: search, stats (default 10)
  --only <a,b,…>               pages, redirect, search, stats, reports, fanout, memory
  --fanout <n>                 queued emails for the fan-out (default 100000)
  --fanout-timeout <s>         stop the fan-out after this long and report the rate so far (default 120)
  --seed <n>                   generator seed (default 1)
  --port <n>                   server port (default 5100; the baseline uses the next one)
`;

/** A national installation gives Node a larger heap than npm start's (README "Configuration"); the bench runs it so. */
const NATIONAL_NODE_FLAGS = ['--max-old-space-size=1024'];
const SCENARIOS = ['pages', 'redirect', 'search', 'stats', 'reports', 'fanout', 'memory'] as const;
type ScenarioId = (typeof SCENARIOS)[number];

const { values: args } = parseArgs({
	options: {
		scale: { type: 'string', default: 'city' },
		engine: { type: 'string' },
		data: { type: 'string' },
		manifest: { type: 'string' },
		duration: { type: 'string', default: '10' },
		warmup: { type: 'string', default: '3' },
		connections: { type: 'string', default: '50' },
		'latency-connections': { type: 'string', default: '10' },
		only: { type: 'string' },
		fanout: { type: 'string', default: '100000' },
		'fanout-timeout': { type: 'string', default: '120' },
		seed: { type: 'string', default: '1' },
		port: { type: 'string', default: '5100' },
		help: { type: 'boolean', short: 'h' }
	}
});
if (args.help) {
	console.log(HELP);
	process.exit(0);
}

const log = (s: string) => console.error(s);
const errors: string[] = [];
/** With --data, the manifest's scale wins (set once it is read). */
let scale = args.scale!;
if (!['city', 'national', 'demo'].includes(scale)) throw new Error(`--scale must be city, national or demo, not ${scale}`);
const engine = (args.engine ?? (args.data?.startsWith('postgres') || scale === 'national' ? 'postgres' : 'pglite')) as 'pglite' | 'postgres';
if (!['pglite', 'postgres'].includes(engine)) throw new Error(`--engine must be pglite or postgres, not ${engine}`);
const only = new Set<ScenarioId>(
	args.only
		? args.only.split(',').map((s) => {
				if (!SCENARIOS.includes(s.trim() as ScenarioId)) throw new Error(`unknown scenario ${s}; choose from ${SCENARIOS.join(', ')}`);
				return s.trim() as ScenarioId;
			})
		: SCENARIOS
);
const num = (s: string | undefined, name: string) => {
	const n = Number(s);
	if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number`);
	return n;
};
const port = num(args.port, 'port');
const startedAt = new Date();
const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
const resultsDir = resolve('bench/results');
mkdirSync(resultsDir, { recursive: true });

/**
 * Builds ./build when stale (scripts/ensure-build.js), holding the lock the other build users
 * take, and copies what the server runs from (build/, scripts/server.js, the migrations) into a
 * private working directory: SvelteKit loads route modules lazily, so a rebuild of ./build by
 * someone else during a run would break the running server. Node modules resolve from the
 * project, as the copy lives inside it (bench/results is git-ignored).
 */
const serverDir = resolve(resultsDir, `.server-${process.pid}`);
function build() {
	const copies = [['build', 'build'], ['scripts/server.js', 'scripts/server.js'], ['src/lib/server/db/migrations', 'src/lib/server/db/migrations'], ['src/lib/server/regions/seed', 'src/lib/server/regions/seed']];
	const script = `import('./scripts/ensure-build.js').then((m) => { m.ensureBuild(); const fs = require('node:fs'), path = require('node:path');
		for (const [from, to] of ${JSON.stringify(copies)}) fs.cpSync(from, path.join(${JSON.stringify(serverDir)}, to), { recursive: true }); })`;
	const hasFlock = spawnSync('sh', ['-c', 'command -v flock'], { stdio: 'ignore' }).status === 0;
	const node = [process.execPath, '--input-type=commonjs', '-e', script];
	const r = hasFlock ? spawnSync('flock', ['/tmp/simpul-build.lock', ...node], { stdio: 'inherit' }) : spawnSync(node[0], node.slice(1), { stdio: 'inherit' });
	if (r.status !== 0) throw new Error('the production build failed');
	process.once('exit', () => rmSync(serverDir, { recursive: true, force: true }));
}

/** Where the data lives, and the manifest describing it. */
async function prepareData(): Promise<{ target: DataTarget; manifestFile?: string; demo: boolean }> {
	if (args.data) {
		const target: DataTarget = args.data.startsWith('postgres') ? { databaseUrl: args.data } : { dataDir: resolve(args.data) };
		const manifestFile = args.manifest ?? (target.dataDir ? join(target.dataDir, 'bench-manifest.json') : undefined);
		if (!manifestFile || !existsSync(manifestFile)) throw new Error('--data needs --manifest <file> (the generator’s manifest)');
		return { target, manifestFile, demo: false };
	}
	let target: DataTarget;
	if (engine === 'postgres') {
		if (process.env.DATABASE_URL) target = { databaseUrl: process.env.DATABASE_URL };
		else target = { databaseUrl: (await createPgDatabase(`simpul_bench_${scale}`)).url };
	} else target = { dataDir: mkdtempSync(join(tmpdir(), `simpul-bench-${scale}-`)) };
	if (scale === 'demo') return { target, demo: true };
	const manifestFile = args.manifest ?? (target.dataDir ? join(target.dataDir, 'bench-manifest.json') : join(resultsDir, `manifest-${scale}-${stamp()}.json`));
	log(`Generating ${scale} data (seed ${args.seed}) into ${target.dataDir ?? target.databaseUrl}…`);
	const env: Record<string, string> = { ...(process.env as Record<string, string>) };
	delete env.DATABASE_URL;
	delete env.SIMPUL_DATA_DIR;
	if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
	else env.SIMPUL_DATA_DIR = target.dataDir!;
	const t0 = performance.now();
	const child = spawn('npm', ['run', '--silent', 'simpul', '--', 'generate', '--scale', scale, '--seed', args.seed!, '--manifest', manifestFile], { env, stdio: ['ignore', 'inherit', 'inherit'] });
	const code = await new Promise<number | null>((r) => child.once('exit', r));
	if (code !== 0) throw new Error(`the generator failed (exit ${code})`);
	log(`  generated in ${((performance.now() - t0) / 1000).toFixed(0)} s; reuse it with: npm run bench -- --data ${target.dataDir ?? target.databaseUrl} --manifest ${manifestFile}`);
	return { target, manifestFile, demo: false };
}

function stamp(d = startedAt) {
	return d.toISOString().replace(/[:.]/g, '-').replace(/-\d\dZ$/, 'Z');
}

function commit() {
	const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
	const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout.trim();
	return head + (dirty ? '+changes' : '');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
	const httpWanted = (['pages', 'redirect', 'search', 'stats', 'reports', 'memory'] as const).some((s) => only.has(s));
	if (httpWanted) build();
	const scenarios: ScenarioResult[] = [];
	let manifest: Manifest | undefined;
	const counts: Record<string, number> = {};

	if (httpWanted) {
		const data = await prepareData();
		const serverOpts = { port, demo: data.demo, cwd: serverDir, ...(data.target.databaseUrl ? { databaseUrl: data.target.databaseUrl } : { dataDir: data.target.dataDir }) };
		if (data.manifestFile) manifest = readManifest(data.manifestFile);
		if (args.data && manifest?.scale) scale = manifest.scale;
		Object.assign(counts, manifest?.counts ?? {});

		if (!data.demo) {
			log('Settling the data: one pass of the worker’s tasks, the mail they queue marked delivered…');
			const settled = await settle(data.target, `http://127.0.0.1:${port}`);
			log(`  ${settled.mail.toLocaleString('en-US')} queued mails marked delivered`);
		}
		// Cold start: three starts on the same data, the median is reported; the third one is measured.
		const coldStarts: number[] = [];
		let server: RunningServer | undefined;
		let before: Record<string, number> = {};
		for (let i = 0; i < 3; i++) {
			// The first start on fresh data may do long start-up work (sweeps, a mail backlog): wait longer.
			server = await startServer({ ...serverOpts, nodeFlags: scale === 'national' ? NATIONAL_NODE_FLAGS : undefined, timeoutMs: i === 0 ? 900_000 : 180_000 });
			coldStarts.push(server.coldStartMs);
			log(`Server start ${i + 1}: first 200 after ${(server.coldStartMs / 1000).toFixed(2)} s`);
			if (i === 0 && !manifest) {
				manifest = await demoManifest(server.url);
				Object.assign(counts, manifest.counts);
			}
			if (i < 2) {
				const code = await server.stop().catch((e: Error) => (errors.push(`server start ${i + 1}: ${e.message}`), 0));
				if (code !== 0) errors.push(`server start ${i + 1} exited with ${code} on SIGTERM:\n${server.output().slice(-2000)}`);
			}
			if (i === 0) before = await countRows(data.target, ['link_clicks', 'activity_reports']);
		}
		server = server!;
		const ctx: Ctx = {
			origin: server.url,
			manifest: manifest!,
			scale,
			engine,
			connections: num(args.connections, 'connections'),
			latencyConnections: num(args['latency-connections'], 'latency-connections'),
			durationS: num(args.duration, 'duration'),
			warmupS: num(args.warmup, 'warmup'),
			baselinePort: port + 1,
			log,
			expect: {}
		};

		// Peak RSS of the server, sampled every 250 ms over the whole run and per scenario.
		let peak = server.rss();
		let scenarioPeak = peak;
		const sampler = setInterval(() => {
			try {
				const rss = server!.rss();
				peak = Math.max(peak, rss);
				scenarioPeak = Math.max(scenarioPeak, rss);
			} catch {
				/* the server is gone; the scenario reports it */
			}
		}, 250);
		const idleRss = server.rss();

		const steps: [ScenarioId, (c: Ctx) => Promise<ScenarioResult>][] = [
			['pages', pagesScenario],
			['redirect', redirectScenario],
			['search', searchScenario],
			['stats', statsScenario],
			['reports', reportsScenario]
		];
		for (const [id, run] of steps) {
			if (!only.has(id)) continue;
			log(`Scenario ${id}`);
			scenarioPeak = server.rss();
			try {
				const r = await run(ctx);
				r.peakRssMb = Math.round(scenarioPeak / 2 ** 20);
				scenarios.push(r);
			} catch (err) {
				const r: ScenarioResult = { id, title: id, figures: [], notes: [], errors: [`${id} could not run: ${(err as Error).message}`], raw: {} };
				scenarios.push(r);
			}
			if (server.child.exitCode !== null) {
				errors.push(`the server exited during ${id}:\n${server.output().slice(-2000)}`);
				break;
			}
		}
		clearInterval(sampler);

		// A graceful stop flushes buffered clicks; then the database is free to count them.
		log('Stopping the server (SIGTERM)…');
		const code = await server.stop().catch((e: Error) => (errors.push(e.message), null));
		if (code !== 0 && code !== null) errors.push(`the server exited with ${code} on SIGTERM`);
		const serverLog = join(resultsDir, `server-${stamp()}.log`);
		writeFileSync(serverLog, server.output());
		log(`Server output: ${serverLog.replace(process.cwd() + '/', '')}`);
		const after = await countRows(data.target, ['link_clicks', 'activity_reports']);
		const clicks = after.link_clicks - before.link_clicks;
		const reports = after.activity_reports - before.activity_reports;
		// Rows must equal the answers. When requests timed out on the client (already errors), the
		// server may still have completed them: then rows may lie between the answers and the sent.
		const check = (scenario: ScenarioResult | undefined, rows: number, answers: number | undefined, sent: number | undefined, what: string, answered: string) => {
			if (!scenario || answers === undefined) return;
			const ok = rows === answers;
			const cut = (sent ?? answers) - answers;
			scenario.figures.push({ measure: `${what} / ${answered}`, value: `${rows.toLocaleString('en-US')} / ${answers.toLocaleString('en-US')}`, target: 'equal', ok });
			if (ok) return;
			if (cut > 0 && rows > answers && rows <= answers + cut) {
				scenario.notes.push(`${rows - answers} of the ${cut} requests that timed out on the client were completed by the server (rows ${rows} = ${answers} answered + ${rows - answers} timed out)`);
			} else scenario.errors.push(`${what} (${rows}) ≠ ${answered} (${answers})${cut ? `; ${cut} requests unanswered` : ''}`);
		};
		check(scenarios.find((s) => s.id === 'redirect'), clicks, ctx.expect.redirects, ctx.expect.redirectsSent, 'Clicks recorded', 'redirects answered');
		check(scenarios.find((s) => s.id === 'reports'), reports, ctx.expect.reportsCreated, ctx.expect.reportsSent, 'Rows written', '201 answered');

		if (only.has('memory')) {
			const cold = median(coldStarts);
			const mb = Math.round(peak / 2 ** 20);
			scenarios.push({
				id: 'memory',
				title: '7. Server memory and cold start',
				figures: [
					{ measure: 'Cold start, process start → first 200 (median of 3)', value: `${(cold / 1000).toFixed(2)} s`, target: '< 8 s', ok: cold < 8000 },
					{ measure: 'Peak RSS of the server', value: `${mb} MB`, target: engine === 'pglite' ? '< 500 MB (embedded)' : 'reported', ok: engine === 'pglite' ? mb < 500 : undefined }
				],
				notes: [
					`starts: ${coldStarts.map((c) => (c / 1000).toFixed(2) + ' s').join(', ')}${data.demo ? ' (the first seeds the demo data)' : ''}${coldStarts[0] > 3 * cold ? ' — the first start did start-up work the others did not' : ''}`,
					`RSS idle after start ${Math.round(idleRss / 2 ** 20)} MB; peak per scenario: ${scenarios
						.filter((s) => s.peakRssMb)
						.map((s) => `${s.id} ${s.peakRssMb} MB`)
						.join(', ')}`
				],
				errors: [],
				raw: { coldStartsMs: coldStarts, peakRssBytes: peak, idleRssBytes: idleRss }
			});
		}
	}

	if (only.has('fanout')) {
		log('Scenario fanout');
		const count = num(args.fanout, 'fanout');
		try {
			const f = await runFanout({ engine, count, timeoutS: num(args['fanout-timeout'], 'fanout-timeout'), log });
			const r: ScenarioResult = {
				id: 'fanout',
				title: '6. Notification fan-out (outbox worker → SMTP)',
				figures: [
					{ measure: 'Messages delivered per second', value: `${f.perSecond.toLocaleString('en-US')} msg/s`, target: '≥ 500 msg/s', ok: f.perSecond >= 500 },
					{ measure: 'Duplicates (by Message-ID)', value: String(f.duplicates), target: '0', ok: f.duplicates === 0 }
				],
				notes: [
					`${f.delivered.toLocaleString('en-US')} of ${f.queued.toLocaleString('en-US')} delivered in ${f.seconds} s${f.timedOut ? ` (stopped at the ${args['fanout-timeout']} s limit; the whole queue would take about ${Math.round(f.queued / Math.max(1, f.perSecond) / 60)} min)` : ''}`,
					`${f.smtpConnections.toLocaleString('en-US')} SMTP connections; outbox afterwards: ${JSON.stringify(f.outbox)}; ${f.engine} in the harness process, one worker as the server runs it`
				],
				errors: [],
				raw: f
			};
			if (f.duplicates) r.errors.push(`${f.duplicates} duplicate messages`);
			if (f.withoutId) r.errors.push(`${f.withoutId} messages without a Message-ID`);
			if (f.unique !== (f.outbox.sent ?? 0)) r.errors.push(`sink saw ${f.unique} distinct messages, outbox marks ${f.outbox.sent ?? 0} sent`);
			scenarios.push(r);
		} catch (err) {
			scenarios.push({ id: 'fanout', title: '6. Notification fan-out', figures: [], notes: [], errors: [`fanout could not run: ${(err as Error).stack}`], raw: {} });
		}
	}

	// Issue order: 1 … 7.
	const order = (s: ScenarioResult) => ['pages', 'redirect', 'search', 'stats', 'reports', 'fanout', 'memory'].indexOf(s.id);
	scenarios.sort((a, b) => order(a) - order(b));
	for (const s of scenarios) errors.push(...s.errors);

	const info: RunInfo = {
		startedAt: startedAt.toISOString(),
		scale,
		engine,
		connections: num(args.connections, 'connections'),
		latencyConnections: num(args['latency-connections'], 'latency-connections'),
		durationS: num(args.duration, 'duration'),
		warmupS: num(args.warmup, 'warmup'),
		host: `${hostname()}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`,
		counts,
		commit: commit(),
		loadAverage: { start: loadAtStart, end: loadavg().map((x) => Math.round(x * 100) / 100) }
	};
	const md = markdownReport(info, scenarios, errors);
	console.log(md);
	writeFileSync(join(resultsDir, 'latest.md'), md);
	const jsonFile = join(resultsDir, `${stamp()}.json`);
	writeFileSync(jsonFile, JSON.stringify({ info, scenarios, errors, manifest }, null, 2));
	log(`Written ${join('bench/results', 'latest.md')} and ${jsonFile.replace(process.cwd() + '/', '')}`);
	process.exitCode = errors.length ? 1 : 0;
}

main().catch((err) => {
	console.error(err);
	process.exitCode = 1;
});
