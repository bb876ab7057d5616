/** Queries of aduan handling. Reads for staff are scoped by `boardScope` (the actor's units). */
import { and, asc, eq, inArray, isNotNull, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { aduan, aduanCategories, aduanEvents, aduanFiles, files, holidays, regions, unitMembers, units, users } from '../db/schema';
import type { HolidaySet } from './aduan.rules';

export type Aduan = typeof aduan.$inferSelect;
export type AduanEvent = typeof aduanEvents.$inferSelect;

export async function findAduanById(db: Db, id: string) {
	const [row] = await db.select().from(aduan).where(eq(aduan.id, id)).limit(1);
	return row;
}

export async function findAduanByTracking(db: Db, trackingId: string) {
	const [row] = await db.select().from(aduan).where(eq(aduan.trackingId, trackingId)).limit(1);
	return row;
}

/** Locks the aduan row for the rest of the transaction (transitions serialise on it). */
export async function lockAduan(tx: Db, id: string) {
	const [row] = await tx.select().from(aduan).where(eq(aduan.id, id)).for('update').limit(1);
	return row;
}

/** Days off (holidays with is_off) as a set of `YYYY-MM-DD`. */
export async function loadHolidaySet(db: Db): Promise<HolidaySet> {
	const rows = await db.select({ day: holidays.day }).from(holidays).where(eq(holidays.isOff, true));
	return new Set(rows.map((r) => r.day));
}

export async function findUnit(db: Db, code: string) {
	const [row] = await db.select().from(units).where(eq(units.code, code)).limit(1);
	return row;
}

export async function listUnits(db: Db, activeOnly = true) {
	return db.select().from(units).where(activeOnly ? eq(units.isActive, true) : undefined).orderBy(asc(units.name));
}

/** Staff of a unit (supervisors only with `supervisorsOnly`), active accounts. */
export async function listUnitStaffIds(db: Db, unitCode: string, supervisorsOnly = false) {
	const rows = await db
		.select({ id: unitMembers.userId })
		.from(unitMembers)
		.innerJoin(users, eq(users.id, unitMembers.userId))
		.where(and(eq(unitMembers.unitCode, unitCode), eq(users.isActive, true), supervisorsOnly ? eq(unitMembers.isSupervisor, true) : undefined));
	return rows.map((r) => r.id);
}

/** The agency's petugas (active accounts with the petugas role). */
export async function listPetugasIds(db: Db) {
	const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'petugas'), eq(users.isActive, true)));
	return rows.map((r) => r.id);
}

export async function insertEvent(db: Db, values: typeof aduanEvents.$inferInsert) {
	const [row] = await db.insert(aduanEvents).values(values).returning();
	return row;
}

/** The thread, oldest first, with the authors' names; internal notes only when `withInternal`. */
export async function listEvents(db: Db, aduanId: string, withInternal: boolean) {
	return db
		.select({ event: aduanEvents, authorName: users.name })
		.from(aduanEvents)
		.leftJoin(users, eq(users.id, aduanEvents.authorId))
		.where(and(eq(aduanEvents.aduanId, aduanId), withInternal ? undefined : eq(aduanEvents.isInternal, false)))
		.orderBy(asc(aduanEvents.id));
}

/** The aduan's photos (filed with it or with a message). */
export async function listAduanPhotos(db: Db, aduanId: string) {
	return db
		.select({ id: files.id, mime: files.mime })
		.from(aduanFiles)
		.innerJoin(files, eq(files.id, aduanFiles.fileId))
		.where(eq(aduanFiles.aduanId, aduanId))
		.orderBy(asc(aduanFiles.position));
}

/** Names shown with an aduan: category, units, kelurahan and the reporter. */
export async function findAduanNames(db: Db, a: Aduan) {
	const [cat] = await db.select({ name: aduanCategories.name, unitCode: aduanCategories.unitCode }).from(aduanCategories).where(eq(aduanCategories.code, a.categoryCode));
	const [unit] = await db.select({ name: units.name, shortName: units.shortName }).from(units).where(eq(units.code, a.unitCode));
	const [kel] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, a.kelurahanCode));
	const [reporter] = a.reporterId
		? await db.select({ name: users.name, email: users.email, phone: users.phone }).from(users).where(eq(users.id, a.reporterId))
		: [];
	return { category: cat, unit, kelurahan: kel?.name ?? a.kelurahanCode, reporter };
}

/**
 * Aduan on the staff board: open ones (not closed or rejected) plus, when a status is asked
 * for, that status. `scope` = 'all' (the agency) or the actor's units (forwarded aduan only).
 */
export async function listBoardRows(db: Db, scope: 'all' | string[], f: { unit?: string; status?: string; category?: string; kelurahan?: string }, limit = 500) {
	const where: (SQL | undefined)[] = [];
	if (scope !== 'all') {
		if (!scope.length) return [];
		where.push(inArray(aduan.unitCode, scope), isNotNull(aduan.verifiedAt));
	}
	if (f.unit) where.push(eq(aduan.unitCode, f.unit));
	if (f.status) where.push(eq(aduan.status, f.status as Aduan['status']));
	else where.push(notInArray(aduan.status, ['closed', 'rejected']));
	if (f.category) where.push(eq(aduan.categoryCode, f.category));
	if (f.kelurahan) where.push(eq(aduan.kelurahanCode, f.kelurahan));
	return db
		.select({
			aduan,
			categoryName: aduanCategories.name,
			unitShortName: units.shortName,
			kelurahanName: regions.name
		})
		.from(aduan)
		.innerJoin(aduanCategories, eq(aduanCategories.code, aduan.categoryCode))
		.innerJoin(units, eq(units.code, aduan.unitCode))
		.leftJoin(regions, eq(regions.code, aduan.kelurahanCode))
		.where(and(...where))
		.orderBy(asc(aduan.createdAt))
		.limit(limit);
}

export async function listCategories(db: Db) {
	return db.select({ code: aduanCategories.code, name: aduanCategories.name, unitCode: aduanCategories.unitCode }).from(aduanCategories).orderBy(asc(aduanCategories.position), asc(aduanCategories.name));
}

/** Kelurahan that have aduan (for the board's filter). */
export async function listAduanKelurahan(db: Db) {
	return db
		.selectDistinct({ code: regions.code, name: regions.name })
		.from(aduan)
		.innerJoin(regions, eq(regions.code, aduan.kelurahanCode))
		.orderBy(asc(regions.name));
}

// --- Holidays ---

export async function listHolidays(db: Db, year?: number) {
	return db
		.select({ day: holidays.day, name: holidays.name, kind: holidays.kind, isOff: holidays.isOff, source: holidays.source, updatedAt: holidays.updatedAt })
		.from(holidays)
		.where(year ? and(sql`${holidays.day} >= ${`${year}-01-01`}::date`, sql`${holidays.day} <= ${`${year}-12-31`}::date`) : undefined)
		.orderBy(asc(holidays.day));
}

export async function findHoliday(db: Db, day: string) {
	const [row] = await db.select().from(holidays).where(eq(holidays.day, day)).limit(1);
	return row;
}

// --- Unit members ---

export async function listUnitMembers(db: Db, unitCode?: string) {
	return db
		.select({ unitCode: unitMembers.unitCode, userId: users.id, name: users.name, email: users.email, isSupervisor: unitMembers.isSupervisor })
		.from(unitMembers)
		.innerJoin(users, eq(users.id, unitMembers.userId))
		.where(unitCode ? eq(unitMembers.unitCode, unitCode) : undefined)
		.orderBy(asc(unitMembers.unitCode), asc(users.name));
}

export async function findUserByEmail(db: Db, email: string) {
	const [row] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
	return row;
}

