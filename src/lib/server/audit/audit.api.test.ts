import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { buildUser, testApi } from '../../../../tests/factories';
import { auditLog } from '../db/schema';
import type { Db } from '../db/client';
import { startOfWibDay } from '../validation';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
let admin: Awaited<ReturnType<typeof buildUser>>;

const entry = (over: Partial<typeof auditLog.$inferInsert>) =>
	db.insert(auditLog).values({ actorLabel: 'system', action: 'x.test', entityType: 'test', ...over }).returning().then((r) => r[0]);

beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
	admin = await buildUser(db, { role: 'admin', email: 'admin-audit@contoh.id' });
	// 28 Nov 2026 23:30 WIB is 16:30 UTC; 29 Nov 00:30 WIB is 17:30 UTC.
	await entry({ action: 'kim.verify', entityType: 'kim', entityId: 'k1', actorLabel: 'petugas@contoh.id', createdAt: new Date('2026-11-28T16:30:00Z'), before: { status: 'registered', name: 'KIM A' }, after: { status: 'verified', name: 'KIM A' } });
	await entry({ action: 'kim.return', entityType: 'kim', entityId: 'k2', actorLabel: 'petugas@contoh.id', createdAt: new Date('2026-11-28T17:30:00Z') });
	await entry({ action: 'user.role_change', entityType: 'user', entityId: 'u1', actorLabel: 'admin-audit@contoh.id', createdAt: new Date('2026-11-30T03:00:00Z'), before: { role: 'warga' }, after: { role: 'petugas' } });
	await entry({ action: 'user_thing.other', entityType: 'user', actorLabel: 'system', createdAt: new Date('2026-11-30T04:00:00Z') });
});

// Actions listed, without the admin's own sign-ins that the test's requests create.
const ids = (res: { body: { data: { entity_id: string | null; action: string }[] } }) =>
	res.body.data.map((e) => e.action).filter((a) => a !== 'user.login');

describe('GET /api/v1/audit', () => {
	it('lists newest first with the changed keys only', async () => {
		const res = await call('GET', '/api/v1/audit?entity_type=kim', { as: admin });
		expect(res.status).toBe(200);
		expect(ids(res)).toEqual(['kim.return', 'kim.verify']);
		expect(res.body.data[1]).toMatchObject({ actor: 'petugas@contoh.id', entity_id: 'k1', changes: [{ key: 'status', before: 'registered', after: 'verified' }] });
		expect(res.body.next_before_id).toBeNull();
	});

	it('filters by exact action, by action prefix, by actor and by WIB dates', async () => {
		expect(ids(await call('GET', '/api/v1/audit?action=user.role_change', { as: admin }))).toEqual(['user.role_change']);
		expect(ids(await call('GET', '/api/v1/audit?action=user&from=2026-11-01&to=2026-12-31', { as: admin }))).toEqual(['user.role_change']);
		expect(ids(await call('GET', '/api/v1/audit?actor=PETUGAS@', { as: admin }))).toEqual(['kim.return', 'kim.verify']);
		expect(ids(await call('GET', '/api/v1/audit?actor=system&from=2026-11-01&to=2026-12-31', { as: admin }))).toEqual(['user_thing.other']);
		expect(ids(await call('GET', '/api/v1/audit?from=2026-11-28&to=2026-11-28', { as: admin }))).toEqual(['kim.verify']);
		expect(ids(await call('GET', '/api/v1/audit?from=2026-11-29&to=2026-11-29', { as: admin }))).toEqual(['kim.return']);
		const bad = await call('GET', '/api/v1/audit?from=2026-13-01', { as: admin });
		expect(bad.status).toBe(400);
		expect(bad.body.errors[0].path).toBe('from');
	});

	it('names the changed record when it still exists', async () => {
		const target = await buildUser(db, { email: 'dilihat@contoh.id' });
		await entry({ action: 'user.deactivate', entityType: 'user', entityId: target.id });
		const res = await call('GET', '/api/v1/audit?action=user.deactivate', { as: admin });
		expect(res.body.data[0]).toMatchObject({ entity_id: target.id, entity_label: 'dilihat@contoh.id' });
	});

	it('pages by keyset, 50 at a time', async () => {
		for (let i = 0; i < 55; i++) await entry({ action: 'bulk.item', entityId: String(i) });
		const first = await call('GET', '/api/v1/audit?action=bulk.item', { as: admin });
		expect(first.body.data).toHaveLength(50);
		expect(first.body.data[0].entity_id).toBe('54');
		const second = await call('GET', `/api/v1/audit?action=bulk.item&before_id=${first.body.next_before_id}`, { as: admin });
		expect(second.body.data.map((e: { entity_id: string }) => e.entity_id)).toEqual(['4', '3', '2', '1', '0']);
		expect(second.body.next_before_id).toBeNull();
	});

	it('is admin-only', async () => {
		expect((await call('GET', '/api/v1/audit')).status).toBe(401);
		const petugas = await buildUser(db, { role: 'petugas' });
		expect((await call('GET', '/api/v1/audit', { as: petugas })).status).toBe(403);
	});
});

it('startOfWibDay is midnight in Jakarta', () => {
	expect(startOfWibDay('2026-11-28').toISOString()).toBe('2026-11-27T17:00:00.000Z');
	expect(startOfWibDay('2026-11-28', 1).toISOString()).toBe('2026-11-28T17:00:00.000Z');
});
