import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, ctxFor, testApi } from '../../../../tests/factories';
import { loadActor } from '../auth/auth.queries';
import { getBoard } from './aduan.handling.read';
import { aduan, aduanEvents, auditLog, notifications, outbox, users } from '../db/schema';
import type { Db } from '../db/client';
import { AUTO_CLOSE_AFTER_DAYS, PLAN_WITHIN_DAYS, deadlineAfter } from './aduan.rules';
import { buildAduan, buildUnitStaff } from './aduan.factories';
import { loadHolidaySet } from './aduan.handling.queries';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
let petugas: Awaited<ReturnType<typeof buildActor>>;
let dpupr: Awaited<ReturnType<typeof buildUnitStaff>>;
let dlh: Awaited<ReturnType<typeof buildUnitStaff>>;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
	petugas = await buildActor(db, 'petugas');
	dpupr = await buildUnitStaff(db, 'dpupr');
	dlh = await buildUnitStaff(db, 'dlh');
});

const reporterOf = async (a: { reporterId: string | null }) => (await db.select().from(users).where(eq(users.id, a.reporterId!)))[0];
const row = async (id: string) => (await db.select().from(aduan).where(eq(aduan.id, id)))[0];
const events = async (id: string) => db.select().from(aduanEvents).where(eq(aduanEvents.aduanId, id)).orderBy(aduanEvents.id);
const move = (id: string, as: { email: string } | undefined, body: Record<string, unknown>) => call('POST', `/api/v1/aduan/${id}/transition`, { as, body });
const errorsOf = (res: { body: { errors?: { path: string; message: string }[] } }) => Object.fromEntries((res.body.errors ?? []).map((e) => [e.path, e.message]));

/** An aduan verified and forwarded to `unit` by the petugas. */
async function forwarded(unit = 'dpupr', over: Parameters<typeof buildAduan>[1] = {}) {
	const a = await buildAduan(db, over);
	expect((await move(a.id, petugas, { to: 'verified', unit_code: unit })).status).toBe(200);
	return row(a.id);
}

/** An aduan taken to `resolved` by the dpupr staff. */
async function resolved() {
	const a = await forwarded();
	expect((await move(a.id, dpupr, { to: 'in_progress', note: 'Penambalan Senin depan' })).status).toBe(200);
	expect((await move(a.id, dpupr, { to: 'resolved', note: 'Lubang sudah ditambal' })).status).toBe(200);
	return row(a.id);
}

describe('the handling journey through the API', () => {
	it('verifies and forwards, posts the plan, resolves; each step evented, audited and notified', async () => {
		const a = await buildAduan(db);
		const reporter = await reporterOf(a);
		const before = Date.now();
		const res = await move(a.id, petugas, { to: 'verified', unit_code: 'dpupr' });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ id: a.id, tracking_id: a.trackingId, status: 'verified', unit_code: 'dpupr', reopen_count: 0 });
		expect(res.body.due).toMatchObject({ verify_by: a.verifyBy.toISOString(), auto_close_at: null, current: { stage: 'plan', overdue: false } });
		const v = await row(a.id);
		expect(v.verifiedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
		expect(v.planBy).toEqual(deadlineAfter(v.verifiedAt!, PLAN_WITHIN_DAYS, await loadHolidaySet(db)));
		expect(res.body.due.plan_by).toBe(v.planBy!.toISOString());

		// The reporter hears of it (in-app and email with the link); the unit's staff too.
		const [toReporter] = await db.select().from(notifications).where(and(eq(notifications.userId, reporter.id), like(notifications.dedupeKey, `aduan:${a.id}:%`)));
		expect(toReporter).toMatchObject({ kind: 'aduan_update', url: `/aduan/saya/${a.trackingId}` });
		expect(toReporter.title).toContain(a.trackingId);
		const mails = await db.select().from(outbox).where(like(outbox.dedupeKey, `notice:${reporter.id}:aduan:${a.id}:%`));
		expect(mails).toHaveLength(1);
		expect(JSON.stringify(mails[0].payload)).toContain(`/aduan/saya/${a.trackingId}`);
		const [toUnit] = await db.select().from(notifications).where(and(eq(notifications.userId, dpupr.userId), like(notifications.dedupeKey, `aduan:${a.id}:%`)));
		expect(toUnit).toMatchObject({ kind: 'aduan_forwarded', url: `/petugas/aduan/${a.id}` });

		const plan = await move(a.id, dpupr, { to: 'in_progress', note: 'Tim akan menambal lubang hari Senin' });
		expect(plan.status).toBe(200);
		expect(plan.body.due.current).toBeNull();
		expect((await row(a.id)).planPostedAt).not.toBeNull();

		const done = await move(a.id, dpupr, { to: 'resolved', note: 'Lubang sudah ditambal' });
		expect(done.status).toBe(200);
		const r = await row(a.id);
		expect(r.resolvedAt).not.toBeNull();
		expect(r.autoCloseAt).toEqual(deadlineAfter(r.resolvedAt!, AUTO_CLOSE_AFTER_DAYS, await loadHolidaySet(db)));
		expect(done.body.due.current).toMatchObject({ stage: 'close' });

		const ev = await events(a.id);
		expect(ev.map((e) => [e.kind, e.fromStatus, e.toStatus, e.authorRole])).toEqual([
			['status', null, 'received', 'reporter'],
			['status', 'received', 'verified', 'staff'],
			['plan', 'verified', 'in_progress', 'unit'],
			['status', 'in_progress', 'resolved', 'unit']
		]);
		expect(ev[2].body).toBe('Tim akan menambal lubang hari Senin');
		const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, a.id));
		expect(audits.map((x) => x.action).sort()).toEqual(['aduan.in_progress', 'aduan.resolved', 'aduan.verified']);
		const reporterNotes = await db.select().from(notifications).where(and(eq(notifications.userId, reporter.id), like(notifications.dedupeKey, `aduan:${a.id}:%`)));
		expect(reporterNotes).toHaveLength(3);
	});

	it('forwards to another unit than the category’s and notifies that unit', async () => {
		const a = await buildAduan(db);
		const res = await move(a.id, petugas, { to: 'verified', unit_code: 'dlh' });
		expect(res.body.unit_code).toBe('dlh');
		const [e] = (await events(a.id)).filter((x) => x.toStatus === 'verified');
		expect(e).toMatchObject({ fromUnit: 'dpupr', toUnit: 'dlh' });
		expect(await db.select().from(notifications).where(and(eq(notifications.userId, dlh.userId), like(notifications.dedupeKey, `aduan:${a.id}:%`)))).toHaveLength(1);
		expect(await db.select().from(notifications).where(and(eq(notifications.userId, dpupr.userId), like(notifications.dedupeKey, `aduan:${a.id}:%`)))).toHaveLength(0);
	});

	it('staff of the agency unit (diskominsta) act as the agency', async () => {
		const kominfo = await buildUnitStaff(db, 'diskominsta');
		const a = await buildAduan(db);
		expect((await move(a.id, kominfo, { to: 'verified' })).status).toBe(200);
	});

	it('rejects with a reason (and stores it)', async () => {
		const a = await buildAduan(db);
		const res = await move(a.id, petugas, { to: 'rejected', note: 'Bukan kewenangan Pemkot' });
		expect(res.body.status).toBe('rejected');
		expect(await row(a.id)).toMatchObject({ rejectReason: 'Bukan kewenangan Pemkot' });
		expect((await row(a.id)).rejectedAt).not.toBeNull();
	});
});

describe('transition errors', () => {
	it('an illegal move is 409 and names both statuses in Indonesian', async () => {
		const a = await buildAduan(db);
		const res = await move(a.id, petugas, { to: 'resolved', note: 'x' });
		expect(res.status).toBe(409);
		expect(res.headers.get('content-type')).toContain('application/problem+json');
		expect(res.body.title).toContain('Diterima');
		expect(res.body.title).toContain('Selesai ditangani');
		expect((await move(a.id, petugas, { to: 'received' })).status).toBe(409);
		const closed = await buildAduan(db, { status: 'closed' });
		expect((await move(closed.id, petugas, { to: 'verified' })).status).toBe(409);
	});

	it('a legal move by the wrong actor is 403: the reporter, a resident, an anggota, the unit before forwarding, another unit', async () => {
		const a = await buildAduan(db);
		const reporter = await reporterOf(a);
		const warga = await buildActor(db, 'warga');
		const kim = await buildKim(db);
		const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		expect((await move(a.id, reporter, { to: 'verified' })).status).toBe(403);
		expect((await move(a.id, warga, { to: 'verified' })).status).toBe(403);
		expect((await move(a.id, anggota, { to: 'rejected', note: 'x' })).status).toBe(403);
		expect((await move(a.id, dpupr, { to: 'verified' })).status).toBe(403);
		expect((await move(a.id, undefined, { to: 'verified' })).status).toBe(401);
		const f = await forwarded('dpupr');
		expect((await move(f.id, dlh, { to: 'in_progress', note: 'rencana' })).status).toBe(403);
		expect((await move(f.id, dpupr, { to: 'rejected', note: 'bukan kami' })).status).toBe(403); // only the agency rejects
		expect((await row(f.id)).status).toBe('verified');
	});

	it('missing reason, plan or response, or an unknown unit, is a 400 field error', async () => {
		const a = await buildAduan(db);
		const r1 = await move(a.id, petugas, { to: 'rejected' });
		expect(r1.status).toBe(400);
		expect(errorsOf(r1).note).toMatch(/alasan/);
		const r2 = await move(a.id, petugas, { to: 'verified', unit_code: 'dinas-antah' });
		expect(r2.status).toBe(400);
		expect(errorsOf(r2).unit_code).toBeTruthy();
		const f = await forwarded();
		const r3 = await move(f.id, dpupr, { to: 'in_progress', note: '   ' });
		expect(r3.status).toBe(400);
		expect(errorsOf(r3).note).toMatch(/rencana/);
		expect((await move(f.id, dpupr, { to: 'in_progress', note: 'rencana' })).status).toBe(200);
		const r4 = await move(f.id, dpupr, { to: 'resolved' });
		expect(r4.status).toBe(400);
		expect(errorsOf(r4).note).toBeTruthy();
		expect((await move(f.id, dpupr, { to: 'nowhere' })).status).toBe(400);
		expect((await move('00000000-0000-4000-8000-000000000000', petugas, { to: 'verified' })).status).toBe(404);
		expect((await events(a.id)).length).toBe(1);
	});
});

describe('reopen, close and rating', () => {
	it('the reporter reopens once; the second time is 409', async () => {
		const a = await resolved();
		const reporter = await reporterOf(a);
		const res = await move(a.id, reporter, { to: 'in_progress', note: 'Lubang muncul lagi' });
		expect(res.status).toBe(200);
		expect(await row(a.id)).toMatchObject({ status: 'in_progress', reopenCount: 1, autoCloseAt: null });
		expect((await move(a.id, dpupr, { to: 'resolved', note: 'Ditambal ulang' })).status).toBe(200);
		const again = await move(a.id, reporter, { to: 'in_progress' });
		expect(again.status).toBe(409);
		expect(again.body.title).toMatch(/sekali/);
		// Staff may not reopen at all.
		expect((await move(a.id, petugas, { to: 'in_progress' })).status).toBe(403);
	});

	it('the reporter closes a resolved aduan; others cannot rate it', async () => {
		const a = await resolved();
		const reporter = await reporterOf(a);
		expect((await call('POST', `/api/v1/aduan/${a.id}/rating`, { as: dpupr, body: { rating: 5 } })).status).toBe(403);
		expect((await move(a.id, reporter, { to: 'closed' })).body.status).toBe('closed');
		expect((await row(a.id)).closedAt).not.toBeNull();
		const rate = await call('POST', `/api/v1/aduan/${a.id}/rating`, { as: reporter, body: { rating: 4, comment: 'Cepat' } });
		expect(rate.status).toBe(200);
		expect(await row(a.id)).toMatchObject({ status: 'closed', rating: 4, ratingComment: 'Cepat' });
	});

	it('rating: only when resolved or closed, 1-5, once; rating a resolved aduan closes it', async () => {
		const open = await forwarded();
		const reporter0 = await reporterOf(open);
		expect((await call('POST', `/api/v1/aduan/${open.id}/rating`, { as: reporter0, body: { rating: 5 } })).status).toBe(409);
		const a = await resolved();
		const reporter = await reporterOf(a);
		const bad = await call('POST', `/api/v1/aduan/${a.id}/rating`, { as: reporter, body: { rating: 6 } });
		expect(bad.status).toBe(400);
		expect(errorsOf(bad).rating).toBeTruthy();
		const ok = await call('POST', `/api/v1/aduan/${a.id}/rating`, { as: reporter, body: { rating: 5 } });
		expect(ok.status).toBe(200);
		expect(ok.body.status).toBe('closed');
		expect(await row(a.id)).toMatchObject({ status: 'closed', rating: 5 });
		expect((await events(a.id)).slice(-2).map((e) => e.kind)).toEqual(['status', 'rating']);
		expect((await call('POST', `/api/v1/aduan/${a.id}/rating`, { as: reporter, body: { rating: 1 } })).status).toBe(409);
		const [n] = await db.select().from(notifications).where(and(eq(notifications.userId, dpupr.userId), eq(notifications.kind, 'aduan_rated'), like(notifications.dedupeKey, `aduan:${a.id}:%`)));
		expect(n.title).toContain('5/5');
	});
});

describe('messages, internal notes and the thread', () => {
	it('internal notes reach staff only, never the reporter’s thread', async () => {
		const a = await forwarded('dpupr', { privacy: 'anonymous' });
		const reporter = await reporterOf(a);
		const secret = 'CATATAN-RAHASIA-42';
		const note = await call('POST', `/api/v1/aduan/${a.id}/messages`, { as: dpupr, body: { body: secret, internal: true } });
		expect(note.status).toBe(201);
		expect(note.body).toMatchObject({ kind: 'note', internal: true, author_role: 'unit' });
		const msg = await call('POST', `/api/v1/aduan/${a.id}/messages`, { as: dpupr, body: { body: 'Mohon kirim foto tambahan' } });
		expect(msg.body.kind).toBe('message');
		const reply = await call('POST', `/api/v1/aduan/${a.id}/messages`, { as: reporter, body: { body: 'Baik, saya kirim' } });
		expect(reply.status).toBe(201);
		expect(reply.body.author_role).toBe('reporter');
		expect((await call('POST', `/api/v1/aduan/${a.id}/messages`, { as: reporter, body: { body: 'x', internal: true } })).status).toBe(403);
		expect((await call('POST', `/api/v1/aduan/${a.id}/messages`, { as: reporter, body: { body: '' } })).status).toBe(400);

		const mine = await call('GET', `/api/v1/aduan/${a.id}/thread`, { as: reporter });
		expect(mine.status).toBe(200);
		expect(JSON.stringify(mine.body)).not.toContain(secret);
		expect(mine.body.events.map((e: { kind: string }) => e.kind)).toEqual(['status', 'status', 'message', 'message']);
		const staff = await call('GET', `/api/v1/aduan/${a.id}/thread`, { as: dpupr });
		expect(JSON.stringify(staff.body)).toContain(secret);
		// The reporter hears of the staff message only; the unit of the reporter's reply; nobody of the note.
		const toReporter = await db.select().from(notifications).where(and(eq(notifications.userId, reporter.id), like(notifications.dedupeKey, `aduan:${a.id}:%`)));
		expect(toReporter.map((n) => n.body).join()).not.toContain(secret);
		expect(toReporter.some((n) => n.body.includes('foto tambahan'))).toBe(true);
		const toUnit = await db.select().from(notifications).where(and(eq(notifications.userId, dpupr.userId), eq(notifications.kind, 'aduan_message'), like(notifications.dedupeKey, `aduan:${a.id}:%`)));
		expect(toUnit).toHaveLength(1);
		const mails = await db.select().from(outbox).where(like(outbox.dedupeKey, `%aduan:${a.id}:%`));
		expect(JSON.stringify(mails)).not.toContain(secret);
	});

	it('the public tracking view never shows internal notes', async () => {
		const a = await forwarded();
		const secret = 'INTERNAL-TIDAK-PUBLIK';
		await call('POST', `/api/v1/aduan/${a.id}/messages`, { as: petugas, body: { body: secret, internal: true } });
		const pub = await call('GET', `/api/v1/aduan/${a.trackingId}`);
		expect(pub.status).toBe(200);
		expect(JSON.stringify(pub.body)).not.toContain(secret);
		const asReporter = await call('GET', `/api/v1/aduan/${a.trackingId}`, { as: await reporterOf(a) });
		expect(JSON.stringify(asReporter.body)).not.toContain(secret);
	});
});

describe('scoping between units', () => {
	it('a unit cannot see or act on another unit’s aduan, confidential ones included', async () => {
		const secretOne = await forwarded('dlh', { privacy: 'confidential', categoryCode: 'sampah', title: 'Rahasia DLH' });
		expect((await call('GET', `/api/v1/aduan/${secretOne.id}/thread`, { as: dpupr })).status).toBe(403);
		expect((await call('POST', `/api/v1/aduan/${secretOne.id}/messages`, { as: dpupr, body: { body: 'hai' } })).status).toBe(403);
		expect((await move(secretOne.id, dpupr, { to: 'in_progress', note: 'x' })).status).toBe(403);
		expect((await call('GET', `/api/v1/aduan/${secretOne.id}/thread`, { as: dlh })).status).toBe(200);
		const board = await getBoard(ctxFor(db, dpupr), {});
		expect(board.length).toBeGreaterThan(0);
		expect(board.every((r) => r.unit_code === 'dpupr')).toBe(true);
		expect(JSON.stringify(board)).not.toContain('Rahasia DLH');
		// Asking for another unit's board gives nothing, not their aduan.
		expect(await getBoard(ctxFor(db, dpupr), { unit: 'dlh' })).toEqual([]);
		// The unit does not see aduan that were not forwarded to it yet.
		const fresh = await buildAduan(db, { title: 'Belum diverifikasi' });
		expect(JSON.stringify(await getBoard(ctxFor(db, dpupr), {}))).not.toContain(fresh.id);
		expect((await call('GET', `/api/v1/aduan/${fresh.id}/thread`, { as: dpupr })).status).toBe(403);
		// The agency sees everything.
		const all = JSON.stringify(await getBoard(ctxFor(db, petugas), {}));
		expect(all).toContain(secretOne.id);
		expect(all).toContain(fresh.id);
	});

	it('the board is for staff only; overdue first, then due today; filters by due', async () => {
		await expect(getBoard(ctxFor(db, await buildActor(db, 'warga')), {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(getBoard(ctxFor(db, null), {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		const late = await buildAduan(db, { verifyBy: new Date(Date.now() - 3 * 86_400_000), title: 'Terlambat' });
		const soon = await buildAduan(db, { verifyBy: new Date(Date.now() + 30 * 86_400_000), title: 'Masih lama' });
		const data = await getBoard(ctxFor(db, petugas), {});
		const ids = data.map((r) => r.id);
		expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(soon.id));
		expect(data[0].due!.overdue).toBe(true);
		expect(data.find((r) => r.id === late.id)!.due!.words).toMatch(/terlambat/);
		const overdue = await getBoard(ctxFor(db, petugas), { due: 'overdue' });
		expect(overdue.map((r) => r.id)).toContain(late.id);
		expect(overdue.map((r) => r.id)).not.toContain(soon.id);
	});

	it('GET /api/v1/aduan/board answers over HTTP (not taken for a tracking id)', async () => {
		const res = await call('GET', '/api/v1/aduan/board', { as: dpupr });
		expect(res.status).toBe(200);
		expect(res.body.data.every((r: { unit_code: string }) => r.unit_code === 'dpupr')).toBe(true);
		expect((await call('GET', '/api/v1/aduan/board', { as: await buildActor(db, 'warga') })).status).toBe(403);
		expect((await call('GET', '/api/v1/aduan/board')).status).toBe(401);
		expect((await call('GET', '/api/v1/aduan/board?due=kemarin', { as: petugas })).status).toBe(400);
	});
});

describe('reassign', () => {
	it('the agency hands an aduan to another unit: plan deadline restarts, new unit notified', async () => {
		const a = await forwarded();
		expect((await call('POST', `/api/v1/aduan/${a.id}/reassign`, { as: dpupr, body: { unit_code: 'dlh', note: 'bukan kami' } })).status).toBe(403);
		expect((await call('POST', `/api/v1/aduan/${a.id}/reassign`, { as: petugas, body: { unit_code: 'dpupr', note: 'sama' } })).status).toBe(400);
		expect((await call('POST', `/api/v1/aduan/${a.id}/reassign`, { as: petugas, body: { unit_code: 'tidak-ada', note: 'x' } })).status).toBe(400);
		expect((await call('POST', `/api/v1/aduan/${a.id}/reassign`, { as: petugas, body: { unit_code: 'dlh' } })).status).toBe(400);
		const res = await call('POST', `/api/v1/aduan/${a.id}/reassign`, { as: petugas, body: { unit_code: 'dlh', note: 'Sampah, bukan jalan' } });
		expect(res.status).toBe(200);
		expect(res.body.unit_code).toBe('dlh');
		const r = await row(a.id);
		expect(r.planBy!.getTime()).toBeGreaterThanOrEqual(a.planBy!.getTime());
		const [e] = (await events(a.id)).filter((x) => x.kind === 'reassign');
		expect(e).toMatchObject({ fromUnit: 'dpupr', toUnit: 'dlh', body: 'Sampah, bukan jalan' });
		expect(await db.select().from(notifications).where(and(eq(notifications.userId, dlh.userId), like(notifications.dedupeKey, `aduan:${a.id}:%`)))).toHaveLength(1);
		// dpupr lost it; dlh has it.
		expect((await call('GET', `/api/v1/aduan/${a.id}/thread`, { as: dpupr })).status).toBe(403);
		expect((await call('GET', `/api/v1/aduan/${a.id}/thread`, { as: dlh })).status).toBe(200);
		const closed = await buildAduan(db, { status: 'closed' });
		expect((await call('POST', `/api/v1/aduan/${closed.id}/reassign`, { as: petugas, body: { unit_code: 'dlh', note: 'x' } })).status).toBe(409);
	});
});

describe('holidays and units (admin)', () => {
	it('an added day off pushes the deadlines; marking it worked brings them back; only admins write', async () => {
		const admin = await buildActor(db, 'admin');
		const list = await call('GET', '/api/v1/holidays?year=2026');
		expect(list.status).toBe(200);
		expect(list.body.data.length).toBeGreaterThan(5);
		const seeded = list.body.data.find((h: { source: string; is_off: boolean }) => h.source !== 'admin' && h.is_off);
		expect(seeded).toBeTruthy();
		const day = '2031-03-04'; // a Tuesday far away
		expect((await call('POST', '/api/v1/holidays', { as: petugas, body: { day, name: 'Cuti' } })).status).toBe(403);
		expect((await call('POST', '/api/v1/holidays', { as: admin, body: { day: '2031-02-30', name: 'Cuti' } })).status).toBe(400);
		const from = new Date('2031-03-03T03:00:00Z'); // Monday 10:00 WIB
		const without = deadlineAfter(from, 1, await loadHolidaySet(db));
		const saved = await call('POST', '/api/v1/holidays', { as: admin, body: { day, name: 'Cuti bersama', kind: 'cuti_bersama' } });
		expect(saved.status).toBe(200);
		expect(saved.body).toMatchObject({ day, is_off: true, kind: 'cuti_bersama', source: 'admin' });
		expect(deadlineAfter(from, 1, await loadHolidaySet(db)).getTime()).toBeGreaterThan(without.getTime());
		expect((await call('DELETE', `/api/v1/holidays/${day}`, { as: admin })).body).toEqual({ deleted: true });
		expect(deadlineAfter(from, 1, await loadHolidaySet(db))).toEqual(without);
		// A seeded day is kept but marked as worked.
		expect((await call('DELETE', `/api/v1/holidays/${seeded.day}`, { as: admin })).body).toEqual({ deleted: false });
		expect((await loadHolidaySet(db)).has(seeded.day)).toBe(false);
		expect((await call('POST', '/api/v1/holidays', { as: admin, body: { day: seeded.day, name: seeded.name, kind: 'national', is_off: true } })).body.is_off).toBe(true);
		expect((await call('DELETE', '/api/v1/holidays/2031-03-05', { as: admin })).status).toBe(404);
		expect(await db.select().from(auditLog).where(eq(auditLog.action, 'holiday.save'))).toHaveLength(2);
	});

	it('a transition after an added holiday skips it', async () => {
		const admin = await buildActor(db, 'admin');
		const a = await buildAduan(db);
		const sets = await loadHolidaySet(db);
		// Add the next working day as a day off: the plan deadline moves by one working day.
		const next = deadlineAfter(new Date(), 1, sets).toISOString();
		const nextDay = new Date(Date.parse(next) + 7 * 3600_000).toISOString().slice(0, 10);
		await call('POST', '/api/v1/holidays', { as: admin, body: { day: nextDay, name: 'Libur lokal', kind: 'local' } });
		await move(a.id, petugas, { to: 'verified' });
		const r = await row(a.id);
		expect(r.planBy).toEqual(deadlineAfter(r.verifiedAt!, PLAN_WITHIN_DAYS, new Set([...sets, nextDay])));
		expect(r.planBy!.getTime()).toBeGreaterThan(deadlineAfter(r.verifiedAt!, PLAN_WITHIN_DAYS, sets).getTime());
		await call('DELETE', `/api/v1/holidays/${nextDay}`, { as: admin });
	});

	it('units are public; members are managed by the admin by email', async () => {
		const units = await call('GET', '/api/v1/units');
		expect(units.status).toBe(200);
		expect(units.body.data.map((u: { code: string }) => u.code)).toEqual(expect.arrayContaining(['diskominsta', 'dpupr', 'dlh']));
		const admin = await buildActor(db, 'admin');
		const person = await buildActor(db, 'warga');
		expect((await call('POST', '/api/v1/units/dinkes/members', { as: petugas, body: { email: person.email } })).status).toBe(403);
		const bad = await call('POST', '/api/v1/units/dinkes/members', { as: admin, body: { email: 'tidak-ada@test.id' } });
		expect(bad.status).toBe(400);
		expect(errorsOf(bad).email).toBeTruthy();
		expect((await call('POST', '/api/v1/units/antah/members', { as: admin, body: { email: person.email } })).status).toBe(404);
		const added = await call('POST', '/api/v1/units/dinkes/members', { as: admin, body: { email: person.email.toUpperCase(), is_supervisor: true } });
		expect(added.status).toBe(200);
		expect(added.body).toMatchObject({ unit_code: 'dinkes', user_id: person.userId, is_supervisor: true });
		const members = await call('GET', '/api/v1/units/dinkes/members', { as: admin });
		expect(members.body.data.map((x: { user_id: string }) => x.user_id)).toContain(person.userId);
		// Now staff of dinkes: the board opens for them.
		expect(await getBoard(ctxFor(db, (await loadActor(db, person.userId))!), {})).toBeDefined();
		expect((await call('DELETE', `/api/v1/units/dinkes/members/${person.userId}`, { as: admin })).status).toBe(204);
		expect((await call('DELETE', `/api/v1/units/dinkes/members/${person.userId}`, { as: admin })).status).toBe(404);
	});
});
