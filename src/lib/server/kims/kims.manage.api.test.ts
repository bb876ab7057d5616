import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, MAGELANG_SELATAN, testApi, WATES } from '../../../../tests/factories';
import { auditLog, kims } from '../db/schema';
import type { Db } from '../db/client';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
});

const paths = (res: { body: { errors?: { path: string }[] } }) => (res.body.errors ?? []).map((e) => e.path).sort();
const kimRow = async (id: string) => (await db.select().from(kims).where(eq(kims.id, id)))[0];
/** Audit entries other than logins (the test caller logs each new actor in, which is audited). */
const auditCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(sql`${auditLog.action} <> 'user.login'`))[0].n;

describe('PATCH /api/v1/kims/{id}', () => {
	it('lets its pengurus edit; absent fields stay, null clears', async () => {
		const kim = await buildKim(db, { description: 'Lama', contactPhone: '08123456789', social: { website: 'https://lama.id' } });
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'sekretaris' });
		const res = await call('PATCH', `/api/v1/kims/${kim.id}`, { as: ketua, body: { description: 'Baru', contact_phone: null, youtube: 'https://youtu.be/abc' } });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ description: 'Baru', contact_phone: null, website: 'https://lama.id', youtube: 'https://youtu.be/abc', name: kim.name, slug: kim.slug });
		const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, kim.id), eq(auditLog.action, 'kim.update')));
		expect(entry.before).toMatchObject({ description: 'Lama' });
		expect(entry.after).toMatchObject({ description: 'Baru' });
	});

	it('moves a KIM to another kelurahan and to kecamatan level', async () => {
		const kim = await buildKim(db);
		const petugas = await buildActor(db, 'petugas');
		const moved = await call('PATCH', `/api/v1/kims/${kim.id}`, { as: petugas, body: { kelurahan_code: WATES } });
		expect(moved.body).toMatchObject({ kelurahan_code: WATES, kecamatan_code: '33.71.02' });
		const up = await call('PATCH', `/api/v1/kims/${kim.id}`, { as: petugas, body: { kecamatan_code: MAGELANG_SELATAN } });
		expect(up.body).toMatchObject({ kelurahan_code: null, kecamatan_code: MAGELANG_SELATAN });
	});

	it('checks the term against the stored start date', async () => {
		const kim = await buildKim(db, { termStartsOn: '2025-01-01', termEndsOn: '2027-01-01' });
		const petugas = await buildActor(db, 'petugas');
		const res = await call('PATCH', `/api/v1/kims/${kim.id}`, { as: petugas, body: { term_ends_on: '2024-12-31' } });
		expect(res.status).toBe(400);
		expect(paths(res)).toEqual(['term_ends_on']);
	});

	it('refuses anggota, other KIMs’ pengurus and residents with 403 and changes nothing', async () => {
		const kim = await buildKim(db, { description: 'Tetap' });
		const other = await buildKim(db);
		const cases = [
			await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' }),
			await buildActor(db, 'warga', { kimId: kim.id, position: 'seksi' }),
			await buildActor(db, 'warga', { kimId: other.id, position: 'ketua' }),
			await buildActor(db, 'warga')
		];
		const before = await kimRow(kim.id);
		const audits = await auditCount();
		for (const a of cases) {
			expect((await call('PATCH', `/api/v1/kims/${kim.id}`, { as: a, body: { description: 'Diubah' } })).status).toBe(403);
		}
		expect((await call('PATCH', `/api/v1/kims/${kim.id}`, { body: { description: 'Diubah' } })).status).toBe(401);
		expect(await kimRow(kim.id)).toEqual(before);
		expect(await auditCount()).toBe(audits);
	});
});

describe('verify, return, resubmit, deactivate, reactivate', () => {
	it('runs the whole cycle with audit entries', async () => {
		const kim = await buildKim(db, { status: 'registered' });
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const petugas = await buildActor(db, 'petugas');
		const ret = await call('POST', `/api/v1/kims/${kim.id}/return`, { as: petugas, body: { reason: 'Lampirkan SK yang sudah ditandatangani' } });
		expect(ret.body).toMatchObject({ status: 'returned', status_reason: 'Lampirkan SK yang sudah ditandatangani' });
		// The pengurus sees the reason.
		expect((await call('GET', `/api/v1/kims/${kim.id}`, { as: ketua })).body.status_reason).toBe('Lampirkan SK yang sudah ditandatangani');
		const resubmit = await call('POST', `/api/v1/kims/${kim.id}/resubmit`, { as: ketua });
		expect(resubmit.body).toMatchObject({ status: 'registered', status_reason: null });
		const verify = await call('POST', `/api/v1/kims/${kim.id}/verify`, { as: petugas });
		expect(verify.body.status).toBe('verified');
		expect(verify.body.verified_at).not.toBeNull();
		const off = await call('POST', `/api/v1/kims/${kim.id}/deactivate`, { as: petugas, body: { reason: 'Tidak ada kegiatan setahun' } });
		expect(off.body).toMatchObject({ status: 'inactive', status_reason: 'Tidak ada kegiatan setahun' });
		const on = await call('POST', `/api/v1/kims/${kim.id}/reactivate`, { as: await buildActor(db, 'admin') });
		expect(on.body.status).toBe('verified');
		const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, kim.id)).orderBy(auditLog.id)).map((e) => e.action);
		expect(actions).toEqual(['kim.return', 'kim.resubmit', 'kim.verify', 'kim.deactivate', 'kim.reactivate']);
		const [verifyEntry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, kim.id), eq(auditLog.action, 'kim.verify')));
		expect(verifyEntry.before).toMatchObject({ status: 'registered' });
		expect(verifyEntry.after).toMatchObject({ status: 'verified' });
	});

	it('refuses a return without a reason, and an impossible transition with 409', async () => {
		const kim = await buildKim(db, { status: 'registered' });
		const petugas = await buildActor(db, 'petugas');
		const noReason = await call('POST', `/api/v1/kims/${kim.id}/return`, { as: petugas, body: { reason: ' ' } });
		expect(noReason.status).toBe(400);
		expect(paths(noReason)).toEqual(['reason']);
		expect((await call('POST', `/api/v1/kims/${kim.id}/reactivate`, { as: petugas })).status).toBe(409);
		expect((await kimRow(kim.id)).status).toBe('registered');
	});

	it('refuses everyone but staff (403 to its members, 404 to those who cannot see it) and nothing changes', async () => {
		const kim = await buildKim(db, { status: 'registered' });
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const warga = await buildActor(db, 'warga');
		const before = await kimRow(kim.id);
		const audits = await auditCount();
		for (const [who, status] of [[ketua, 403], [warga, 404]] as const) {
			expect((await call('POST', `/api/v1/kims/${kim.id}/verify`, { as: who })).status).toBe(status);
			expect((await call('POST', `/api/v1/kims/${kim.id}/return`, { as: who, body: { reason: 'x' } })).status).toBe(status);
			expect((await call('POST', `/api/v1/kims/${kim.id}/deactivate`, { as: who })).status).toBe(status);
		}
		expect((await call('POST', `/api/v1/kims/${kim.id}/verify`)).status).toBe(404);
		// A verified KIM is public: there the usual 401 and 403 apply.
		const open = await buildKim(db);
		expect((await call('POST', `/api/v1/kims/${open.id}/deactivate`)).status).toBe(401);
		expect((await call('POST', `/api/v1/kims/${open.id}/deactivate`, { as: warga })).status).toBe(403);
		expect((await kimRow(open.id)).status).toBe('verified');
		expect(await kimRow(kim.id)).toEqual(before);
		expect(await auditCount()).toBe(audits);
	});

	it('only the KIM’s own pengurus may resubmit', async () => {
		const kim = await buildKim(db, { status: 'returned' });
		const other = await buildKim(db);
		const stranger = await buildActor(db, 'warga', { kimId: other.id, position: 'ketua' });
		const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		expect((await call('POST', `/api/v1/kims/${kim.id}/resubmit`, { as: stranger })).status).toBe(404);
		expect((await call('POST', `/api/v1/kims/${kim.id}/resubmit`, { as: anggota })).status).toBe(403);
		expect((await kimRow(kim.id)).status).toBe('returned');
	});
});
