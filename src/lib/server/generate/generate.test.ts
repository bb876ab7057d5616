import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { sweepAduan } from '../aduan/aduan.sweep';
import { createTestDatabase } from '../../../../tests/db';
import { ctxFor } from '../../../../tests/factories';
import type { Database } from '../db/client';
import { rowsOf as rows } from '../db/sql';
import { loadActor } from '../auth/auth.queries';
import { getCampaignStats } from '../stats/stats.actions';
import { TRACKING_ID_RE } from '../aduan/aduan.rules';
import { generate, GeneratedDataExists } from './generate';
import { GENERATED_DOMAIN, PLANS, plannedCounts } from './generate.plan';
import type { Manifest } from './generate.manifest';

const NOW = new Date('2026-11-20T05:00:00Z');
const plan = PLANS.tiny;
const quiet = () => {};

/** md5 over a table's rows in a fixed order: equal on two databases iff the rows are. */
async function checksums(database: Database) {
	const q = async (text: string) => rows<{ h: string }>(await database.db.execute(sql.raw(text)))[0].h;
	return {
		aduan: await q(`select md5(string_agg(concat_ws('|', id, tracking_id, status, created_at, verify_by, plan_by, auto_close_at, kelurahan_code, reporter_id), ',' order by tracking_id)) as h from aduan`),
		clicks: await q(`select md5(string_agg(concat_ws('|', link_id, clicked_at, day, visitor_key), ',' order by link_id, clicked_at, visitor_key)) as h from link_clicks`),
		reports: await q(`select md5(string_agg(concat_ws('|', id, kim_id, campaign_id, held_on, audience_count, reporter_id), ',' order by id)) as h from activity_reports`),
		posts: await q(`select md5(string_agg(concat_ws('|', id, slug, status, published_at, kim_id), ',' order by id)) as h from posts`)
	};
}

let a: Database;
let manifest: Manifest;
beforeAll(async () => {
	a = await createTestDatabase();
	manifest = await generate(a, { scale: 'tiny', seed: 7, now: NOW, log: quiet });
}, 120_000);

describe('generate (tiny scale)', () => {
	it('writes the planned counts and a manifest with samples', () => {
		expect(manifest.counts).toEqual(plannedCounts(plan));
		expect(manifest.samples.postPaths).toHaveLength(10);
		expect(manifest.samples.postPaths.every((p) => /^\/berita\/[a-z0-9-]+-g\d+$/.test(p))).toBe(true);
		expect(manifest.samples.linkCodes.length).toBeGreaterThan(10);
		expect(manifest.samples.linkCodes.every((c) => /^[0-9A-Za-z]{7}$/.test(c))).toBe(true);
		expect(manifest.samples.campaignIds.length).toBeGreaterThanOrEqual(2);
		expect(manifest.samples.member.email).toMatch(new RegExp(`@${GENERATED_DOMAIN.replace(/\./g, '\\.')}$`));
		expect(manifest.samples.member.campaignId).toBe(manifest.samples.campaignIds[0]);
		expect(manifest.tables.users).toBeGreaterThanOrEqual(plan.kims * plan.membersPerKim + plan.wargas + plan.petugas + 1);
	});

	it('refuses to run twice on the same database', async () => {
		await expect(generate(a, { scale: 'tiny', seed: 7, now: NOW, log: quiet })).rejects.toBeInstanceOf(GeneratedDataExists);
	});

	it('keeps the invariants the app relies on', async () => {
		const one = async (text: string) => rows<Record<string, unknown>>(await a.db.execute(sql.raw(text)))[0];
		// A click's day is the WIB day of its moment; clicks never precede their link.
		expect(await one(`select count(*)::int as n from link_clicks where day <> ((clicked_at at time zone 'UTC') + interval '7 hours')::date`)).toEqual({ n: 0 });
		expect(await one(`select count(*)::int as n from link_clicks lc join share_links sl on sl.id = lc.link_id where lc.clicked_at < sl.created_at or lc.clicked_at > '${NOW.toISOString()}'`)).toEqual({ n: 0 });
		expect(await one(`select count(*)::int as n from link_clicks where visitor_key !~ '^[0-9a-f]{64}$'`)).toEqual({ n: 0 });
		// Tracking ids unique, in format, the counters at least the highest number of each year.
		const ids = rows<{ tracking_id: string }>(await a.db.execute(sql`select tracking_id from aduan`)).map((r) => r.tracking_id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.every((id) => TRACKING_ID_RE.test(id) && /^MGL-\d{4}-\d{6}$/.test(id))).toBe(true);
		expect(await one(`select count(*)::int as n from (select split_part(tracking_id, '-', 2)::int as y, max(split_part(tracking_id, '-', 3)::int) as m from aduan group by 1) t
			left join aduan_counters c on c.year = t.y where c.last is null or c.last < t.m`)).toEqual({ n: 0 });
		// Every status appears; deadlines follow filing; steps are in order.
		const statuses = rows<{ status: string }>(await a.db.execute(sql`select distinct status::text from aduan`)).map((r) => r.status).sort();
		expect(statuses).toEqual(['closed', 'in_progress', 'received', 'rejected', 'resolved', 'verified']);
		expect(await one(`select count(*)::int as n from aduan where verify_by <= created_at or verified_at < created_at or plan_posted_at < verified_at
			or resolved_at < plan_posted_at or closed_at < resolved_at or (status in ('verified', 'in_progress', 'resolved', 'closed') and plan_by is null)`)).toEqual({ n: 0 });
		// Steady state: the worker's aduan sweep finds nothing left to escalate or close.
		expect(await sweepAduan(a.db, NOW, 'http://localhost')).toEqual({ escalated: 0, closed: 0 });
		expect(await one(`select count(*)::int as n from aduan where escalated_for is not null`)).not.toEqual({ n: 0 });
		// Reports: by a member of the KIM, for a campaign the KIM has an assignment in.
		expect(await one(`select count(*)::int as n from activity_reports r left join kim_members m on m.kim_id = r.kim_id and m.user_id = r.reporter_id where m.user_id is null`)).toEqual({ n: 0 });
		expect(await one(`select count(*)::int as n from activity_reports r left join assignments s on s.campaign_id = r.campaign_id and s.kim_id = r.kim_id
			where r.campaign_id is not null and (s.id is null or s.status not in ('accepted', 'done'))`)).toEqual({ n: 0 });
		// Reach totals agree with the reports, in every scope.
		const rr = await one(`select (select count(*)::int from activity_reports where campaign_id is not null) as n,
			${['campaign', 'kim', 'kelurahan', 'day'].map((s) => `(select coalesce(sum(reports), 0)::int from reach_totals where scope = '${s}') as ${s}`).join(', ')}`);
		expect(rr).toEqual({ n: rr.n, campaign: rr.n, kim: rr.n, kelurahan: rr.n, day: rr.n });
		// Report days agree with every report, per day.
		expect(await one(`select count(*)::int as n from (select held_on as day, count(*)::int as reports, sum(audience_count)::int as audience from activity_reports group by 1) t
			full join report_days d using (day) where d.reports is distinct from t.reports or d.audience is distinct from t.audience`)).toEqual({ n: 0 });
		expect(await one(`select count(*)::int as n from pg_trigger where tgname in ('activity_reports_reach', 'activity_reports_days', 'aduan_open_days') and tgenabled = 'O'`)).toEqual({ n: 3 });
		// Open aduan per status and deadline day agree with the aduan.
		expect(await one(`select count(*)::int as n from (select status, aduan_due_day(aduan_due_at(status, verify_by, plan_by, plan_posted_at, auto_close_at)) as due_day, count(*)::int as n
			from aduan where status in ('received', 'verified', 'in_progress', 'resolved') group by 1, 2) t
			full join (select * from aduan_open_days where n <> 0) d using (status, due_day) where d.n is distinct from t.n`)).toEqual({ n: 0 });
		// Share links belong to members of the link's KIM.
		expect(await one(`select count(*)::int as n from share_links sl left join kim_members m on m.kim_id = sl.kim_id and m.user_id = sl.user_id where m.user_id is null`)).toEqual({ n: 0 });
		// The indexes dropped for the bulk load are back.
		const indexes = rows<{ indexname: string }>(await a.db.execute(sql`select indexname from pg_indexes where tablename in ('posts', 'link_clicks', 'activity_reports', 'aduan', 'aduan_events')`)).map((r) => r.indexname);
		expect(indexes).toEqual(expect.arrayContaining(['posts_search_idx', 'posts_tags_idx', 'link_clicks_link_day_idx', 'activity_reports_kim_idx', 'aduan_status_idx', 'aduan_events_aduan_idx']));
		// Search columns are filled.
		expect(await one(`select count(*)::int as n from posts where search_vector is null`)).toEqual({ n: 0 });
	});

	it('serves the app’s own queries: campaign stats count every planned click', async () => {
		const [petugas] = rows<{ id: string }>(await a.db.execute(sql`select id from users where email = ${manifest.samples.petugas.email}`));
		const actor = await loadActor(a.db, petugas.id);
		let total = 0;
		for (const id of manifest.samples.campaignIds) {
			const stats = await getCampaignStats(ctxFor(a.db, actor, { now: NOW }), id);
			total += stats.reach.clicks;
			const [live] = rows<{ n: number }>(await a.db.execute(sql`select count(*)::int as n from link_clicks lc join share_links sl on sl.id = lc.link_id where sl.campaign_id = ${id}`));
			expect(stats.reach.clicks).toBe(live.n);
			expect(stats.reach.reports).toBeGreaterThan(0);
		}
		expect(total).toBeGreaterThan(0);
		// The totals (written by the generator with the trigger off) are what the trigger would have kept.
		const [check] = rows<Record<string, number>>(
			await a.db.execute(sql`select
				(select coalesce(sum(clicks), 0)::int from reach_totals where scope = 'campaign') as rolled,
				(select coalesce(sum(clicks), 0)::int from reach_totals where scope = 'day') as by_day,
				(select count(*)::int from link_clicks) as clicks,
				(select coalesce(sum(visitors), 0)::int from reach_totals where scope = 'kim') as kim_visitors,
				(select coalesce(sum(n), 0)::int from (select count(distinct lc.visitor_key) as n from link_clicks lc join share_links sl on sl.id = lc.link_id
					group by sl.campaign_id, sl.kim_id, lc.day) x) as kim_truth`)
		);
		expect(check.rolled).toBe(check.clicks);
		expect(check.by_day).toBe(check.clicks);
		expect(check.kim_visitors).toBe(check.kim_truth);
		const [trigger] = rows<{ enabled: string }>(await a.db.execute(sql`select tgenabled as enabled from pg_trigger where tgname = 'link_clicks_reach'`));
		expect(trigger.enabled).toBe('O');
	});

	it('is deterministic: the same seed writes the same rows on a fresh database', async () => {
		const b = await createTestDatabase();
		const again = await generate(b, { scale: 'tiny', seed: 7, now: NOW, log: quiet });
		expect(again.samples).toEqual(manifest.samples);
		expect(await checksums(b)).toEqual(await checksums(a));
	}, 120_000);
});
