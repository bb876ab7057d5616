import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { aduan, aduanCategories, apiKeys, regions, units } from '../db/schema';
import type { AduanStatus } from '../aduan/aduan.rules';

/** Active categories (the Open311 services), in the order residents see them. */
export async function listServiceCategories(db: Db) {
	return db
		.select({ code: aduanCategories.code, name: aduanCategories.name, description: aduanCategories.description, groupName: aduanCategories.groupName, keywords: aduanCategories.keywords })
		.from(aduanCategories)
		.where(eq(aduanCategories.isActive, true))
		.orderBy(asc(aduanCategories.position), asc(aduanCategories.name));
}

/** An active category by code, or undefined. */
export async function findServiceCategory(db: Db, code: string) {
	const [row] = await db
		.select({ code: aduanCategories.code, name: aduanCategories.name, unitCode: aduanCategories.unitCode })
		.from(aduanCategories)
		.where(and(eq(aduanCategories.code, code), eq(aduanCategories.isActive, true)))
		.limit(1);
	return row;
}

/** The kelurahan (and desa) of a kota/kabupaten: codes `33.71.xx.xxxx`. */
export async function listCityKelurahan(db: Db, cityCode: string) {
	return db
		.select({ code: regions.code, name: regions.name })
		.from(regions)
		.where(and(inArray(regions.level, ['kelurahan', 'desa']), sql`${regions.code} like ${`${cityCode}.%`}`));
}

/**
 * The columns Open311 may show — deliberately no reporter, assistant, contact or claim column,
 * and no thread text (reporters' and staff notes), so no query here can leak them. Confidential aduan are excluded by every query below.
 */
const requestColumns = {
	id: aduan.id,
	trackingId: aduan.trackingId,
	status: aduan.status,
	privacy: aduan.privacy,
	categoryCode: aduan.categoryCode,
	categoryName: aduanCategories.name,
	title: aduan.title,
	description: aduan.description,
	unitName: units.name,
	kelurahanName: regions.name,
	lat: aduan.lat,
	lng: aduan.lng,
	verifyBy: aduan.verifyBy,
	planBy: aduan.planBy,
	planPostedAt: aduan.planPostedAt,
	autoCloseAt: aduan.autoCloseAt,
	rejectReason: aduan.rejectReason,
	createdAt: aduan.createdAt,
	updatedAt: aduan.updatedAt
};

const notConfidential = ne(aduan.privacy, 'confidential');

function selectRequests(db: Db) {
	return db
		.select(requestColumns)
		.from(aduan)
		.innerJoin(aduanCategories, eq(aduanCategories.code, aduan.categoryCode))
		.innerJoin(units, eq(units.code, aduan.unitCode))
		.leftJoin(regions, eq(regions.code, aduan.kelurahanCode));
}
export type RequestRow = Awaited<ReturnType<typeof findRequestsByTrackingIds>>[number];

/** Non-confidential aduan by tracking id (unknown ids are left out), newest first. */
export async function findRequestsByTrackingIds(db: Db, trackingIds: string[]) {
	if (!trackingIds.length) return [];
	return selectRequests(db)
		.where(and(notConfidential, inArray(aduan.trackingId, trackingIds)))
		.orderBy(desc(aduan.createdAt), desc(aduan.trackingId));
}

/** Non-confidential aduan filed in [start, end], optionally of these categories and statuses, newest first. */
export async function listRequestRows(db: Db, f: { serviceCodes: string[]; statuses: AduanStatus[]; start: Date; end: Date; limit: number }) {
	return selectRequests(db)
		.where(and(
			notConfidential,
			gte(aduan.createdAt, f.start),
			lte(aduan.createdAt, f.end),
			f.serviceCodes.length ? inArray(aduan.categoryCode, f.serviceCodes) : undefined,
			f.statuses.length ? inArray(aduan.status, f.statuses) : undefined
		))
		.orderBy(desc(aduan.createdAt), desc(aduan.trackingId))
		.limit(f.limit);
}

/** The tracking id behind an Open311 token, unless the aduan is confidential. */
export async function findTrackingIdByToken(db: Db, token: string) {
	const [row] = await db
		.select({ trackingId: aduan.trackingId })
		.from(aduan)
		.where(and(notConfidential, eq(aduan.open311Token, token)))
		.limit(1);
	return row?.trackingId;
}

// --- API keys ---

export type ApiKey = typeof apiKeys.$inferSelect;

/** A key that is not revoked, by the SHA-256 of its secret. */
export async function findLiveApiKeyByHash(db: Db, keyHash: string) {
	const [row] = await db.select().from(apiKeys).where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt))).limit(1);
	return row;
}

export async function findApiKey(db: Db, id: string) {
	const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id)).limit(1);
	return row;
}

export async function insertApiKey(db: Db, values: typeof apiKeys.$inferInsert) {
	const [row] = await db.insert(apiKeys).values(values).returning();
	return row;
}

/** Every key, live ones first, newest first. */
export async function listApiKeyRows(db: Db) {
	return db.select().from(apiKeys).orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt));
}

export async function markApiKeyRevoked(db: Db, id: string, at: Date) {
	const [row] = await db.update(apiKeys).set({ revokedAt: at }).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt))).returning();
	return row;
}

/** Notes the key's use, at most once a minute (no write per request under load). */
export async function touchApiKey(db: Db, id: string, at: Date) {
	await db
		.update(apiKeys)
		.set({ lastUsedAt: at })
		.where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), sql`${apiKeys.lastUsedAt} < ${new Date(at.getTime() - 60_000).toISOString()}::timestamptz`)));
}
