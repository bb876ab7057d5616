import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { anyOf } from '../db/sql';
import { appState, regions } from '../db/schema';
import { invalid } from '../errors';
import { m } from '../../paraglide/messages.js';
import { VILLAGE_LEVELS, type RegionLevel } from './regions.rules';
import type { RegionRow } from './region-source';

export type Region = typeof regions.$inferSelect;

/** Regions by level and/or parent, ordered by code. `kelurahan` includes desa. */
export async function listRegions(db: Db, filter: { level?: RegionLevel; parent?: string } = {}) {
	const conds = [];
	if (filter.level) {
		conds.push(filter.level === 'kelurahan' ? inArray(regions.level, VILLAGE_LEVELS) : eq(regions.level, filter.level));
	}
	if (filter.parent) conds.push(eq(regions.parentCode, filter.parent));
	return db.select().from(regions).where(and(...conds)).orderBy(asc(regions.code));
}

export async function findRegion(db: Db, code: string) {
	const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
	return row;
}

/** Throws INVALID on `field` unless `code` is a loaded kelurahan/desa. */
export async function assertKelurahan(db: Db, code: string, field: string) {
	const region = await findRegion(db, code);
	if (!region || !VILLAGE_LEVELS.includes(region.level as RegionLevel)) {
		throw invalid([{ path: field, message: m.err_kelurahan_unknown() }]);
	}
	return region;
}

/** Inserts regions, leaving existing rows (and their edited population) untouched. */
export async function insertRegions(db: Db, rows: RegionRow[]) {
	for (let i = 0; i < rows.length; i += 500) {
		await db.insert(regions).values(rows.slice(i, i + 500)).onConflictDoNothing();
	}
}

/** Code → name for the given codes (for presenting lists). */
export async function regionNames(db: Db, codes: string[]) {
	const unique = [...new Set(codes.filter(Boolean))];
	if (unique.length === 0) return new Map<string, string>();
	const rows = await db.select({ code: regions.code, name: regions.name }).from(regions).where(anyOf(regions.code, unique));
	return new Map(rows.map((r) => [r.code, r.name]));
}

export async function countRegions(db: Db) {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
	return row.n;
}

/** The kota/kabupaten this installation serves. */
export async function homeRegion(db: Db): Promise<string> {
	const [row] = await db.select().from(appState).where(eq(appState.key, 'home_region'));
	return (row?.value as string) ?? '33.71';
}
