/**
 * What a backup covers, read from the database's own catalog (never a hand-written list, so a new
 * table or column is included the day its migration lands): the application's tables in the
 * `public` schema with their stored (non-generated) columns, an insertion order that satisfies
 * the foreign keys, the sequences, the tables with user triggers, and the applied migrations.
 * Works the same on PGlite and on a PostgreSQL server.
 */
import type { Database } from '../db/client';

/** One session on the database: raw SQL with positional parameters. */
export type Sql = {
	query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
	release(): void;
};

/** A single session: the PGlite instance itself, or one client checked out of the pool. */
export async function openSession(database: Database): Promise<Sql> {
	if (database.pglite) {
		const pglite = database.pglite;
		return { query: async (text, params) => (await pglite.query(text, params)).rows as never, release: () => {} };
	}
	const client = await database.pool!.connect();
	return { query: async (text, params) => (await client.query(text, params)).rows, release: () => client.release() };
}

/** `"name"` — every identifier that reaches SQL text goes through this. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export type TableInfo = { name: string; columns: string[]; types: string[] };
export type ForeignKey = { name: string; table: string; references: string };
export type Migration = { hash: string; created_at: number };

/** Application tables (schema public), each with its stored columns in attribute order. */
export async function listTables(sql: Sql): Promise<TableInfo[]> {
	const rows = await sql.query<{ table: string; column: string; type: string }>(
		`select c.relname as "table", a.attname as "column", format_type(a.atttypid, a.atttypmod) as "type"
		   from pg_class c
		   join pg_namespace n on n.oid = c.relnamespace
		   join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
		  where n.nspname = 'public' and c.relkind = 'r'
		  order by c.relname, a.attnum`
	);
	const tables = new Map<string, TableInfo>();
	for (const r of rows) {
		const t = tables.get(r.table) ?? { name: r.table, columns: [], types: [] };
		t.columns.push(r.column);
		t.types.push(r.type);
		tables.set(r.table, t);
	}
	return [...tables.values()];
}

/** Foreign keys between application tables. */
export async function listForeignKeys(sql: Sql): Promise<ForeignKey[]> {
	return sql.query<ForeignKey>(
		`select k.conname as name, c.relname as "table", r.relname as "references"
		   from pg_constraint k
		   join pg_class c on c.oid = k.conrelid
		   join pg_class r on r.oid = k.confrelid
		   join pg_namespace n on n.oid = c.relnamespace
		  where k.contype = 'f' and n.nspname = 'public'
		  order by 2, 1`
	);
}

/**
 * Tables in an order where every table comes after the tables it references (Kahn's algorithm,
 * alphabetical among equals so the order is stable). Foreign keys that cannot be ordered — a table
 * referencing itself, or a cycle — are returned as `deferred`: the restore checks them at the end.
 */
export function insertionOrder(tables: string[], fks: ForeignKey[]): { order: string[]; deferred: ForeignKey[] } {
	const known = new Set(tables);
	let edges = fks.filter((f) => known.has(f.table) && known.has(f.references));
	const deferred = edges.filter((f) => f.table === f.references);
	edges = edges.filter((f) => f.table !== f.references);
	const order: string[] = [];
	const left = new Set(tables);
	while (left.size > 0) {
		const ready = [...left].filter((t) => !edges.some((f) => f.table === t && left.has(f.references))).sort();
		if (ready.length === 0) {
			// A cycle: defer the keys among the remaining tables of the alphabetically first one.
			const first = [...left].sort()[0];
			const cut = edges.filter((f) => f.table === first && left.has(f.references));
			deferred.push(...cut);
			edges = edges.filter((f) => !cut.includes(f));
			continue;
		}
		for (const t of ready) {
			order.push(t);
			left.delete(t);
		}
	}
	return { order, deferred };
}

/** Sequences of the application schema (serial and identity columns, and standalone ones). */
export async function listSequences(sql: Sql): Promise<string[]> {
	const rows = await sql.query<{ name: string }>(
		`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
		  where n.nspname = 'public' and c.relkind = 'S' order by 1`
	);
	return rows.map((r) => r.name);
}

/** Tables with triggers of their own (not the internal ones that enforce foreign keys). */
export async function listTriggeredTables(sql: Sql): Promise<string[]> {
	const rows = await sql.query<{ name: string }>(
		`select distinct c.relname as name from pg_trigger g
		   join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
		  where n.nspname = 'public' and not g.tgisinternal order by 1`
	);
	return rows.map((r) => r.name);
}

/** Applied migrations in order (drizzle's journal table), or [] when the database was never migrated. */
export async function listMigrations(sql: Sql): Promise<Migration[]> {
	const [exists] = await sql.query<{ ok: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
	if (!exists.ok) return [];
	const rows = await sql.query<{ hash: string; created_at: string | number }>(`select hash, created_at from drizzle.__drizzle_migrations order by id`);
	return rows.map((r) => ({ hash: r.hash, created_at: Number(r.created_at) }));
}

/**
 * A fingerprint of every table's contents: per table, the row count and an md5 over the md5 of
 * each row's JSON (all columns, generated ones included), in a collation-independent order; and
 * every sequence's state. Two databases with equal fingerprints hold the same data.
 */
export async function fingerprint(sql: Sql): Promise<{ tables: Record<string, { rows: number; md5: string }>; sequences: Record<string, string> }> {
	const tables: Record<string, { rows: number; md5: string }> = {};
	for (const t of await listTables(sql)) {
		const [r] = await sql.query<{ rows: number; md5: string | null }>(
			`select count(*)::int as rows, md5(string_agg(h, '' order by h collate "C")) as md5
			   from (select md5(row_to_json(t)::text) as h from ${ident(t.name)} t) x`
		);
		tables[t.name] = { rows: r.rows, md5: r.md5 ?? '' };
	}
	const sequences: Record<string, string> = {};
	for (const s of await listSequences(sql)) {
		const [r] = await sql.query<{ v: string }>(`select last_value::text || ':' || is_called::text as v from ${ident(s)}`);
		sequences[s] = r.v;
	}
	return { tables, sequences };
}
