import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { TIDAR_SELATAN } from '../../../../tests/factories';
import { buildPost } from '../posts/posts.factories';
import { auditLog, campaigns, kims } from '../db/schema';
import type { Db } from '../db/client';
import { buildCampaignsWorld, plan, soon, type CampaignsWorld } from './campaigns.api.world';

let db: Db;
let { call, staff, kimsWithBoards } = {} as CampaignsWorld;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	({ call, staff, kimsWithBoards } = await buildCampaignsWorld(db));
});
// Targeting "all" must see only the KIMs a test builds: retire the earlier tests' ones.
beforeEach(async () => {
	await db.update(kims).set({ status: 'inactive' });
});

describe('planning a campaign', () => {
	it('creates a draft (201 {id, status}), shows it to staff only, and edits it while a draft', async () => {
		const { petugas, warga } = await staff();
		const [a] = await kimsWithBoards(1);
		const main = await buildPost(db);
		const other = await buildPost(db, { status: 'draft' });
		const created = await call('POST', '/api/v1/campaigns', { as: petugas, body: plan([main.id, other.id], { due_on: soon(20) }) });
		expect(created.status).toBe(201);
		expect(created.body).toEqual({ id: expect.any(String), status: 'draft' });
		const id = created.body.id;

		const got = await call('GET', `/api/v1/campaigns/${id}`, { as: petugas });
		expect(got.status).toBe(200);
		expect(got.body).toMatchObject({
			id, status: 'draft', priority: 'high', key_messages: ['Gratis di posyandu', 'Bawa buku KIA'], due_on: soon(20), assignments_due_on: soon(20),
			target: { kind: 'all', codes: [], kim_ids: [] }, target_reach: 5000, materials: { poster: null, leaflet: null }
		});
		expect(got.body.posts.map((p: { id: string; is_main: boolean }) => [p.id, p.is_main])).toEqual([[main.id, true], [other.id, false]]);
		expect(got.body.main_post_url).toBe(`http://simpul.test/berita/${main.slug}`);

		// A draft is invisible to KIM members and residents; the list is for staff.
		for (const who of [a.ketua, warga]) expect((await call('GET', `/api/v1/campaigns/${id}`, { as: who })).status).toBe(404);
		expect((await call('GET', `/api/v1/campaigns/${id}`)).status).toBe(404);
		expect((await call('GET', '/api/v1/campaigns', { as: a.ketua })).status).toBe(403);
		expect((await call('GET', '/api/v1/campaigns')).status).toBe(401);
		const list = await call('GET', '/api/v1/campaigns', { as: petugas });
		expect(list.body.data.find((c: { id: string }) => c.id === id)).toMatchObject({ status: 'draft', assignments: { total: 0, done: 0 }, target: { kind: 'all', count: 0 } });

		// Only staff plan.
		expect((await call('POST', '/api/v1/campaigns', { as: a.ketua, body: plan([main.id]) })).status).toBe(403);
		expect((await call('PATCH', `/api/v1/campaigns/${id}`, { as: a.ketua, body: { title: 'X' } })).status).toBe(403);

		const patched = await call('PATCH', `/api/v1/campaigns/${id}`, { as: petugas, body: { title: 'Imunisasi balita', due_on: null, target: { kind: 'kims', kim_ids: [a.kim.id] } } });
		expect(patched.status).toBe(200);
		expect(patched.body).toMatchObject({ title: 'Imunisasi balita', due_on: null, assignments_due_on: soon(30), target: { kind: 'kims', kim_ids: [a.kim.id] } });
		expect(patched.body.posts).toHaveLength(2);
		const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), like(auditLog.action, 'campaign.%')));
		expect(audits.map((r) => r.action).sort()).toEqual(['campaign.create', 'campaign.update']);
	});

	it('answers bad input with 400 and Indonesian field errors, all at once', async () => {
		const { petugas } = await staff();
		const main = await buildPost(db);
		const empty = await call('POST', '/api/v1/campaigns', { as: petugas, body: {} });
		expect(empty.status).toBe(400);
		expect(empty.body.code).toBe('INVALID');
		const paths = empty.body.errors.map((e: { path: string }) => e.path);
		for (const p of ['title', 'objective', 'key_messages', 'post_ids', 'whatsapp_template', 'starts_on', 'ends_on', 'target', 'target_reach']) expect(paths).toContain(p);

		const shape = await call('POST', '/api/v1/campaigns', { as: petugas, body: plan([main.id], { key_messages: [], target_reach: 0, priority: 'urgent', target: { kind: 'kelurahan' } }) });
		expect(shape.body.errors).toEqual(expect.arrayContaining([
			{ path: 'key_messages', message: 'Tulis paling sedikit satu pesan utama, satu pesan per baris' },
			{ path: 'target_reach', message: 'Masukkan target jangkauan berupa angka lebih dari 0, misalnya 5000' },
			{ path: 'priority', message: 'Pilih prioritas: tinggi, sedang atau rendah' },
			{ path: 'target.codes', message: 'Pilih paling sedikit satu kelurahan' }
		]));

		const refs = await call('POST', '/api/v1/campaigns', {
			as: petugas,
			body: plan(['00000000-0000-4000-8000-000000000000'], { starts_on: soon(10), ends_on: soon(5), due_on: soon(6), target: { kind: 'kelurahan', codes: ['31.71.01.1001', TIDAR_SELATAN] } })
		});
		expect(refs.status).toBe(400);
		expect(refs.body.errors).toEqual([
			{ path: 'ends_on', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai' },
			{ path: 'due_on', message: 'Batas waktu tugas tidak boleh setelah tanggal selesai' },
			{ path: 'post_ids', message: 'Tulisan yang dipilih tidak ada. Pilih dari daftar' },
			{ path: 'target.codes', message: expect.stringMatching(/^Pilih kelurahan yang ada di /) }
		]);
		const kimsRef = await call('POST', '/api/v1/campaigns', { as: petugas, body: plan([main.id], { target: { kind: 'kims', kim_ids: ['00000000-0000-4000-8000-000000000000'] } }) });
		expect(kimsRef.body.errors).toEqual([{ path: 'target.kim_ids', message: 'KIM yang dipilih tidak ada. Pilih dari daftar' }]);
		const dup = await call('POST', '/api/v1/campaigns', { as: petugas, body: plan([main.id, main.id]) });
		expect(dup.body.errors).toEqual([{ path: 'post_ids', message: 'Setiap tulisan cukup dipilih sekali' }]);
		const nul = await call('POST', '/api/v1/campaigns', { as: petugas, body: plan([main.id], { title: 'a\u0000b' }) });
		expect(nul.status).toBe(400);
		expect(await db.select({ n: sql<number>`count(*)::int` }).from(campaigns).where(eq(campaigns.createdBy, petugas.userId))).toEqual([{ n: 0 }]);
	});
});
