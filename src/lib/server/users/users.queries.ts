import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { kimMembers, kims, regions, users } from '../db/schema';
import { likePattern } from './users.rules';

/** The KIMs a user belongs to, with their position, for "my account". */
export async function listMembershipsOf(db: Db, userId: string) {
	return db
		.select({ id: kims.id, slug: kims.slug, name: kims.name, status: kims.status, position: kimMembers.position })
		.from(kimMembers)
		.innerJoin(kims, eq(kims.id, kimMembers.kimId))
		.where(eq(kimMembers.userId, userId))
		.orderBy(asc(kims.name));
}

/** A user's profile with their kelurahan name. */
export async function findProfile(db: Db, userId: string) {
	const [row] = await db
		.select({ id: users.id, name: users.name, email: users.email, kelurahan: regions.name })
		.from(users)
		.leftJoin(regions, eq(regions.code, users.kelurahanCode))
		.where(eq(users.id, userId));
	return row;
}

export type UserRow = typeof users.$inferSelect;
export type UserFilter = { q?: string; role?: UserRow['role']; active?: boolean };

/** Accounts matching the admin filter (name/email contains `q`, role, active), by name. */
export async function listUsersForAdmin(db: Db, filter: UserFilter, limit: number, offset = 0) {
	const conds = [];
	if (filter.q) {
		const pattern = likePattern(filter.q);
		conds.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
	}
	if (filter.role) conds.push(eq(users.role, filter.role));
	if (filter.active !== undefined) conds.push(eq(users.isActive, filter.active));
	return db
		.select()
		.from(users)
		.where(and(...conds))
		.orderBy(asc(sql`lower(${users.name})`), asc(users.id))
		.limit(limit)
		.offset(offset);
}

/** KIM positions of several users at once (any KIM status), keyed by user id. */
export async function listMembershipsOfUsers(db: Db, userIds: string[]) {
	const out = new Map<string, { id: string; slug: string; name: string; position: string }[]>();
	if (userIds.length === 0) return out;
	const rows = await db
		.select({ userId: kimMembers.userId, id: kims.id, slug: kims.slug, name: kims.name, position: kimMembers.position })
		.from(kimMembers)
		.innerJoin(kims, eq(kims.id, kimMembers.kimId))
		.where(inArray(kimMembers.userId, userIds))
		.orderBy(asc(kims.name));
	for (const { userId, ...kim } of rows) out.set(userId, [...(out.get(userId) ?? []), kim]);
	return out;
}

/** One account by id; `lock` takes a row lock for the rest of the transaction. */
export async function findUserById(db: Db, id: string, opts: { lock?: boolean } = {}) {
	const query = db.select().from(users).where(eq(users.id, id)).limit(1);
	const [row] = opts.lock ? await query.for('update') : await query;
	return row;
}

/**
 * Ids of the active admins, locked until the transaction ends, so two admins demoting each
 * other at the same moment cannot leave the installation without one.
 */
export async function lockActiveAdmins(db: Db) {
	const rows = await db
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.role, 'admin'), eq(users.isActive, true)))
		.orderBy(asc(users.id))
		.for('update');
	return rows.map((r) => r.id);
}

/** Account counts for the admin overview. */
export async function countUsers(db: Db) {
	const [row] = await db
		.select({
			total: sql<number>`count(*)::int`,
			active: sql<number>`count(*) filter (where ${users.isActive})::int`,
			petugas: sql<number>`count(*) filter (where ${users.role} = 'petugas' and ${users.isActive})::int`,
			admin: sql<number>`count(*) filter (where ${users.role} = 'admin' and ${users.isActive})::int`
		})
		.from(users);
	return row;
}
