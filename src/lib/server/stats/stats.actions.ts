import { AppError } from '../errors';
import { nowOf, type Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { isUuid } from '../../shared/slug';
import { todayWib } from '../validation';
import { findCity } from '../site';
import { authorize } from '../kims/kims.guard';
import { isStaff } from '../auth/actor';
import { canSeeCampaign, canViewStats, statsScopeOf } from './stats.policy';
import {
	assignmentBucket, countAssignments, dailySeries, percentOf, previewTargetKims, reachLevel, restrictToKims, sumUniqueVisitors, targetedKelurahan, type Target
} from './stats.rules';
import {
	conversionTotals, countAssignmentRows, findCampaignForStats, kelurahanAudience, listAssignedKims, listCityVillages, listFeedback, listKimAreas, rankKelurahan,
	rankKims, reachFigures, workedKelurahan, type KelurahanFigures, type KimFigures
} from './stats.queries';

/** The most feedback entries shown (newest first). */
export const FEEDBACK_LIMIT = 100;

export const campaignNotFound = () => new AppError('NOT_FOUND', m.stats_campaign_not_found());

const noConversions = () => ({ register: 0, subscribe: 0, complaint: 0 });

/**
 * The campaign if the actor may see its reach, and the KIMs they may see: staff the whole
 * campaign (`null`), a pengurus of an assigned KIM that KIM. A draft (or an unknown id) is
 * NOT_FOUND for non-staff; anonymous visitors UNAUTHENTICATED; anyone else FORBIDDEN.
 */
export async function loadStatsScope(ctx: Ctx, id: string, db: Db = ctx.db) {
	const campaign = isUuid(id) ? await findCampaignForStats(db, id) : undefined;
	if (!campaign || !canSeeCampaign(ctx.actor, campaign)) throw campaignNotFound();
	const assigned = isStaff(ctx.actor) ? [] : await listAssignedKims(db, campaign.id, (ctx.actor?.kims ?? []).map((k) => k.kimId));
	const scope = statsScopeOf(ctx.actor, assigned);
	authorize(ctx, canViewStats(scope));
	return { campaign, kimIds: scope === 'all' ? null : scope };
}

/** How many KIM and kelurahan rows the reach page and the API show by default (the CSV has all). */
export const STATS_ROWS = 100;

/**
 * A campaign's reach as the actor may see it (stats.rules has the definitions). One read-only
 * snapshot, so the totals and the per-KIM and per-kelurahan rows agree with each other.
 * `limit` keeps the best-reaching KIMs and, of the kelurahan, the targeted ones first and then
 * the best-reaching (shown by code); a national campaign has thousands of each, ranked and cut
 * in SQL so only the rows shown are read.
 */
export function getCampaignStats(ctx: Ctx, id: string, opts: { limit?: number } = {}) {
	return ctx.db.transaction((tx) => readCampaignStats(ctx, tx, id, opts.limit ?? Infinity), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

async function readCampaignStats(ctx: Ctx, db: Db, id: string, limit: number) {
	const { campaign, kimIds } = await loadStatsScope(ctx, id, db);
	const today = todayWib(nowOf(ctx));
	const city = await findCity(db);
	const target: Target = { kind: campaign.targetKind, codes: campaign.targetCodes, kimIds: campaign.targetKimIds };
	// The KIMs whose area matters: the target's (their kelurahan are targeted) and the scope's.
	const areaKimIds = [...new Set([...(target.kind === 'kims' ? target.kimIds : []), ...(kimIds ?? [])])];
	const [villages, assignmentRows, reach, conversions, kimAreas, worked, kimRows, feedback] = await Promise.all([
		listCityVillages(db, city.code),
		countAssignmentRows(db, campaign.id, kimIds),
		reachFigures(db, campaign.id, kimIds),
		conversionTotals(db, campaign.id, kimIds),
		listKimAreas(db, { ids: areaKimIds }),
		kimIds ? workedKelurahan(db, campaign.id, kimIds) : [],
		rankKims(db, campaign.id, kimIds, limit),
		listFeedback(db, campaign.id, kimIds, FEEDBACK_LIMIT)
	]);
	const targeted = restrictToKims(targetedKelurahan(target, villages, kimAreas), kimIds && kimAreas.filter((k) => kimIds.includes(k.id)), villages, worked);
	const [kelRows, mapAudience] = await Promise.all([
		rankKelurahan(db, campaign.id, kimIds, targeted, limit),
		kelurahanAudience(db, campaign.id, kimIds, villages.map((v) => v.code))
	]);
	const kimsTargeted =
		kimIds !== null ? kimIds.length
		: campaign.status === 'draft' ? previewTargetKims(target, await listKimAreas(db, { verified: true }), villages).length
		: assignmentRows.reduce((s, r) => s + r.n, 0);

	const totalConversions = noConversions();
	for (const c of conversions) totalConversions[c.kind] += c.n;
	const reportedAudience = reach.dayReports.reduce((s, d) => s + d.audience, 0);

	return {
		campaign: { id: campaign.id, title: campaign.title, status: campaign.status, startsOn: campaign.startsOn, endsOn: campaign.endsOn, targetKind: campaign.targetKind },
		scope: { whole: kimIds === null, kims: (kimIds ?? []).map((id) => ({ id, name: kimAreas.find((k) => k.id === id)?.name ?? id })) },
		today,
		kelurahanTargeted: targeted.length,
		kelurahanReached: kelRows[0]?.reached ?? 0,
		kimsTargeted,
		assignments: countAssignments(assignmentRows, today),
		reach: {
			reportedAudience,
			targetReach: campaign.targetReach,
			percentOfTarget: percentOf(reportedAudience, campaign.targetReach),
			reports: reach.dayReports.reduce((s, d) => s + d.reports, 0),
			clicks: reach.dayClicks.reduce((s, d) => s + d.clicks, 0),
			uniqueVisitors: sumUniqueVisitors(reach.dayClicks),
			clicksWithoutKelurahan: reach.clicksWithoutKelurahan,
			conversions: totalConversions
		},
		byKim: kimRows.map((k) => presentKimRow(k, today)).sort(byReach),
		byKimTotal: kimRows[0]?.total ?? 0,
		byKelurahan: kelRows.map(kelurahanRow).sort((a, b) => a.code.localeCompare(b.code)),
		byKelurahanTotal: kelRows[0]?.total ?? 0,
		series: dailySeries(campaign, reach.dayClicks, reach.dayReports, today),
		map: reachMap(villages, new Map(mapAudience.map((r) => [r.key, r.audience])), new Set(targeted)),
		feedback: feedback.map((f) => ({ ...f, kelurahanName: f.kelurahanName ?? f.kelurahanCode }))
	};
}
export type CampaignStats = Awaited<ReturnType<typeof getCampaignStats>>;

type Village = Awaited<ReturnType<typeof listCityVillages>>[number];

/** A KIM's row: its figures, area name and assignment bucket (null when it has no assignment). */
function presentKimRow(k: KimFigures, today: string) {
	return {
		kimId: k.kim_id, name: k.name, slug: k.slug, areaName: k.area_name,
		assignment: k.status && k.due_on ? assignmentBucket(k.status, k.due_on, today) : null,
		reports: k.reports, reportedAudience: k.audience, clicks: k.clicks, uniqueVisitors: k.visitors,
		conversions: { register: k.register, subscribe: k.subscribe, complaint: k.complaint }
	};
}

/** Best-reaching first (the order rankKims cut by), names in the reader's alphabetical order. */
const byReach = (a: ReturnType<typeof presentKimRow>, b: ReturnType<typeof presentKimRow>) =>
	b.reportedAudience - a.reportedAudience || b.clicks - a.clicks || a.name.localeCompare(b.name);

function kelurahanRow(r: KelurahanFigures) {
	return {
		code: r.code, name: r.name ?? r.code, kecamatanName: r.kecamatan_name, population: r.population,
		targeted: r.targeted, reached: r.targeted && r.reaching_reports > 0,
		reports: r.reports, reportedAudience: r.audience, clicks: r.clicks, uniqueVisitors: r.visitors, reachingReports: r.reaching_reports
	};
}

/** Every kelurahan of the city grouped by kecamatan, with its map colour class (relative to the highest). */
function reachMap(villages: Village[], audienceOf: Map<string, number>, targeted: Set<string>) {
	const audience = (code: string) => audienceOf.get(code) ?? 0;
	const maxAudience = Math.max(0, ...villages.map((v) => audience(v.code)));
	const kecamatan = [...new Set(villages.map((v) => v.parentCode ?? ''))];
	return {
		maxAudience,
		kecamatan: kecamatan.map((code) => ({
			code,
			name: villages.find((v) => v.parentCode === code)?.kecamatanName ?? code,
			kelurahan: villages
				.filter((v) => (v.parentCode ?? '') === code)
				.map((v) => ({ code: v.code, name: v.name, reportedAudience: audience(v.code), level: reachLevel(audience(v.code), maxAudience), targeted: targeted.has(v.code) }))
		}))
	};
}
