import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, like } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, PUBLIC_URL } from '../../../../tests/factories';
import { aduan, aduanEvents, auditLog, notifications, outbox } from '../db/schema';
import type { Db } from '../db/client';
import { buildAduan, buildUnitStaff } from './aduan.factories';
import { sweepAduan } from './aduan.sweep';

let db: Db;
let petugas: Awaited<ReturnType<typeof buildActor>>;
let kepala: Awaited<ReturnType<typeof buildUnitStaff>>;
let staf: Awaited<ReturnType<typeof buildUnitStaff>>;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	petugas = await buildActor(db, 'petugas');
	kepala = await buildUnitStaff(db, 'dpupr', { supervisor: true });
	staf = await buildUnitStaff(db, 'dpupr');
});

const H = 3600_000;
const row = async (id: string) => (await db.select().from(aduan).where(eq(aduan.id, id)))[0];
const eventsOf = async (id: string, kind: 'escalation' | 'status') => db.select().from(aduanEvents).where(and(eq(aduanEvents.aduanId, id), eq(aduanEvents.kind, kind)));
const noticesTo = async (userId: string, id: string) => db.select().from(notifications).where(and(eq(notifications.userId, userId), like(notifications.dedupeKey, `aduan:${id}:%`)));

describe('escalation', () => {
	it('escalates an unverified aduan past its deadline once, to the petugas (internal event, email)', async () => {
		const now = new Date('2030-06-12T03:00:00Z');
		const a = await buildAduan(db, { createdAt: new Date(now.getTime() - 10 * 24 * H), verifyBy: new Date(now.getTime() - H) });
		const fresh = await buildAduan(db, { createdAt: now, verifyBy: new Date(now.getTime() + 48 * H) });
		const first = await sweepAduan(db, now, PUBLIC_URL);
		expect(first.escalated).toBeGreaterThanOrEqual(1);
		expect((await row(a.id)).escalatedFor).toBe('verify');
		expect((await row(fresh.id)).escalatedFor).toBeNull();
		const [e] = await eventsOf(a.id, 'escalation');
		expect(e).toMatchObject({ isInternal: true, authorRole: 'system' });
		const [n] = await noticesTo(petugas.userId, a.id);
		expect(n).toMatchObject({ kind: 'aduan_escalation', url: `/petugas/aduan/${a.id}` });
		expect(await db.select().from(outbox).where(like(outbox.dedupeKey, `notice:${petugas.userId}:aduan:${a.id}:%`))).toHaveLength(1);
		expect(await noticesTo(a.reporterId!, a.id)).toEqual([]);
		// Again, later, and twice at once: nothing more.
		const again = await Promise.all([sweepAduan(db, new Date(now.getTime() + H), PUBLIC_URL), sweepAduan(db, new Date(now.getTime() + H), PUBLIC_URL)]);
		expect(again.map((r) => r.escalated)).toEqual([0, 0]);
		expect(await eventsOf(a.id, 'escalation')).toHaveLength(1);
		expect(await noticesTo(petugas.userId, a.id)).toHaveLength(1);
		expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'aduan.escalate'), eq(auditLog.entityId, a.id)))).toHaveLength(1);
	});

	it('escalates a missing follow-up plan to the unit’s supervisors only, once; a posted plan stops it', async () => {
		const now = new Date('2030-07-01T03:00:00Z');
		const late = await buildAduan(db, { status: 'verified', verifiedAt: new Date(now.getTime() - 200 * H), planBy: new Date(now.getTime() - H), escalatedFor: 'verify' });
		const planned = await buildAduan(db, { status: 'in_progress', verifiedAt: new Date(now.getTime() - 200 * H), planBy: new Date(now.getTime() - H), planPostedAt: new Date(now.getTime() - 2 * H) });
		await sweepAduan(db, now, PUBLIC_URL);
		expect((await row(late.id)).escalatedFor).toBe('plan');
		expect(await noticesTo(kepala.userId, late.id)).toHaveLength(1);
		expect(await noticesTo(staf.userId, late.id)).toHaveLength(0);
		expect(await noticesTo(petugas.userId, late.id)).toHaveLength(0);
		expect((await row(planned.id)).escalatedFor).toBeNull();
		expect(await eventsOf(planned.id, 'escalation')).toHaveLength(0);
		await sweepAduan(db, new Date(now.getTime() + 24 * H), PUBLIC_URL);
		expect(await eventsOf(late.id, 'escalation')).toHaveLength(1);
	});
});

describe('auto-close', () => {
	it('closes a resolved aduan once its auto-close time has passed, tells the reporter, and only once', async () => {
		const now = new Date('2030-08-01T03:00:00Z');
		const due = await buildAduan(db, { status: 'resolved', resolvedAt: new Date(now.getTime() - 400 * H), autoCloseAt: new Date(now.getTime() - 1000) });
		const notYet = await buildAduan(db, { status: 'resolved', resolvedAt: new Date(now.getTime() - H), autoCloseAt: new Date(now.getTime() + 300 * H) });
		const runs = await Promise.all([sweepAduan(db, now, PUBLIC_URL), sweepAduan(db, now, PUBLIC_URL)]);
		expect(runs.reduce((n, r) => n + r.closed, 0)).toBe(1);
		expect(await row(due.id)).toMatchObject({ status: 'closed', closedAt: now });
		expect((await row(notYet.id)).status).toBe('resolved');
		const closing = await eventsOf(due.id, 'status');
		expect(closing.filter((e) => e.toStatus === 'closed')).toEqual([expect.objectContaining({ fromStatus: 'resolved', authorRole: 'system', authorId: null })]);
		expect(closing.find((e) => e.toStatus === 'closed')!.body).toMatch(/otomatis/);
		const [n] = await noticesTo(due.reporterId!, due.id);
		expect(n.url).toBe(`/aduan/saya/${due.trackingId}`);
		expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'aduan.auto_close'), eq(auditLog.entityId, due.id)))).toEqual([expect.objectContaining({ actorLabel: 'system' })]);
		expect((await sweepAduan(db, new Date(now.getTime() + H), PUBLIC_URL)).closed).toBe(0);
		expect((await db.select().from(aduan).where(inArray(aduan.id, [due.id, notYet.id]))).map((x) => x.status).sort()).toEqual(['closed', 'resolved']);
	});
});

describe('escalation without supervisors', () => {
	it('goes to the unit’s staff when the unit has no supervisor', async () => {
		const now = new Date('2030-09-02T03:00:00Z');
		const dlhStaf = await buildUnitStaff(db, 'dlh');
		const a = await buildAduan(db, { categoryCode: 'sampah', status: 'verified', verifiedAt: new Date(now.getTime() - 200 * H), planBy: new Date(now.getTime() - H) });
		await sweepAduan(db, now, PUBLIC_URL);
		expect(await noticesTo(dlhStaf.userId, a.id)).toHaveLength(1);
	});
});

describe('escalation after a reassignment', () => {
	it('escalates to the unit the aduan has now, not the one it had when the sweep read it', async () => {
		const now = new Date('2030-07-15T03:00:00Z');
		const dinkesKepala = await buildUnitStaff(db, 'dinkes', { supervisor: true });
		const a = await buildAduan(db, { status: 'verified', verifiedAt: new Date(now.getTime() - 200 * H), planBy: new Date(now.getTime() - H), escalatedFor: 'verify' });
		expect(a.unitCode).toBe('dpupr');
		// The agency reassigns it to dinkes between the sweep's read and its write.
		const racing = Object.create(db) as Db;
		racing.transaction = (async (fn: Parameters<Db['transaction']>[0]) => {
			await db.update(aduan).set({ unitCode: 'dinkes' }).where(eq(aduan.id, a.id));
			return db.transaction(fn);
		}) as Db['transaction'];
		await sweepAduan(racing, now, PUBLIC_URL);
		expect((await row(a.id)).escalatedFor).toBe('plan');
		expect(await noticesTo(dinkesKepala.userId, a.id)).toHaveLength(1);
		expect(await noticesTo(kepala.userId, a.id)).toHaveLength(0);
	});
});

describe('a backlog', () => {
	it('is worked through in batches, and a process that stops ends its sweep after the aduan in hand', async () => {
		const now = new Date('2035-01-10T03:00:00Z');
		const backlog = [];
		for (let i = 0; i < 7; i++) backlog.push(await buildAduan(db, { createdAt: new Date(now.getTime() - 10 * 24 * H), verifyBy: new Date(now.getTime() - H) }));
		const ids = backlog.map((a) => a.id);
		const escalated = async () => (await db.select().from(aduan).where(and(inArray(aduan.id, ids), eq(aduan.escalatedFor, 'verify')))).length;

		expect(await sweepAduan(db, now, PUBLIC_URL, { batch: 2, isStopped: () => true })).toEqual({ escalated: 0, closed: 0 });
		expect(await escalated()).toBe(0);
		// Stopped after the first batch's two aduan: the rest waits for the next sweep.
		let checks = 0;
		const partial = await sweepAduan(db, now, PUBLIC_URL, { batch: 2, isStopped: () => ++checks > 3 });
		expect(partial.escalated).toBeLessThanOrEqual(2);
		expect(await escalated()).toBeLessThan(7);
		const rest = await sweepAduan(db, now, PUBLIC_URL, { batch: 2 });
		expect(await escalated()).toBe(7);
		expect(partial.escalated + rest.escalated).toBeGreaterThanOrEqual(7);
		expect(await eventsOf(ids[0], 'escalation')).toHaveLength(1);
	});
});
