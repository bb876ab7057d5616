import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, ctxFor, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import type { Db } from '../db/client';
import { activityReports, kims, linkClicks, reportRollups, shareLinks } from '../db/schema';
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

/** click_rollups of a campaign as the trigger kept them, and as a full recomputation from link_clicks gives them. */
async function rollupsAndTruth(campaignId: string) {
	const kept = rowsOf(
		await db.execute(sql`
			select day::text, scope::text, key, clicks, visitors from click_rollups where campaign_id = ${campaignId} order by 1, 2, 3`)
	);
	const truth = rowsOf(
		await db.execute(sql`
			with c as (
				select lc.day, sl.kim_id::text as kim, coalesce(k.kelurahan_code, '') as kel, lc.visitor_key
				from link_clicks lc join share_links sl on sl.id = lc.link_id join kims k on k.id = sl.kim_id
				where sl.campaign_id = ${campaignId})
			select * from (
				select day::text, 'campaign' as scope, '' as key, count(*)::int as clicks, count(distinct visitor_key)::int as visitors from c group by day
				union all select day::text, 'kim', kim, count(*)::int, count(distinct visitor_key)::int from c group by day, kim
				union all select day::text, 'kelurahan', kel, count(*)::int, count(distinct visitor_key)::int from c group by day, kel) x
			order by 1, 2, 3`)
	);
	return { kept, truth };
}

describe('click rollups (kept on write by the link_clicks trigger)', () => {
	it('match a recomputation from the clicks, and the statistics give the expected figures', async () => {
		const s = await campaignWithClicks();
		const { kept, truth } = await rollupsAndTruth(s.campaign.id);
		expect(kept).toEqual(truth);
		expect(kept.filter((r) => (r as { scope: string }).scope === 'campaign')).toEqual([
			{ day: daysFromToday(-10), scope: 'campaign', key: '', clicks: 6, visitors: 3 },
			{ day: daysFromToday(-9), scope: 'campaign', key: '', clicks: 3, visitors: 2 },
			{ day: daysFromToday(0), scope: 'campaign', key: '', clicks: 3, visitors: 2 }
		]);
		expect(kept).toContainEqual({ day: daysFromToday(-10), scope: 'kim', key: s.a.id, clicks: 5, visitors: 3 });
		expect(kept).toContainEqual({ day: daysFromToday(-9), scope: 'kelurahan', key: '', clicks: 2, visitors: 1 });

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
					const { kept, truth } = await rollupsAndTruth(campaign.id);
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
		const { kept, truth } = await rollupsAndTruth(s.campaign.id);
		expect(kept).toEqual(truth);
		expect(await pruneClickVisitors(db)).toBe(0);
	});

	it('are what the whole-campaign statistics read: raw clicks are not scanned', async () => {
		const s = await campaignWithClicks();
		const staff = ctxFor(db, s.petugas);
		const before = (await getCampaignStats(staff, s.campaign.id)).reach.clicks;
		await db.execute(sql`alter table link_clicks disable trigger link_clicks_rollup`);
		try {
			await buildClicks(db, (await db.select().from(shareLinks).where(eq(shareLinks.kimId, s.a.id)).limit(1))[0].id, daysFromToday(0), ['x']);
		} finally {
			await db.execute(sql`alter table link_clicks enable trigger link_clicks_rollup`);
		}
		expect((await getCampaignStats(staff, s.campaign.id)).reach.clicks).toBe(before);
		expect((await getCampaignStats(ctxFor(db, s.pengurus), s.campaign.id)).reach.clicks).toBe(9 + 1);
	});
});

describe('report rollups (kept by the activity_reports trigger)', () => {
	const aggregate = async (campaignId: string) =>
		rowsOf(
			await db.execute(sql`
				select kim_id, kelurahan_code, held_on::text, count(*)::int as reports, sum(audience_count)::int as audience,
					(count(*) filter (where audience_count > 0))::int as reaching
				from activity_reports where campaign_id = ${campaignId} group by 1, 2, 3 order by 1, 2, 3`)
		);
	const rollup = async (campaignId: string) =>
		rowsOf(
			await db.execute(sql`
				select kim_id, kelurahan_code, held_on::text, reports, audience, reaching_reports as reaching
				from report_rollups where campaign_id = ${campaignId} and reports > 0 order by 1, 2, 3`)
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
		expect(await rollup(c1.id)).toEqual(await aggregate(c1.id));

		await db.update(activityReports).set({ audienceCount: 12, heldOn: daysFromToday(-4) }).where(eq(activityReports.id, r1.id));
		await db.update(activityReports).set({ campaignId: c2.id }).where(eq(activityReports.id, r3.id));
		expect(await rollup(c1.id)).toEqual(await aggregate(c1.id));
		expect(await rollup(c2.id)).toEqual(await aggregate(c2.id));

		await db.delete(activityReports).where(eq(activityReports.id, r1.id));
		await db.delete(kims).where(eq(kims.id, b.id)); // cascades to its reports
		expect(await rollup(c1.id)).toEqual(await aggregate(c1.id));
		expect(await rollup(c2.id)).toEqual([]);
		expect(await db.select().from(reportRollups).where(eq(reportRollups.kimId, b.id))).toEqual([]);
	});
});
