import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, ctxFor, TIDAR_SELATAN } from '../../../../tests/factories';
import { aduan, aduanEvents, attributions, auditLog, notifications, outbox } from '../db/schema';
import { buildCampaign, buildClick, buildShareLink } from '../reach/reach.factories';
import type { Db } from '../db/client';
import { buildUnitStaff } from './aduan.factories';
import { deadlineAfter, VERIFY_WITHIN_DAYS } from './aduan.rules';
import { loadHolidaySet } from './aduan.queries';
import { aduanFormOptions } from './aduan.read.actions';
import { trackingPageData } from './aduan.page';
import { createAduan } from './aduan.create.actions';
import { buildFilingWorld, errorsOf, filingBody as body, type FilingWorld } from './aduan.api.world';

let db: Db;
let { call, resident } = {} as FilingWorld;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	({ call, resident } = await buildFilingWorld(db));
});

describe('POST /api/v1/aduan', () => {
	it('files a complaint: tracking id, verify-by in working days, status event, audit and notifications', async () => {
		const r = await resident();
		const verifier = await buildUnitStaff(db, 'diskominsta');
		const petugas = await buildActor(db, 'petugas');
		const res = await call('POST', '/api/v1/aduan', { as: r, body: body() });
		expect(res.status).toBe(201);
		expect(res.body.tracking_id).toMatch(/^MGL-\d{4}-\d{6}$/);
		expect(res.body.status).toBe('received');
		expect(res.body.claim_code).toBeUndefined();
		const [row] = await db.select().from(aduan).where(eq(aduan.id, res.body.id));
		expect(row).toMatchObject({ reporterId: r.id, unitCode: 'dpupr', source: 'api', privacy: 'public', status: 'received' });
		const expected = deadlineAfter(row.createdAt, VERIFY_WITHIN_DAYS, await loadHolidaySet(db));
		expect(res.body.due.verify_by).toBe(expected.toISOString());
		const events = await db.select().from(aduanEvents).where(eq(aduanEvents.aduanId, row.id));
		expect(events).toMatchObject([{ kind: 'status', toStatus: 'received', authorId: r.id }]);
		const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'aduan.create'), eq(auditLog.entityId, row.id)));
		expect(audits).toHaveLength(1);
		expect(JSON.stringify(audits[0])).not.toContain('claimCodeHash');
		const notes = await db.select().from(notifications).where(eq(notifications.dedupeKey, `aduan:${row.id}:filed`));
		expect(notes.map((n) => n.userId)).toEqual([r.id]);
		expect(notes[0].title).toContain(row.trackingId);
		const toVerify = await db.select().from(notifications).where(eq(notifications.dedupeKey, `aduan:${row.id}:to-verify`));
		expect(toVerify.map((n) => n.userId).sort()).toEqual(expect.arrayContaining([verifier.userId, petugas.userId]));
		const mails = await db.select().from(outbox);
		const payloads = JSON.stringify(mails.map((o) => o.payload));
		expect(payloads).toContain(verifier.email);
		expect(payloads).toContain(r.email);
	});

	it('accepts the three types and no point; sequence numbers follow each other', async () => {
		const r = await resident();
		const ids: string[] = [];
		for (const type of ['complaint', 'aspiration', 'information_request']) {
			const res = await call('POST', '/api/v1/aduan', { as: r, body: body({ type, lat: undefined, lng: undefined, category_code: type === 'information_request' ? 'informasi-publik' : 'sampah' }) });
			expect(res.status).toBe(201);
			ids.push(res.body.tracking_id);
		}
		const seq = ids.map((id) => Number(id.slice(-6)));
		expect(seq[1]).toBe(seq[0] + 1);
		expect(seq[2]).toBe(seq[1] + 1);
		const [info] = await db.select().from(aduan).where(eq(aduan.trackingId, ids[2]));
		expect(info.unitCode).toBe('diskominsta');
		expect(info.lat).toBeNull();
	});

	it('attributes the filing to a share link clicked in the last 7 days (simpul_ref cookie)', async () => {
		const kim = await buildKim(db);
		const member = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		const { campaign } = await buildCampaign(db, { kims: [kim.id] });
		const link = await buildShareLink(db, { campaignId: campaign.id, kimId: kim.id, userId: member.userId });
		await buildClick(db, link.id, new Date(Date.now() - 3_600_000));
		const r = await resident();
		const res = await call('POST', '/api/v1/aduan', { as: r, body: body(), headers: { cookie: `simpul_ref=${link.code}` } });
		expect(res.status).toBe(201);
		const rows = await db.select().from(attributions).where(eq(attributions.subjectId, res.body.id));
		expect(rows).toMatchObject([{ linkId: link.id, kind: 'complaint' }]);
	});

	it('refuses visitors (401)', async () => {
		const res = await call('POST', '/api/v1/aduan', { body: body() });
		expect(res.status).toBe(401);
	});

	it('answers 400 with field errors in Indonesian', async () => {
		const r = await resident();
		const cases: [Record<string, unknown>, string][] = [
			[{ category_code: 'tidak-ada' }, 'category_code'],
			[{ kelurahan_code: '33.72.01.1001' }, 'kelurahan_code'],
			[{ kelurahan_code: '33.71.01' }, 'kelurahan_code'],
			[{ lat: -6.2, lng: 106.8 }, 'lat'],
			[{ lat: -7.48, lng: undefined }, 'lng'],
			[{ lat: 'abc' }, 'lat'],
			[{ description: '' }, 'description'],
			[{ description: 'pendek' }, 'description'],
			[{ title: '' }, 'title'],
			[{ privacy: 'secret' }, 'privacy'],
			[{ type: 'gossip' }, 'type']
		];
		for (const [over, path] of cases) {
			const res = await call('POST', '/api/v1/aduan', { as: r, body: body(over) });
			expect(res.status, JSON.stringify(over)).toBe(400);
			expect(errorsOf(res), JSON.stringify(over)).toHaveProperty(path);
		}
		const bbox = await call('POST', '/api/v1/aduan', { as: r, body: body({ lat: -6.2, lng: 106.8 }) });
		expect(errorsOf(bbox).lat).toBe('Titik lokasi berada di luar Kota Magelang');
		const short = await call('POST', '/api/v1/aduan', { as: r, body: body({ description: '  ' }) });
		expect(errorsOf(short).description).toMatch(/paling sedikit 20 huruf/);
		expect(await db.select().from(aduan).where(eq(aduan.reporterId, r.id))).toHaveLength(0);
	});

	it('replays the same key and body (200, Idempotent-Replayed) and refuses the key with another body (409)', async () => {
		const r = await resident();
		const headers = { 'idempotency-key': 'kunci-aduan-1' };
		const first = await call('POST', '/api/v1/aduan', { as: r, body: body(), headers });
		expect(first.status).toBe(201);
		const again = await call('POST', '/api/v1/aduan', { as: r, body: body(), headers });
		expect(again.status).toBe(200);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect(again.body).toEqual(first.body);
		const other = await call('POST', '/api/v1/aduan', { as: r, body: body({ title: 'Judul yang berbeda sekali' }), headers });
		expect(other.status).toBe(409);
		expect(await db.select().from(aduan).where(eq(aduan.reporterId, r.id))).toHaveLength(1);
		const bad = await call('POST', '/api/v1/aduan', { as: r, body: body(), headers: { 'idempotency-key': 'spasi tidak boleh' } });
		expect(bad.status).toBe(400);
	});

	it('assisted filing: only KIM members, only with consent; a claim code once, stored hashed', async () => {
		const kim = await buildKim(db);
		const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		const warga = await resident();
		const onBehalf = { name: 'Mbah Sastro', phone: '081234000111', consent: true };
		const refused = await call('POST', '/api/v1/aduan', { as: warga, body: body({ on_behalf_of: onBehalf }) });
		expect(refused.status).toBe(403);
		const noConsent = await call('POST', '/api/v1/aduan', { as: anggota, body: body({ on_behalf_of: { name: 'Mbah Sastro', consent: false } }) });
		expect(noConsent.status).toBe(400);
		expect(errorsOf(noConsent)).toHaveProperty(['on_behalf_of.consent']);
		const headers = { 'idempotency-key': 'bantu-1' };
		const res = await call('POST', '/api/v1/aduan', { as: anggota, body: body({ on_behalf_of: onBehalf }), headers });
		expect(res.status).toBe(201);
		expect(res.body.claim_code).toMatch(/^[A-Z0-9]{8}$/);
		const [row] = await db.select().from(aduan).where(eq(aduan.id, res.body.id));
		expect(row).toMatchObject({ source: 'assisted', reporterId: null, assistedBy: anggota.userId, onBehalfName: 'Mbah Sastro', onBehalfPhone: '081234000111' });
		expect(row.consentAt).toBeInstanceOf(Date);
		expect(row.claimCodeHash).toMatch(/^[0-9a-f]{64}$/);
		expect(row.claimCodeHash).not.toContain(res.body.claim_code);
		// A repeat of an assisted filing is one record too (no reporter for the unique index).
		const again = await call('POST', '/api/v1/aduan', { as: anggota, body: body({ on_behalf_of: onBehalf }), headers });
		expect(again.status).toBe(200);
		expect(again.body.id).toBe(res.body.id);
		expect(again.body.claim_code).toBeUndefined();
		const mine = await call('GET', '/api/v1/aduan/mine', { as: anggota });
		expect(mine.body.data).toMatchObject([{ tracking_id: row.trackingId, filed_for_other: true, on_behalf_name: 'Mbah Sastro' }]);
	});
});

describe('createAduan for an Open311 client', () => {
	it('files without an actor only with an API key: the contact becomes on_behalf_*, anonymous by default', async () => {
		const input = { type: 'complaint' as const, category_code: 'sampah', title: 'Sampah dari Open311', description: 'Sampah menumpuk dilaporkan lewat aplikasi pihak ketiga.', kelurahan_code: TIDAR_SELATAN, lat: null, lng: null, privacy: undefined as unknown as 'anonymous', on_behalf_of: null };
		await expect(createAduan(ctxFor(db, null), input, { source: 'open311' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		const keyId = '00000000-0000-4000-8000-000000000311';
		const { aduan: row } = await createAduan(ctxFor(db, null), input, { source: 'open311', apiKeyId: keyId, open311Token: 'tok-311-a', contact: { name: 'Klien Open311', email: 'klien@contoh.id', phone: '0811' } });
		expect(row).toMatchObject({ source: 'open311', privacy: 'anonymous', reporterId: null, assistedBy: null, apiKeyId: keyId, open311Token: 'tok-311-a', onBehalfName: 'Klien Open311', onBehalfEmail: 'klien@contoh.id' });
		const pub = await call('GET', `/api/v1/aduan/${row.trackingId}`);
		expect(JSON.stringify(pub.body)).not.toContain('klien@contoh.id');
		expect(JSON.stringify(pub.body)).not.toContain('Klien Open311');
	});

	it('never shows the client-supplied name publicly, even for a public Open311 aduan', async () => {
		const input = { type: 'complaint' as const, category_code: 'sampah', title: 'Sampah publik dari Open311', description: 'Sampah menumpuk dilaporkan lewat aplikasi pihak ketiga, publik.', kelurahan_code: TIDAR_SELATAN, lat: null, lng: null, privacy: 'public' as const, on_behalf_of: null };
		const { aduan: row } = await createAduan(ctxFor(db, null), input, { source: 'open311', apiKeyId: '00000000-0000-4000-8000-000000000312', open311Token: 'tok-311-b', contact: { name: 'Presiden Palsu Zq' } });
		const pub = await call('GET', `/api/v1/aduan/${row.trackingId}`);
		expect(pub.status).toBe(200);
		expect(JSON.stringify(pub.body)).not.toContain('Presiden Palsu Zq');
		expect(JSON.stringify(await trackingPageData(ctxFor(db, null), row.trackingId))).not.toContain('Presiden Palsu Zq');
	});
});

describe('filing for another resident', () => {
	const assisted = () => body({ on_behalf_of: { name: 'Mbok Darmi', phone: '081233344455', consent: true } });

	it('needs membership of a verified KIM: the ketua of a registered KIM gets 403 and no fieldset', async () => {
		const registered = await buildKim(db, { status: 'registered' });
		const ketua = await buildActor(db, 'warga', { kimId: registered.id, position: 'ketua' });
		const res = await call('POST', '/api/v1/aduan', { as: ketua, body: assisted() });
		expect(res.status).toBe(403);
		expect(await db.select().from(aduan).where(eq(aduan.assistedBy, ketua.userId))).toHaveLength(0);
		expect((await aduanFormOptions(ctxFor(db, ketua))).canAssist).toBe(false);
		const verified = await buildKim(db);
		const anggota = await buildActor(db, 'warga', { kimId: verified.id, position: 'anggota' });
		expect((await aduanFormOptions(ctxFor(db, anggota))).canAssist).toBe(true);
		expect((await call('POST', '/api/v1/aduan', { as: anggota, body: assisted() })).status).toBe(201);
		expect((await aduanFormOptions(ctxFor(db, await buildActor(db)))).canAssist).toBe(false);
	});
});
