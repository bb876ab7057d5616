/**
 * Reads for campaign reach. The whole campaign's figures come from reach_totals (kept on write by
 * triggers, see stats.rollup): a campaign may have millions of clicks and reports, so they are
 * never scanned. A scoped view (a pengurus's KIMs) reads its KIMs' own rows, grouped in SQL. The
 * per-KIM and per-kelurahan rows are ranked and cut in SQL, so only the rows shown are read.
 *
 * `kimIds` scopes every figure to those KIMs (a pengurus's view); `null` is the whole campaign.
 * The caller authorizes (stats.policy) before asking.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL, type Column } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { anyOf, rowsOf } from '../db/sql';
import { activityReports, assignments, attributions, campaigns, kims, linkClicks, reachTotals, regions, shareLinks } from '../db/schema';
import type { AssignmentStatus } from './stats.rules';

export type Scope = string[] | null;
const within = (column: Column, kimIds: Scope): SQL | undefined => (kimIds ? inArray(column, kimIds) : undefined);

/** The campaign fields the statistics need, or undefined. */
export async function findCampaignForStats(db: Db, id: string) {
	const [row] = await db
		.select({
			id: campaigns.id, title: campaigns.title, status: campaigns.status, startsOn: campaigns.startsOn, endsOn: campaigns.endsOn,
			targetKind: campaigns.targetKind, targetCodes: campaigns.targetCodes, targetKimIds: campaigns.targetKimIds, targetReach: campaigns.targetReach
		})
		.from(campaigns)
		.where(eq(campaigns.id, id))
		.limit(1);
	return row;
}
export type StatsCampaign = NonNullable<Awaited<ReturnType<typeof findCampaignForStats>>>;

/** Which of `kimIds` the campaign is assigned to. */
export async function listAssignedKims(db: Db, campaignId: string, kimIds: string[]) {
	if (kimIds.length === 0) return [];
	const rows = await db.select({ kimId: assignments.kimId }).from(assignments).where(and(eq(assignments.campaignId, campaignId), anyOf(assignments.kimId, kimIds)));
	return rows.map((r) => r.kimId);
}

/** Assignment counts grouped by status and due date (stats.rules countAssignments buckets them). */
export function countAssignmentRows(db: Db, campaignId: string, kimIds: Scope) {
	return db
		.select({ status: sql<AssignmentStatus>`${assignments.status}`, dueOn: assignments.dueOn, n: sql<number>`count(*)::int` })
		.from(assignments)
		.where(and(eq(assignments.campaignId, campaignId), within(assignments.kimId, kimIds)))
		.groupBy(assignments.status, assignments.dueOn);
}

const kecamatanOf = alias(regions, 'kecamatan');

/** The city's kelurahan and desa with their kecamatan (code and name), ordered by code. */
export function listCityVillages(db: Db, cityCode: string) {
	return db
		.select({ code: regions.code, name: regions.name, parentCode: regions.parentCode, kecamatanName: kecamatanOf.name, population: regions.population })
		.from(regions)
		.innerJoin(kecamatanOf, eq(kecamatanOf.code, regions.parentCode))
		.where(and(inArray(regions.level, ['kelurahan', 'desa']), eq(kecamatanOf.parentCode, cityCode)))
		.orderBy(asc(regions.code));
}

/** The KIMs' areas (kelurahan or, for a kecamatan-level KIM, null) and names. */
export function listKimAreas(db: Db, filter: { ids?: string[]; verified?: boolean }) {
	if (filter.ids && filter.ids.length === 0) return Promise.resolve([]);
	return db
		.select({ id: kims.id, name: kims.name, slug: kims.slug, kelurahanCode: kims.kelurahanCode, kecamatanCode: kims.kecamatanCode })
		.from(kims)
		.where(and(filter.ids ? anyOf(kims.id, filter.ids) : undefined, filter.verified ? eq(kims.status, 'verified') : undefined))
		.orderBy(asc(kims.name));
}

const campaignClicks = (campaignId: string, kimIds: Scope) => and(eq(shareLinks.campaignId, campaignId), within(shareLinks.kimId, kimIds));

/** One row of reach figures for a day, KIM or kelurahan (`key`), as every figures query answers them. */
export type FigureRow = { key: string; clicks: number; visitors: number; reports: number; audience: number; reaching_reports: number };
type Grouping = 'day' | 'kim' | 'kelurahan';

const select = async <T>(db: Db, query: SQL) => rowsOf<T>(await db.execute(query));

/**
 * A campaign's figures per day, KIM or kelurahan as a subquery with FigureRow's columns. The whole
 * campaign (`kimIds` null) reads reach_totals. A scope (a pengurus's KIMs, who have few clicks and
 * reports) is read live: clicks of their KIMs' links, visitors distinct per group and day and
 * summed over days as the totals count them, and their reports. The clicks' kelurahan is the
 * link's KIM's ('' for a kecamatan-level KIM); the reports' is where the activity was held.
 */
function figures(campaignId: string, kimIds: Scope, by: Grouping): SQL {
	if (kimIds === null) {
		return sql`select key, clicks, visitors, reports, audience, reaching_reports from ${reachTotals} where campaign_id = ${campaignId} and scope = ${by}`;
	}
	const [clickKey, reportKey] = {
		day: [sql`lc.day::text`, sql`ar.held_on::text`],
		kim: [sql`sl.kim_id::text`, sql`ar.kim_id::text`],
		kelurahan: [sql`coalesce(k.kelurahan_code, '')`, sql`ar.kelurahan_code`]
	}[by];
	const ids = sql.param(kimIds);
	return sql`select key, sum(clicks)::int as clicks, sum(visitors)::int as visitors, sum(reports)::int as reports,
			sum(audience)::int as audience, sum(reaching_reports)::int as reaching_reports
		from (
			select key, sum(n) as clicks, sum(uv) as visitors, 0 as reports, 0 as audience, 0 as reaching_reports
			from (
				select ${clickKey} as key, lc.day, count(*) as n, count(distinct lc.visitor_key) as uv
				from ${linkClicks} lc join ${shareLinks} sl on sl.id = lc.link_id join ${kims} k on k.id = sl.kim_id
				where sl.campaign_id = ${campaignId} and sl.kim_id = any(${ids})
				group by 1, 2
			) per_day group by key
			union all
			select ${reportKey}, 0, 0, count(*), coalesce(sum(ar.audience_count), 0), count(*) filter (where ar.audience_count > 0)
			from ${activityReports} ar where ar.campaign_id = ${campaignId} and ar.kim_id = any(${ids})
			group by 1
		) f group by key`;
}

/**
 * A campaign's clicks and reported audience per WIB day (days with clicks, days with reports),
 * and the clicks on links of kecamatan-level KIMs (no kelurahan), as the actor's scope sees them.
 */
export async function reachFigures(db: Db, campaignId: string, kimIds: Scope) {
	const [days, [noKelurahan]] = await Promise.all([
		select<FigureRow>(db, figures(campaignId, kimIds, 'day')),
		select<{ clicks: number }>(db, sql`select coalesce(sum(clicks), 0)::int as clicks from (${figures(campaignId, kimIds, 'kelurahan')}) f where key = ''`)
	]);
	const byDay = (a: { day: string }, b: { day: string }) => a.day.localeCompare(b.day);
	return {
		dayClicks: days.filter((r) => r.clicks > 0).map((r) => ({ day: r.key, clicks: r.clicks, uniqueVisitors: r.visitors })).sort(byDay),
		dayReports: days.filter((r) => r.reports > 0).map((r) => ({ day: r.key, reports: r.reports, audience: r.audience })).sort(byDay),
		clicksWithoutKelurahan: noKelurahan?.clicks ?? 0
	};
}

const rowLimit = (limit: number) => (Number.isFinite(limit) ? sql`limit ${limit}` : sql``);

export type KimFigures = {
	kim_id: string; name: string; slug: string; area_name: string | null; status: AssignmentStatus | null; due_on: string | null;
	reports: number; audience: number; clicks: number; visitors: number; register: number; subscribe: number; complaint: number; total: number;
};

/**
 * The campaign's KIMs in the scope — its reach_totals KIM rows, made when a KIM is assigned, makes
 * its first share link or reports, and deleted with the KIM (migrations 0011, 0014) — with their
 * figures (the totals, or a scope's live ones), area name, assignment and attributed conversions,
 * ranked in SQL (best-reaching first: reported audience, then clicks, then name) and cut to
 * `limit`; `total` counts them all. A
 * national campaign has thousands: they are ranked on the figures alone (ties at the cut kept),
 * and only the rows shown are joined to names, assignments and conversions.
 */
export function rankKims(db: Db, campaignId: string, kimIds: Scope, limit: number) {
	const rows = kimIds
		? sql`select r.key, coalesce(f.reports, 0) as reports, coalesce(f.audience, 0) as audience, coalesce(f.clicks, 0) as clicks, coalesce(f.visitors, 0) as visitors
			from ${reachTotals} r left join (${figures(campaignId, kimIds, 'kim')}) f on f.key = r.key
			where r.campaign_id = ${campaignId} and r.scope = 'kim' and r.key = any(${sql.param(kimIds)}::text[])`
		: sql`select key, reports, audience, clicks, visitors from ${reachTotals} where campaign_id = ${campaignId} and scope = 'kim'`;
	const cut = Number.isFinite(limit) ? sql`fetch first ${limit} rows with ties` : sql``;
	return select<KimFigures>(db, sql`
		with r as (${rows}),
		top as (select * from r order by audience desc, clicks desc ${cut}),
		shown as (
			select top.*, k.name, k.slug, area.name as area_name
			from top join ${kims} k on k.id = top.key::uuid left join ${regions} area on area.code = coalesce(k.kelurahan_code, k.kecamatan_code)
			order by audience desc, clicks desc, k.name, top.key ${rowLimit(limit)}
		)
		select s.key as kim_id, s.name, s.slug, s.area_name, a.status::text as status, a.due_on::text as due_on,
			s.reports::int as reports, s.audience::int as audience, s.clicks::int as clicks, s.visitors::int as visitors,
			coalesce(conv.register, 0)::int as register, coalesce(conv.subscribe, 0)::int as subscribe, coalesce(conv.complaint, 0)::int as complaint,
			(select count(*) from r)::int as total
		from shown s
		left join lateral (select status, due_on from ${assignments} where campaign_id = ${campaignId} and kim_id = s.key::uuid limit 1) a on true
		left join lateral (
			select count(*) filter (where at.kind = 'register') as register, count(*) filter (where at.kind = 'subscribe') as subscribe,
				count(*) filter (where at.kind = 'complaint') as complaint
			from ${shareLinks} sl join ${attributions} at on at.link_id = sl.id
			where sl.campaign_id = ${campaignId} and sl.kim_id = s.key::uuid
		) conv on true
		order by s.audience desc, s.clicks desc, s.name, s.key`);
}

export type KelurahanFigures = {
	code: string; name: string | null; kecamatan_name: string | null; population: number | null;
	reports: number; audience: number; reaching_reports: number; clicks: number; visitors: number; targeted: boolean; total: number; reached: number;
};

/**
 * The kelurahan rows: every `targeted` code and any other with reports or clicks in the scope,
 * ranked in SQL (targeted first, then reported audience, clicks and code) and cut to `limit`;
 * `total` counts them all, `reached` the targeted ones with a report whose audience is above zero;
 * each with its name, kecamatan and population.
 */
export function rankKelurahan(db: Db, campaignId: string, kimIds: Scope, targeted: string[], limit: number) {
	return select<KelurahanFigures>(db, sql`
		with t as (select distinct unnest(${sql.param(targeted)}::text[]) as code),
		f as (select * from (${figures(campaignId, kimIds, 'kelurahan')}) x where key <> '' and (reports > 0 or clicks > 0)),
		r as (
			select coalesce(f.key, t.code) as code, coalesce(f.reports, 0)::int as reports, coalesce(f.audience, 0)::int as audience,
				coalesce(f.reaching_reports, 0)::int as reaching_reports, coalesce(f.clicks, 0)::int as clicks, coalesce(f.visitors, 0)::int as visitors,
				t.code is not null as targeted, (count(*) over ())::int as total, (count(*) filter (where t.code is not null and f.reaching_reports > 0) over ())::int as reached
			from f full join t on t.code = f.key
			order by 7 desc, 3 desc, 5 desc, 1
			${rowLimit(limit)}
		)
		select r.*, kel.name, kec.name as kecamatan_name, kel.population
		from r left join ${regions} kel on kel.code = r.code left join ${regions} kec on kec.code = kel.parent_code
		order by r.targeted desc, r.audience desc, r.clicks desc, r.code`);
}

/** The reported audience of the given kelurahan (the city's, for the map), as the scope sees it. */
export function kelurahanAudience(db: Db, campaignId: string, kimIds: Scope, codes: string[]) {
	return select<{ key: string; audience: number }>(db, sql`select key, audience from (${figures(campaignId, kimIds, 'kelurahan')}) f where key = any(${sql.param(codes)})`);
}

/** The kelurahan where the scope's KIMs reported activities for the campaign. */
export async function workedKelurahan(db: Db, campaignId: string, kimIds: string[]) {
	const rows = await select<{ key: string }>(db, sql`select key from (${figures(campaignId, kimIds, 'kelurahan')}) f where reports > 0`);
	return rows.map((r) => r.key);
}

/** Attributed conversions (register, subscribe, complaint) of the scope's links, per kind. */
export function conversionTotals(db: Db, campaignId: string, kimIds: Scope) {
	return db
		.select({ kind: attributions.kind, n: sql<number>`count(*)::int` })
		.from(attributions)
		.innerJoin(shareLinks, eq(shareLinks.id, attributions.linkId))
		.where(campaignClicks(campaignId, kimIds))
		.groupBy(attributions.kind);
}

/**
 * Residents' feedback and questions from the campaign's reports, newest first: the KIM and
 * kelurahan only, never who reported.
 */
export function listFeedback(db: Db, campaignId: string, kimIds: Scope, limit: number) {
	const text = (col: Column) => sql`coalesce(btrim(${col}), '') <> ''`;
	return db
		.select({
			id: activityReports.id, heldOn: activityReports.heldOn, type: activityReports.type, kimId: activityReports.kimId, kimName: kims.name,
			kelurahanCode: activityReports.kelurahanCode, kelurahanName: regions.name, feedback: activityReports.feedback, questions: activityReports.questions
		})
		.from(activityReports)
		.innerJoin(kims, eq(kims.id, activityReports.kimId))
		.leftJoin(regions, eq(regions.code, activityReports.kelurahanCode))
		.where(and(eq(activityReports.campaignId, campaignId), within(activityReports.kimId, kimIds), or(text(activityReports.feedback), text(activityReports.questions))))
		.orderBy(desc(activityReports.heldOn), desc(activityReports.createdAt), desc(activityReports.id))
		.limit(limit);
}
