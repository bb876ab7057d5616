import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildUser, testApi } from '../../../../tests/factories';
import type { Db } from '../db/client';
import { apiKeys, auditLog } from '../db/schema';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
let admin: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
	db = (await createTestDatabase()).db;
	({ call } = testApi(db));
	admin = await buildUser(db, { role: 'admin' });
});

describe('admin API keys', () => {
	it('issues a key once, lists without it, is admin-only, audits', async () => {
		expect((await call('POST', '/api/v1/admin/api-keys', { body: { name: 'x' } })).status).toBe(401);
		const petugas = await buildUser(db, { role: 'petugas' });
		expect((await call('POST', '/api/v1/admin/api-keys', { as: petugas, body: { name: 'x' } })).status).toBe(403);
		expect((await call('GET', '/api/v1/admin/api-keys', { as: petugas })).status).toBe(403);
		const bad = await call('POST', '/api/v1/admin/api-keys', { as: admin, body: { name: '' } });
		expect(bad.status).toBe(400);
		expect(bad.body.errors[0].path).toBe('name');
		const issued = await call('POST', '/api/v1/admin/api-keys', { as: admin, body: { name: 'Aplikasi Kelurahan' } });
		expect(issued.status).toBe(201);
		expect(issued.body).toMatchObject({ name: 'Aplikasi Kelurahan', key: expect.stringMatching(/^s311_[\w-]{43}$/), revoked_at: null });
		const list = await call('GET', '/api/v1/admin/api-keys', { as: admin });
		expect(list.body.data.find((k: { id: string }) => k.id === issued.body.id)).toEqual(expect.objectContaining({ name: 'Aplikasi Kelurahan', last_used_at: null }));
		const text = JSON.stringify(list.body);
		expect(text).not.toContain(issued.body.key);
		expect(text).not.toContain('hash');
		const [stored] = await db.select().from(apiKeys).where(eq(apiKeys.id, issued.body.id));
		expect(stored.keyHash).toMatch(/^[0-9a-f]{64}$/);
		const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, issued.body.id));
		expect(audits.map((a) => a.action)).toEqual(['api_key.create']);
		expect(JSON.stringify(audits)).not.toContain(stored.keyHash);
		expect((await call('POST', '/api/v1/admin/api-keys/00000000-0000-4000-8000-000000000000/revoke', { as: admin })).status).toBe(404);
		expect((await call('POST', '/api/v1/admin/api-keys/nope/revoke', { as: admin })).status).toBe(404);
		const revoked = await call('POST', `/api/v1/admin/api-keys/${issued.body.id}/revoke`, { as: admin });
		expect(revoked.body.revoked_at).not.toBeNull();
		const again = await call('POST', `/api/v1/admin/api-keys/${issued.body.id}/revoke`, { as: admin });
		expect(again.body.revoked_at).toBe(revoked.body.revoked_at);
	});
});

describe('OpenAPI document', () => {
	it('documents the Open311 endpoints, the key admin and the statistics', async () => {
		const res = await call('GET', '/api/openapi.json');
		expect(res.status).toBe(200);
		const paths = Object.keys(res.body.paths);
		for (const p of ['/open311/v2/discovery.{format}', '/open311/v2/services.{format}', '/open311/v2/services/{service_code}.{format}', '/open311/v2/requests.{format}',
			'/open311/v2/requests/{service_request_id}.{format}', '/open311/v2/tokens/{token}.{format}', '/api/v1/admin/api-keys', '/api/v1/admin/api-keys/{id}/revoke', '/api/v1/aduan/stats']) {
			expect(paths, p).toContain(p);
		}
		expect(res.body.paths['/open311/v2/requests.{format}'].post.parameters[0]).toMatchObject({ name: 'format', in: 'path' });
	});
});
