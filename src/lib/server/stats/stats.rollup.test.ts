import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, ctxFor, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import type { Db } from '../db/client';
import { activityReports, kims, linkClicks, shareLinks } from '../db/schema';
import { buildAssignment, buildCampaign, buildClicks, buildReport, buildShareLink, daysFromToday } from './stats.factories';
import { getCampaignStats } from './stats.actions';
import { firstOpenDay, pruneClickVisitors } from './stats.rollup';

let db: Db;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
});

/** Two KIMs in two kelurahan and a kecamatan-level one; the same visitor on several links and days. */
async function campaignWithClicks() {
	const a = await buildKim(db);
	const b = await buildKim(db, { kelurahanCode: WATES, kecamatanCode: '33.71.02' });
	const c = await buildKim(db, { kelurahanCode: null, kecamatanCode: '33.71.02' });
	const member = await buildActor(db, 'warga', { kimId: a.id, position: 'anggota' });
	const campaign = await buildCampaign(db, { startsOn: daysFromToday(-12) });
	for (const k of [a, b, c]) await buildAssignment(db, campaign.id, k.id);
	const [la1, la2, lb, lc] = [
		await buildShareLink(db, campaign.id, a.id, member.userId),
		await buildShareLink(db, campaign.id, a.id, (await buildActor(db)).userId),
		await buildShareLink(db, campaign.id, b.id, member.userId),
		await buildShareLink(db, campaign.id, c.id, member.userId)
	];
	const old = daysFromToday(-9), older = daysFromToday(-10), today = daysFromToday(0);
	await buildClicks(db, la1.id, older, ['v1', 'v1', 'v2']);
	await buildClicks(db, la2.id, older, ['v1', 'v3']); // v1 again in KIM A: one visitor of A that day
	await buildClicks(db, lb.id, older, ['v1']); // and in KIM B: unique for B, not again for the campaign
	await buildClicks(db, lc.id, old, ['v4', 'v4']);
	await buildClicks(db, la1.id, old, ['v1']); // a new day: v1 counts again
	await buildClicks(db, la1.id, today, ['v5', 'v6', 'v5']);
	const petugas = await buildActor(db, 'petugas');
	const pengurus = await buildActor(db, 'warga', { kimId: a.id, position: 'ketua' });
	return { campaign, a, b, c, petugas, pengurus };
}

const figures = (s: Awaited<ReturnType<typeof getCampaignStats>>) => ({
	reach: s.reach,
	byKim: s.byKim.map((k) => [k.kimId, k.clicks, k.uniqueVisitors]),
	byKelurahan: [...s.byKelurahan].map((k) => [k.code, k.clicks, k.uniqueVisitors]),
	series: s.series
});

const rowsOf = <T = unknown>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * The click side of a campaign's reach_totals as the trigger kept it, and as a full
 * recomputation from link_clicks gives it (visitors distinct per day, summed over days).
 */
async function clickTotalsAndTruth(campaignId: string) {
	const kept = rowsOf(
		await db.execute(sql`
			select scope::text, key, clicks, visitors from reach_totals where campaign_id = ${campaignId} and clicks > 0 order by 1, 2`)
	);
	const truth = rowsOf(
		await db.execute(sql`
			with c as (
				select lc.day, sl.kim_id::text as kim, coalesce(k.kelurahan_code, '') as kel, lc.visitor_key
				from link_clicks lc join share_links sl on sl.id = lc.link_id join kims k on k.id = sl.kim_id
				where sl.campaign_id = ${campaignId}),
			per_day as (
				select 'campaign' as scope, '' as key, day, count(*) as clicks, count(distinct visitor_key) as visitors from c group by day
				union all select 'kim', kim, day, count(*), count(distinct visitor_key) from c group by kim, day
				union all select 'kelurahan', kel, day, count(*), count(distinct visitor_key) from c group by kel, day)
			select * from (
				select scope, key, sum(clicks)::int as clicks, sum(visitors)::int as visitors from per_day group by 1, 2
				union all select 'day', day::text, clicks::int, visitors::int from per_day where scope = 'campaign') x
			order by 1, 2`)
	);
	return { kept, truth };
}

describe('reach totals of clicks (kept on write by the link_clicks trigger)', () => {
	it('match a recomputation from the clicks, and the statistics give the expected figures', async () => {
		const s = await campaignWithClicks();
		const { kept, truth } = await clickTotalsAndTruth(s.campaign.id);
		expect(kept).toEqual(truth);
		expect(kept.filter((r) => (r as { scope: string }).scope === 'day')).toEqual([
			{ scope: 'day', key: daysFromToday(-10), clicks: 6, visitors: 3 },
			{ scope: 'day', key: daysFromToday(-9), clicks: 3, visitors: 2 },
			{ scope: 'day', key: daysFromToday(0), clicks: 3, visitors: 2 }
		]);
		expect(kept).toContainEqual({ scope: 'campaign', key: '', clicks: 12, visitors: 7 });
		expect(kept).toContainEqual({ scope: 'kim', key: s.a.id, clicks: 9, visitors: 3 + 1 + 2 });
		expect(kept).toContainEqual({ scope: 'kelurahan', key: '', clicks: 2, visitors: 1 });

		const whole = figures(await getCampaignStats(ctxFor(db, s.petugas), s.campaign.id));
		expect(whole.reach).toMatchObject({ clicks: 12, uniqueVisitors: 3 + 2 + 2 });
		expect(whole.byKim).toContainEqual([s.a.id, 9, 3 + 1 + 2]);
		// The pengurus's view is read live from the clicks of KIM A: the same figures as its rollup rows.
		const own = figures(await getCampaignStats(ctxFor(db, s.pengurus), s.campaign.id));
		expect(own.reach).toMatchObject({ clicks: 9, uniqueVisitors: 6 });
		expect(own.byKim).toEqual([[s.a.id, 9, 6]]);
	});

	it('count a visitor once per day however the clicks arrive: any batches, in any order, concurrently', async () => {
		const a = await buildKim(db);
		const b = await buildKim(db, { kelurahanCode: WATES, kecamatanCode: '33.71.02' });
		const [u1, u2] = [(await buildActor(db)).userId, (await buildActor(db)).userId];
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.record({ link: fc.nat(2), day: fc.nat(1), visitor: fc.nat(4) }), { minLength: 1, maxLength: 40 }),
				fc.array(fc.nat(6), { minLength: 1, maxLength: 6 }),
				async (clicks, cuts) => {
					const campaign = await buildCampaign(db);
					const links = [await buildShareLink(db, campaign.id, a.id, u1), await buildShareLink(db, campaign.id, a.id, u2), await buildShareLink(db, campaign.id, b.id, u1)];
					const rows = clicks.map((c) => ({ linkId: links[c.link].id, day: daysFromToday(-c.day), visitorKey: `v${c.visitor}`, clickedAt: new Date() }));
					const batches: (typeof rows)[] = [];
					for (let i = 0, at = 0; at < rows.length; i++) batches.push(rows.slice(at, (at += 1 + cuts[i % cuts.length])));
					await Promise.all(batches.map((batch) => db.insert(linkClicks).values(batch)));
					const { kept, truth } = await clickTotalsAndTruth(campaign.id);
					expect(kept).toEqual(truth);
				}
			),
			{ numRuns: 15 }
		);
	});

	it('stay exact for the days that can still get clicks after the visitor sets of older days are pruned', async () => {
		const s = await campaignWithClicks();
		const deleted = await pruneClickVisitors(db);
		expect(deleted).toBeGreaterThan(0);
		const left = rowsOf<{ day: string }>(await db.execute(sql`select distinct day::text from click_visitors where campaign_id = ${s.campaign.id}`));
		expect(left.map((r) => r.day)).toEqual([daysFromToday(0)]);
		expect(left.every((r) => r.day >= firstOpenDay(new Date()))).toBe(true);
		const [link] = await db.select().from(shareLinks).where(eq(shareLinks.kimId, s.a.id)).limit(1);
		await buildClicks(db, link.id, daysFromToday(0), ['v5', 'v7']); // v5 came earlier today
		const { kept, truth } = await clickTotalsAndTruth(s.campaign.id);
		expect(kept).toEqual(truth);
		expect(await pruneClickVisitors(db)).toBe(0);
	});

	it('are what the whole-campaign statistics read: raw clicks are not scanned', async () => {
		const s = await campaignWithClicks();
		const staff = ctxFor(db, s.petugas);
		const before = (await getCampaignStats(staff, s.campaign.id)).reach.clicks;
		await db.execute(sql`alter table link_clicks disable trigger link_clicks_reach`);
		try {
			await buildClicks(db, (await db.select().from(shareLinks).where(eq(shareLinks.kimId, s.a.id)).limit(1))[0].id, daysFromToday(0), ['x']);
		} finally {
			await db.execute(sql`alter table link_clicks enable trigger link_clicks_reach`);
		}
		expect((await getCampaignStats(staff, s.campaign.id)).reach.clicks).toBe(before);
		expect((await getCampaignStats(ctxFor(db, s.pengurus), s.campaign.id)).reach.clicks).toBe(9 + 1);
	});
});

describe('reach totals of reports (kept by the activity_reports trigger)', () => {
	const aggregate = async (campaignId: string) =>
		rowsOf(
			await db.execute(sql`
				select * from (
					select 'campaign' as scope, '' as key, count(*)::int as reports, sum(audience_count)::int as audience,
						(count(*) filter (where audience_count > 0))::int as reaching from activity_reports where campaign_id = ${campaignId}
					union all select 'kim', kim_id::text, count(*)::int, sum(audience_count)::int, (count(*) filter (where audience_count > 0))::int
						from activity_reports where campaign_id = ${campaignId} group by 2
					union all select 'kelurahan', kelurahan_code, count(*)::int, sum(audience_count)::int, (count(*) filter (where audience_count > 0))::int
						from activity_reports where campaign_id = ${campaignId} group by 2
					union all select 'day', held_on::text, count(*)::int, sum(audience_count)::int, (count(*) filter (where audience_count > 0))::int
						from activity_reports where campaign_id = ${campaignId} group by 2) x
				where reports > 0 order by 1, 2`)
		);
	const kept = async (campaignId: string) =>
		rowsOf(
			await db.execute(sql`
				select scope::text, key, reports, audience, reaching_reports as reaching
				from reach_totals where campaign_id = ${campaignId} and reports > 0 order by 1, 2`)
		);

	it('match the reports after inserts, updates, deletes, a moved campaign and a deleted KIM', async () => {
		const a = await buildKim(db);
		const b = await buildKim(db, { kelurahanCode: WATES, kecamatanCode: '33.71.02' });
		const c1 = await buildCampaign(db);
		const c2 = await buildCampaign(db);
		const r1 = await buildReport(db, { kimId: a.id, campaignId: c1.id, kelurahanCode: TIDAR_SELATAN, audienceCount: 40 });
		await buildReport(db, { kimId: a.id, campaignId: c1.id, kelurahanCode: TIDAR_SELATAN, audienceCount: 0 });
		const r3 = await buildReport(db, { kimId: b.id, campaignId: c1.id, kelurahanCode: WATES, audienceCount: 7, heldOn: daysFromToday(-3) });
		await buildReport(db, { kimId: b.id, kelurahanCode: WATES, audienceCount: 99 }); // no campaign
		expect(await kept(c1.id)).toEqual(await aggregate(c1.id));
		expect((await kept(c1.id)).length).toBe(1 + 2 + 2 + 2);

		await db.update(activityReports).set({ audienceCount: 12, heldOn: daysFromToday(-4) }).where(eq(activityReports.id, r1.id));
		await db.update(activityReports).set({ campaignId: c2.id }).where(eq(activityReports.id, r3.id));
		expect(await kept(c1.id)).toEqual(await aggregate(c1.id));
		expect(await kept(c2.id)).toEqual(await aggregate(c2.id));

		await db.delete(activityReports).where(eq(activityReports.id, r1.id));
		await db.delete(kims).where(eq(kims.id, b.id)); // cascades to its reports
		expect(await kept(c1.id)).toEqual(await aggregate(c1.id));
		expect(await kept(c2.id)).toEqual([]);
	});

	it('have a row for every KIM the campaign is assigned to, and none for a deleted KIM', async () => {
		const a = await buildKim(db);
		const b = await buildKim(db, { kelurahanCode: WATES, kecamatanCode: '33.71.02' });
		const c = await buildCampaign(db);
		const kimRows = async () =>
			rowsOf<{ key: string; reports: number }>(await db.execute(sql`select key, reports from reach_totals where campaign_id = ${c.id} and scope = 'kim' order by key`));
		await buildAssignment(db, c.id, a.id);
		await buildAssignment(db, c.id, b.id);
		expect(await kimRows()).toEqual([a.id, b.id].sort().map((key) => ({ key, reports: 0 })));
		await buildReport(db, { kimId: b.id, campaignId: c.id, kelurahanCode: WATES, audienceCount: 5 });
		await db.delete(kims).where(eq(kims.id, b.id));
		expect(await kimRows()).toEqual([{ key: a.id, reports: 0 }]);
	});

	it('give the pengurus the same figures live as the whole campaign keeps for their KIM', async () => {
		const s = await campaignWithClicks();
		await buildReport(db, { kimId: s.a.id, campaignId: s.campaign.id, kelurahanCode: TIDAR_SELATAN, audienceCount: 30 });
		await buildReport(db, { kimId: s.a.id, campaignId: s.campaign.id, kelurahanCode: TIDAR_SELATAN, audienceCount: 0, heldOn: daysFromToday(-2) });
		await buildReport(db, { kimId: s.b.id, campaignId: s.campaign.id, kelurahanCode: WATES, audienceCount: 5 });
		const whole = await getCampaignStats(ctxFor(db, s.petugas), s.campaign.id);
		const own = await getCampaignStats(ctxFor(db, s.pengurus), s.campaign.id);
		const rowOf = (st: typeof whole) => st.byKim.find((k) => k.kimId === s.a.id);
		expect(rowOf(own)).toEqual(rowOf(whole));
		expect(whole.reach).toMatchObject({ reports: 3, reportedAudience: 35 });
		// The map groups the city's kelurahan under their kecamatan, by name.
		expect(whole.map.kecamatan.map((k) => k.name).sort()).toEqual(['Magelang Selatan', 'Magelang Tengah', 'Magelang Utara']);
		expect(own.reach).toMatchObject({ reports: 2, reportedAudience: 30 });
	});
});
