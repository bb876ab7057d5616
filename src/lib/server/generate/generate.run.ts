/** The generator's working state: the transaction, the plan, the clock and small SQL helpers. */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/sql';
import type { Plan } from './generate.plan';
import { rand, ts, wibDaySql, type Rand } from './generate.sql';

export type Gen = {
	tx: Db;
	plan: Plan;
	R: Rand;
	now: Date;
	/** `now` as a SQL timestamptz literal. */
	nowSql: string;
	/** Today's WIB date as a SQL date expression. */
	todaySql: string;
	homeRegion: string;
	passwordHash: string;
	villages: number;
	verifiedKims: number;
	/** Runs a statement; answers the rows it wrote. */
	run(q: SQL): Promise<number>;
	exec(text: string): Promise<number>;
	count(text: string): Promise<number>;
	rows<T>(text: string): Promise<T[]>;
};

const affected = (result: unknown) => {
	const r = result as { rowCount?: number | null; affectedRows?: number };
	return Number(r.rowCount ?? r.affectedRows ?? 0);
};
export function makeGen(tx: Db, plan: Plan, opts: { seed: number; now: Date; homeRegion: string; passwordHash: string }): Gen {
	const nowSql = ts(opts.now);
	const g: Gen = {
		tx, plan, R: rand(opts.seed), now: opts.now, nowSql, todaySql: wibDaySql(nowSql), homeRegion: opts.homeRegion,
		passwordHash: opts.passwordHash, villages: 0, verifiedKims: 0,
		run: async (q) => affected(await tx.execute(q)),
		exec: (text) => g.run(sql.raw(text)),
		count: async (text) => Number(rowsOf<{ n: number }>(await tx.execute(sql.raw(text)))[0]?.n ?? 0),
		rows: async <T>(text: string) => rowsOf<T>(await tx.execute(sql.raw(text)))
	};
	return g;
}

/**
 * Runs a bulk load with the table's plain secondary indexes dropped and rebuilds them after with
 * their exact definitions (pg_indexes.indexdef): one sorted build is much faster than millions of
 * random index inserts (GIN ones above all). Primary keys and unique indexes stay, so every
 * constraint is still checked row by row. Inside the generator's transaction, so a failure
 * restores them.
 */
export async function withIndexesDeferred<T>(g: Gen, table: string, load: () => Promise<T>): Promise<T> {
	const defs = await g.rows<{ name: string; def: string }>(`select i.indexname as name, i.indexdef as def from pg_indexes i
		join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
		where i.schemaname = 'public' and i.tablename = '${table}' and not x.indisunique and not x.indisprimary order by 1`);
	for (const d of defs) await g.exec(`drop index "${d.name}"`);
	const result = await load();
	for (const d of defs) await g.exec(d.def);
	return result;
}
