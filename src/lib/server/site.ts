import { eq, sql } from 'drizzle-orm';
import type { Db } from './db/client';
import { regions, users } from './db/schema';
import { homeRegion } from './regions/regions.queries';

let cityCache: { code: string; name: string } | undefined;

/** The home kota/kabupaten (cached: it never changes after the first start). */
export async function findCity(db: Db) {
	if (cityCache) return cityCache;
	const code = await homeRegion(db);
	const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
	cityCache = { code, name: row?.name ?? code };
	return cityCache;
}

/** Whether demo accounts exist (the site then shows the demo banner). */
export async function hasDemoData(db: Db) {
	const [row] = await db.select({ yes: sql<boolean>`exists(select 1 from ${users} where ${users.isDemo})` }).from(sql`(select 1) as one`);
	return row.yes;
}

/** Figures for the home page: verified KIMs, kelurahan and residents of the home city. */
export async function homeStats(db: Db) {
	const city = await findCity(db);
	const [row] = await db
		.select({
			kims: sql<number>`(select count(*)::int from kims where status = 'verified')`,
			kelurahan: sql<number>`(select count(*)::int from regions where level in ('kelurahan','desa') and code like ${city.code + '.%'})`,
			population: sql<number | null>`(select population from regions where code = ${city.code})`
		})
		.from(sql`(select 1) as one`);
	return row;
}
