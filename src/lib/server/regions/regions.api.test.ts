import { beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, like, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildUser, ctxFor, testApi, TIDAR_SELATAN } from '../../../../tests/factories';
import { auditLog, regions } from '../db/schema';
import type { Db } from '../db/client';
import { addRegencyAsSystem, addRegencyAsAdmin, importPopulationAsSystem } from './regions.actions';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
let admin: Awaited<ReturnType<typeof buildUser>>;
let petugas: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
	admin = await buildUser(db, { role: 'admin' });
	petugas = await buildUser(db, { role: 'petugas' });
});

const region = async (code: string) => (await db.select().from(regions).where(eq(regions.code, code)))[0];
const lastAudit = async (action: string) =>
	(await db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];

describe('PATCH /api/v1/regions/{code}', () => {
	it('fixes name, population and area, and audits only what changed', async () => {
		const res = await call('PATCH', `/api/v1/regions/${TIDAR_SELATAN}`, { as: admin, body: { name: 'Tidar Selatan (baru)', population: 8123, area_km2: 1.5 } });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ code: TIDAR_SELATAN, name: 'Tidar Selatan (baru)', population: 8123, area_km2: 1.5, level: 'kelurahan' });
		const entry = await lastAudit('region.update');
		expect(entry).toMatchObject({ entityId: TIDAR_SELATAN, actorId: admin.id, before: { name: 'Tidar Selatan', population: 5697, areaKm2: null }, after: { name: 'Tidar Selatan (baru)', population: 8123, areaKm2: 1.5 } });
		const clear = await call('PATCH', `/api/v1/regions/${TIDAR_SELATAN}`, { as: admin, body: { population: null } });
		expect(clear.body).toMatchObject({ population: null, area_km2: 1.5 });
	});

	it('is admin-only, 404 for an unknown code, 400 for a negative population', async () => {
		expect((await call('PATCH', '/api/v1/regions/33.71', { body: { population: 1 } })).status).toBe(401);
		expect((await call('PATCH', '/api/v1/regions/33.71', { as: petugas, body: { population: 1 } })).status).toBe(403);
		expect((await region('33.71')).population).toBe(128709);
		expect((await call('PATCH', '/api/v1/regions/99.99', { as: admin, body: { population: 1 } })).status).toBe(404);
		const bad = await call('PATCH', '/api/v1/regions/33.71', { as: admin, body: { population: -3 } });
		expect(bad.status).toBe(400);
		expect(bad.body.errors[0].path).toBe('population');
	});

	it('keeps GET /api/v1/regions public', async () => {
		const res = await call('GET', '/api/v1/regions?level=kecamatan&parent=33.71');
		expect(res.status).toBe(200);
		expect(res.body.data).toHaveLength(3);
	});
});

describe('POST /api/v1/regions/import', () => {
	it('updates populations (and areas) in one go and audits once', async () => {
		const csv = 'code,population,area_km2\n33.71.01.1007,5000,1.1\n33.71.01.1008,6000\n';
		const res = await call('POST', '/api/v1/regions/import', { as: admin, body: { csv } });
		expect(res).toMatchObject({ status: 200, body: { updated: 2, rows: 2 } });
		expect(await region('33.71.01.1007')).toMatchObject({ population: 5000, areaKm2: 1.1 });
		expect(await region('33.71.01.1008')).toMatchObject({ population: 6000, areaKm2: null });
		const entry = await lastAudit('region.import_population');
		expect(entry.after).toEqual({ '33.71.01.1007': { population: 5000, areaKm2: 1.1 }, '33.71.01.1008': { population: 6000, areaKm2: null } });
		const again = await call('POST', '/api/v1/regions/import', { as: admin, body: { csv } });
		expect(again.body.updated).toBe(0);
	});

	it('reports every bad row with its line number and writes nothing', async () => {
		const before = await db.select().from(regions).where(like(regions.code, '33.71.%'));
		const auditCount = (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0].n;
		const csv = ['code,population', '33.71.02.1003,4000', '33.71.09.9999,10', '33.71.02.1004,-7', '33.71.02.1005,seribu', '33.71.02.1008,3000'].join('\n');
		const res = await call('POST', '/api/v1/regions/import', { as: admin, body: { csv } });
		expect(res.status).toBe(400);
		expect(res.body.title).toBe('Ada 3 masalah di CSV. Tidak ada data yang disimpan.');
		expect(res.body.errors).toEqual([
			{ path: 'csv', message: 'Baris 3: kode 33.71.09.9999 tidak ada di wilayah yang dimuat' },
			{ path: 'csv', message: 'Baris 4: jumlah penduduk tidak boleh negatif (-7)' },
			{ path: 'csv', message: expect.stringMatching(/^Baris 5: jumlah penduduk "seribu" bukan bilangan bulat/) }
		]);
		expect(await db.select().from(regions).where(like(regions.code, '33.71.%'))).toEqual(before);
		expect((await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0].n).toBe(auditCount);
	});

	it('is admin-only and needs CSV text', async () => {
		const csv = 'code,population\n33.71.03.1001,1\n';
		expect((await call('POST', '/api/v1/regions/import', { body: { csv } })).status).toBe(401);
		expect((await call('POST', '/api/v1/regions/import', { as: petugas, body: { csv } })).status).toBe(403);
		expect((await region('33.71.03.1001')).population).toBeNull();
		const empty = await call('POST', '/api/v1/regions/import', { as: admin, body: { csv: '  ' } });
		expect(empty.status).toBe(400);
		expect(empty.body.errors[0].path).toBe('csv');
	});

	it('runs from the CLI as the system', async () => {
		const result = await importPopulationAsSystem(ctxFor(db, null), { csv: 'code,population\n33.71.03.1002,4321' });
		expect(result.updated).toBe(1);
		expect(await lastAudit('region.import_population')).toMatchObject({ actorId: null, actorLabel: 'system' });
	});
});

describe('POST /api/v1/regions/regencies', () => {
	it('loads Kabupaten Magelang (33.08) with its kecamatan and desa/kelurahan, title-cased', async () => {
		const res = await call('POST', '/api/v1/regions/regencies', { as: admin, body: { code: '33.08' } });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ code: '33.08', name: 'Kabupaten Magelang' });
		expect(await region('33.08')).toMatchObject({ name: 'Kabupaten Magelang', level: 'kabupaten', parentCode: '33' });
		const kecamatan = await db.select().from(regions).where(eq(regions.parentCode, '33.08'));
		expect(kecamatan.length).toBe(21);
		expect(kecamatan.every((k) => k.level === 'kecamatan')).toBe(true);
		const villages = await db.select().from(regions).where(like(regions.code, '33.08.__.____'));
		expect(villages.length).toBeGreaterThan(300);
		expect(res.body.inserted).toBe(kecamatan.length + villages.length + 1);
		for (const v of villages) {
			expect(v.level).toBe(v.code.split('.')[3].startsWith('1') ? 'kelurahan' : 'desa');
			expect(v.name).not.toBe(v.name.toUpperCase());
			expect(v.name[0]).toBe(v.name[0].toUpperCase());
		}
		expect(villages.filter((v) => v.level === 'kelurahan').length).toBeGreaterThan(0);
		expect(villages.filter((v) => v.level === 'desa').length).toBeGreaterThan(300);
		expect(await lastAudit('region.add_regency')).toMatchObject({ entityId: '33.08', after: { name: 'Kabupaten Magelang' } });
	});

	it('answers 409 when already loaded, 400 on code for unknown or malformed codes', async () => {
		const again = await call('POST', '/api/v1/regions/regencies', { as: admin, body: { code: '33.71' } });
		expect(again.status).toBe(409);
		expect(again.body.errors[0]).toEqual({ path: 'code', message: 'Kota Magelang sudah dimuat sebelumnya.' });
		const unknown = await call('POST', '/api/v1/regions/regencies', { as: admin, body: { code: '33.99' } });
		expect(unknown.status).toBe(400);
		expect(unknown.body.errors[0].path).toBe('code');
		const malformed = await call('POST', '/api/v1/regions/regencies', { as: admin, body: { code: '33.08.01' } });
		expect(malformed.status).toBe(400);
		expect(await region('33.99')).toBeUndefined();
	});

	it('is admin-only; the CLI path works without an actor but the admin path does not', async () => {
		expect((await call('POST', '/api/v1/regions/regencies', { body: { code: '34.71' } })).status).toBe(401);
		expect((await call('POST', '/api/v1/regions/regencies', { as: petugas, body: { code: '34.71' } })).status).toBe(403);
		expect(await region('34.71')).toBeUndefined();
		await expect(addRegencyAsAdmin(ctxFor(db, null), { code: '34.71' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		const added = await addRegencyAsSystem(ctxFor(db, null), { code: '34.71' });
		expect(added).toMatchObject({ name: 'Kota Yogyakarta' });
		expect(added.inserted).toBeGreaterThan(40);
		expect(await region('34')).toMatchObject({ level: 'provinsi', name: 'Daerah Istimewa Yogyakarta' });
	});
});
