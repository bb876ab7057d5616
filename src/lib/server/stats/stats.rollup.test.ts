import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, ctxFor, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import type { Db } from '../db/client';
import { activityReports, clickRollups, kims, reportRollups } from '../db/schema';
import { buildAssignment, buildCampaign, buildClicks, buildReport, buildShareLink, daysFromToday } from './stats.factories';
import { getCampaignStats } from './stats.actions';
import { lastClosedDay, rolledThrough, rollUpClicks } from './stats.rollup';

let db: Db;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
});

describe('lastClosedDay', () => {
	it('is yesterday in WIB once the grace after midnight has passed', () => {
		expect(lastClosedDay(new Date('2026-03-10T17:20:00Z'))).toBe('2026-03-10'); // 00:20 WIB on the 11th
		expect(lastClosedDay(new Date('2026-03-10T17:05:00Z'))).toBe('2026-03-09'); // 00:05 WIB: still in the grace
		expect(lastClosedDay(new Date('2026-03-01T05:00:00Z'))).toBe('2026-02-28');
		expect(lastClosedDay(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12-31'); // 07:00 WIB on New Year's Day
	});
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

describe('rollUpClicks', () => {
	// Each case starts before any rollup (clicks inserted for already rolled-up days would be missed).
	beforeEach(async () => {
		await db.execute(sql`delete from click_rollups`);
		await db.execute(sql`delete from app_state where key = 'click_rollups_through'`);
	});

	it('leaves every figure as it was, for the whole campaign and a KIM, and does not count twice', async () => {
		const s = await campaignWithClicks();
		const staff = ctxFor(db, s.petugas);
		const before = figures(await getCampaignStats(staff, s.campaign.id));
		const beforeKim = figures(await getCampaignStats(ctxFor(db, s.pengurus), s.campaign.id));
		expect(before.reach).toMatchObject({ clicks: 12, uniqueVisitors: 3 + 2 + 2 });

		expect(await rollUpClicks(db)).toBeGreaterThan(0);
		expect(await rolledThrough(db)).toBe(lastClosedDay(new Date()));
		const rows = await db.select().from(clickRollups).where(eq(clickRollups.campaignId, s.campaign.id));
		expect(rows.filter((r) => r.scope === 'campaign').map((r) => [r.day, r.clicks, r.visitors]).sort()).toEqual([
			[daysFromToday(-10), 6, 3],
			[daysFromToday(-9), 3, 2]
		]);
		expect(rows.find((r) => r.scope === 'kim' && r.key === s.a.id && r.day === daysFromToday(-10))).toMatchObject({ clicks: 5, visitors: 3 });
		expect(rows.find((r) => r.scope === 'kelurahan' && r.key === '' && r.day === daysFromToday(-9))).toMatchObject({ clicks: 2, visitors: 1 });
		// Today's clicks are not rolled up: the day is not over.
		expect(rows.some((r) => r.day === daysFromToday(0))).toBe(false);

		expect(figures(await getCampaignStats(staff, s.campaign.id))).toEqual(before);
		expect(figures(await getCampaignStats(ctxFor(db, s.pengurus), s.campaign.id))).toEqual(beforeKim);
		expect(await rollUpClicks(db)).toBe(0);
		expect(figures(await getCampaignStats(staff, s.campaign.id))).toEqual(before);
	});

	it('reads only rollups for rolled-up days: rows in link_clicks for those days are not read again', async () => {
		const s = await campaignWithClicks();
		await rollUpClicks(db);
		const staff = ctxFor(db, s.petugas);
		const rolled = (await getCampaignStats(staff, s.campaign.id)).reach.clicks;
		// Raw rows of a rolled-up day no longer feed the figures (proof that the rollup is what is read).
		await db.execute(sql`delete from link_clicks where day = ${daysFromToday(-10)} and link_id in (select id from share_links where campaign_id = ${s.campaign.id})`);
		expect((await getCampaignStats(staff, s.campaign.id)).reach.clicks).toBe(rolled);
	});

	it('rolls up the next closed day a day later, without touching the days before', async () => {
		const s = await campaignWithClicks();
		const tomorrow = new Date(Date.now() + 86_400_000 + 60 * 60_000);
		await rollUpClicks(db);
		const n = await rollUpClicks(db, tomorrow);
		expect(n).toBeGreaterThan(0); // today's clicks, once today is over
		const staff = ctxFor(db, s.petugas);
		expect((await getCampaignStats(staff, s.campaign.id)).reach.clicks).toBe(12);
	});
});

describe('report rollups (kept by the activity_reports trigger)', () => {
	const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows;
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
