import { nowOf, type Ctx } from '../context';
import { isStaff } from '../auth/actor';
import { authorize } from '../kims/kims.guard';
import { findCity } from '../site';
import { addDays, startOfWibDay, todayWib } from '../validation';
import { endOfWibDay } from '../aduan/aduan.rules';
import { countAssignments, percentOf } from '../stats/stats.rules';
import {
	aduanOpenCounts, aduanResolvedBetween, assignmentsByCampaign, clicksPerDay, countActiveCampaigns, kimNetwork,
	listActiveCampaigns, networkGeneration, reachByCampaign, reportsHeldBetween
} from './dashboard.queries';
import type { Db } from '../db/client';

/** The most active campaigns listed (ending soonest first); `campaigns.active` counts them all. */
export const ACTIVE_CAMPAIGNS_LIMIT = 20;
/** Days in each activity window, days ahead for "ending soon", days of clicks shown. */
export const WINDOW_DAYS = 30;
export const ENDING_WITHIN_DAYS = 7;
export const CLICK_DAYS = 7;

/** Change from `before` to `now` in whole percent; null when there was nothing before. */
export const changePercent = (now: number, before: number) => (before === 0 ? null : Math.round(((now - before) / before) * 100));

type Network = Awaited<ReturnType<typeof kimNetwork>>;
const networks = new WeakMap<Db, { generation: number; cityCode: string; figures: Network }>();

/**
 * The KIM network's figures, counted again only when its generation has moved since they were
 * last counted (a national network's 54,000 memberships cost some 80 ms to count). The generation
 * is read first: a write committed while counting moves it, so the next request counts again.
 */
async function networkOf(db: Db, cityCode: string): Promise<Network> {
	const generation = await networkGeneration(db);
	const kept = networks.get(db);
	if (kept && kept.generation === generation && kept.cityCode === cityCode) return kept.figures;
	const figures = await kimNetwork(db, cityCode);
	networks.set(db, { generation, cityCode, figures });
	return figures;
}

/**
 * The agency dashboard: the KIM network, active campaigns and their reach, reporting activity
 * (the last 30 WIB days including today against the 30 before), open aduan with what is due
 * today or overdue (aduan.rules' deadlines), and share-link clicks of the last 7 days.
 * Staff only: anonymous UNAUTHENTICATED, anyone else FORBIDDEN. No transaction: the reads run in
 * parallel on the pool (a snapshot would put them one after another on one connection), so two
 * sections may be a few milliseconds apart.
 */
export function getDashboard(ctx: Ctx) {
	authorize(ctx, isStaff(ctx.actor));
	return readDashboard(ctx);
}

async function readDashboard(ctx: Ctx) {
	const { db } = ctx;
	const now = nowOf(ctx);
	const today = todayWib(now);
	const current = { from: addDays(today, -(WINDOW_DAYS - 1)), to: today };
	const previous = { from: addDays(today, -(2 * WINDOW_DAYS - 1)), to: addDays(today, -WINDOW_DAYS) };
	const clickWindow = { from: addDays(today, -(CLICK_DAYS - 1)), to: today };
	const city = await findCity(db);

	const [network, active, counts, reportsNow, reportsBefore, open, resolved, clicks] = await Promise.all([
		networkOf(db, city.code),
		listActiveCampaigns(db, ACTIVE_CAMPAIGNS_LIMIT),
		countActiveCampaigns(db, today, addDays(today, ENDING_WITHIN_DAYS)),
		reportsHeldBetween(db, current.from, current.to),
		reportsHeldBetween(db, previous.from, previous.to),
		aduanOpenCounts(db, now, endOfWibDay(today)),
		aduanResolvedBetween(db, startOfWibDay(current.from), now),
		clicksPerDay(db, clickWindow.from, clickWindow.to)
	]);

	const ids = active.map((c) => c.id);
	const [reach, assignmentRows] = await Promise.all([reachByCampaign(db, ids), assignmentsByCampaign(db, ids)]);
	const campaignsOut = active.map((c) => {
		const r = reach.find((x) => x.campaignId === c.id);
		const audience = r?.audience ?? 0;
		return {
			...c,
			reports: r?.reports ?? 0,
			reportedAudience: audience,
			percentOfTarget: percentOf(audience, c.targetReach),
			clicks: r?.clicks ?? 0,
			uniqueVisitors: r?.uniqueVisitors ?? 0,
			assignments: countAssignments(assignmentRows.filter((a) => a.campaignId === c.id).map((a) => ({ ...a, n: Number(a.n) })), today)
		};
	});

	const days = Array.from({ length: CLICK_DAYS }, (_, i) => addDays(clickWindow.from, i));
	return {
		today,
		kims: { ...network, coveragePercent: percentOf(network.covered, network.villages) },
		campaigns: { active: counts.active, endingSoon: counts.endingSoon, endingUntil: addDays(today, ENDING_WITHIN_DAYS), list: campaignsOut },
		activity: {
			current: { ...current, ...reportsNow },
			previous: { ...previous, ...reportsBefore },
			reportsChange: changePercent(reportsNow.reports, reportsBefore.reports),
			audienceChange: changePercent(reportsNow.audience, reportsBefore.audience)
		},
		aduan: { ...open, resolved: resolved.resolved, medianResolutionHours: resolved.medianHours, since: current.from },
		clicks: { ...clickWindow, total: days.reduce((s, d) => s + (clicks.get(d) ?? 0), 0), byDay: days.map((day) => ({ day, clicks: clicks.get(day) ?? 0 })) }
	};
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
