import { and, desc, eq, getTableColumns, gte, ilike, like, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import { startOfWibDay } from '../validation';

export type AuditFilter = {
	/** Exact action (`user.role_change`), or a prefix without a dot (`user` → every `user.*`). */
	action?: string;
	entityType?: string;
	entityId?: string;
	/** Part of the actor's email (or "system"). */
	actor?: string;
	/** Calendar dates in WIB, both inclusive. */
	from?: string;
	to?: string;
	/** Keyset: only entries older than this id. */
	beforeId?: number;
};

export type AuditEntry = typeof auditLog.$inferSelect & { entityLabel: string | null };

/** A readable name for the changed record (email, KIM or region name), if it still exists. */
const entityLabel = sql<string | null>`case ${auditLog.entityType}
	when 'user' then (select u.email from users u where u.id::text = ${auditLog.entityId})
	when 'kim' then (select k.name from kims k where k.id::text = ${auditLog.entityId})
	when 'region' then (select r.name from regions r where r.code = ${auditLog.entityId})
end`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Audit entries matching `filter`, newest first (by id, which follows commit order closely). */
export async function listAuditEntries(db: Db, filter: AuditFilter, limit: number) {
	const conds = [];
	if (filter.action) {
		conds.push(
			filter.action.includes('.')
				? eq(auditLog.action, filter.action)
				: or(eq(auditLog.action, filter.action), like(auditLog.action, `${escapeLike(filter.action)}.%`))
		);
	}
	if (filter.entityType) conds.push(eq(auditLog.entityType, filter.entityType));
	if (filter.entityId) conds.push(eq(auditLog.entityId, filter.entityId));
	if (filter.actor) conds.push(ilike(auditLog.actorLabel, `%${escapeLike(filter.actor)}%`));
	if (filter.from) conds.push(gte(auditLog.createdAt, startOfWibDay(filter.from)));
	if (filter.to) conds.push(lt(auditLog.createdAt, startOfWibDay(filter.to, 1)));
	if (filter.beforeId) conds.push(lt(auditLog.id, filter.beforeId));
	return db
		.select({ ...getTableColumns(auditLog), entityLabel })
		.from(auditLog)
		.where(and(...conds))
		.orderBy(desc(auditLog.id))
		.limit(limit);
}

/** Actions and entity types seen in the latest entries, for the filter's suggestions. */
export async function recentAuditVocabulary(db: Db, window = 5000) {
	const recent = sql`(select ${auditLog.action} as action, ${auditLog.entityType} as entity_type from ${auditLog} order by ${auditLog.id} desc limit ${window}) as recent`;
	const [actions, types] = await Promise.all([
		db.select({ v: sql<string>`action` }).from(recent).groupBy(sql`action`).orderBy(sql`action`),
		db.select({ v: sql<string>`entity_type` }).from(recent).groupBy(sql`entity_type`).orderBy(sql`entity_type`)
	]);
	return { actions: actions.map((r) => r.v), entityTypes: types.map((r) => r.v) };
}

/** Entries written since `since` (for the admin overview). */
export async function countAuditSince(db: Db, since: Date) {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(gte(auditLog.createdAt, since));
	return row.n;
}
