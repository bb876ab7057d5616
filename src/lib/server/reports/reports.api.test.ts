import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, ctxFor, testApi, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import { activityReports, assignments, auditLog, campaigns, notifications, outbox } from '../db/schema';
import type { Db } from '../db/client';
import { todayWib } from '../validation';
import { oneYearBefore } from './reports.rules';
import { CreateReportSchema } from './reports.schema';
import { createReport } from './reports.actions';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
});

const today = todayWib();
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const body = (kimId: string, over: Record<string, unknown> = {}) => ({ kim_id: kimId, type: 'meeting', held_on: today, kelurahan_code: TIDAR_SELATAN, rw: '005', rt: '2', audience_count: 25, women_count: 14, youth_count: 6, notes: 'Sosialisasi posyandu', questions: 'Jam buka?', feedback: 'Jelas', ...over });
const errorsOf = (res: { body: { errors?: { path: string; message: string }[] } }) => Object.fromEntries((res.body.errors ?? []).map((e) => [e.path, e.message]));
const rowsOf = async (kimId: string) => db.select().from(activityReports).where(eq(activityReports.kimId, kimId));

/** A KIM with a ketua, a sekretaris and an anggota. */
async function setup(over: Parameters<typeof buildKim>[1] = {}) {
	const kim = await buildKim(db, over);
	const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
	const sekretaris = await buildActor(db, 'warga', { kimId: kim.id, position: 'sekretaris' });
	const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
	return { kim, ketua, sekretaris, anggota };
}

/** A campaign by a new petugas in `status`, assigned to `kimIds`. */
async function buildCampaign(status: 'draft' | 'active' | 'finished', kimIds: string[]) {
	const petugas = await buildActor(db, 'petugas');
	const [c] = await db
		.insert(campaigns)
		.values({ title: `Kampanye ${Math.random().toString(36).slice(2, 7)}`, objective: 'Tujuan', whatsappTemplate: 'Halo', startsOn: today, endsOn: addDays(today, 30), targetKind: 'all', targetReach: 1000, status, createdBy: petugas.userId })
		.returning();
	for (const kimId of kimIds) await db.insert(assignments).values({ campaignId: c.id, kimId, dueOn: addDays(today, 30) });
	return { campaign: c, petugas };
}

describe('POST /api/v1/activity-reports', () => {
	it('records a member’s report, audits it and notifies the other pengurus once (in-app only)', async () => {
		const { kim, ketua, sekretaris, anggota } = await setup();
		const res = await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id) });
		expect(res.status).toBe(201);
		expect(Object.keys(res.body)).toEqual(['id']);
		const [row] = await rowsOf(kim.id);
		expect(row).toMatchObject({ id: res.body.id, reporterId: anggota.userId, audienceCount: 25, womenCount: 14, rw: '005', rt: '2', heldOn: today, campaignId: null, idempotencyKey: null });
		const notes = await db.select().from(notifications).where(eq(notifications.dedupeKey, `report:${row.id}:received`));
		expect(notes.map((n) => n.userId).sort()).toEqual([ketua.userId, sekretaris.userId].sort());
		expect(notes[0]).toMatchObject({ kind: 'report_received', url: `/laporan/${row.id}` });
		expect(notes[0].title).toContain(kim.name);
		expect(await db.select().from(outbox).where(like(outbox.dedupeKey, `%report:${row.id}%`))).toEqual([]);
		const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'report.create'), eq(auditLog.entityId, row.id)));
		expect(entry).toMatchObject({ actorId: anggota.userId, entityType: 'activity_report' });
	});

	it('a pengurus reporting is not notified of their own report', async () => {
		const { kim, ketua, sekretaris } = await setup();
		const res = await call('POST', '/api/v1/activity-reports', { as: ketua, body: body(kim.id, { women_count: null, youth_count: null }) });
		expect(res.status).toBe(201);
		const notes = await db.select().from(notifications).where(eq(notifications.dedupeKey, `report:${res.body.id}:received`));
		expect(notes.map((n) => n.userId)).toEqual([sekretaris.userId]);
	});

	it('is refused to a member of another KIM (403), a warga (403), staff who are not members (403) and anonymous visitors (401)', async () => {
		const a = await setup();
		const b = await setup();
		const warga = await buildActor(db, 'warga');
		const petugas = await buildActor(db, 'petugas');
		expect((await call('POST', '/api/v1/activity-reports', { as: b.anggota, body: body(a.kim.id) })).status).toBe(403);
		expect((await call('POST', '/api/v1/activity-reports', { as: b.ketua, body: body(a.kim.id) })).status).toBe(403);
		expect((await call('POST', '/api/v1/activity-reports', { as: warga, body: body(a.kim.id) })).status).toBe(403);
		expect((await call('POST', '/api/v1/activity-reports', { as: petugas, body: body(a.kim.id) })).status).toBe(403);
		expect((await call('POST', '/api/v1/activity-reports', { body: body(a.kim.id) })).status).toBe(401);
		expect(await rowsOf(a.kim.id)).toEqual([]);
	});

	it('refuses an unknown kelurahan, a kecamatan and a malformed code with a field error', async () => {
		const { kim, anggota } = await setup();
		for (const code of ['33.71.09.1999', '33.71.01', '12.34.56.7890', 'Tidar']) {
			const res = await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id, { kelurahan_code: code }) });
			expect(res.status).toBe(400);
			expect(errorsOf(res)).toEqual({ kelurahan_code: 'Pilih kelurahan yang ada dalam daftar' });
		}
		expect(await rowsOf(kim.id)).toEqual([]);
	});

	it('refuses an audience over the kelurahan’s population, or over 100,000 when the population is unknown', async () => {
		const { kim, anggota } = await setup();
		const over = await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id, { audience_count: 5698 }) });
		expect(over.status).toBe(400);
		expect(errorsOf(over)).toEqual({ audience_count: 'Jumlah peserta tidak mungkin lebih dari jumlah penduduk kelurahan (5.697 orang). Periksa kembali angkanya.' });
		expect((await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id, { audience_count: 5697 }) })).status).toBe(201);
		const absurd = await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id, { kelurahan_code: WATES, audience_count: 100_001 }) });
		expect(absurd.status).toBe(400);
		expect(errorsOf(absurd).audience_count).toContain('maksimal 100.000');
		expect((await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id, { kelurahan_code: WATES, audience_count: 100_000 }) })).status).toBe(201);
		for (const n of [0, -3]) {
			const res = await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id, { audience_count: n, women_count: null, youth_count: null }) });
			expect(errorsOf(res)).toEqual({ audience_count: 'Jumlah peserta minimal 1 orang' });
		}
	});

	it('refuses a date in the future (WIB) or more than a year ago, more women than people, and a bad RW/RT — all errors at once', async () => {
		const { kim, anggota } = await setup();
		const res = await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id, { held_on: addDays(today, 1), women_count: 26, youth_count: 30 }) });
		expect(res.status).toBe(400);
		expect(errorsOf(res)).toEqual({
			held_on: 'Tanggal kegiatan tidak boleh setelah hari ini',
			women_count: 'Jumlah perempuan tidak boleh lebih dari jumlah peserta',
			youth_count: 'Jumlah pemuda tidak boleh lebih dari jumlah peserta'
		});
		const old = await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id, { held_on: addDays(oneYearBefore(today), -1) }) });
		expect(errorsOf(old)).toEqual({ held_on: 'Tanggal kegiatan paling lama satu tahun yang lalu' });
		const rw = await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id, { rw: '1234', rt: '0' }) });
		expect(Object.keys(errorsOf(rw)).sort()).toEqual(['rt', 'rw']);
		expect(await rowsOf(kim.id)).toEqual([]);
	});

	it('refuses a KIM that is not verified', async () => {
		const { kim, anggota } = await setup({ status: 'registered' });
		const res = await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id) });
		expect(res.status).toBe(400);
		expect(errorsOf(res)).toEqual({ kim_id: 'KIM ini belum terverifikasi, jadi belum dapat mengirim laporan' });
	});

	it('links a campaign only when it is active or finished and assigned to the KIM, and notifies its creator by email too', async () => {
		const { kim, ketua, anggota } = await setup();
		const other = await buildKim(db);
		const draft = await buildCampaign('draft', [kim.id]);
		const elsewhere = await buildCampaign('active', [other.id]);
		for (const c of [draft.campaign.id, elsewhere.campaign.id, '0b9f6c1e-0000-4000-8000-000000000000']) {
			const res = await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id, { campaign_id: c }) });
			expect(res.status).toBe(400);
			expect(errorsOf(res)).toEqual({ campaign_id: 'Pilih kampanye yang ditugaskan kepada KIM ini, atau kosongkan' });
		}
		const { campaign, petugas } = await buildCampaign('active', [kim.id]);
		const res = await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id, { campaign_id: campaign.id }) });
		expect(res.status).toBe(201);
		const notes = await db.select().from(notifications).where(eq(notifications.dedupeKey, `report:${res.body.id}:received`));
		expect(notes.map((n) => n.userId)).toEqual(expect.arrayContaining([ketua.userId, petugas.userId]));
		const mails = await db.select().from(outbox).where(like(outbox.dedupeKey, `%report:${res.body.id}:received`));
		expect(mails.map((m) => (m.payload as { to: string }).to)).toEqual([petugas.email]);
		const finished = await buildCampaign('finished', [kim.id]);
		expect((await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id, { campaign_id: finished.campaign.id }) })).status).toBe(201);
	});
});

describe('Idempotency-Key', () => {
	it('a repeat with the same key answers 200 with the first id and stores one report; a different body is 409', async () => {
		const { kim, ketua, anggota } = await setup();
		const headers = { 'idempotency-key': 'laporan-123e4567' };
		const first = await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id), headers });
		const again = await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id), headers });
		expect([first.status, again.status]).toEqual([201, 200]);
		expect(again.body.id).toBe(first.body.id);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect(await rowsOf(kim.id)).toHaveLength(1);
		const changed = await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id, { audience_count: 30 }), headers });
		expect(changed.status).toBe(409);
		expect(changed.body.code).toBe('CONFLICT');
		// Keys belong to a reporter: another member's same key is another report.
		expect((await call('POST', '/api/v1/activity-reports', { as: ketua, body: body(kim.id), headers })).status).toBe(201);
		expect(await rowsOf(kim.id)).toHaveLength(2);
		expect(await db.select().from(notifications).where(eq(notifications.dedupeKey, `report:${first.body.id}:received`))).toHaveLength(2);
		expect((await call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id), headers: { 'idempotency-key': 'a b' } })).status).toBe(400);
	});

	it('two concurrent requests with the same key create one report and both answer its id', async () => {
		const { kim, anggota } = await setup();
		const headers = { 'idempotency-key': crypto.randomUUID() };
		const both = await Promise.all([1, 2].map(() => call('POST', '/api/v1/activity-reports', { as: anggota, body: body(kim.id), headers })));
		expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
		expect(both[0].body.id).toBe(both[1].body.id);
		expect(await rowsOf(kim.id)).toHaveLength(1);
		const audits = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.action, 'report.create'), eq(auditLog.entityId, both[0].body.id)));
		expect(audits[0].n).toBe(1);
	});

	it('the unique index decides a race: both read “no report yet”, one insert wins, the other answers its id', async () => {
		const { kim, anggota } = await setup();
		const key = crypto.randomUUID();
		const input = CreateReportSchema.parse(body(kim.id));
		// Both calls start at once, so both look the key up before either inserts.
		const both = await Promise.all([1, 2].map(() => createReport(ctxFor(db, anggota), input, { idempotencyKey: key })));
		expect(both.map((r) => r.replayed).sort()).toEqual([false, true]);
		expect(both[0].report.id).toBe(both[1].report.id);
		expect(await rowsOf(kim.id)).toHaveLength(1);
		expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'report.create'), eq(auditLog.entityId, both[0].report.id)))).toHaveLength(1);
		// One notice for each of the two pengurus, not two each.
		expect(await db.select().from(notifications).where(eq(notifications.dedupeKey, `report:${both[0].report.id}:received`))).toHaveLength(2);
	});
});

describe('GET /api/v1/activity-reports', () => {
	it('scopes lists: members their KIMs, staff all; another KIM’s filter 403; warga 403; anonymous 401', async () => {
		const a = await setup();
		const b = await setup();
		const { campaign } = await buildCampaign('active', [a.kim.id]);
		const ra = await call('POST', '/api/v1/activity-reports', { as: a.anggota, body: body(a.kim.id, { campaign_id: campaign.id }) });
		const ra2 = await call('POST', '/api/v1/activity-reports', { as: a.ketua, body: body(a.kim.id, { held_on: addDays(today, -3), type: 'whatsapp_group' }) });
		const rb = await call('POST', '/api/v1/activity-reports', { as: b.anggota, body: body(b.kim.id) });
		const mine = await call('GET', '/api/v1/activity-reports', { as: a.anggota });
		expect(mine.status).toBe(200);
		expect(mine.body.data.map((r: { id: string }) => r.id)).toEqual([ra.body.id, ra2.body.id]);
		expect(mine.body.data[0]).toMatchObject({
			kim: { id: a.kim.id, name: a.kim.name }, campaign: { id: campaign.id, title: campaign.title }, type: 'meeting', type_label: 'Pertemuan warga',
			kelurahan: { code: TIDAR_SELATAN, name: 'Tidar Selatan' }, audience_count: 25, reporter: { id: a.anggota.userId }, photos: []
		});
		expect(mine.body.data[1].type_label).toBe('Grup WhatsApp');
		const byCampaign = await call('GET', `/api/v1/activity-reports?campaign_id=${campaign.id}`, { as: a.ketua });
		expect(byCampaign.body.data.map((r: { id: string }) => r.id)).toEqual([ra.body.id]);
		const staff = await call('GET', `/api/v1/activity-reports?kim_id=${b.kim.id}`, { as: await buildActor(db, 'petugas') });
		expect(staff.body.data.map((r: { id: string }) => r.id)).toEqual([rb.body.id]);
		expect((await call('GET', `/api/v1/activity-reports?kim_id=${b.kim.id}`, { as: a.anggota })).status).toBe(403);
		expect((await call('GET', '/api/v1/activity-reports', { as: await buildActor(db, 'warga') })).status).toBe(403);
		expect((await call('GET', '/api/v1/activity-reports')).status).toBe(401);
		expect((await call('GET', `/api/v1/activity-reports/${rb.body.id}`, { as: a.anggota })).status).toBe(404);
		expect((await call('GET', `/api/v1/activity-reports/${rb.body.id}`, { as: b.ketua })).body.id).toBe(rb.body.id);
	});
});

describe('OpenAPI', () => {
	it('documents the report endpoints', async () => {
		const doc = await call('GET', '/api/openapi.json');
		expect(doc.status).toBe(200);
		expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/activity-reports', '/api/v1/activity-reports/{id}', '/api/v1/activity-reports/{id}/photos']));
		expect(doc.body.paths['/api/v1/activity-reports'].post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'idempotency-key', in: 'header' })]));
	});
});
