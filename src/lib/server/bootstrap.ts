import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from './db/client';
import { appState, users } from './db/schema';
import { audit } from './audit/audit';
import { loadRegency } from './regions/region-source';
import { insertRegions } from './regions/regions.queries';
import { seedDemo } from './demo/demo.seed';
import { seedAduanReference } from './aduan/aduan.seed';
import type { FileStorage } from './files/storage';

/**
 * First-start initialisation, run once per database under the start-up lock: loads the city's
 * regions and, unless disabled, the demo dataset.
 */
export async function initialiseDatabase(
	db: Db,
	opts: { region: string; demo: boolean; storage?: FileStorage; log?: (s: string) => void }
) {
	const log = opts.log ?? console.info;
	const [done] = await db.select().from(appState).where(eq(appState.key, 'initialised_at'));
	if (done) return false;
	await db.transaction(async (tx) => {
		const rows = loadRegency(opts.region);
		if (rows.length === 0) throw new Error(`SIMPUL_REGION ${opts.region} is not a kota/kabupaten code in idn-area-data`);
		await insertRegions(tx, rows);
		log(`[simpul] loaded ${rows.length} regions of ${opts.region}`);
		await seedAduanReference(tx);
		if (opts.demo) {
			await seedDemo(tx, opts.region, opts.storage);
			log('[simpul] demo dataset created (SIMPUL_DEMO=0 to start without it)');
		}
		await audit(tx, null, 'system.initialise', { type: 'system' }, { after: { region: opts.region, regions: rows.length, demo: opts.demo } });
		await tx.insert(appState).values([
			{ key: 'initialised_at', value: new Date().toISOString() },
			{ key: 'home_region', value: opts.region }
		]);
	});
	return true;
}

/** Demo accounts one can log in to (with the public demo password); demo survey respondents have none. */
export async function countDemoUsers(db: Db) {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(and(eq(users.isDemo, true), isNotNull(users.passwordHash)));
	return row.n;
}
