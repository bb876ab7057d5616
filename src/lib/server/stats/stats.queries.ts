/**
 * Reads for campaign reach. The whole campaign's figures come from reach_totals (kept on write by
 * triggers, see stats.rollup): a campaign may have millions of clicks and reports, so they are
 * never scanned. A scoped view (a pengurus's KIMs) reads its KIMs' own rows, grouped in SQL.
 *
 * `kimIds` scopes every figure to those KIMs (a pengurus's view); `null` is the whole campaign.
 * The caller authorizes (stats.policy) before asking.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL, type Column } from 'drizzle-orm';
import type { Db } from '../db/client';
import { anyOf } from '../db/sql';
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

/** Every assignment of the campaign (one per KIM, so at most the city's KIMs). */
export function listAssignmentRows(db: Db, campaignId: string) {
	return db
		.select({ kimId: assignments.kimId, status: assignments.status, dueOn: assignments.dueOn })
		.from(assignments)
		.where(eq(assignments.campaignId, campaignId));
}

/** Assignment counts grouped by status and due date (stats.rules countAssignments buckets them). */
export function countAssignmentRows(db: Db, campaignId: string, kimIds: Scope) {
	return db
		.select({ status: sql<AssignmentStatus>`${assignments.status}`, dueOn: assignments.dueOn, n: sql<number>`count(*)::int` })
		.from(assignments)
		.where(and(eq(assignments.campaignId, campaignId), within(assignments.kimId, kimIds)))
		.groupBy(assignments.status, assignments.dueOn);
}

/** The city's kelurahan and desa with their kecamatan, ordered by code. */
export function listCityVillages(db: Db, cityCode: string) {
	return db
		.select({ code: regions.code, name: regions.name, parentCode: regions.parentCode, population: regions.population })
		.from(regions)
		.where(and(inArray(regions.level, ['kelurahan', 'desa']), sql`${regions.code} like ${cityCode + '.%'}`))
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

type ClickRow = { key: string; clicks: number; visitors: number };
type ReportRow = { key: string; reports: number; audience: number; reachingReports: number };

/**
 * Clicks of the scoped KIMs' links, counted and visitors made distinct per `group` and day, then
 * summed over days. Only for a scope (a pengurus's KIMs): their few clicks are read live, so a
 * visitor who followed two of their KIMs' links on one day counts once, as the totals do.
 */
function scopedClicks(db: Db, campaignId: string, kimIds: string[], group: SQL): Promise<ClickRow[]> {
	const perDay = db
		.select({ group: sql<string>`${group}`.as('grp'), day: linkClicks.day, clicks: sql<number>`count(*)`.as('clicks'), uv: sql<number>`count(distinct ${linkClicks.visitorKey})`.as('uv') })
		.from(linkClicks)
		.innerJoin(shareLinks, eq(shareLinks.id, linkClicks.linkId))
		.innerJoin(kims, eq(kims.id, shareLinks.kimId))
		.where(campaignClicks(campaignId, kimIds))
		.groupBy(group, linkClicks.day)
		.as('per_day');
	return db
		.select({ key: perDay.group, clicks: sql<number>`sum(${perDay.clicks})::int`, visitors: sql<number>`sum(${perDay.uv})::int` })
		.from(perDay)
		.groupBy(perDay.group);
}

/** The scoped KIMs' reports of the campaign, summed per `group` (read live: a pengurus's KIMs have few). */
function scopedReports(db: Db, campaignId: string, kimIds: string[], group: SQL): Promise<ReportRow[]> {
	return db
		.select({
			key: sql<string>`${group}`, reports: sql<number>`count(*)::int`, audience: sql<number>`coalesce(sum(${activityReports.audienceCount}), 0)::int`,
			reachingReports: sql<number>`(count(*) filter (where ${activityReports.audienceCount} > 0))::int`
		})
		.from(activityReports)
		.where(and(eq(activityReports.campaignId, campaignId), inArray(activityReports.kimId, kimIds)))
		.groupBy(group);
}

/** Per day, KIM and kelurahan: the whole campaign's reach_totals rows (one read), or a scope's live figures. */
async function reachRows(db: Db, campaignId: string, kimIds: Scope): Promise<{ clicks: Record<'day' | 'kim' | 'kelurahan', ClickRow[]>; reports: Record<'day' | 'kim' | 'kelurahan', ReportRow[]> }> {
	if (kimIds === null) {
		const rows = await db
			.select({ scope: reachTotals.scope, key: reachTotals.key, clicks: reachTotals.clicks, visitors: reachTotals.visitors, reports: reachTotals.reports, audience: reachTotals.audience, reachingReports: reachTotals.reachingReports })
			.from(reachTotals)
			.where(and(eq(reachTotals.campaignId, campaignId), inArray(reachTotals.scope, ['day', 'kim', 'kelurahan'])));
		const of = (scope: string) => rows.filter((r) => r.scope === scope);
		const [day, kim, kelurahan] = [of('day'), of('kim'), of('kelurahan')];
		return { clicks: { day, kim, kelurahan }, reports: { day, kim, kelurahan } };
	}
	const [dayC, kimC, kelC, dayR, kimR, kelR] = await Promise.all([
		scopedClicks(db, campaignId, kimIds, sql`${linkClicks.day}::text`),
		scopedClicks(db, campaignId, kimIds, sql`${shareLinks.kimId}::text`),
		scopedClicks(db, campaignId, kimIds, sql`coalesce(${kims.kelurahanCode}, '')`),
		scopedReports(db, campaignId, kimIds, sql`${activityReports.heldOn}::text`),
		scopedReports(db, campaignId, kimIds, sql`${activityReports.kimId}::text`),
		scopedReports(db, campaignId, kimIds, sql`${activityReports.kelurahanCode}`)
	]);
	return { clicks: { day: dayC, kim: kimC, kelurahan: kelC }, reports: { day: dayR, kim: kimR, kelurahan: kelR } };
}

/**
 * A campaign's clicks and reports per day, KIM and kelurahan, as the actor's scope sees them:
 * - clicks with unique visitors (distinct visitor keys per day, summed over days), per WIB day,
 *   per KIM of the link, per kelurahan of that KIM (null for a kecamatan-level KIM);
 * - reports with reported audience per KIM, per kelurahan where the activity was held (with the
 *   reports whose audience is above zero), and the audience per day held.
 */
export async function reachFigures(db: Db, campaignId: string, kimIds: Scope) {
	const { clicks, reports } = await reachRows(db, campaignId, kimIds);
	const withClicks = (rows: ClickRow[]) => rows.filter((r) => r.clicks > 0);
	const withReports = (rows: ReportRow[]) => rows.filter((r) => r.reports > 0);
	const byDay = (a: { day: string }, b: { day: string }) => a.day.localeCompare(b.day);
	return {
		dayClicks: withClicks(clicks.day).map((r) => ({ day: r.key, clicks: r.clicks, uniqueVisitors: r.visitors })).sort(byDay),
		kimClicks: withClicks(clicks.kim).map((r) => ({ kimId: r.key, clicks: r.clicks, uniqueVisitors: r.visitors })),
		kelClicks: withClicks(clicks.kelurahan).map((r) => ({ code: r.key || null, clicks: r.clicks, uniqueVisitors: r.visitors })),
		kimReports: withReports(reports.kim).map((r) => ({ kimId: r.key, reports: r.reports, audience: r.audience })),
		kelReports: withReports(reports.kelurahan).map((r) => ({ code: r.key, reports: r.reports, audience: r.audience, reachingReports: r.reachingReports })),
		dayReports: withReports(reports.day).map((r) => ({ day: r.key, audience: r.audience })).sort(byDay)
	};
}

/** Attributed conversions (register, subscribe, complaint) per KIM of the link. */
export function conversionsByKim(db: Db, campaignId: string, kimIds: Scope) {
	return db
		.select({ kimId: shareLinks.kimId, kind: attributions.kind, n: sql<number>`count(*)::int` })
		.from(attributions)
		.innerJoin(shareLinks, eq(shareLinks.id, attributions.linkId))
		.where(campaignClicks(campaignId, kimIds))
		.groupBy(shareLinks.kimId, attributions.kind);
}

/** The KIMs that have share links in the campaign (even without clicks yet). */
export async function listLinkKimIds(db: Db, campaignId: string, kimIds: Scope) {
	const rows = await db.selectDistinct({ kimId: shareLinks.kimId }).from(shareLinks).where(campaignClicks(campaignId, kimIds));
	return rows.map((r) => r.kimId);
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
		.orderBy(desc(activityReports.heldOn), desc(activityReports.createdAt), asc(activityReports.id))
		.limit(limit);
}
