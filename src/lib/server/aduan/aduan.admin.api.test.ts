import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, ctxFor } from '../../../../tests/factories';
import { loadActor } from '../auth/auth.queries';
import { getBoard } from './aduan.handling.read';
import { auditLog } from '../db/schema';
import type { Db } from '../db/client';
import { PLAN_WITHIN_DAYS, deadlineAfter } from './aduan.rules';
import { buildAduan } from './aduan.factories';
import { loadHolidaySet } from './aduan.handling.queries';
import { buildHandlingWorld, errorsOf, type HandlingWorld } from './aduan.api.world';

let db: Db;
let { call, petugas, row, move } = {} as HandlingWorld;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	({ call, petugas, row, move } = await buildHandlingWorld(db));
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
