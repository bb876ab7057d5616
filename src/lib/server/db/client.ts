import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, types, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export { schema };
/** A database or a transaction: queries take this first. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
	db: Db;
	engine: 'pglite' | 'postgres';
	close(): Promise<void>;
	/** node-postgres pool when on a PostgreSQL server (used for the migration lock). */
	pool?: pg.Pool;
	pglite?: PGlite;
};

export const pgliteExtensions = { pg_trgm };

/**
 * The embedded engine's PostgreSQL lives inside the server process, and WebAssembly memory never
 * shrinks: 128 MB of shared buffers (initdb's default) is a quarter of the 500 MB a small machine
 * gives the whole server. 32 MB keeps the hot pages; the rest is the operating system's file cache.
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=32MB'];

/** Opens PGlite in `dataDir` (created if missing), or a PostgreSQL pool when `url` is given. */
export async function openDatabase(opts: {
	url?: string;
	dataDir?: string;
	pglite?: PGlite;
	poolSize?: number;
}): Promise<Database> {
	if (opts.url) {
		const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
		pool.on('error', (err) => console.error('[db] idle client error', err.message));
		return {
			db: drizzlePg(pool, { schema }) as unknown as Db,
			engine: 'postgres',
			pool,
			close: () => pool.end()
		};
	}
	let client = opts.pglite;
	let unlock = () => {};
	if (!client) {
		const dir = resolve(opts.dataDir ?? './data', 'pglite');
		mkdirSync(dir, { recursive: true });
		unlock = lockDataDir(dir);
		client = await PGlite.create({ dataDir: dir, extensions: pgliteExtensions, startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
	}
	const pglite = client;
	Object.assign(pglite.parsers, DATES_AS_TEXT);
	return {
		db: drizzlePglite(embedded(pglite), { schema }) as unknown as Db,
		engine: 'pglite',
		pglite,
		close: async () => {
			await pglite.close();
			unlock();
		}
	};
}

/**
 * drizzle reads dates, times and intervals as text, and asks for it with a parser map on every
 * query, which PGlite merges with its own map of some 400 types each time (about 0.5 ms a query,
 * a fifth of an activity report's cost). The instance parses those types as text instead, once,
 * and the per-query map is dropped on the way in (embedded).
 */
const DATES_AS_TEXT = Object.fromEntries(
	// timestamp, timestamptz, interval, date, and the numeric[], timestamp[], timestamptz[], interval[] and date[] arrays (as drizzle lists them)
	[types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((type) => [type, (value: string) => value])
);

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The PGlite instance as drizzle sees it: without drizzle's per-query parser map (DATES_AS_TEXT),
 * and with a turn of the event loop before each query or transaction that is not inside one.
 * PGlite runs a query synchronously and hands the next queued one on in the same microtask
 * chain, so under load (50 members submitting reports) the chain never ended: the event loop
 * did not poll, and a new connection or a request on an idle one waited up to 13 s while the
 * requests already in flight went round. With the turn, I/O is polled between queries and
 * newcomers queue behind them instead (new connection under that load: 6 s → 0.5 s; p99 6.3 →
 * 1.4 s). Queries inside a transaction need no turn: it holds the database until it ends.
 */
function embedded<T extends PGlite | Transaction>(client: T): T {
	const top = 'transaction' in client;
	return new Proxy(client, {
		get(target, prop) {
			if (prop === 'query') {
				return async (query: string, params?: unknown[], options?: QueryOptions) => {
					if (top) await turn();
					return target.query(query, params, options?.parsers ? { ...options, parsers: undefined } : options);
				};
			}
			if (prop === 'transaction' && top) {
				return async <R>(fn: (tx: Transaction) => Promise<R>) => {
					await turn();
					return (target as PGlite).transaction((tx) => fn(embedded(tx)));
				};
			}
			const value = Reflect.get(target, prop, target);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}

/**
 * PGlite allows one process per data directory; a second one would corrupt it. A pid file makes
 * the second process (say, a CLI command while the server runs) stop with a clear message.
 */
function lockDataDir(dir: string): () => void {
	const file = resolve(dir, '..', 'simpul.pid');
	if (existsSync(file)) {
		const pid = Number(readFileSync(file, 'utf8'));
		if (pid && pid !== process.pid && isAlive(pid)) {
			throw new Error(`The embedded database in ${dir} is in use by process ${pid}. Stop it first (or use DATABASE_URL for several processes).`);
		}
	}
	writeFileSync(file, String(process.pid));
	const release = () => rmSync(file, { force: true });
	process.once('exit', release);
	return release;
}

function isAlive(pid: number) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}
