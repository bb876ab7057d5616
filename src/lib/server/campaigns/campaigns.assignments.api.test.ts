import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildPost } from '../posts/posts.factories';
import { assignments, auditLog, kims, notifications } from '../db/schema';
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

describe('assignments', () => {
	async function launched() {
		const { petugas, warga } = await staff();
		const [a, b] = await kimsWithBoards(2);
		const main = await buildPost(db);
		const id = (await call('POST', '/api/v1/campaigns', { as: petugas, body: plan([main.id], { target: { kind: 'kims', kim_ids: [a.kim.id, b.kim.id] } }) })).body.id;
		await call('POST', `/api/v1/campaigns/${id}/launch`, { as: petugas });
		const rows = await db.select().from(assignments).where(eq(assignments.campaignId, id));
		return { petugas, warga, a, b, id, asgA: rows.find((r) => r.kimId === a.kim.id)!, asgB: rows.find((r) => r.kimId === b.kim.id)! };
	}

	it('lists all for staff and only their KIM’s for members; others get 404', async () => {
		const s = await launched();
		const all = await call('GET', `/api/v1/campaigns/${s.id}/assignments`, { as: s.petugas });
		expect(all.status).toBe(200);
		expect(all.body.data).toHaveLength(2);
		expect(all.body.data[0]).toMatchObject({ id: expect.any(String), kim_id: expect.any(String), status: 'new', effective_status: 'new', due_on: soon(30), members: [] });
		const mine = await call('GET', `/api/v1/campaigns/${s.id}/assignments`, { as: s.a.anggota });
		expect(mine.body.data.map((x: { kim_id: string }) => x.kim_id)).toEqual([s.a.kim.id]);
		expect(mine.body.data[0].can).toEqual({ events: [], hand: false });
		const ketua = await call('GET', `/api/v1/campaigns/${s.id}/assignments`, { as: s.a.ketua });
		expect(ketua.body.data[0].can).toEqual({ events: ['accept', 'decline', 'complete'], hand: true });
		expect((await call('GET', `/api/v1/campaigns/${s.id}/assignments`, { as: s.warga })).status).toBe(404);
		expect((await call('GET', `/api/v1/campaigns/${s.id}`, { as: s.a.anggota })).status).toBe(200);
		expect((await call('GET', `/api/v1/campaigns/${s.id}`, { as: s.warga })).status).toBe(404);
	});

	it('lets only that KIM’s pengurus (or staff) accept, decline and complete', async () => {
		const s = await launched();
		for (const who of [s.b.ketua, s.b.anggota, s.a.anggota, s.warga]) {
			expect((await call('POST', `/api/v1/assignments/${s.asgA.id}/accept`, { as: who })).status).toBe(403);
			expect((await call('POST', `/api/v1/assignments/${s.asgA.id}/decline`, { as: who, body: { reason: 'Tidak ada tenaga bulan ini.' } })).status).toBe(403);
			expect((await call('POST', `/api/v1/assignments/${s.asgA.id}/complete`, { as: who })).status).toBe(403);
		}
		expect((await call('POST', `/api/v1/assignments/${s.asgA.id}/accept`)).status).toBe(401);
		expect((await call('POST', '/api/v1/assignments/00000000-0000-4000-8000-000000000000/accept', { as: s.a.ketua })).status).toBe(404);

		const short = await call('POST', `/api/v1/assignments/${s.asgA.id}/decline`, { as: s.a.ketua, body: { reason: 'sibuk' } });
		expect(short.status).toBe(400);
		expect(short.body.errors).toEqual([{ path: 'reason', message: 'Tulis alasan menolak, paling sedikit 10 karakter' }]);

		const accepted = await call('POST', `/api/v1/assignments/${s.asgA.id}/accept`, { as: s.a.sekretaris });
		expect(accepted.status).toBe(200);
		expect(accepted.body).toMatchObject({ id: s.asgA.id, status: 'accepted', kim_id: s.a.kim.id, can: { events: ['decline', 'complete'], hand: true } });
		expect((await call('POST', `/api/v1/assignments/${s.asgA.id}/accept`, { as: s.a.ketua })).status).toBe(409);
		expect((await call('POST', `/api/v1/assignments/${s.asgA.id}/complete`, { as: s.a.ketua })).body).toMatchObject({ status: 'done', done_at: expect.any(String) });
		expect((await call('POST', `/api/v1/assignments/${s.asgA.id}/decline`, { as: s.a.ketua, body: { reason: 'Berubah pikiran, maaf.' } })).status).toBe(409);

		const declined = await call('POST', `/api/v1/assignments/${s.asgB.id}/decline`, { as: s.petugas, body: { reason: 'KIM sedang tidak aktif bulan ini.' } });
		expect(declined.body).toMatchObject({ status: 'declined', decline_reason: 'KIM sedang tidak aktif bulan ini.' });
		const reopened = await call('POST', `/api/v1/assignments/${s.asgB.id}/accept`, { as: s.b.ketua });
		expect(reopened.body).toMatchObject({ status: 'accepted', decline_reason: null });
		const actions = await db.select({ action: auditLog.action }).from(auditLog).where(and(like(auditLog.action, 'assignment.%'), sql`${auditLog.entityId} in (${s.asgA.id}, ${s.asgB.id})`)).orderBy(auditLog.id);
		expect(actions.map((r) => r.action)).toEqual(['assignment.accept', 'assignment.complete', 'assignment.decline', 'assignment.accept']);
	});

	it('shows overdue when past due and open', async () => {
		const s = await launched();
		await db.update(assignments).set({ dueOn: soon(-1) }).where(eq(assignments.id, s.asgA.id));
		const list = await call('GET', `/api/v1/campaigns/${s.id}/assignments`, { as: s.petugas });
		const a = list.body.data.find((x: { id: string }) => x.id === s.asgA.id);
		expect(a).toMatchObject({ status: 'new', effective_status: 'overdue' });
	});

	it('hands a task to members of that KIM only, notifying each once', async () => {
		const s = await launched();
		const refused = await call('POST', `/api/v1/assignments/${s.asgA.id}/members`, { as: s.a.ketua, body: { user_ids: [s.b.anggota.userId] } });
		expect(refused.status).toBe(400);
		expect(refused.body.errors).toEqual([{ path: 'user_ids', message: 'Pilih anggota dari KIM ini saja' }]);
		expect((await call('POST', `/api/v1/assignments/${s.asgA.id}/members`, { as: s.a.anggota, body: { user_ids: [s.a.anggota.userId] } })).status).toBe(403);
		expect((await call('POST', `/api/v1/assignments/${s.asgA.id}/members`, { as: s.a.ketua, body: { user_ids: [] } })).status).toBe(400);

		const handed = await call('POST', `/api/v1/assignments/${s.asgA.id}/members`, { as: s.a.ketua, body: { user_ids: [s.a.anggota.userId], note: 'Bagikan di grup RT 02.' } });
		expect(handed.status).toBe(200);
		expect(handed.body.members).toEqual([{ user_id: s.a.anggota.userId, name: expect.any(String), note: 'Bagikan di grup RT 02.' }]);
		const again = await call('POST', `/api/v1/assignments/${s.asgA.id}/members`, { as: s.a.ketua, body: { user_ids: [s.a.anggota.userId], note: 'RT 03 juga.' } });
		expect(again.body.members[0].note).toBe('RT 03 juga.');
		const notes = await db.select().from(notifications).where(eq(notifications.dedupeKey, `assignment:${s.asgA.id}:handed:${s.a.anggota.userId}`));
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatchObject({ userId: s.a.anggota.userId, url: `/kampanye/${s.id}` });

		// The anggota's inbox shows it as handed to them; another KIM's members do not see it.
		const inbox = await call('GET', '/api/v1/assignments', { as: s.a.anggota });
		expect(inbox.body.data).toHaveLength(1);
		expect(inbox.body.data[0]).toMatchObject({ id: s.asgA.id, handed_to_me: { note: 'RT 03 juga.' }, campaign: { id: s.id, priority: 'high' } });
		expect((await call('GET', '/api/v1/assignments', { as: s.b.anggota })).body.data.map((x: { id: string }) => x.id)).toEqual([s.asgB.id]);
		expect((await call('GET', '/api/v1/assignments', { as: s.warga })).body.data).toEqual([]);
	});
});
