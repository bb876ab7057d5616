import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { kimMembers, kims, regions, users } from '../db/schema';
import type { KimPosition, KimStatus } from '../../shared/roles';
import { canListAllKims } from './kims.policy';
import type { Actor } from '../auth/actor';

export type Kim = typeof kims.$inferSelect;
export type KimMember = { userId: string; name: string; email: string; position: KimPosition; joinedAt: Date; hasPassword: boolean };

const memberCount = sql<number>`(select count(*)::int from ${kimMembers} where ${kimMembers.kimId} = ${kims.id})`.as('member_count');
const kelurahan = alias(regions, 'kelurahan');
const kecamatan = alias(regions, 'kecamatan');

/**
 * The KIMs an actor may see in lists: staff all, others verified ones plus those they belong
 * to. Applied in the query so a forgotten policy check still shows nothing more.
 */
export function visibleTo(actor: Actor): SQL | undefined {
	if (canListAllKims(actor)) return undefined;
	const own = actor?.kims.map((k) => k.kimId) ?? [];
	return own.length ? or(eq(kims.status, 'verified'), inArray(kims.id, own)) : eq(kims.status, 'verified');
}

/** A KIM by id or undefined. */
export async function findKimById(db: Db, id: string) {
	const [row] = await db.select().from(kims).where(eq(kims.id, id)).limit(1);
	return row;
}

export async function findKimBySlug(db: Db, slug: string) {
	const [row] = await db.select().from(kims).where(eq(kims.slug, slug)).limit(1);
	return row;
}

/** Locks the KIM row for the rest of the transaction (serialises changes of one KIM). */
export async function lockKim(tx: Db, by: { id: string }) {
	const [row] = await tx.select().from(kims).where(eq(kims.id, by.id)).limit(1).for('update');
	return row;
}

export type KimFilter = { kelurahan?: string; kecamatan?: string; status?: KimStatus };

/** KIMs with member counts and region names, scoped to what `actor` may see. */
export async function listKims(db: Db, actor: Actor, filter: KimFilter = {}) {
	const conds = [visibleTo(actor)];
	if (filter.kelurahan) conds.push(eq(kims.kelurahanCode, filter.kelurahan));
	if (filter.kecamatan) conds.push(eq(kims.kecamatanCode, filter.kecamatan));
	if (filter.status) conds.push(eq(kims.status, filter.status));
	return db
		.select({
			id: kims.id,
			slug: kims.slug,
			name: kims.name,
			kelurahanCode: kims.kelurahanCode,
			kecamatanCode: kims.kecamatanCode,
			kelurahanName: kelurahan.name,
			kecamatanName: kecamatan.name,
			status: kims.status,
			statusReason: kims.statusReason,
			focus: kims.focus,
			termEndsOn: kims.termEndsOn,
			skFileId: kims.skFileId,
			logoFileId: kims.logoFileId,
			verifiedAt: kims.verifiedAt,
			createdAt: kims.createdAt,
			memberCount
		})
		.from(kims)
		.leftJoin(kelurahan, eq(kelurahan.code, kims.kelurahanCode))
		.leftJoin(kecamatan, eq(kecamatan.code, kims.kecamatanCode))
		.where(and(...conds))
		.orderBy(asc(kims.name));
}
export type KimListRow = Awaited<ReturnType<typeof listKims>>[number];

export async function countMembers(db: Db, kimId: string) {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(kimMembers).where(eq(kimMembers.kimId, kimId));
	return row.n;
}

/** Members with their accounts, board first (ketua, sekretaris, bendahara, seksi, anggota), then by name. */
export async function listMembers(db: Db, kimId: string): Promise<KimMember[]> {
	return db
		.select({
			userId: kimMembers.userId,
			name: users.name,
			email: users.email,
			position: kimMembers.position,
			joinedAt: kimMembers.joinedAt,
			hasPassword: sql<boolean>`${users.passwordHash} is not null`
		})
		.from(kimMembers)
		.innerJoin(users, eq(users.id, kimMembers.userId))
		.where(eq(kimMembers.kimId, kimId))
		.orderBy(
			sql`array_position(array['ketua','sekretaris','bendahara','seksi','anggota'], ${kimMembers.position}::text)`,
			asc(users.name)
		);
}

export async function findMember(db: Db, kimId: string, userId: string) {
	const [row] = await db
		.select()
		.from(kimMembers)
		.where(and(eq(kimMembers.kimId, kimId), eq(kimMembers.userId, userId)))
		.limit(1);
	return row;
}

/** `base`, or `base-2`, `base-3` … whichever is free. */
export async function uniqueSlug(db: Db, base: string) {
	const rows = await db
		.select({ slug: kims.slug })
		.from(kims)
		.where(or(eq(kims.slug, base), sql`${kims.slug} like ${base + '-%'}`));
	const taken = new Set(rows.map((r) => r.slug));
	if (!taken.has(base)) return base;
	for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export async function insertKim(db: Db, values: typeof kims.$inferInsert) {
	const [row] = await db.insert(kims).values(values).returning();
	return row;
}

/** Whether `err` (possibly wrapped by Drizzle) is a unique violation (23505) of the index `constraint`. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
	for (let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
		if (e.code === '23505') return e.constraint === constraint;
	}
	return false;
}

/**
 * Inserts a KIM under the slug `base` or the first free `base-N`. Another registration of the
 * same name may take that slug between the look-up and the insert; the unique index then refuses
 * the row (23505) and the next free slug is tried, up to `attempts` times in all. Each try runs in
 * a savepoint so the caller's transaction survives a refused one. `pick` is for tests.
 */
export async function insertKimWithSlug(
	tx: Db,
	base: string,
	values: Omit<typeof kims.$inferInsert, 'slug'>,
	{ attempts = 3, pick = uniqueSlug }: { attempts?: number; pick?: (db: Db, base: string) => Promise<string> } = {}
) {
	for (let attempt = 1; ; attempt++) {
		const slug = await pick(tx, base);
		try {
			return await tx.transaction((sp) => insertKim(sp, { ...values, slug }));
		} catch (err) {
			if (attempt >= attempts || !isUniqueViolation(err, 'kims_slug_key')) throw err;
		}
	}
}

export async function updateKimRow(db: Db, id: string, values: Partial<typeof kims.$inferInsert>) {
	const [row] = await db.update(kims).set(values).where(eq(kims.id, id)).returning();
	return row;
}

export async function insertMember(db: Db, kimId: string, userId: string, position: KimPosition) {
	const [row] = await db.insert(kimMembers).values({ kimId, userId, position }).returning();
	return row;
}

export async function updateMemberPosition(db: Db, kimId: string, userId: string, position: KimPosition) {
	const [row] = await db
		.update(kimMembers)
		.set({ position })
		.where(and(eq(kimMembers.kimId, kimId), eq(kimMembers.userId, userId)))
		.returning();
	return row;
}

export async function deleteMember(db: Db, kimId: string, userId: string) {
	const [row] = await db
		.delete(kimMembers)
		.where(and(eq(kimMembers.kimId, kimId), eq(kimMembers.userId, userId)))
		.returning();
	return row;
}

/** Region names for one KIM (kelurahan may be null for a kecamatan-level KIM). */
export async function kimRegionNames(db: Db, kim: Pick<Kim, 'kelurahanCode' | 'kecamatanCode'>) {
	const codes = [kim.kecamatanCode, ...(kim.kelurahanCode ? [kim.kelurahanCode] : [])];
	const rows = await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes));
	const names = new Map(rows.map((r) => [r.code, r.name]));
	return { kelurahanName: kim.kelurahanCode ? (names.get(kim.kelurahanCode) ?? null) : null, kecamatanName: names.get(kim.kecamatanCode) ?? null };
}

/** An account created for a new member or ketua: no password until they open the invite link. */
export async function insertInvitedUser(db: Db, values: { email: string; name: string }) {
	const [row] = await db.insert(users).values({ email: values.email, name: values.name, passwordHash: null }).returning();
	return row;
}
