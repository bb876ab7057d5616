/**
 * Row counts straight from the bench's database. An embedded (PGlite) data directory can be open
 * in one process only, so the harness opens it only while the server is stopped.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/client';

export type DataTarget = { dataDir?: string; databaseUrl?: string };

export async function countRows(target: DataTarget, tables: string[]): Promise<Record<string, number>> {
	const database = await openDatabase(target.databaseUrl ? { url: target.databaseUrl, poolSize: 1 } : { dataDir: target.dataDir });
	try {
		const counts: Record<string, number> = {};
		for (const table of tables) {
			if (!/^[a-z_]+$/.test(table)) throw new Error(`bad table name ${table}`);
			const result = (await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] };
			counts[table] = Number(result.rows[0].n);
		}
		return counts;
	} finally {
		await database.close();
	}
}
