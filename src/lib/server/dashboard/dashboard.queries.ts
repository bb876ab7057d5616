/**
 * Reads for the agency dashboard. Every figure is an aggregate over an index range or a rollup,
 * never a scan of reports, clicks or aduan (migrations 0007, 0015 and 0017):
 * - reports: report_days (kept on write), the days of the two 30-day windows;
 * - the KIM network: counted again only when its generation moves (networkGeneration);
 * - campaign reach: reach_totals' campaign rows (kept on write, see stats.rollup);
 * - aduan: open aduan per status and deadline day (aduan_open_days, kept on write), today's one by one;
 * - clicks per day: reach_totals' day rows.
 * The caller authorizes (staff only).
 */
import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { aduan, aduanOpenDays, appState, assignments, campaigns, kimMembers, kims, reachTotals, regions, reportDays, users } from '../db/schema';
import type { AssignmentStatus } from '../stats/stats.rules';
import { startOfWibDay, todayWib } from '../validation';

/** The KIM network: verified and waiting KIMs, members of verified KIMs, kelurahan of the city with a verified KIM. */
export async function kimNetwork(db: Db, cityCode: string) {
	const villages = sql`select v.code from ${regions} v join ${regions} kc on kc.code = v.parent_code
		where kc.parent_code = ${cityCode} and v.level in ('kelurahan', 'desa')`;
	const [row] = await db
		.select({
			verified: sql<number>`(select count(*)::int from ${kims} where status = 'verified')`,
			waiting: sql<number>`(select count(*)::int from ${kims} where status = 'registered')`,
			// Each active user once, however many verified KIMs they belong to (a semi-join: no distinct over 54,000 memberships).
			members: sql<number>`(select count(*)::int from ${users} u where u.is_active
				and exists (select 1 from ${kimMembers} m join ${kims} k on k.id = m.kim_id where m.user_id = u.id and k.status = 'verified'))`,
			covered: sql<number>`(select count(distinct k.kelurahan_code)::int from ${kims} k where k.status = 'verified' and k.kelurahan_code in (${villages}))`,
			villages: sql<number>`(select count(*)::int from (${villages}) v)`
		})
		.from(sql`(select 1) as one`);
	return { verified: Number(row.verified), waiting: Number(row.waiting), members: Number(row.members), covered: Number(row.covered), villages: Number(row.villages) };
}

/** The KIM network's generation: moved by every write to KIMs, memberships, users' activation and regions (migration 0015). */
export async function networkGeneration(db: Db): Promise<number> {
	const [row] = await db.select({ value: appState.value }).from(appState).where(eq(appState.key, 'network_generation'));
	return Number(row?.value ?? 0);
}

/** Active campaigns, ending soonest first. */
export function listActiveCampaigns(db: Db, limit: number) {
	return db
		.select({ id: campaigns.id, title: campaigns.title, startsOn: campaigns.startsOn, endsOn: campaigns.endsOn, targetReach: campaigns.targetReach })
		.from(campaigns)
		.where(eq(campaigns.status, 'active'))
		.orderBy(asc(campaigns.endsOn), asc(campaigns.title))
		.limit(limit);
}

/** Active campaigns in all, and those ending from today through `until` (WIB dates). */
export async function countActiveCampaigns(db: Db, today: string, until: string) {
	const [row] = await db
		.select({
			active: sql<number>`count(*)::int`,
			endingSoon: sql<number>`(count(*) filter (where ${campaigns.endsOn} between ${today} and ${until}))::int`
		})
		.from(campaigns)
		.where(eq(campaigns.status, 'active'));
	return { active: Number(row.active), endingSoon: Number(row.endingSoon) };
}

/** Reports, reported audience, clicks and unique visitors of each campaign in `ids` (reach_totals). */
export async function reachByCampaign(db: Db, ids: string[]) {
	if (!ids.length) return [];
	return db
		.select({ campaignId: reachTotals.campaignId, reports: reachTotals.reports, audience: reachTotals.audience, clicks: reachTotals.clicks, uniqueVisitors: reachTotals.visitors })
		.from(reachTotals)
		.where(and(inArray(reachTotals.campaignId, ids), eq(reachTotals.scope, 'campaign')));
}

/** Assignment counts per campaign grouped by status and due date (stats.rules buckets them). */
export function assignmentsByCampaign(db: Db, ids: string[]) {
	if (!ids.length) return Promise.resolve([]);
	return db
		.select({ campaignId: assignments.campaignId, status: sql<AssignmentStatus>`${assignments.status}`, dueOn: assignments.dueOn, n: sql<number>`count(*)::int` })
		.from(assignments)
		.where(inArray(assignments.campaignId, ids))
		.groupBy(assignments.campaignId, assignments.status, assignments.dueOn);
}

/** Every activity report (with a campaign or not) held from `from` through `to`: the count and the audience (report_days). */
export async function reportsHeldBetween(db: Db, from: string, to: string) {
	const [row] = await db
		.select({ reports: sql<number>`coalesce(sum(${reportDays.reports}), 0)::int`, audience: sql<number>`coalesce(sum(${reportDays.audience}), 0)::int` })
		.from(reportDays)
		.where(and(gte(reportDays.day, from), lte(reportDays.day, to)));
	return { reports: Number(row.reports), audience: Number(row.audience) };
}

/**
 * The deadline an open aduan works towards, as the database computes it (migration 0017's
 * aduan_due_at, the SQL twin of aduan.rules dueOf; the integration test compares both row by row).
 */
export const dueAtSql = sql`aduan_due_at(${aduan.status}, ${aduan.verifyBy}, ${aduan.planBy}, ${aduan.planPostedAt}, ${aduan.autoCloseAt})`;

/**
 * Open aduan by status, and those due today (deadline from `now` through `endOfToday`) or
 * overdue (deadline before `now`) — dueOf's `dueToday` and `overdue`, as the board filters them.
 * The counts per status and deadline day are kept on write (aduan_open_days); only the aduan
 * whose deadline falls on `now`'s WIB day are counted one by one (aduan_open_due_at_idx).
 */
export async function aduanOpenCounts(db: Db, now: Date, endOfToday: Date) {
	const today = todayWib(now);
	const at = sql`${now.toISOString()}::timestamptz`;
	const sum = (cond: SQL) => sql<number>`coalesce(sum(${aduanOpenDays.n}) filter (where ${cond}), 0)::int`;
	const todays = (cond: SQL) => sql<number>`(select count(*)::int from ${aduan}
		where ${aduan.status} in ('received', 'verified', 'in_progress', 'resolved') and ${dueAtSql} >= ${startOfWibDay(today).toISOString()}::timestamptz
			and ${dueAtSql} <= ${endOfToday.toISOString()}::timestamptz and ${cond})`;
	const [row] = await db
		.select({
			received: sum(sql`${aduanOpenDays.status} = 'received'`),
			verified: sum(sql`${aduanOpenDays.status} = 'verified'`),
			inProgress: sum(sql`${aduanOpenDays.status} = 'in_progress'`),
			overdueBefore: sum(sql`${aduanOpenDays.dueDay} < ${today}::date`),
			overdueToday: todays(sql`${dueAtSql} < ${at}`),
			dueToday: todays(sql`${dueAtSql} >= ${at}`)
		})
		.from(aduanOpenDays);
	return {
		received: Number(row.received), verified: Number(row.verified), inProgress: Number(row.inProgress),
		dueToday: Number(row.dueToday), overdue: Number(row.overdueBefore) + Number(row.overdueToday)
	};
}

/** Aduan resolved in [from, to): how many, and the median hours from filing to resolution (null without any). */
export async function aduanResolvedBetween(db: Db, from: Date, to: Date) {
	const [row] = await db
		.select({
			resolved: sql<number>`count(*)::int`,
			medianHours: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from (${aduan.resolvedAt} - ${aduan.createdAt})) / 3600.0)`
		})
		.from(aduan)
		.where(and(sql`${aduan.resolvedAt} is not null`, gte(aduan.resolvedAt, from), sql`${aduan.resolvedAt} < ${to.toISOString()}::timestamptz`));
	return { resolved: Number(row.resolved), medianHours: row.medianHours === null ? null : Number(row.medianHours) };
}

/** Clicks on every share link per WIB day from `from` through `to` (days without clicks are absent). */
export async function clicksPerDay(db: Db, from: string, to: string) {
	const rows = await db
		.select({ day: reachTotals.key, clicks: sql<number>`sum(${reachTotals.clicks})::int` })
		.from(reachTotals)
		.where(and(sql`${reachTotals.scope} = 'day'`, gte(reachTotals.key, from), lte(reachTotals.key, to)))
		.groupBy(reachTotals.key);
	return new Map(rows.filter((r) => Number(r.clicks) > 0).map((r) => [r.day, Number(r.clicks)]));
}
