import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { kimMembers, kims, loginAttempts, sessions, unitMembers, units, users } from '../db/schema';
import type { Actor } from './actor';
import { hashToken } from './tokens';

/** Finds a user by email, case-insensitively. */
export async function findUserByEmail(db: Db, email: string) {
	const [row] = await db
		.select()
		.from(users)
		.where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
		.limit(1);
	return row;
}

/**
 * The actor's columns, read in one query (it runs on every signed-in request): the user, their
 * positions in KIMs that are not inactive, and the responsible units they are active in. The
 * subqueries name `users.id` in full: drizzle leaves a one-table query's columns unqualified, and
 * a bare "id" would be the joined kim's or unit's.
 */
const actorColumns = {
	userId: users.id,
	email: users.email,
	name: users.name,
	role: users.role,
	isActive: users.isActive,
	kims: sql<NonNullable<Actor>['kims']>`coalesce((select json_agg(json_build_object('kimId', m.kim_id, 'position', m.position))
		from ${kimMembers} m join ${kims} k on k.id = m.kim_id where m.user_id = users.id and k.status <> 'inactive'), '[]'::json)`,
	units: sql<NonNullable<Actor>['units']>`coalesce((select json_agg(json_build_object('unitCode', um.unit_code, 'isSupervisor', um.is_supervisor))
		from ${unitMembers} um join ${units} u on u.code = um.unit_code where um.user_id = users.id and u.is_active), '[]'::json)`
};

function actorOf(row: (NonNullable<Actor> & { isActive: boolean }) | undefined): Actor {
	if (!row || !row.isActive) return null;
	const { isActive: _active, ...actor } = row;
	return actor;
}

/** Builds the actor for a user id, with their positions in KIMs that are not inactive; null if inactive or unknown. */
export async function loadActor(db: Db, userId: string): Promise<Actor> {
	const [row] = await db.select(actorColumns).from(users).where(eq(users.id, userId)).limit(1);
	return actorOf(row);
}

/** Resolves a session token (cookie or bearer) to its actor; expired or unknown → null. */
export async function findActorBySessionToken(db: Db, token: string, now = new Date()) {
	const [row] = await db
		.select(actorColumns)
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, now)))
		.limit(1);
	return actorOf(row);
}

/** Counts failed logins since `since` for an email and for an IP. */
export async function countRecentFailures(db: Db, email: string, ip: string, since: Date) {
	const [row] = await db
		.select({
			byEmail: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email})::int`,
			byIp: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip})::int`,
		})
		.from(loginAttempts)
		.where(
			and(
				gt(loginAttempts.createdAt, since),
				eq(loginAttempts.succeeded, false),
				sql`(${loginAttempts.email} = ${email} or ${loginAttempts.ip} = ${ip})`
			)
		);
	return { byEmail: row?.byEmail ?? 0, byIp: row?.byIp ?? 0 };
}
