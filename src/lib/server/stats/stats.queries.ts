/**
 * Reads for campaign reach. They read the campaign tables directly (campaigns, assignments,
 * share_links, link_clicks, attributions, activity_reports) and aggregate in SQL: a campaign may
 * have 100k clicks, so click rows are never loaded, only per-day or per-KIM groups.
 *
 * `kimIds` scopes every figure to those KIMs (a pengurus's view); `null` is the whole campaign.
 * The caller authorizes (stats.policy) before asking.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL, type Column } from 'drizzle-orm';
import type { Db } from '../db/client';
import { activityReports, assignments, attributions, campaigns, kims, linkClicks, regions, shareLinks } from '../db/schema';
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
		.where(and(filter.ids ? inArray(kims.id, filter.ids) : undefined, filter.verified ? eq(kims.status, 'verified') : undefined))
		.orderBy(asc(kims.name));
}

const campaignClicks = (campaignId: string, kimIds: Scope) => and(eq(shareLinks.campaignId, campaignId), within(shareLinks.kimId, kimIds));

/** Clicks and unique visitors (distinct visitor keys) per WIB day. */
export function clicksByDay(db: Db, campaignId: string, kimIds: Scope) {
	return db
		.select({ day: linkClicks.day, clicks: sql<number>`count(*)::int`, uniqueVisitors: sql<number>`count(distinct ${linkClicks.visitorKey})::int` })
		.from(linkClicks)
		.innerJoin(shareLinks, eq(shareLinks.id, linkClicks.linkId))
		.where(campaignClicks(campaignId, kimIds))
		.groupBy(linkClicks.day)
		.orderBy(asc(linkClicks.day));
}

/** Clicks per KIM, unique visitors counted per day and summed over days. */
export function clicksByKim(db: Db, campaignId: string, kimIds: Scope) {
	const perDay = db
		.select({ kimId: shareLinks.kimId, clicks: sql<number>`count(*)`.as('clicks'), uv: sql<number>`count(distinct ${linkClicks.visitorKey})`.as('uv') })
		.from(linkClicks)
		.innerJoin(shareLinks, eq(shareLinks.id, linkClicks.linkId))
		.where(campaignClicks(campaignId, kimIds))
		.groupBy(shareLinks.kimId, linkClicks.day)
		.as('per_day');
	return db
		.select({ kimId: perDay.kimId, clicks: sql<number>`sum(${perDay.clicks})::int`, uniqueVisitors: sql<number>`sum(${perDay.uv})::int` })
		.from(perDay)
		.groupBy(perDay.kimId);
}

/**
 * Clicks per kelurahan of the KIM that owns the link (null for a kecamatan-level KIM), unique
 * visitors counted per day and summed.
 */
export function clicksByKelurahan(db: Db, campaignId: string, kimIds: Scope) {
	const perDay = db
		.select({ code: sql<string | null>`${kims.kelurahanCode}`.as('code'), clicks: sql<number>`count(*)`.as('clicks'), uv: sql<number>`count(distinct ${linkClicks.visitorKey})`.as('uv') })
		.from(linkClicks)
		.innerJoin(shareLinks, eq(shareLinks.id, linkClicks.linkId))
		.innerJoin(kims, eq(kims.id, shareLinks.kimId))
		.where(campaignClicks(campaignId, kimIds))
		.groupBy(kims.kelurahanCode, linkClicks.day)
		.as('per_day');
	return db
		.select({ code: perDay.code, clicks: sql<number>`sum(${perDay.clicks})::int`, uniqueVisitors: sql<number>`sum(${perDay.uv})::int` })
		.from(perDay)
		.groupBy(perDay.code);
}

const campaignReports = (campaignId: string, kimIds: Scope) => and(eq(activityReports.campaignId, campaignId), within(activityReports.kimId, kimIds));
const reportCount = sql<number>`count(*)::int`;
const audienceSum = sql<number>`coalesce(sum(${activityReports.audienceCount}), 0)::int`;

/** Reports and reported audience per KIM. */
export function reportsByKim(db: Db, campaignId: string, kimIds: Scope) {
	return db
		.select({ kimId: activityReports.kimId, reports: reportCount, audience: audienceSum })
		.from(activityReports)
		.where(campaignReports(campaignId, kimIds))
		.groupBy(activityReports.kimId);
}

/** Reports, reported audience and reports with audience above zero per kelurahan where the activity was held. */
export function reportsByKelurahan(db: Db, campaignId: string, kimIds: Scope) {
	return db
		.select({
			code: activityReports.kelurahanCode, reports: reportCount, audience: audienceSum,
			reachingReports: sql<number>`(count(*) filter (where ${activityReports.audienceCount} > 0))::int`
		})
		.from(activityReports)
		.where(campaignReports(campaignId, kimIds))
		.groupBy(activityReports.kelurahanCode);
}

/** Reported audience per day the activity was held. */
export function reportsByDay(db: Db, campaignId: string, kimIds: Scope) {
	return db
		.select({ day: activityReports.heldOn, audience: audienceSum })
		.from(activityReports)
		.where(campaignReports(campaignId, kimIds))
		.groupBy(activityReports.heldOn)
		.orderBy(asc(activityReports.heldOn));
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
		.where(and(campaignReports(campaignId, kimIds), or(text(activityReports.feedback), text(activityReports.questions))))
		.orderBy(desc(activityReports.heldOn), desc(activityReports.createdAt), asc(activityReports.id))
		.limit(limit);
}
