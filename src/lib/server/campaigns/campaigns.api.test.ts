import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, testApi, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import { buildPost } from '../posts/posts.factories';
import { assignments, auditLog, campaigns, kims, notifications, outbox } from '../db/schema';
import type { Db } from '../db/client';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
});
// Targeting "all" must see only the KIMs a test builds: retire the earlier tests' ones.
beforeEach(async () => {
	await db.update(kims).set({ status: 'inactive' });
});

const soon = (days: number) => new Date(Date.now() + days * 86400_000 + 7 * 3600_000).toISOString().slice(0, 10);

async function staff() {
	return { petugas: await buildActor(db, 'petugas'), warga: await buildActor(db, 'warga') };
}

const plan = (postIds: string[], over: Record<string, unknown> = {}) => ({
	title: 'Imunisasi balita November',
	objective: 'Orang tua balita tahu jadwal imunisasi.',
	key_messages: ['Gratis di posyandu', 'Bawa buku KIA'],
	post_ids: postIds,
	whatsapp_template: 'Info penting: {judul}. Baca di {tautan}',
	priority: 'high',
	starts_on: soon(0),
	ends_on: soon(30),
	target: { kind: 'all' },
	target_reach: 5000,
	...over
});

/** A campaign for a fresh set of KIMs: targets them by id so other tests' KIMs never interfere. */
async function kimsWithBoards(n: number, over: Parameters<typeof buildKim>[1] = {}) {
	const out = [];
	for (let i = 0; i < n; i++) {
		const kim = await buildKim(db, over);
		out.push({
			kim,
			ketua: await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' }),
			sekretaris: await buildActor(db, 'warga', { kimId: kim.id, position: 'sekretaris' }),
			anggota: await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' })
		});
	}
	return out;
}

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
