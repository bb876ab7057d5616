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

/** Builds the actor for a user id, with their positions in KIMs that are not inactive. */
export async function loadActor(db: Db, userId: string): Promise<Actor> {
	const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
	if (!user || !user.isActive) return null;
	const memberships = await db
		.select({ kimId: kimMembers.kimId, position: kimMembers.position })
		.from(kimMembers)
		.innerJoin(kims, eq(kims.id, kimMembers.kimId))
		.where(and(eq(kimMembers.userId, userId), sql`${kims.status} <> 'inactive'`));
	const unitRoles = await db
		.select({ unitCode: unitMembers.unitCode, isSupervisor: unitMembers.isSupervisor })
		.from(unitMembers)
		.innerJoin(units, eq(units.code, unitMembers.unitCode))
		.where(and(eq(unitMembers.userId, userId), eq(units.isActive, true)));
	return { userId: user.id, email: user.email, name: user.name, role: user.role, kims: memberships, units: unitRoles };
}

/** Resolves a session token (cookie or bearer) to its actor; expired or unknown → null. */
export async function findActorBySessionToken(db: Db, token: string, now = new Date()) {
	const [session] = await db
		.select({ userId: sessions.userId })
		.from(sessions)
		.where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, now)))
		.limit(1);
	return session ? loadActor(db, session.userId) : null;
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
