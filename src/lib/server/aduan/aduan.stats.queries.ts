import { and, asc, desc, eq, gte, lt, sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../db/client';
import { aduan, aduanCategories, regions } from '../db/schema';

/** The filing instants counted: `created_at` in [start, end). */
export type StatsWindow = { start: Date; end: Date };

const inWindow = (w: StatsWindow) => and(gte(aduan.createdAt, w.start), lt(aduan.createdAt, w.end));

const hoursBetween = (from: SQLWrapper, to: SQLWrapper) =>
	sql`(extract(epoch from (${to} - ${from})) / 3600.0)::float8`;

/**
 * The SQL twin of `serviceLevelOutcome` (aduan.stats.rules.ts): 'met' | 'missed' | 'pending' per
 * aduan at `now`. Keep both in step; the integration test compares them row by row.
 */
export const outcomeSql = (now: Date) => {
	const at = sql`${now.toISOString()}::timestamptz`;
	const verifyDone = sql`least(${aduan.verifiedAt}, ${aduan.rejectedAt})`;
	const planDone = sql`least(${aduan.planPostedAt}, ${aduan.resolvedAt}, ${aduan.rejectedAt})`;
	return sql<'met' | 'missed' | 'pending'>`case
		when (${verifyDone} is not null and ${verifyDone} > ${aduan.verifyBy}) or (${verifyDone} is null and ${aduan.verifyBy} < ${at}) then 'missed'
		when ${verifyDone} is null then 'pending'
		when ${aduan.planBy} is null then 'met'
		when ${planDone} is not null then (case when ${planDone} <= ${aduan.planBy} then 'met' else 'missed' end)
		when ${aduan.planBy} < ${at} then 'missed'
		else 'pending' end`;
};

/**
 * Totals of the aduan filed in the window — every privacy mode counts, nothing identifying is
 * read: the count, the medians (hours from filing to verification, and to resolution; `null`
 * without data) and the service-level outcomes at `now`.
 */
export async function aduanTotals(db: Db, w: StatsWindow, now: Date) {
	const outcome = outcomeSql(now);
	const [row] = await db
		.select({
			total: sql<number>`count(*)::int`,
			medianVerify: sql<number | null>`percentile_cont(0.5) within group (order by ${hoursBetween(aduan.createdAt, aduan.verifiedAt)}) filter (where ${aduan.verifiedAt} is not null)`,
			medianResolve: sql<number | null>`percentile_cont(0.5) within group (order by ${hoursBetween(aduan.createdAt, aduan.resolvedAt)}) filter (where ${aduan.resolvedAt} is not null)`,
			met: sql<number>`(count(*) filter (where ${outcome} = 'met'))::int`,
			missed: sql<number>`(count(*) filter (where ${outcome} = 'missed'))::int`
		})
		.from(aduan)
		.where(inWindow(w));
	return {
		total: Number(row.total),
		medianVerify: row.medianVerify === null ? null : Number(row.medianVerify),
		medianResolve: row.medianResolve === null ? null : Number(row.medianResolve),
		met: Number(row.met),
		missed: Number(row.missed)
	};
}

/** Counts per status in the window (statuses without aduan are absent). */
export async function aduanByStatus(db: Db, w: StatsWindow) {
	const rows = await db
		.select({ status: aduan.status, count: sql<number>`count(*)::int` })
		.from(aduan)
		.where(inWindow(w))
		.groupBy(aduan.status);
	return rows.map((r) => ({ status: r.status, count: Number(r.count) }));
}

/** Every category that is active or had aduan in the window, with its count; most first, then by name. */
export async function aduanByCategory(db: Db, w: StatsWindow) {
	const count = sql<number>`count(${aduan.id})::int`;
	const rows = await db
		.select({ code: aduanCategories.code, name: aduanCategories.name, isActive: aduanCategories.isActive, count })
		.from(aduanCategories)
		.leftJoin(aduan, and(eq(aduan.categoryCode, aduanCategories.code), inWindow(w)))
		.groupBy(aduanCategories.code, aduanCategories.name, aduanCategories.isActive, aduanCategories.position)
		.orderBy(desc(count), asc(aduanCategories.position), asc(aduanCategories.name));
	return rows.filter((r) => r.isActive || Number(r.count) > 0).map((r) => ({ code: r.code, name: r.name, count: Number(r.count) }));
}

/** The kelurahan with aduan in the window and their counts; most first, then by name. */
export async function aduanByKelurahan(db: Db, w: StatsWindow) {
	const count = sql<number>`count(*)::int`;
	const rows = await db
		.select({ code: aduan.kelurahanCode, name: regions.name, count })
		.from(aduan)
		.innerJoin(regions, eq(regions.code, aduan.kelurahanCode))
		.where(inWindow(w))
		.groupBy(aduan.kelurahanCode, regions.name)
		.orderBy(desc(count), asc(regions.name));
	return rows.map((r) => ({ code: r.code, name: r.name, count: Number(r.count) }));
}

/** Counts per WIB month of filing (`YYYY-MM`), months without aduan absent. */
export async function aduanByMonth(db: Db, w: StatsWindow) {
	const month = sql<string>`to_char((${aduan.createdAt} at time zone 'UTC') + interval '7 hours', 'YYYY-MM')`;
	const rows = await db
		.select({ month, count: sql<number>`count(*)::int` })
		.from(aduan)
		.where(inWindow(w))
		.groupBy(month);
	return rows.map((r) => ({ month: r.month, count: Number(r.count) }));
}

/** For tests: each aduan's outcome as SQL computes it. */
export async function aduanOutcomes(db: Db, now: Date) {
	return db.select({ id: aduan.id, outcome: outcomeSql(now) }).from(aduan);
}
