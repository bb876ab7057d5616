import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { kimMembers, kims, regions, users } from '../db/schema';

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
