/**
 * The production server (build/) in a child process, for tests and benchmarks that must crash,
 * stop or load a real server: `startServer` waits for /healthz, `stop` sends SIGTERM and waits,
 * `kill` sends SIGKILL. Each server gets its own embedded data directory or PostgreSQL database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type Engine = 'pglite' | 'postgres';
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type ServerOptions = {
	port: number;
	/** Embedded data directory (a fresh temporary one when neither this nor databaseUrl is given). */
	dataDir?: string;
	databaseUrl?: string;
	demo?: boolean;
	env?: Record<string, string>;
	/** How long to wait for the first 200 from /healthz. */
	timeoutMs?: number;
	/** Working directory of the server (default this process's): the bench runs a private copy of the build. */
	cwd?: string;
	/** Node options of the server process (default: npm start's). */
	nodeFlags?: string[];
};

export type RunningServer = {
	url: string;
	child: ChildProcess;
	pid: number;
	/** Milliseconds from spawn to the first 200 from /healthz. */
	coldStartMs: number;
	output(): string;
	/** Resident set size of the server process in bytes (from /proc). */
	rss(): number;
	/** SIGTERM, then the exit code; a server still running after `graceMs` is killed and this throws. */
	stop(graceMs?: number): Promise<number | null>;
	kill(): Promise<void>;
};

/** The Node options `npm start` runs the server with (its heap limit), so what is measured is what runs. */
const START_FLAGS: string[] = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts.start.match(/--[\w-]+=\S+/g) ?? [];

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
	const url = `http://127.0.0.1:${opts.port}`;
	const env: Record<string, string> = {
		...(process.env as Record<string, string>),
		PORT: String(opts.port),
		HOST: '127.0.0.1',
		ORIGIN: url,
		SIMPUL_DEMO: opts.demo ? '1' : '0',
		BODY_SIZE_LIMIT: '12M',
		LOG_LEVEL: 'warn',
		...opts.env
	};
	delete env.TEST_DATABASE_URL;
	if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
	else {
		delete env.DATABASE_URL;
		env.SIMPUL_DATA_DIR = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'simpul-rel-'));
	}
	const started = performance.now();
	const child = spawn(process.execPath, [...(opts.nodeFlags ?? START_FLAGS), 'scripts/server.js'], { env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	child.stdout!.on('data', (d) => (log += d));
	child.stderr!.on('data', (d) => (log += d));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	let gone = false;
	void exited.then(() => (gone = true));
	const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
	for (;;) {
		if (gone) throw new Error(`server exited before it answered:\n${log}`);
		try {
			// A server that accepts but does not answer (start-up work holding the database) must not hang the wait.
			const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
			if (res.ok) break;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server did not answer /healthz in time:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	const coldStartMs = performance.now() - started;
	return {
		url,
		child,
		pid: child.pid!,
		coldStartMs,
		output: () => log,
		rss: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024,
		async stop(graceMs = 60_000) {
			if (!gone) child.kill('SIGTERM');
			let timer: NodeJS.Timeout | undefined;
			const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
			const code = await Promise.race([exited, late]);
			clearTimeout(timer);
			if (code !== 'late') return code;
			child.kill('SIGKILL');
			await exited;
			throw new Error(`the server did not exit within ${graceMs / 1000} s of SIGTERM (killed):\n${log.slice(-2000)}`);
		},
		async kill() {
			if (!gone) child.kill('SIGKILL');
			await exited;
		}
	};
}

/** A new empty PostgreSQL database on the test server; `drop` removes it. */
export async function createPgDatabase(prefix: string) {
	const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
	const admin = new pg.Client({ connectionString: PG_URL });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(PG_URL);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const a = new pg.Client({ connectionString: PG_URL });
			await a.connect();
			await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await a.end();
		}
	};
}

/** Whether the PostgreSQL test server answers (the engine-parametrised tests skip it otherwise). */
export async function postgresAvailable() {
	const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
	try {
		await c.connect();
		await c.end();
		return true;
	} catch {
		return false;
	}
}
