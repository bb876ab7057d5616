import { beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, ctxFor } from '../../../../tests/factories';
import { facilities, publicServices, regions } from '../db/schema';
import type { Db } from '../db/client';
import { seedDemoLayanan } from '../demo/demo.layanan';
import { seedAduanReference } from '../aduan/aduan.seed';
import { isInCity } from '../aduan/aduan.rules';
import { VILLAGE_LEVELS } from '../regions/regions.rules';
import { layananSitemapEntries, listEmergencyNumbers, listFacilities, listServices } from './layanan.read.actions';

let db: Db;
let villages: { code: string; name: string }[];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	villages = await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.level, VILLAGE_LEVELS)).orderBy(regions.code);
	await seedAduanReference(db);
	await seedDemoLayanan(db, villages);
});

describe('demo directory', () => {
	it('has the services, a kantor kelurahan per kelurahan, all points inside the city, 112 first', async () => {
		const ctx = ctxFor(db, null);
		const services = await listServices(ctx, {});
		expect(services.length).toBeGreaterThanOrEqual(15);
		expect(services.find((s) => s.slug === 'akta-kelahiran')).toMatchObject({ fee_label: 'Gratis', unit: { code: 'disdukcapil' } });
		const offices = await listFacilities(ctx, { kind: 'kantor_kelurahan' });
		expect(offices).toHaveLength(villages.length);
		expect(villages.length).toBe(17);
		const all = await db.select().from(facilities);
		for (const f of all) expect(isInCity(f.lat!, f.lng!), f.name).toBe(true);
		expect(all.filter((f) => f.kind === 'puskesmas').length).toBeGreaterThanOrEqual(5);
		const numbers = await listEmergencyNumbers(ctx);
		expect(numbers[0].tel).toBe('tel:112');
		expect(numbers.map((n) => n.number)).toEqual(expect.arrayContaining(['110', '113', '119']));
	});

	it('is found by residents’ words, typos included', async () => {
		const ctx = ctxFor(db, null);
		expect((await listServices(ctx, { q: 'akte kelahrian' }))[0].slug).toBe('akta-kelahiran');
		expect((await listServices(ctx, { q: 'izin usaha' })).map((s) => s.slug)).toContain('nib-izin-usaha-oss');
		expect((await listServices(ctx, { q: 'ktp' }))[0].slug).toBe('ktp-el');
		expect((await listFacilities(ctx, { q: 'puskesmas jurangombo' }))[0].name).toBe('Puskesmas Jurangombo');
	});

	it('lists the public pages for the sitemap, drafts left out even for staff', async () => {
		await db.update(publicServices).set({ isPublished: false }).where(eq(publicServices.slug, 'uji-kir'));
		const locs = (await layananSitemapEntries(ctxFor(db, await buildActor(db, 'petugas')))).map((e) => e.loc);
		expect(locs[0]).toBe('http://simpul.test/layanan');
		expect(locs).toContain('http://simpul.test/layanan/akta-kelahiran');
		expect(locs).toContain('http://simpul.test/layanan/fasilitas/rsud-tidar');
		expect(locs).not.toContain('http://simpul.test/layanan/uji-kir');
	});

	it('adds nothing when run again', async () => {
		const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(publicServices))[0].n;
		const before = await count();
		await seedDemoLayanan(db, villages);
		expect(await count()).toBe(before);
	});
});
