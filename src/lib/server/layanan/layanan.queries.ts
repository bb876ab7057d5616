/**
 * Queries of the public-service directory. Reads take a scope (`published` for the public, `all`
 * for staff, from layanan.policy) so a forgotten check still hides drafts.
 *
 * Search works like the post search (posts.search.ts): the `indonesian` full-text config stems
 * words ("kependudukan" and "penduduk" meet), and pg_trgm word similarity on the name catches
 * typos ("akte kelahrian"). The tables are small (a city's directory), so the looser similarity
 * threshold on the name is checked without an index.
 */
import { and, asc, eq, getTableColumns, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { emergencyNumbers, facilities, publicServices, regions, units } from '../db/schema';
import { kecamatanOf, type FacilityKind } from './layanan.rules';
import { isUuid } from '../../shared/slug';

export type ServiceRow = typeof publicServices.$inferSelect;
export type NewService = Omit<typeof publicServices.$inferInsert, 'id' | 'searchVector'>;
export type FacilityRow = typeof facilities.$inferSelect;
export type NewFacility = Omit<typeof facilities.$inferInsert, 'id'>;
export type EmergencyRow = typeof emergencyNumbers.$inferSelect;
export type Scope = 'all' | 'published';

/** Word similarity a typo'd query must reach on a name (pg_trgm's own default is 0.6). */
export const NAME_SIMILARITY = 0.45;

const { searchVector: _sv, ...serviceColumns } = getTableColumns(publicServices);
void _sv;
const serviceSelect = { ...serviceColumns, unitName: units.name, unitShortName: units.shortName };
export type ServiceWithUnit = Omit<ServiceRow, 'searchVector'> & { unitName: string; unitShortName: string };

/** Published services (or all for staff) matching the filter; best match first when searching, else by name. */
export async function searchServices(
	db: Db,
	scope: Scope,
	filter: { q?: string; category?: string; kelurahanCode?: string },
	limit = 100
): Promise<ServiceWithUnit[]> {
	const conds: (SQL | undefined)[] = [];
	if (scope === 'published') conds.push(eq(publicServices.isPublished, true));
	if (filter.category) conds.push(eq(publicServices.category, filter.category));
	if (filter.kelurahanCode) {
		conds.push(sql`(cardinality(${publicServices.kelurahanCodes}) = 0 or ${filter.kelurahanCode} = any(${publicServices.kelurahanCodes}))`);
	}
	const q = filter.q?.trim();
	let score: SQL | undefined;
	if (q) {
		const tsq = sql`websearch_to_tsquery('indonesian', ${q})`;
		conds.push(sql`(${publicServices.searchVector} @@ ${tsq} or word_similarity(${q}, ${publicServices.name}) >= ${NAME_SIMILARITY} or word_similarity(${q}, ${publicServices.description}) >= 0.6)`);
		score = sql`(ts_rank_cd(${publicServices.searchVector}, ${tsq}) + 0.5 * word_similarity(${q}, ${publicServices.name}) + 0.2 * word_similarity(${q}, ${publicServices.description})) desc`;
	}
	return db
		.select(serviceSelect)
		.from(publicServices)
		.innerJoin(units, eq(units.code, publicServices.unitCode))
		.where(and(...conds))
		.orderBy(...(score ? [score] : []), asc(publicServices.name))
		.limit(limit);
}

/** A service by id (a UUID-shaped ref) or slug (any other), with its unit's names (any publication state: the caller checks). */
export async function findService(db: Db, ref: string): Promise<ServiceWithUnit | undefined> {
	const [row] = await db
		.select(serviceSelect)
		.from(publicServices)
		.innerJoin(units, eq(units.code, publicServices.unitCode))
		.where(isUuid(ref) ? eq(publicServices.id, ref) : eq(publicServices.slug, ref))
		.limit(1);
	return row;
}

/** Locks a service row for the rest of the transaction. */
export async function lockService(tx: Db, id: string): Promise<ServiceRow | undefined> {
	const [row] = await tx.select().from(publicServices).where(eq(publicServices.id, id)).for('update');
	return row;
}

export async function insertService(tx: Db, row: NewService): Promise<ServiceRow> {
	const [created] = await tx.insert(publicServices).values(row).returning();
	return created;
}

export async function updateServiceRow(tx: Db, id: string, patch: Partial<NewService>): Promise<ServiceRow> {
	const [row] = await tx.update(publicServices).set(patch).where(eq(publicServices.id, id)).returning();
	return row;
}

export async function deleteServiceRow(tx: Db, id: string) {
	await tx.delete(publicServices).where(eq(publicServices.id, id));
}

/** Slugs in `table` equal to `base` or `base-N` (to pick a free one). */
export async function takenSlugs(db: Db, table: 'services' | 'facilities', base: string, exceptId?: string): Promise<string[]> {
	const t = table === 'services' ? publicServices : facilities;
	const rows = await db
		.select({ slug: t.slug, id: t.id })
		.from(t)
		.where(or(eq(t.slug, base), like(t.slug, `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`)));
	return rows.filter((r) => r.id !== exceptId).map((r) => r.slug);
}

const facilitySelect = { ...getTableColumns(facilities), kelurahanName: regions.name };
export type FacilityWithPlace = FacilityRow & { kelurahanName: string };

/**
 * Published facilities (or all for staff) matching the filter. With a kelurahan: the ones in it
 * first, then the rest of its kecamatan ("near"). Searching orders by match, else by name.
 */
export async function searchFacilities(
	db: Db,
	scope: Scope,
	filter: { q?: string; kind?: string; kelurahanCode?: string },
	limit = 300
): Promise<FacilityWithPlace[]> {
	const conds: (SQL | undefined)[] = [];
	if (scope === 'published') conds.push(eq(facilities.isPublished, true));
	if (filter.kind) conds.push(eq(facilities.kind, filter.kind as FacilityKind));
	const order: SQL[] = [];
	if (filter.kelurahanCode) {
		conds.push(like(facilities.kelurahanCode, `${kecamatanOf(filter.kelurahanCode)}.%`));
		order.push(sql`(${facilities.kelurahanCode} = ${filter.kelurahanCode}) desc`);
	}
	const q = filter.q?.trim();
	if (q) {
		const doc = sql`to_tsvector('indonesian', ${facilities.name} || ' ' || ${facilities.address} || ' ' || coalesce(${facilities.description}, '') || ' ' || ${regions.name})`;
		const tsq = sql`websearch_to_tsquery('indonesian', ${q})`;
		conds.push(sql`(${doc} @@ ${tsq} or word_similarity(${q}, ${facilities.name}) >= ${NAME_SIMILARITY} or word_similarity(${q}, ${facilities.address}) >= 0.6)`);
		order.push(sql`(ts_rank_cd(${doc}, ${tsq}) + 0.5 * word_similarity(${q}, ${facilities.name})) desc`);
	}
	return db
		.select(facilitySelect)
		.from(facilities)
		.innerJoin(regions, eq(regions.code, facilities.kelurahanCode))
		.where(and(...conds))
		.orderBy(...order, asc(facilities.name))
		.limit(limit);
}

/** A facility by id (a UUID-shaped ref) or slug (any other), with its place. */
export async function findFacility(db: Db, ref: string): Promise<FacilityWithPlace | undefined> {
	const [row] = await db
		.select(facilitySelect)
		.from(facilities)
		.innerJoin(regions, eq(regions.code, facilities.kelurahanCode))
		.where(isUuid(ref) ? eq(facilities.id, ref) : eq(facilities.slug, ref))
		.limit(1);
	return row;
}

export async function lockFacility(tx: Db, id: string): Promise<FacilityRow | undefined> {
	const [row] = await tx.select().from(facilities).where(eq(facilities.id, id)).for('update');
	return row;
}

export async function insertFacility(tx: Db, row: NewFacility): Promise<FacilityRow> {
	const [created] = await tx.insert(facilities).values(row).returning();
	return created;
}

export async function updateFacilityRow(tx: Db, id: string, patch: Partial<NewFacility>): Promise<FacilityRow> {
	const [row] = await tx.update(facilities).set(patch).where(eq(facilities.id, id)).returning();
	return row;
}

export async function deleteFacilityRow(tx: Db, id: string) {
	await tx.delete(facilities).where(eq(facilities.id, id));
}

/** Every emergency number, in stored order (layanan.rules orderEmergency puts 112 first). */
export async function listEmergencyRows(db: Db): Promise<EmergencyRow[]> {
	return db.select().from(emergencyNumbers).orderBy(asc(emergencyNumbers.position), asc(emergencyNumbers.label));
}

export async function findEmergency(db: Db, id: string, lock = false): Promise<EmergencyRow | undefined> {
	const query = db.select().from(emergencyNumbers).where(eq(emergencyNumbers.id, id));
	const [row] = lock ? await query.for('update') : await query;
	return row;
}

export async function insertEmergency(tx: Db, row: Omit<typeof emergencyNumbers.$inferInsert, 'id'>): Promise<EmergencyRow> {
	const [created] = await tx.insert(emergencyNumbers).values(row).returning();
	return created;
}

export async function updateEmergencyRow(tx: Db, id: string, patch: Partial<typeof emergencyNumbers.$inferInsert>): Promise<EmergencyRow> {
	const [row] = await tx.update(emergencyNumbers).set(patch).where(eq(emergencyNumbers.id, id)).returning();
	return row;
}

export async function deleteEmergencyRow(tx: Db, id: string) {
	await tx.delete(emergencyNumbers).where(eq(emergencyNumbers.id, id));
}

/** Active units (OPD) for the responsible-unit select. */
export async function listUnits(db: Db) {
	return db.select({ code: units.code, name: units.name, shortName: units.shortName }).from(units).where(eq(units.isActive, true)).orderBy(asc(units.name));
}

export async function findUnit(db: Db, code: string) {
	const [row] = await db.select({ code: units.code, name: units.name, isActive: units.isActive }).from(units).where(eq(units.code, code));
	return row;
}
