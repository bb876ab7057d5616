import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, ctxFor, testApi } from '../../../../tests/factories';
import { auditLog, kimMembers, kims } from '../db/schema';
import type { Db } from '../db/client';
import type { KimStatus } from '../../shared/roles';
import { loadKimForUpdate } from './kims.guard';
import { lockKim } from './kims.queries';

// The real query, wrapped so a test can see whether a row lock was taken.
vi.mock('./kims.queries', async (importOriginal) => {
	const mod = await importOriginal<typeof import('./kims.queries')>();
	return { ...mod, lockKim: vi.fn(mod.lockKim) };
});

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
});

const PNG_1PX = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
const upload = () => {
	const fd = new FormData();
	fd.append('file', new File([PNG_1PX as BlobPart], 'x.png', { type: 'image/png' }));
	return fd;
};
const auditCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(sql`${auditLog.action} <> 'user.login'`))[0].n;

/** Every write on one KIM, as [label, method, path, body]. */
function writes(key: string, memberId: string): [string, string, string, unknown][] {
	return [
		['edit', 'PATCH', `/api/v1/kims/${key}`, { description: 'Diubah' }],
		['verify', 'POST', `/api/v1/kims/${key}/verify`, undefined],
		['return', 'POST', `/api/v1/kims/${key}/return`, { reason: 'x' }],
		['resubmit', 'POST', `/api/v1/kims/${key}/resubmit`, undefined],
		['deactivate', 'POST', `/api/v1/kims/${key}/deactivate`, undefined],
		['reactivate', 'POST', `/api/v1/kims/${key}/reactivate`, undefined],
		['add member', 'POST', `/api/v1/kims/${key}/members`, { email: 'orang@contoh.id', name: 'Orang', position: 'anggota' }],
		['change position', 'PATCH', `/api/v1/kims/${key}/members/${memberId}`, { position: 'seksi' }],
		['remove member', 'DELETE', `/api/v1/kims/${key}/members/${memberId}`, undefined],
		['upload SK', 'POST', `/api/v1/kims/${key}/files/sk`, upload()],
		['upload logo', 'POST', `/api/v1/kims/${key}/files/logo`, upload()]
	];
}

describe('writes reveal no more than GET', () => {
	it.each(['registered', 'returned', 'inactive'] as KimStatus[])(
		'a %s KIM answers every write with the same 404 as GET to anonymous visitors, residents and other KIMs’ pengurus; nothing changes',
		async (status) => {
			const kim = await buildKim(db, { status });
			const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
			const other = await buildKim(db);
			const visitors = [undefined, await buildActor(db, 'warga'), await buildActor(db, 'warga', { kimId: other.id, position: 'ketua' })];
			const before = (await db.select().from(kims).where(eq(kims.id, kim.id)))[0];
			const audits = await auditCount();
			for (const as of visitors) {
				const get = await call('GET', `/api/v1/kims/${kim.id}`, { as });
				expect(get.status).toBe(404);
				for (const key of [kim.id, kim.slug]) {
					for (const [label, method, path, body] of writes(key, anggota.userId)) {
						const res = await call(method, path, { as, body });
						expect({ label, key, status: res.status }).toEqual({ label, key, status: 404 });
						expect(res.body).toEqual(get.body);
					}
				}
			}
			// A KIM that does not exist answers the same.
			const missing = await call('PATCH', '/api/v1/kims/00000000-0000-4000-8000-000000000000', { as: visitors[1], body: { description: 'x' } });
			expect(missing.body).toEqual((await call('GET', `/api/v1/kims/${kim.id}`)).body);
			expect((await db.select().from(kims).where(eq(kims.id, kim.id)))[0]).toEqual(before);
			expect(await db.select().from(kimMembers).where(eq(kimMembers.kimId, kim.id))).toHaveLength(1);
			expect(await auditCount()).toBe(audits);
		}
	);

	it('its own members still get 403 for what they may not do, and a verified KIM answers 401 and 403 as before', async () => {
		const pending = await buildKim(db, { status: 'registered' });
		const anggota = await buildActor(db, 'warga', { kimId: pending.id, position: 'anggota' });
		expect((await call('PATCH', `/api/v1/kims/${pending.id}`, { as: anggota, body: { description: 'x' } })).status).toBe(403);
		expect((await call('POST', `/api/v1/kims/${pending.id}/files/sk`, { as: anggota, body: upload() })).status).toBe(403);
		const verified = await buildKim(db);
		const warga = await buildActor(db, 'warga');
		expect((await call('PATCH', `/api/v1/kims/${verified.id}`, { body: { description: 'x' } })).status).toBe(401);
		expect((await call('POST', `/api/v1/kims/${verified.id}/files/logo`, { body: upload() })).status).toBe(401);
		expect((await call('POST', `/api/v1/kims/${verified.id}/members`, { body: { email: 'a@contoh.id', name: 'A', position: 'anggota' } })).status).toBe(401);
		expect((await call('PATCH', `/api/v1/kims/${verified.id}`, { as: warga, body: { description: 'x' } })).status).toBe(403);
		expect((await call('POST', `/api/v1/kims/${verified.id}/members`, { as: warga, body: { email: 'a@contoh.id', name: 'A', position: 'anggota' } })).status).toBe(403);
	});

	it('refuses anonymous callers and those who cannot see the KIM before locking its row', async () => {
		const pending = await buildKim(db, { status: 'registered' });
		const verified = await buildKim(db);
		const warga = await buildActor(db, 'warga');
		// The refusal comes before `SELECT … FOR UPDATE` (lockKim is the real query, watched).
		vi.mocked(lockKim).mockClear();
		await expect(db.transaction((tx) => loadKimForUpdate(ctxFor(db, null), tx, pending.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(db.transaction((tx) => loadKimForUpdate(ctxFor(db, warga), tx, pending.slug))).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(db.transaction((tx) => loadKimForUpdate(ctxFor(db, null), tx, verified.id))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		expect(lockKim).not.toHaveBeenCalled();
		await expect(db.transaction((tx) => loadKimForUpdate(ctxFor(db, warga), tx, verified.slug))).resolves.toMatchObject({ id: verified.id });
		expect(lockKim).toHaveBeenCalledTimes(1);
	});
});
