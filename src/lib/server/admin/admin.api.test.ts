import { beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildUser, ctxFor, testApi } from '../../../../tests/factories';
import { auditLog, outbox } from '../db/schema';
import type { Db } from '../db/client';
import { loadActor } from '../auth/auth.queries';
import { loadAdminOverview } from './admin.actions';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
let admin: Awaited<ReturnType<typeof buildUser>>;

const mail = (over: Partial<typeof outbox.$inferInsert> = {}) =>
	db
		.insert(outbox)
		.values({ topic: 'email', payload: { to: 'someone@contoh.id', subject: 'Atur ulang kata sandi', text: 'rahasia token=abc' }, ...over })
		.returning()
		.then((r) => r[0]);

beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
	admin = await buildUser(db, { role: 'admin' });
});

describe('GET /api/v1/admin/outbox', () => {
	it('lists recent messages with status, attempts and last error, and counts per status, never the body', async () => {
		const failed = await mail({ status: 'failed', attempts: 8, lastError: 'connect ECONNREFUSED' });
		await mail({ status: 'sent', attempts: 1, processedAt: new Date() });
		await mail({ status: 'logged', attempts: 1 });
		await mail();
		const res = await call('GET', '/api/v1/admin/outbox', { as: admin });
		expect(res.status).toBe(200);
		expect(res.body.counts).toEqual({ pending: 1, sent: 1, logged: 1, failed: 1 });
		expect(res.body.data.map((r: { status: string }) => r.status)).toEqual(['pending', 'logged', 'sent', 'failed']);
		expect(res.body.data[3]).toMatchObject({ id: failed.id, to: 'someone@contoh.id', subject: 'Atur ulang kata sandi', attempts: 8, last_error: 'connect ECONNREFUSED' });
		expect(JSON.stringify(res.body)).not.toContain('token=abc');
		const onlyFailed = await call('GET', '/api/v1/admin/outbox?status=failed', { as: admin });
		expect(onlyFailed.body.data.map((r: { id: number }) => r.id)).toEqual([failed.id]);
	});

	it('is admin-only', async () => {
		expect((await call('GET', '/api/v1/admin/outbox')).status).toBe(401);
		const warga = await buildUser(db);
		expect((await call('GET', '/api/v1/admin/outbox', { as: warga })).status).toBe(403);
	});
});

describe('POST /api/v1/admin/outbox/{id}/retry', () => {
	it('puts a failed message back in the queue, due now, and audits it', async () => {
		const row = await mail({ status: 'failed', attempts: 8, lastError: 'boom', nextAttemptAt: new Date('2030-01-01T00:00:00Z') });
		const res = await call('POST', `/api/v1/admin/outbox/${row.id}/retry`, { as: admin });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ id: row.id, status: 'pending' });
		const [after] = await db.select().from(outbox).where(eq(outbox.id, row.id));
		expect(after.status).toBe('pending');
		expect(after.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
		const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'outbox.retry')).orderBy(desc(auditLog.id));
		expect(entry).toMatchObject({ entityType: 'outbox', entityId: String(row.id), actorId: admin.id, before: { status: 'failed', lastError: 'boom' }, after: { status: 'pending' } });
	});

	it('refuses messages that did not fail (409), unknown ids (404), and non-admins with nothing changed', async () => {
		const sent = await mail({ status: 'sent' });
		expect((await call('POST', `/api/v1/admin/outbox/${sent.id}/retry`, { as: admin })).status).toBe(409);
		expect((await call('POST', '/api/v1/admin/outbox/999999/retry', { as: admin })).status).toBe(404);
		const failed = await mail({ status: 'failed' });
		const petugas = await buildUser(db, { role: 'petugas' });
		expect((await call('POST', `/api/v1/admin/outbox/${failed.id}/retry`, { as: petugas })).status).toBe(403);
		expect((await call('POST', `/api/v1/admin/outbox/${failed.id}/retry`)).status).toBe(401);
		const [row] = await db.select().from(outbox).where(eq(outbox.id, failed.id));
		expect(row.status).toBe('failed');
	});
});

describe('loadAdminOverview', () => {
	it('counts users, regions, recent audit entries and mail; admins only', async () => {
		const actor = await loadActor(db, admin.id);
		const o = await loadAdminOverview(ctxFor(db, actor));
		expect(o.regions).toMatchObject({ kota: 1, kecamatan: 3 });
		expect(o.users.admin).toBeGreaterThanOrEqual(1);
		expect(o.outbox.failed).toBeGreaterThanOrEqual(1);
		await expect(loadAdminOverview(ctxFor(db, null))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
	});
});
