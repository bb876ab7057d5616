import { and, desc, eq, getTableColumns, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { kims, rumours, users } from '../db/schema';
import { isStaff, type Actor } from '../auth/actor';
import type { RumourStatus } from './posts.rules';

export type Rumour = typeof rumours.$inferSelect;
export type RumourRow = Rumour & { kimName?: string | null; reporterName?: string | null };

/** Staff see every rumour; members their KIMs' (applied in the query). */
function rumoursVisibleTo(actor: Actor): SQL | undefined {
	if (isStaff(actor)) return undefined;
	const own = actor?.kims.map((k) => k.kimId) ?? [];
	return own.length ? inArray(rumours.kimId, own) : eq(rumours.id, '00000000-0000-0000-0000-000000000000');
}

export async function insertRumour(db: Db, values: typeof rumours.$inferInsert): Promise<Rumour> {
	const [row] = await db.insert(rumours).values(values).returning();
	return row;
}

export async function findRumour(db: Db, id: string): Promise<Rumour | undefined> {
	const [row] = await db.select().from(rumours).where(eq(rumours.id, id)).limit(1);
	return row;
}

export async function lockRumour(tx: Db, id: string): Promise<Rumour | undefined> {
	const [row] = await tx.select().from(rumours).where(eq(rumours.id, id)).limit(1).for('update');
	return row;
}

export async function updateRumourRow(db: Db, id: string, values: Partial<typeof rumours.$inferInsert>): Promise<Rumour> {
	const [row] = await db.update(rumours).set(values).where(eq(rumours.id, id)).returning();
	return row;
}

/** Rumours the actor may see, newest first, with KIM and reporter names. */
export async function listRumourRows(db: Db, actor: Actor, filter: { status?: RumourStatus; kim_id?: string } = {}): Promise<RumourRow[]> {
	const conds = [rumoursVisibleTo(actor)];
	if (filter.status) conds.push(eq(rumours.status, filter.status));
	if (filter.kim_id) conds.push(eq(rumours.kimId, filter.kim_id));
	return db
		.select({ ...getTableColumns(rumours), kimName: kims.name, reporterName: users.name })
		.from(rumours)
		.innerJoin(kims, eq(kims.id, rumours.kimId))
		.leftJoin(users, eq(users.id, rumours.reportedBy))
		.where(and(...conds))
		.orderBy(desc(rumours.createdAt))
		.limit(200);
}
