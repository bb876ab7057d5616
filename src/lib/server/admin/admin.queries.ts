import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outbox, regions } from '../db/schema';
import type { OutboxStatus } from './admin.schema';

export type OutboxRow = typeof outbox.$inferSelect;

/** Outbox rows, newest first, optionally of one status and older than `beforeId`. */
export async function listOutboxRows(db: Db, filter: { status?: OutboxStatus; beforeId?: number }, limit: number) {
	const conds = [];
	if (filter.status) conds.push(eq(outbox.status, filter.status));
	if (filter.beforeId) conds.push(lt(outbox.id, filter.beforeId));
	return db.select().from(outbox).where(and(...conds)).orderBy(desc(outbox.id)).limit(limit);
}

export async function findOutboxRow(db: Db, id: number, opts: { lock?: boolean } = {}) {
	const query = db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
	const [row] = opts.lock ? await query.for('update') : await query;
	return row;
}

/** Loaded regions per level (for the admin overview). */
export async function countRegionsByLevel(db: Db) {
	const rows = await db
		.select({ level: regions.level, n: sql<number>`count(*)::int` })
		.from(regions)
		.groupBy(regions.level);
	return Object.fromEntries(rows.map((r) => [r.level, r.n])) as Record<string, number>;
}
