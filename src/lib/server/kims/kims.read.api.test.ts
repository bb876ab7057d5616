import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, buildUser, testApi, WATES } from '../../../../tests/factories';
import { kimMembers } from '../db/schema';
import type { Db } from '../db/client';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
let openapi: () => Promise<{ paths: Record<string, Record<string, { tags?: string[] }>> }>;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	const t = testApi(db);
	call = t.call;
	openapi = async () => (await t.api.request('/api/openapi.json')).json();
});

describe('GET /api/v1/kims and /api/v1/kims/{id}', () => {
	let member: Awaited<ReturnType<typeof buildActor>>;
	let pending: Awaited<ReturnType<typeof buildKim>>;
	let verified: Awaited<ReturnType<typeof buildKim>>;
	beforeAll(async () => {
		verified = await buildKim(db, { name: 'KIM Wates Terang', kelurahanCode: WATES, kecamatanCode: '33.71.02', focus: ['literasi'] });
		pending = await buildKim(db, { name: 'KIM Menunggu', status: 'registered' });
		member = await buildActor(db, 'warga', { kimId: pending.id, position: 'anggota' });
		await db.insert(kimMembers).values({ kimId: verified.id, userId: (await buildUser(db)).id, position: 'ketua' });
	});

	it('hides non-verified KIMs from anonymous visitors and residents', async () => {
		const anon = await call('GET', '/api/v1/kims');
		expect(anon.status).toBe(200);
		expect(anon.body.data.every((k: { status: string }) => k.status === 'verified')).toBe(true);
		expect(anon.body.data.find((k: { id: string }) => k.id === pending.id)).toBeUndefined();
		const item = anon.body.data.find((k: { id: string }) => k.id === verified.id);
		expect(Object.keys(item).sort()).toEqual(['focus', 'id', 'kecamatan_code', 'kelurahan_code', 'member_count', 'name', 'slug', 'status']);
		expect(item.member_count).toBe(1);
		const warga = await buildUser(db);
		const asWarga = await call('GET', '/api/v1/kims?status=registered', { as: warga });
		expect(asWarga.body.data).toEqual([]);
	});

	it('shows members their own non-verified KIM, and staff everything', async () => {
		const mine = await call('GET', '/api/v1/kims', { as: member });
		expect(mine.body.data.map((k: { id: string }) => k.id)).toContain(pending.id);
		const petugas = await buildActor(db, 'petugas');
		const all = await call('GET', '/api/v1/kims?status=registered', { as: petugas });
		expect(all.body.data.map((k: { id: string }) => k.id)).toContain(pending.id);
		expect(all.body.data.every((k: { status: string }) => k.status === 'registered')).toBe(true);
	});

	it('filters by kelurahan and kecamatan', async () => {
		const byKel = await call('GET', `/api/v1/kims?kelurahan=${WATES}`);
		expect(byKel.body.data.map((k: { id: string }) => k.id)).toEqual([verified.id]);
		const byKec = await call('GET', '/api/v1/kims?kecamatan=33.71.02');
		expect(byKec.body.data.map((k: { id: string }) => k.id)).toContain(verified.id);
		expect(byKec.body.data.every((k: { kecamatan_code: string }) => k.kecamatan_code === '33.71.02')).toBe(true);
		const bad = await call('GET', '/api/v1/kims?status=aktif');
		expect(bad.status).toBe(400);
	});

	it('answers one KIM by id or slug; 404 for a non-verified KIM unless staff or member', async () => {
		expect((await call('GET', `/api/v1/kims/${verified.id}`)).body.name).toBe('KIM Wates Terang');
		expect((await call('GET', `/api/v1/kims/${verified.slug}`)).body.id).toBe(verified.id);
		expect((await call('GET', `/api/v1/kims/${pending.id}`)).status).toBe(404);
		expect((await call('GET', `/api/v1/kims/${pending.id}`, { as: await buildUser(db) })).status).toBe(404);
		expect((await call('GET', `/api/v1/kims/${pending.id}`, { as: member })).status).toBe(200);
		expect((await call('GET', `/api/v1/kims/${pending.id}`, { as: await buildActor(db, 'admin') })).status).toBe(200);
		expect((await call('GET', '/api/v1/kims/tidak-ada')).status).toBe(404);
	});

	it('documents every KIM route under the kims tag', async () => {
		const doc = await openapi();
		const expected: [string, string][] = [
			['/api/v1/kims', 'get'], ['/api/v1/kims', 'post'], ['/api/v1/kims/{id}', 'get'], ['/api/v1/kims/{id}', 'patch'],
			['/api/v1/kims/{id}/verify', 'post'], ['/api/v1/kims/{id}/return', 'post'], ['/api/v1/kims/{id}/deactivate', 'post'],
			['/api/v1/kims/{id}/reactivate', 'post'], ['/api/v1/kims/{id}/resubmit', 'post'], ['/api/v1/kims/{id}/members', 'get'],
			['/api/v1/kims/{id}/members', 'post'], ['/api/v1/kims/{id}/members/{userId}', 'patch'], ['/api/v1/kims/{id}/members/{userId}', 'delete'],
			['/api/v1/kims/{id}/files/sk', 'post'], ['/api/v1/kims/{id}/files/logo', 'post']
		];
		for (const [path, method] of expected) expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(['kims']);
	});
});
