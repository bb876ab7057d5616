/**
 * Row counts straight from the bench's database. An embedded (PGlite) data directory can be open
 * in one process only, so the harness opens it only while the server is stopped.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/client';
import { rowsOf } from '../src/lib/server/db/sql';
import { processOutbox, type Deliver } from '../src/lib/server/mail/outbox-worker';
import { workerTasks } from '../src/lib/server/runtime';

export type DataTarget = { dataDir?: string; databaseUrl?: string };

export async function countRows(target: DataTarget, tables: string[]): Promise<Record<string, number>> {
	const database = await openDatabase(target.databaseUrl ? { url: target.databaseUrl, poolSize: 1 } : { dataDir: target.dataDir });
	try {
		const counts: Record<string, number> = {};
		for (const table of tables) {
			if (!/^[a-z_]+$/.test(table)) throw new Error(`bad table name ${table}`);
			counts[table] = Number(rowsOf<{ n: number }>(await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0].n);
		}
		return counts;
	} finally {
		await database.close();
	}
}

/**
 * Brings generated data to the state a running worker would have left it in before anything is
 * measured: one pass of every periodic task (reminders due today, aduan past their deadlines,
 * visitor keys of past days) and the mail they queue marked delivered. Without it the measured
 * server spends its first minutes sending a backlog that a real installation sent day by day.
 */
export async function settle(target: DataTarget, publicUrl: string, now = new Date()) {
	const database = await openDatabase(target.databaseUrl ? { url: target.databaseUrl, poolSize: 4 } : { dataDir: target.dataDir });
	try {
		for (const task of workerTasks(database.db, publicUrl)) await task.run(now, () => false);
		const delivered: Deliver = async () => 'sent';
		let mail = 0;
		for (;;) {
			const { claimed } = await processOutbox(database.db, delivered, 500, now, () => false, 4);
			if (claimed === 0) return { mail };
			mail += claimed;
		}
	} finally {
		await database.close();
	}
}
