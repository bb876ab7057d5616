import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildKim, WATES } from '../../../../tests/factories';
import { buildPost } from '../posts/posts.factories';
import { assignments, campaigns, kims, notifications, outbox } from '../db/schema';
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

describe('launch', () => {
	it('targets all verified KIMs, skipping unverified and inactive ones, in one go; twice → 409; draft edits stop', async () => {
		const { petugas } = await staff();
		const [a, b] = await kimsWithBoards(2);
		const registered = await buildKim(db, { status: 'registered' });
		const [inactive] = await kimsWithBoards(1, { status: 'inactive' });
		const main = await buildPost(db);
		const id = (await call('POST', '/api/v1/campaigns', { as: petugas, body: plan([main.id], { due_on: soon(14) }) })).body.id;
		const launched = await call('POST', `/api/v1/campaigns/${id}/launch`, { as: petugas });
		expect(launched.status).toBe(200);
		expect(launched.body).toEqual({ id, status: 'active', assignments_created: 2 });
		const rows = await db.select().from(assignments).where(eq(assignments.campaignId, id));
		expect(rows.map((r) => r.kimId).sort()).toEqual([a.kim.id, b.kim.id].sort());
		expect(rows.every((r) => r.status === 'new' && r.dueOn === soon(14))).toBe(true);
		expect(rows.map((r) => r.kimId)).not.toContain(registered.id);
		expect(rows.map((r) => r.kimId)).not.toContain(inactive.kim.id);

		expect((await call('POST', `/api/v1/campaigns/${id}/launch`, { as: petugas })).status).toBe(409);
		await db.update(assignments).set({ status: 'done' }).where(eq(assignments.id, rows[0].id));
		const listed = (await call('GET', '/api/v1/campaigns', { as: petugas })).body.data.find((c: { id: string }) => c.id === id);
		expect(listed).toMatchObject({ status: 'active', assignments: { total: 2, done: 1 } });
		await db.update(assignments).set({ status: 'new' }).where(eq(assignments.id, rows[0].id));
		expect((await call('PATCH', `/api/v1/campaigns/${id}`, { as: petugas, body: { title: 'Baru' } })).status).toBe(409);
		expect((await call('POST', `/api/v1/campaigns/${id}/launch`, { as: a.ketua })).status).toBe(403);

		// Notifications: each KIM's pengurus (ketua, sekretaris) once, with email; not the anggota.
		for (const rowA of rows) {
			const notes = await db.select().from(notifications).where(eq(notifications.dedupeKey, `assignment:${rowA.id}:created`));
			const board = rowA.kimId === a.kim.id ? a : b;
			expect(notes.map((n) => n.userId).sort()).toEqual([board.ketua.userId, board.sekretaris.userId].sort());
			expect(notes[0]).toMatchObject({ kind: 'assignment_created', url: '/tugas', title: 'Tugas baru: Imunisasi balita November' });
			const mails = await db.select().from(outbox).where(like(outbox.dedupeKey, `notice:%:assignment:${rowA.id}:created`));
			expect(mails).toHaveLength(2);
		}
		expect(await db.select().from(notifications).where(eq(notifications.userId, a.anggota.userId))).toEqual([]);

		// Finish it; then nothing changes any more.
		expect((await call('POST', `/api/v1/campaigns/${id}/finish`, { as: petugas })).body).toEqual({ id, status: 'finished' });
		expect((await call('POST', `/api/v1/campaigns/${id}/finish`, { as: petugas })).status).toBe(409);
		expect((await call('POST', `/api/v1/assignments/${rows[0].id}/accept`, { as: petugas })).status).toBe(409);
	});

	it('targets chosen kelurahan and chosen KIMs', async () => {
		const { petugas } = await staff();
		const [tidar] = await kimsWithBoards(1);
		const [wates] = await kimsWithBoards(1, { kelurahanCode: WATES, kecamatanCode: '33.71.02' });
		const [unverified] = await kimsWithBoards(1, { status: 'returned', kelurahanCode: WATES, kecamatanCode: '33.71.02' });
		const main = await buildPost(db);
		const byArea = (await call('POST', '/api/v1/campaigns', { as: petugas, body: plan([main.id], { target: { kind: 'kelurahan', codes: [WATES] } }) })).body.id;
		expect((await call('POST', `/api/v1/campaigns/${byArea}/launch`, { as: petugas })).body.assignments_created).toBe(1);
		expect((await db.select().from(assignments).where(eq(assignments.campaignId, byArea))).map((r) => r.kimId)).toEqual([wates.kim.id]);

		const byKim = (await call('POST', '/api/v1/campaigns', { as: petugas, body: plan([main.id], { target: { kind: 'kims', kim_ids: [tidar.kim.id, unverified.kim.id] } }) })).body.id;
		expect((await call('POST', `/api/v1/campaigns/${byKim}/launch`, { as: petugas })).body.assignments_created).toBe(1);
		expect((await db.select().from(assignments).where(eq(assignments.campaignId, byKim))).map((r) => r.kimId)).toEqual([tidar.kim.id]);
	});

	it('refuses an empty target and an unpublished main post with 400s that say so, creating nothing', async () => {
		const { petugas } = await staff();
		const [onlyUnverified] = await kimsWithBoards(1, { status: 'registered' });
		const main = await buildPost(db);
		const empty = (await call('POST', '/api/v1/campaigns', { as: petugas, body: plan([main.id], { target: { kind: 'kims', kim_ids: [onlyUnverified.kim.id] } }) })).body.id;
		const res = await call('POST', `/api/v1/campaigns/${empty}/launch`, { as: petugas });
		expect(res.status).toBe(400);
		expect(res.body.title).toBe('Tidak ada KIM terverifikasi dalam sasaran ini. Pilih sasaran lain');
		expect((await db.select().from(campaigns).where(eq(campaigns.id, empty)))[0].status).toBe('draft');

		await kimsWithBoards(1);
		const draftPost = await buildPost(db, { status: 'draft' });
		const scheduled = await buildPost(db, { publishAt: new Date(Date.now() + 86400_000) });
		for (const post of [draftPost, scheduled]) {
			const id = (await call('POST', '/api/v1/campaigns', { as: petugas, body: plan([post.id, main.id]) })).body.id;
			const r = await call('POST', `/api/v1/campaigns/${id}/launch`, { as: petugas });
			expect(r.status).toBe(400);
			expect(r.body.title).toBe('Tulisan utama belum terbit. Terbitkan tulisan itu dulu, lalu luncurkan kampanye');
			expect(await db.select().from(assignments).where(eq(assignments.campaignId, id))).toEqual([]);
		}
	});
});
