import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim } from '../../../../tests/factories';
import { auditLog, notifications, outbox } from '../db/schema';
import type { Db } from '../db/client';
import { AUTO_CLOSE_AFTER_DAYS, PLAN_WITHIN_DAYS, deadlineAfter } from './aduan.rules';
import { buildAduan, buildUnitStaff } from './aduan.factories';
import { loadHolidaySet } from './aduan.handling.queries';
import { buildHandlingWorld, errorsOf, type HandlingWorld } from './aduan.api.world';

let db: Db;
let { petugas, dpupr, dlh, reporterOf, row, events, move, forwarded } = {} as HandlingWorld;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	({ petugas, dpupr, dlh, reporterOf, row, events, move, forwarded } = await buildHandlingWorld(db));
});

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
