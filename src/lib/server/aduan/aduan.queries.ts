import { and, asc, desc, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { aduan, aduanCategories, aduanCounters, aduanEvents, aduanFiles, appState, auditLog, holidays, kimMembers, kims, regions, unitMembers, units, users } from '../db/schema';

export type Aduan = typeof aduan.$inferSelect;
export type NewAduan = typeof aduan.$inferInsert;
export type AduanEvent = typeof aduanEvents.$inferSelect;
export type AduanCategory = typeof aduanCategories.$inferSelect;

/** The days off of the service-level clock (`YYYY-MM-DD`), from the admin-editable table. */
export async function loadHolidaySet(db: Db): Promise<Set<string>> {
	const rows = await db.select({ day: holidays.day }).from(holidays).where(eq(holidays.isOff, true));
	return new Set(rows.map((r) => String(r.day).slice(0, 10)));
}

/** The home region's code (app_state), `33.71` before initialisation. */
export async function findHomeRegion(db: Db): Promise<string> {
	const [row] = await db.select().from(appState).where(eq(appState.key, 'home_region'));
	return (row?.value as string) ?? '33.71';
}

/** Takes the next number of the year's tracking-id sequence (one atomic upsert). */
export async function nextTrackingSeq(db: Db, year: number): Promise<number> {
	const [row] = await db
		.insert(aduanCounters)
		.values({ year, last: 1 })
		.onConflictDoUpdate({ target: aduanCounters.year, set: { last: sql`${aduanCounters.last} + 1` } })
		.returning({ last: aduanCounters.last });
	return row.last;
}

export async function findCategory(db: Db, code: string) {
	const [row] = await db.select().from(aduanCategories).where(eq(aduanCategories.code, code)).limit(1);
	return row;
}

/** Active categories with their unit's name, in display order. */
export async function listActiveCategories(db: Db) {
	return db
		.select({ code: aduanCategories.code, name: aduanCategories.name, description: aduanCategories.description, groupName: aduanCategories.groupName, unitCode: aduanCategories.unitCode, unitName: units.name })
		.from(aduanCategories)
		.innerJoin(units, eq(units.code, aduanCategories.unitCode))
		.where(eq(aduanCategories.isActive, true))
		.orderBy(asc(aduanCategories.position), asc(aduanCategories.name));
}

export async function findAduanByTracking(db: Db, trackingId: string) {
	const [row] = await db.select().from(aduan).where(eq(aduan.trackingId, trackingId)).limit(1);
	return row;
}

export async function findAduanById(db: Db, id: string) {
	const [row] = await db.select().from(aduan).where(eq(aduan.id, id)).limit(1);
	return row;
}

/** Locks an aduan for the rest of the transaction. */
export async function lockAduanByTracking(tx: Db, trackingId: string) {
	const [row] = await tx.select().from(aduan).where(eq(aduan.trackingId, trackingId)).for('update').limit(1);
	return row;
}

/** The aduan a filer sent earlier with this Idempotency-Key (by reporter, or by the assisting member). */
export async function findAduanByKey(db: Db, userId: string, key: string) {
	const [row] = await db.select().from(aduan).where(and(eq(aduan.reporterId, userId), eq(aduan.idempotencyKey, key))).limit(1);
	if (row) return row;
	const [assisted] = await db
		.select()
		.from(aduan)
		.where(and(eq(aduan.assistedBy, userId), sql`${aduan.reporterId} is null`, eq(aduan.idempotencyKey, key)))
		.limit(1);
	return assisted;
}

/**
 * Inserts an aduan; with an idempotency key an earlier insert of the same (reporter, key) wins
 * and this returns undefined.
 */
export async function insertAduan(db: Db, values: NewAduan): Promise<Aduan | undefined> {
	const [row] = await db.insert(aduan).values(values).onConflictDoNothing().returning();
	return row;
}

export async function insertAduanEvent(db: Db, values: typeof aduanEvents.$inferInsert) {
	const [row] = await db.insert(aduanEvents).values(values).returning();
	return row;
}

/** Status changes (public history), oldest first. */
export async function listStatusEvents(db: Db, aduanId: string) {
	return db
		.select({ toStatus: aduanEvents.toStatus, fromStatus: aduanEvents.fromStatus, createdAt: aduanEvents.createdAt, body: aduanEvents.body })
		.from(aduanEvents)
		.where(and(eq(aduanEvents.aduanId, aduanId), eq(aduanEvents.kind, 'status'), eq(aduanEvents.isInternal, false)))
		.orderBy(asc(aduanEvents.id));
}

export async function insertAduanFiles(db: Db, rows: { aduanId: string; fileId: string; position: number; eventId?: number | null }[]) {
	if (rows.length) await db.insert(aduanFiles).values(rows);
}

/** Photo file ids attached at filing (not with a message), in order. */
export async function listFilingPhotoIds(db: Db, aduanId: string) {
	const rows = await db
		.select({ fileId: aduanFiles.fileId })
		.from(aduanFiles)
		.where(and(eq(aduanFiles.aduanId, aduanId), sql`${aduanFiles.eventId} is null`))
		.orderBy(asc(aduanFiles.position));
	return rows.map((r) => r.fileId);
}

export async function countAduanFiles(db: Db, aduanId: string) {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(aduanFiles).where(eq(aduanFiles.aduanId, aduanId));
	return row.n;
}

/** The aduan a file belongs to, if it is an aduan photo. */
export async function findAduanOfFile(db: Db, fileId: string) {
	const [row] = await db.select({ aduan }).from(aduanFiles).innerJoin(aduan, eq(aduan.id, aduanFiles.aduanId)).where(eq(aduanFiles.fileId, fileId)).limit(1);
	return row?.aduan;
}

/** The user ids who verify new aduan: members of `agencyUnit` and every active petugas. */
export async function listVerifierIds(db: Db, agencyUnit: string) {
	const members = await db.select({ id: unitMembers.userId }).from(unitMembers).where(eq(unitMembers.unitCode, agencyUnit));
	const petugas = await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'petugas'), eq(users.isActive, true)));
	return { unitMemberIds: members.map((r) => r.id), petugasIds: petugas.map((r) => r.id) };
}

/** Names for a page: category, unit, kelurahan. */
export async function aduanLabels(db: Db, a: Pick<Aduan, 'categoryCode' | 'unitCode' | 'kelurahanCode'>) {
	const [cat] = await db.select({ name: aduanCategories.name }).from(aduanCategories).where(eq(aduanCategories.code, a.categoryCode));
	const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.code, a.unitCode));
	const [kel] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, a.kelurahanCode));
	return { categoryName: cat?.name ?? a.categoryCode, unitName: unit?.name ?? a.unitCode, kelurahanName: kel?.name ?? a.kelurahanCode };
}

/** The user's own aduan and those they filed for others, newest first (scoped by the user). */
export async function listMyAduan(db: Db, userId: string, limit = 100) {
	return db
		.select({
			aduan,
			categoryName: aduanCategories.name,
			kelurahanName: regions.name
		})
		.from(aduan)
		.innerJoin(aduanCategories, eq(aduanCategories.code, aduan.categoryCode))
		.leftJoin(regions, eq(regions.code, aduan.kelurahanCode))
		.where(or(eq(aduan.reporterId, userId), eq(aduan.assistedBy, userId)))
		.orderBy(desc(aduan.createdAt))
		.limit(limit);
}

/** The person behind an aduan, for those who may see them. */
export async function findReporter(db: Db, userId: string | null) {
	if (!userId) return undefined;
	const [row] = await db.select({ id: users.id, name: users.name, email: users.email, phone: users.phone }).from(users).where(eq(users.id, userId));
	return row;
}

/** Failed claim attempts recorded for an aduan after `since` (audit rows), by one claimant when `actorId` is given. */
export async function countFailedClaims(db: Db, aduanId: string, since: Date, actorId?: string) {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(auditLog)
		.where(and(
			eq(auditLog.entityType, 'aduan'),
			eq(auditLog.entityId, aduanId),
			eq(auditLog.action, 'aduan.claim_failed'),
			gt(auditLog.createdAt, since),
			actorId ? eq(auditLog.actorId, actorId) : undefined
		));
	return row.n;
}

/** Records a wrong claim code (the audit row the limits count), at `at`. */
export async function recordFailedClaim(db: Db, actor: { userId: string; email: string }, aduanId: string, at: Date) {
	await db.insert(auditLog).values({ actorId: actor.userId, actorLabel: actor.email, action: 'aduan.claim_failed', entityType: 'aduan', entityId: aduanId, createdAt: at });
}

/** Whether the user is a member (any position) of a verified KIM. */
export async function isVerifiedKimMember(db: Db, userId: string) {
	const [row] = await db
		.select({ ok: sql<number>`1` })
		.from(kimMembers)
		.innerJoin(kims, eq(kims.id, kimMembers.kimId))
		.where(and(eq(kimMembers.userId, userId), eq(kims.status, 'verified')))
		.limit(1);
	return !!row;
}

/** The kelurahan a user gave at registration (to preselect on the form), if any. */
export async function findUserKelurahan(db: Db, userId: string) {
	const [row] = await db.select({ code: users.kelurahanCode }).from(users).where(eq(users.id, userId));
	return row?.code ?? null;
}
