import { AppError } from '../errors';
import { nowOf, type Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { isUuid } from '../../shared/slug';
import { todayWib } from '../validation';
import { findCity } from '../site';
import { regionNames } from '../regions/regions.queries';
import { authorize } from '../kims/kims.guard';
import { canSeeCampaign, canViewStats, statsScopeOf } from './stats.policy';
import {
	assignmentBucket, countAssignments, countReached, dailySeries, percentOf, previewTargetKims, reachLevel, restrictToKims,
	sumUniqueVisitors, targetedKelurahan, type AssignmentBucket, type Target
} from './stats.rules';
import {
	conversionsByKim, countAssignmentRows, findCampaignForStats, listAssignmentRows, listCityVillages, listFeedback, listKimAreas, listLinkKimIds, reachFigures
} from './stats.queries';

/** The most feedback entries shown (newest first). */
export const FEEDBACK_LIMIT = 100;

export const campaignNotFound = () => new AppError('NOT_FOUND', m.stats_campaign_not_found());

type Conversions = { register: number; subscribe: number; complaint: number };
const noConversions = (): Conversions => ({ register: 0, subscribe: 0, complaint: 0 });
type Figures = { reports: number; reportedAudience: number; clicks: number; uniqueVisitors: number };
const zero = (): Figures => ({ reports: 0, reportedAudience: 0, clicks: 0, uniqueVisitors: 0 });

/**
 * The campaign if the actor may see its reach, and the KIMs they may see: staff the whole
 * campaign (`null`), a pengurus of an assigned KIM that KIM. A draft (or an unknown id) is
 * NOT_FOUND for non-staff; anonymous visitors UNAUTHENTICATED; anyone else FORBIDDEN.
 */
export async function loadStatsScope(ctx: Ctx, id: string, db: Db = ctx.db) {
	const campaign = isUuid(id) ? await findCampaignForStats(db, id) : undefined;
	if (!campaign || !canSeeCampaign(ctx.actor, campaign)) throw campaignNotFound();
	const assigned = await listAssignmentRows(db, campaign.id);
	const scope = statsScopeOf(ctx.actor, assigned.map((a) => a.kimId));
	authorize(ctx, canViewStats(scope));
	return { campaign, assigned, kimIds: scope === 'all' ? null : scope };
}

/** How many KIM and kelurahan rows the reach page and the API show by default (the CSV has all). */
export const STATS_ROWS = 100;

/**
 * A campaign's reach as the actor may see it (stats.rules has the definitions). One read-only
 * snapshot, so the totals and the per-KIM and per-kelurahan rows agree with each other.
 * `limit` keeps the best-reaching KIMs and, of the kelurahan, the targeted ones first and then
 * the best-reaching (shown by code); a national campaign has thousands of each.
 */
export function getCampaignStats(ctx: Ctx, id: string, opts: { limit?: number } = {}) {
	return ctx.db.transaction((tx) => readCampaignStats(ctx, tx, id, opts.limit ?? Infinity), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

async function readCampaignStats(ctx: Ctx, db: Db, id: string, limit: number) {
	const { campaign, kimIds, assigned } = await loadStatsScope(ctx, id, db);
	const today = todayWib(nowOf(ctx));
	const city = await findCity(db);
	const [villages, assignmentRows, { dayClicks, kimClicks, kelClicks, kimReports, kelReports, dayReports }, conversions, linkKims, feedback] = await Promise.all([
		listCityVillages(db, city.code),
		countAssignmentRows(db, campaign.id, kimIds),
		reachFigures(db, campaign.id, kimIds),
		conversionsByKim(db, campaign.id, kimIds),
		listLinkKimIds(db, campaign.id, kimIds),
		listFeedback(db, campaign.id, kimIds, FEEDBACK_LIMIT)
	]);
	const target: Target = { kind: campaign.targetKind, codes: campaign.targetCodes, kimIds: campaign.targetKimIds };

	// Every KIM that shows in a row, plus the target's (their kelurahan) and the scope's (their area).
	const inScope = (kimId: string) => kimIds === null || kimIds.includes(kimId);
	const rowKimIds = new Set([
		...assigned.map((a) => a.kimId).filter(inScope), ...kimReports.map((r) => r.kimId), ...kimClicks.map((r) => r.kimId), ...linkKims, ...conversions.map((c) => c.kimId)
	]);
	const kimInfo = await listKimAreas(db, { ids: [...new Set([...rowKimIds, ...target.kimIds, ...(kimIds ?? [])])] });
	const targeted = restrictToKims(
		targetedKelurahan(target, villages, kimInfo), kimIds && kimInfo.filter((k) => kimIds.includes(k.id)), villages, kelReports.map((r) => r.code)
	);
	const kimsTargeted =
		kimIds !== null ? kimIds.length
		: campaign.status === 'draft' ? previewTargetKims(target, await listKimAreas(db, { verified: true }), villages).length
		: assigned.length;

	const kel = kelurahanFigures(targeted, kelReports, kelClicks);
	const targetedSet = new Set(targeted);
	const allKims = kimRows(rowKimIds, { kimReports, kimClicks, conversions }, kimInfo, new Map(assigned.map((a) => [a.kimId, assignmentBucket(a.status, a.dueOn, today)])));
	const shownKims = allKims.slice(0, limit);
	const shownKelurahan = pickKelurahan(kel.rows, targetedSet, limit);
	const names = await regionNames(db, [...shownKelurahan.keys(), ...villages.map((v) => v.parentCode ?? ''), ...shownKims.map((k) => k.areaCode ?? '')]);
	const totalConversions = noConversions();
	for (const c of conversions) totalConversions[c.kind] += c.n;
	const reportedAudience = kimReports.reduce((s, r) => s + r.audience, 0);

	return {
		campaign: { id: campaign.id, title: campaign.title, status: campaign.status, startsOn: campaign.startsOn, endsOn: campaign.endsOn, targetKind: campaign.targetKind },
		scope: { whole: kimIds === null, kims: (kimIds ?? []).map((id) => ({ id, name: kimInfo.find((k) => k.id === id)?.name ?? id })) },
		today,
		kelurahanTargeted: targeted.length,
		kelurahanReached: countReached(targeted, kelReports),
		kimsTargeted,
		assignments: countAssignments(assignmentRows, today),
		reach: {
			reportedAudience,
			targetReach: campaign.targetReach,
			percentOfTarget: percentOf(reportedAudience, campaign.targetReach),
			reports: kimReports.reduce((s, r) => s + r.reports, 0),
			clicks: dayClicks.reduce((s, d) => s + d.clicks, 0),
			uniqueVisitors: sumUniqueVisitors(dayClicks),
			clicksWithoutKelurahan: kel.clicksWithoutKelurahan,
			conversions: totalConversions
		},
		byKim: shownKims.map(({ areaCode, ...k }) => ({ ...k, areaName: areaCode ? (names.get(areaCode) ?? null) : null })),
		byKimTotal: allKims.length,
		byKelurahan: kelurahanRows(shownKelurahan, targetedSet, villages, names),
		byKelurahanTotal: kel.rows.size,
		series: dailySeries(campaign, dayClicks, dayReports, today),
		map: reachMap(villages, kel.rows, targetedSet, names),
		feedback: feedback.map((f) => ({ ...f, kelurahanName: f.kelurahanName ?? f.kelurahanCode }))
	};
}
export type CampaignStats = Awaited<ReturnType<typeof getCampaignStats>>;

type KimInfo = { id: string; name: string; slug: string; kelurahanCode: string | null; kecamatanCode: string };
type Village = { code: string; name: string; parentCode: string | null; population: number | null };
type KelFigures = Figures & { reachingReports: number };

/** Per-KIM figures merged from the grouped rows, the best-reaching KIM first. */
function kimRows(
	ids: Set<string>,
	rows: { kimReports: { kimId: string; reports: number; audience: number }[]; kimClicks: { kimId: string; clicks: number; uniqueVisitors: number }[]; conversions: { kimId: string; kind: keyof Conversions; n: number }[] },
	kimInfo: KimInfo[],
	bucketOf: Map<string, AssignmentBucket>
) {
	const byKim = new Map<string, Figures & { conversions: Conversions }>([...ids].map((id) => [id, { ...zero(), conversions: noConversions() }]));
	for (const r of rows.kimReports) Object.assign(byKim.get(r.kimId)!, { reports: r.reports, reportedAudience: r.audience });
	for (const r of rows.kimClicks) Object.assign(byKim.get(r.kimId)!, { clicks: r.clicks, uniqueVisitors: r.uniqueVisitors });
	for (const c of rows.conversions) byKim.get(c.kimId)!.conversions[c.kind] = c.n;
	const info = new Map(kimInfo.map((k) => [k.id, k]));
	return [...byKim.entries()]
		.map(([id, f]) => {
			const k = info.get(id);
			return { kimId: id, name: k?.name ?? id, slug: k?.slug ?? null, areaCode: k ? (k.kelurahanCode ?? k.kecamatanCode) : null, assignment: bucketOf.get(id) ?? null, ...f };
		})
		.sort((a, b) => b.reportedAudience - a.reportedAudience || b.clicks - a.clicks || a.name.localeCompare(b.name));
}

/** Per-kelurahan figures: every targeted kelurahan, and any other with reports or clicks. */
function kelurahanFigures(
	targeted: string[],
	kelReports: { code: string; reports: number; audience: number; reachingReports: number }[],
	kelClicks: { code: string | null; clicks: number; uniqueVisitors: number }[]
) {
	const rows = new Map<string, KelFigures>(targeted.map((c) => [c, { ...zero(), reachingReports: 0 }]));
	const row = (code: string) => rows.get(code) ?? rows.set(code, { ...zero(), reachingReports: 0 }).get(code)!;
	for (const r of kelReports) Object.assign(row(r.code), { reports: r.reports, reportedAudience: r.audience, reachingReports: r.reachingReports });
	let clicksWithoutKelurahan = 0;
	for (const r of kelClicks) {
		if (r.code === null) clicksWithoutKelurahan += r.clicks;
		else Object.assign(row(r.code), { clicks: r.clicks, uniqueVisitors: r.uniqueVisitors });
	}
	return { rows, clicksWithoutKelurahan };
}

/** At most `limit` kelurahan rows: the targeted first, then those reaching most. */
function pickKelurahan(rows: Map<string, KelFigures>, targeted: Set<string>, limit: number) {
	if (rows.size <= limit) return rows;
	const rank = [...rows.entries()].sort(
		([a, f], [b, g]) => Number(targeted.has(b)) - Number(targeted.has(a)) || g.reportedAudience - f.reportedAudience || g.clicks - f.clicks || a.localeCompare(b)
	);
	return new Map(rank.slice(0, limit));
}

function kelurahanRows(rows: Map<string, KelFigures>, targeted: Set<string>, villages: Village[], names: Map<string, string>) {
	const village = new Map(villages.map((v) => [v.code, v]));
	return [...rows.entries()]
		.map(([code, f]) => ({
			code, name: names.get(code) ?? code, kecamatanName: names.get(village.get(code)?.parentCode ?? '') ?? null, population: village.get(code)?.population ?? null,
			targeted: targeted.has(code), reached: targeted.has(code) && f.reachingReports > 0, ...f
		}))
		.sort((a, b) => a.code.localeCompare(b.code));
}

/** Every kelurahan of the city grouped by kecamatan, with its map colour class (relative to the highest). */
function reachMap(villages: Village[], rows: Map<string, KelFigures>, targeted: Set<string>, names: Map<string, string>) {
	const audience = (code: string) => rows.get(code)?.reportedAudience ?? 0;
	const maxAudience = Math.max(0, ...villages.map((v) => audience(v.code)));
	const kecamatan = [...new Set(villages.map((v) => v.parentCode ?? ''))];
	return {
		maxAudience,
		kecamatan: kecamatan.map((code) => ({
			code,
			name: names.get(code) ?? code,
			kelurahan: villages
				.filter((v) => (v.parentCode ?? '') === code)
				.map((v) => ({ code: v.code, name: v.name, reportedAudience: audience(v.code), level: reachLevel(audience(v.code), maxAudience), targeted: targeted.has(v.code) }))
		}))
	};
}
