import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, buildUser, ctxFor, testApi, TIDAR_SELATAN } from '../../../../tests/factories';
import { aduan, aduanEvents, auditLog, notifications } from '../db/schema';
import { loadActor } from '../auth/auth.queries';
import { claimAduan } from './aduan.claim.actions';
import type { Db } from '../db/client';
import { seedAduanReference } from './aduan.seed';
import { formatClaimCode } from './aduan.filing.rules';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
	await seedAduanReference(db);
});

const body = {
	type: 'complaint', category_code: 'sampah', title: 'Sampah menumpuk di pinggir kali',
	description: 'Sampah rumah tangga menumpuk di pinggir kali dekat jembatan, baunya sampai ke rumah warga.',
	kelurahan_code: TIDAR_SELATAN, privacy: 'anonymous',
	on_behalf_of: { name: 'Bu Wartini', phone: '085700011122', consent: true }
};

/** An assisted filing by a new KIM anggota: its tracking id, the claim code and the anggota. */
async function assisted() {
	const kim = await buildKim(db);
	const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
	const res = await call('POST', '/api/v1/aduan', { as: anggota, body });
	expect(res.status).toBe(201);
	return { trackingId: res.body.tracking_id as string, code: res.body.claim_code as string, anggota };
}

describe('POST /api/v1/aduan/{tracking_id}/claim', () => {
	it('makes the resident the reporter with the right code (any case, with a dash), once', async () => {
		const { trackingId, code, anggota } = await assisted();
		const warga = await buildUser(db);
		const res = await call('POST', `/api/v1/aduan/${trackingId}/claim`, { as: warga, body: { code: formatClaimCode(code).toLowerCase() } });
		expect(res.status).toBe(200);
		expect(res.body.tracking_id).toBe(trackingId);
		const [row] = await db.select().from(aduan).where(eq(aduan.trackingId, trackingId));
		expect(row.reporterId).toBe(warga.id);
		expect(row.claimedAt).toBeInstanceOf(Date);
		const events = await db.select().from(aduanEvents).where(eq(aduanEvents.aduanId, row.id));
		expect(events.map((e) => e.kind)).toEqual(['status', 'claim']);
		const notes = await db.select().from(notifications).where(eq(notifications.dedupeKey, `aduan:${row.id}:claimed`));
		expect(notes.map((n) => n.userId)).toEqual([anggota.userId]);
		const mine = await call('GET', '/api/v1/aduan/mine', { as: warga });
		expect(mine.body.data).toMatchObject([{ tracking_id: trackingId, filed_for_other: false }]);
		// The claimed resident sees their own anonymous aduan's contact data; the public does not.
		const own = await call('GET', `/api/v1/aduan/${trackingId}`, { as: warga });
		expect(own.body.reporter).toMatchObject({ email: warga.email });
		const again = await call('POST', `/api/v1/aduan/${trackingId}/claim`, { as: await buildUser(db), body: { code } });
		expect(again.status).toBe(409);
	});

	it('refuses visitors (401), an unknown aduan (404), a non-assisted aduan (409) and the member themselves (403)', async () => {
		const { trackingId, code, anggota } = await assisted();
		expect((await call('POST', `/api/v1/aduan/${trackingId}/claim`, { body: { code } })).status).toBe(401);
		const warga = await buildUser(db);
		expect((await call('POST', '/api/v1/aduan/MGL-2019-000001/claim', { as: warga, body: { code } })).status).toBe(404);
		const own = await call('POST', '/api/v1/aduan', { as: warga, body: { ...body, on_behalf_of: undefined } });
		expect((await call('POST', `/api/v1/aduan/${own.body.tracking_id}/claim`, { as: warga, body: { code } })).status).toBe(409);
		expect((await call('POST', `/api/v1/aduan/${trackingId}/claim`, { as: anggota, body: { code } })).status).toBe(403);
		expect((await call('POST', `/api/v1/aduan/${trackingId}/claim`, { as: warga, body: { code: '!' } })).status).toBe(400);
	});

	it('answers a wrong code with 400 and, after five, refuses even the right one (429)', async () => {
		const { trackingId, code } = await assisted();
		const warga = await buildUser(db);
		const wrong = code === 'ZZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ';
		for (let i = 0; i < 5; i++) {
			const res = await call('POST', `/api/v1/aduan/${trackingId}/claim`, { as: warga, body: { code: wrong } });
			expect(res.status).toBe(400);
			expect(res.body.errors[0]).toMatchObject({ path: 'code' });
		}
		const locked = await call('POST', `/api/v1/aduan/${trackingId}/claim`, { as: warga, body: { code } });
		expect(locked.status).toBe(429);
		const [row] = await db.select().from(aduan).where(eq(aduan.trackingId, trackingId));
		expect(row.reporterId).toBeNull();
		// 24 hours later the resident may try again.
		const later = ctxFor(db, await loadActor(db, warga.id), { now: new Date(Date.now() + 24 * 3600_000 + 60_000) });
		expect((await claimAduan(later, trackingId, code)).reporterId).toBe(warga.id);
	});

	it('does not let a stranger’s wrong codes lock out the resident', async () => {
		const { trackingId, code } = await assisted();
		const wrong = code === 'ZZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ';
		const stranger = await buildUser(db);
		for (let i = 0; i < 5; i++) expect((await call('POST', `/api/v1/aduan/${trackingId}/claim`, { as: stranger, body: { code: wrong } })).status).toBe(400);
		expect((await call('POST', `/api/v1/aduan/${trackingId}/claim`, { as: stranger, body: { code: wrong } })).status).toBe(429);
		const resident = await buildUser(db);
		expect((await call('POST', `/api/v1/aduan/${trackingId}/claim`, { as: resident, body: { code } })).status).toBe(200);
	});

	it('caps wrong codes per aduan from anyone at 20 a day', async () => {
		const { trackingId, code } = await assisted();
		const wrong = code === 'ZZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ';
		for (let s = 0; s < 4; s++) {
			const stranger = await buildUser(db);
			for (let i = 0; i < 5; i++) expect((await call('POST', `/api/v1/aduan/${trackingId}/claim`, { as: stranger, body: { code: wrong } })).status).toBe(400);
		}
		expect((await call('POST', `/api/v1/aduan/${trackingId}/claim`, { as: await buildUser(db), body: { code } })).status).toBe(429);
	});

	it('counts parallel wrong guesses: no more than five get through', async () => {
		const { trackingId, code } = await assisted();
		const wrong = code === 'ZZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ';
		const guesser = await loadActor(db, (await buildUser(db)).id);
		const results = await Promise.allSettled(Array.from({ length: 10 }, () => claimAduan(ctxFor(db, guesser), trackingId, wrong)));
		const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'OK'));
		expect(codes.filter((c) => c === 'INVALID')).toHaveLength(5);
		expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(5);
		const [row] = await db.select().from(aduan).where(eq(aduan.trackingId, trackingId));
		const failures = await db.select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'aduan.claim_failed')));
		expect(failures).toHaveLength(5);
	});
});
