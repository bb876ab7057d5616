import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, TEST_PASSWORD, testApi, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import type { Db } from '../db/client';
import { buildAssignment, buildAttribution, buildCampaign, buildClicks, buildReport, buildShareLink, daysFromToday } from './stats.factories';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
let api: ReturnType<typeof testApi>['api'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	({ call, api } = testApi(db));
});

const TIDAR_UTARA = '33.71.01.1010';
const MAGELANG_UTARA = '33.71.02';
const D1 = daysFromToday(-2);
const D2 = daysFromToday(-1);

/**
 * A campaign targeting three kelurahan with KIM A (Tidar Selatan), KIM B (Wates) and a
 * kecamatan-level KIM C. Clicks on two days, reports in two kelurahan (and one with no audience),
 * one overdue assignment, plus rows that must not count (another campaign, an unlinked report).
 */
async function setup() {
	const a = await buildKim(db);
	const b = await buildKim(db, { kelurahanCode: WATES, kecamatanCode: MAGELANG_UTARA });
	const c = await buildKim(db, { kelurahanCode: null, kecamatanCode: MAGELANG_UTARA });
	const people = {
		pengurusA: await buildActor(db, 'warga', { kimId: a.id, position: 'ketua' }),
		anggotaA: await buildActor(db, 'warga', { kimId: a.id, position: 'anggota' }),
		pengurusB: await buildActor(db, 'warga', { kimId: b.id, position: 'sekretaris' }),
		petugas: await buildActor(db, 'petugas'),
		admin: await buildActor(db, 'admin'),
		warga: await buildActor(db, 'warga')
	};
	const campaign = await buildCampaign(db, { title: 'Imunisasi Campak', targetKind: 'kelurahan', targetCodes: [TIDAR_SELATAN, WATES, TIDAR_UTARA], targetReach: 1000 });
	await buildAssignment(db, campaign.id, a.id, { status: 'accepted', dueOn: daysFromToday(5) });
	await buildAssignment(db, campaign.id, b.id, { status: 'new', dueOn: daysFromToday(-3) });
	await buildAssignment(db, campaign.id, c.id, { status: 'done', dueOn: daysFromToday(-3) });

	const linkA1 = await buildShareLink(db, campaign.id, a.id, people.anggotaA.userId);
	const linkA2 = await buildShareLink(db, campaign.id, a.id, people.pengurusA.userId);
	const linkB = await buildShareLink(db, campaign.id, b.id, people.pengurusB.userId);
	const linkC = await buildShareLink(db, campaign.id, c.id, people.petugas.userId);
	await buildClicks(db, linkA1.id, D1, ['v1', 'v1', 'v2']);
	await buildClicks(db, linkA2.id, D1, ['v1']);
	await buildClicks(db, linkB.id, D1, ['v1']);
	await buildClicks(db, linkA1.id, D2, ['v1']);
	await buildClicks(db, linkC.id, D2, ['v9']);
	await buildAttribution(db, linkA1.id, 'register');
	await buildAttribution(db, linkA1.id, 'complaint');

	await buildReport(db, { kimId: a.id, campaignId: campaign.id, kelurahanCode: TIDAR_SELATAN, audienceCount: 40, heldOn: D1, feedback: 'Warga minta jadwal posyandu.', reporterId: people.anggotaA.userId });
	await buildReport(db, { kimId: a.id, campaignId: campaign.id, kelurahanCode: TIDAR_UTARA, audienceCount: 0, heldOn: D2 });
	await buildReport(db, { kimId: b.id, campaignId: campaign.id, kelurahanCode: WATES, audienceCount: 25, heldOn: D2, questions: "=cmd|' /C calc'!A0" });
	// Not this campaign's: an unlinked report and another campaign's clicks and reports.
	await buildReport(db, { kimId: a.id, kelurahanCode: TIDAR_SELATAN, audienceCount: 999 });
	const other = await buildCampaign(db);
	await buildReport(db, { kimId: a.id, campaignId: other.id, kelurahanCode: TIDAR_SELATAN, audienceCount: 500 });
	await buildClicks(db, (await buildShareLink(db, other.id, a.id, people.anggotaA.userId)).id, D1, ['x1', 'x2']);
	return { a, b, c, campaign, ...people };
}

describe('GET /api/v1/campaigns/{id}/stats', () => {
	it('answers the campaign’s numbers to staff', async () => {
		const s = await setup();
		const res = await call('GET', `/api/v1/campaigns/${s.campaign.id}/stats`, { as: s.petugas });
		expect(res.status).toBe(200);
		const body = res.body;
		expect(body).toMatchObject({
			campaign_id: s.campaign.id,
			scope: { whole: true, kims: [] },
			kelurahan_targeted: 3,
			kelurahan_reached: 2, // Tidar Utara's only report had no audience
			kims_targeted: 3,
			assignments: { new: 0, accepted: 1, declined: 0, done: 1, overdue: 1 },
			reach: {
				reported_audience: 65, target_reach: 1000, percent_of_target: 6, reports: 3,
				clicks: 7,
				// D1: v1, v2 over all links; D2: v1, v9.
				unique_visitors: 4,
				clicks_without_kelurahan: 1,
				conversions: { register: 1, subscribe: 0, complaint: 1 }
			}
		});
		const kim = (id: string) => body.by_kim.find((k: { kim_id: string }) => k.kim_id === id);
		expect(body.by_kim).toHaveLength(3);
		// KIM A: D1 {v1, v2} over its two links + D2 {v1} = 3 (not 2: a new day counts again).
		expect(kim(s.a.id)).toMatchObject({ name: s.a.name, area_name: 'Tidar Selatan', assignment: 'accepted', reports: 2, reported_audience: 40, clicks: 5, unique_visitors: 3, conversions: { register: 1, subscribe: 0, complaint: 1 } });
		expect(kim(s.b.id)).toMatchObject({ assignment: 'overdue', reports: 1, reported_audience: 25, clicks: 1, unique_visitors: 1 });
		expect(kim(s.c.id)).toMatchObject({ area_name: 'Magelang Utara', assignment: 'done', reports: 0, reported_audience: 0, clicks: 1, unique_visitors: 1 });
		expect(body.by_kim[0].kim_id).toBe(s.a.id); // the highest reported audience first

		expect(body.by_kelurahan).toEqual([
			{ code: TIDAR_UTARA, name: 'Tidar Utara', kecamatan_name: 'Magelang Selatan', population: null, targeted: true, reached: false, reports: 1, reported_audience: 0, clicks: 0, unique_visitors: 0 },
			{ code: TIDAR_SELATAN, name: 'Tidar Selatan', kecamatan_name: 'Magelang Selatan', population: 5697, targeted: true, reached: true, reports: 1, reported_audience: 40, clicks: 5, unique_visitors: 3 },
			{ code: WATES, name: 'Wates', kecamatan_name: 'Magelang Utara', population: null, targeted: true, reached: true, reports: 1, reported_audience: 25, clicks: 1, unique_visitors: 1 }
		]);

		const day = (d: string) => body.daily.find((x: { day: string }) => x.day === d);
		expect(body.daily[0].day).toBe(daysFromToday(-10));
		expect(body.daily.at(-1).day).toBe(daysFromToday(0));
		expect(day(D1)).toEqual({ day: D1, clicks: 5, unique_visitors: 2, reported_audience: 40 });
		expect(day(D2)).toEqual({ day: D2, clicks: 2, unique_visitors: 2, reported_audience: 25 });

		expect(body.feedback.map((f: { kim_name: string; kelurahan_name: string; held_on: string }) => [f.kim_name, f.kelurahan_name, f.held_on])).toEqual([
			[s.b.name, 'Wates', D2],
			[s.a.name, 'Tidar Selatan', D1]
		]);
		expect(JSON.stringify(body.feedback)).not.toContain(s.anggotaA.userId);
		expect(JSON.stringify(body.feedback)).not.toContain(s.anggotaA.name);

		expect((await call('GET', `/api/v1/campaigns/${s.campaign.id}/stats`, { as: s.admin })).body.reach.clicks).toBe(7);
	});

	it('restricts a pengurus to their own KIM’s part, and says so', async () => {
		const s = await setup();
		const res = await call('GET', `/api/v1/campaigns/${s.campaign.id}/stats`, { as: s.pengurusA });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			scope: { whole: false, kims: [{ id: s.a.id, name: s.a.name }] },
			// Tidar Selatan (its kelurahan) and Tidar Utara (targeted, where it reported).
			kelurahan_targeted: 2,
			kelurahan_reached: 1,
			kims_targeted: 1,
			assignments: { new: 0, accepted: 1, declined: 0, done: 0, overdue: 0 },
			reach: { reported_audience: 40, percent_of_target: 4, reports: 2, clicks: 5, unique_visitors: 3, clicks_without_kelurahan: 0, conversions: { register: 1, subscribe: 0, complaint: 1 } }
		});
		expect(res.body.by_kim.map((k: { kim_id: string }) => k.kim_id)).toEqual([s.a.id]);
		expect(res.body.by_kelurahan.map((k: { code: string }) => k.code)).toEqual([TIDAR_UTARA, TIDAR_SELATAN]);
		expect(res.body.feedback.map((f: { kim_id: string }) => f.kim_id)).toEqual([s.a.id]);

		const b = await call('GET', `/api/v1/campaigns/${s.campaign.id}/stats`, { as: s.pengurusB });
		expect(b.body).toMatchObject({ kelurahan_targeted: 1, kelurahan_reached: 1, assignments: { overdue: 1 }, reach: { reported_audience: 25, clicks: 1, unique_visitors: 1 } });
		expect(b.body.by_kim.map((k: { kim_id: string }) => k.kim_id)).toEqual([s.b.id]);
	});

	it('refuses everyone else: anggota and residents 403, anonymous 401, unknown and drafts 404', async () => {
		const s = await setup();
		const path = `/api/v1/campaigns/${s.campaign.id}/stats`;
		expect((await call('GET', path, { as: s.anggotaA })).status).toBe(403);
		expect((await call('GET', path, { as: s.warga })).status).toBe(403);
		const unassigned = await buildActor(db, 'warga', { kimId: (await buildKim(db)).id, position: 'ketua' });
		const refused = await call('GET', path, { as: unassigned });
		expect(refused.status).toBe(403);
		expect(refused.body.code).toBe('FORBIDDEN');
		expect((await call('GET', path)).status).toBe(401);
		expect((await call('GET', `/api/v1/campaigns/00000000-0000-4000-8000-000000000000/stats`, { as: s.petugas })).status).toBe(404);
		expect((await call('GET', `/api/v1/campaigns/not-an-id/stats`, { as: s.petugas })).status).toBe(404);

		const draft = await buildCampaign(db, { status: 'draft', launchedAt: null, targetKind: 'kims', targetKimIds: [s.a.id, s.c.id] });
		for (const who of [s.pengurusA, s.warga]) expect((await call('GET', `/api/v1/campaigns/${draft.id}/stats`, { as: who })).status).toBe(404);
		expect((await call('GET', `/api/v1/campaigns/${draft.id}/stats`)).status).toBe(404);
		const ofDraft = await call('GET', `/api/v1/campaigns/${draft.id}/stats`, { as: s.petugas });
		expect(ofDraft.status).toBe(200);
		// A preview of the target: KIM A's kelurahan and all of kecamatan Magelang Utara (KIM C's).
		expect(ofDraft.body).toMatchObject({ kims_targeted: 2, kelurahan_targeted: 6, kelurahan_reached: 0 });
	});

	it('keeps the best-reaching KIMs and the targeted kelurahan first within `limit`, and counts every row', async () => {
		const s = await setup();
		const POTROBANGSAN = '33.71.02.1004'; // not targeted, but reached more than any targeted kelurahan
		await buildReport(db, { kimId: s.b.id, campaignId: s.campaign.id, kelurahanCode: POTROBANGSAN, audienceCount: 300, heldOn: D2 });
		const path = `/api/v1/campaigns/${s.campaign.id}/stats`;
		const all = (await call('GET', path, { as: s.petugas })).body;
		expect([all.by_kim_total, all.by_kim.length, all.by_kelurahan_total, all.by_kelurahan.length]).toEqual([3, 3, 4, 4]);

		const two = (await call('GET', `${path}?limit=2`, { as: s.petugas })).body;
		expect(two.by_kim.map((k: { kim_id: string }) => k.kim_id)).toEqual([s.b.id, s.a.id]);
		expect(two.by_kim_total).toBe(3);
		expect(two.by_kelurahan.map((k: { code: string }) => k.code)).toEqual([TIDAR_SELATAN, WATES]);
		expect(two.by_kelurahan_total).toBe(4);
		// Totals are the whole campaign's, whatever the limit.
		expect(two.reach).toEqual(all.reach);
		expect(two.kelurahan_reached).toBe(all.kelurahan_reached);

		const four = (await call('GET', `${path}?limit=4`, { as: s.petugas })).body;
		expect(four.by_kelurahan.map((k: { code: string }) => k.code)).toEqual([TIDAR_UTARA, TIDAR_SELATAN, WATES, POTROBANGSAN]);
		// The CSV has every row.
		const csv: string = (await call('GET', `${path}.csv`, { as: s.petugas })).body;
		expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 1 + 3 + 4);

		for (const bad of ['0', '1001', '2.5', 'abc']) {
			const res = await call('GET', `${path}?limit=${bad}`, { as: s.petugas });
			expect(res.status).toBe(400);
			expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('limit');
		}
	});

	it('lists a KIM from its first share link, unassigned and unclicked, and breaks ties by name at the cut', async () => {
		const s = await setup();
		const linkOnly = await buildKim(db, { name: 'KIM Anggrek' });
		const member = await buildActor(db, 'warga', { kimId: linkOnly.id, position: 'anggota' });
		await buildShareLink(db, s.campaign.id, linkOnly.id, member.userId);
		const assignedOnly = await buildKim(db, { name: 'KIM Zaitun' });
		await buildAssignment(db, s.campaign.id, assignedOnly.id);
		const path = `/api/v1/campaigns/${s.campaign.id}/stats`;

		const all = (await call('GET', path, { as: s.petugas })).body;
		expect(all.by_kim_total).toBe(5);
		const anggrek = all.by_kim.find((k: { kim_id: string }) => k.kim_id === linkOnly.id);
		expect(anggrek).toMatchObject({ reports: 0, reported_audience: 0, clicks: 0, assignment: null });
		// Two KIMs without reach, last: by name.
		expect(all.by_kim.slice(-2).map((k: { kim_id: string }) => k.kim_id)).toEqual([linkOnly.id, assignedOnly.id]);
		const four = (await call('GET', `${path}?limit=4`, { as: s.petugas })).body;
		expect(four.by_kim.at(-1).kim_id).toBe(linkOnly.id);
		expect(four.by_kim_total).toBe(5);
	});

	it('answers zeros for a campaign without activity', async () => {
		const petugas = await buildActor(db, 'petugas');
		const campaign = await buildCampaign(db, { targetReach: 0, startsOn: daysFromToday(1), endsOn: daysFromToday(20) });
		const res = await call('GET', `/api/v1/campaigns/${campaign.id}/stats`, { as: petugas });
		expect(res.body).toMatchObject({
			kelurahan_targeted: 17, kelurahan_reached: 0, kims_targeted: 0,
			assignments: { new: 0, accepted: 0, declined: 0, done: 0, overdue: 0 },
			reach: { reported_audience: 0, percent_of_target: null, clicks: 0, unique_visitors: 0 },
			by_kim: [], daily: [], feedback: []
		});
		expect(res.body.by_kelurahan).toHaveLength(17);
		expect(res.body.by_kelurahan.every((k: { reached: boolean; clicks: number }) => !k.reached && k.clicks === 0)).toBe(true);
	});
});

describe('GET /api/v1/campaigns/{id}/stats.csv', () => {
	it('is a UTF-8 CSV with a BOM, a dated file name, and formula cells defused', async () => {
		const s = await setup();
		const res = await call('GET', `/api/v1/campaigns/${s.campaign.id}/stats.csv`, { as: s.petugas });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe(`attachment; filename="jangkauan-imunisasi-campak-${daysFromToday(0)}.csv"`);
		// The raw bytes (a decoded body has lost its BOM): EF BB BF, then UTF-8.
		const { token } = (await call('POST', '/api/v1/auth/login', { body: { email: s.petugas.email, password: TEST_PASSWORD } })).body;
		const raw = new Uint8Array(await (await api.request(`/api/v1/campaigns/${s.campaign.id}/stats.csv`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
		expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = new TextDecoder().decode(raw).trimEnd().split('\r\n');
		expect(lines[0]).toBe('Bagian,Kode,Nama,Wilayah,Status tugas,Laporan,Warga terjangkau,Klik,Pengunjung unik,Pendaftaran,Langganan,Aduan');
		expect(lines[1]).toBe(`Total,${s.campaign.id},Imunisasi Campak,,,3,65,7,4,1,0,1`);
		expect(lines).toContain(`KIM,${s.a.id},${s.a.name},Tidar Selatan,Diterima,2,40,5,3,1,0,1`);
		expect(lines).toContain(`KIM,${s.b.id},${s.b.name},Wates,Terlambat,1,25,1,1,0,0,0`);
		expect(lines).toContain(`Kelurahan,${WATES},Wates,Magelang Utara,,1,25,1,1,,,`);
		expect(lines).toHaveLength(1 + 1 + 3 + 3);
	});

	it('prefixes a name that starts a formula with a quote', async () => {
		const petugas = await buildActor(db, 'petugas');
		const kim = await buildKim(db, { name: '=HYPERLINK("http://evil.test","klik")' });
		const campaign = await buildCampaign(db, { title: '+62 Kabar, "penting"' });
		await buildAssignment(db, campaign.id, kim.id);
		const text: string = (await call('GET', `/api/v1/campaigns/${campaign.id}/stats.csv`, { as: petugas })).body;
		expect(text).toContain(`,"'=HYPERLINK(""http://evil.test"",""klik"")",`);
		expect(text).toContain(`,"'+62 Kabar, ""penting""",`);
		expect(text).not.toMatch(/,=HYPERLINK/);
	});

	it('is scoped and refused like the statistics', async () => {
		const s = await setup();
		const path = `/api/v1/campaigns/${s.campaign.id}/stats.csv`;
		const mine: string = (await call('GET', path, { as: s.pengurusA })).body;
		expect(mine).toContain(s.a.name);
		expect(mine).not.toContain(s.b.name);
		expect((await call('GET', path, { as: s.anggotaA })).status).toBe(403);
		expect((await call('GET', path, { as: s.warga })).status).toBe(403);
	});
});

describe('the OpenAPI document', () => {
	it('lists the statistics routes and documents the overdue rule', async () => {
		const doc = (await call('GET', '/api/openapi.json')).body;
		const stats = doc.paths['/api/v1/campaigns/{id}/stats'].get;
		expect(stats.description).toContain('counts as overdue INSTEAD of its status');
		expect(Object.keys(stats.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404']));
		expect(Object.keys(doc.paths['/api/v1/campaigns/{id}/stats.csv'].get.responses['200'].content)).toEqual(['text/csv']);
	});
});
