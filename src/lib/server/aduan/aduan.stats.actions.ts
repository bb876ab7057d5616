import { invalid } from '../errors';
import { nowOf, type Ctx } from '../context';
import { m } from '../../paraglide/messages.js';
import { startOfWibDay, todayWib } from '../validation';
import { formatNumber } from '../../shared/format';
import { ADUAN_STATUSES, type AduanStatus } from './aduan.rules';
import { fillMonths, MAX_RANGE_DAYS, rangeProblems, resolveRange, roundHours, withinRatio, type StatsRange } from './aduan.stats.rules';
import { aduanByCategory, aduanByKelurahan, aduanByMonth, aduanByStatus, aduanTotals, type StatsWindow } from './aduan.stats.queries';
import type { AduanStatsQuery } from './aduan.stats.schema';

/** Midnight WIB at the start of `ymd` plus `days`. */

export const windowOf = (range: StatsRange): StatsWindow => ({ start: startOfWibDay(range.from), end: startOfWibDay(range.to, 1) });

/**
 * Public statistics of the aduan filed (WIB dates, both inclusive) in the range — anyone may read
 * them. Anonymous and confidential aduan are counted; no title, id or reporter is read. The
 * range defaults to the last 12 months; `from` after `to` or a range over MAX_RANGE_DAYS → INVALID.
 */
export async function getAduanStats(ctx: Ctx, query: AduanStatsQuery) {
	const now = nowOf(ctx);
	const range = resolveRange(query, todayWib(now));
	const problems = rangeProblems(range);
	if (problems.length) {
		throw invalid(problems.map((p) => ({
			path: p.path,
			message: p.kind === 'order' ? m.aduan_stats_err_order() : m.aduan_stats_err_too_long({ days: formatNumber(MAX_RANGE_DAYS) })
		})));
	}
	const w = windowOf(range);
	const [totals, statuses, categories, kelurahan, months] = await Promise.all([
		aduanTotals(ctx.db, w, now), aduanByStatus(ctx.db, w), aduanByCategory(ctx.db, w), aduanByKelurahan(ctx.db, w), aduanByMonth(ctx.db, w)
	]);
	const byStatus = Object.fromEntries(ADUAN_STATUSES.map((s) => [s, 0])) as Record<AduanStatus, number>;
	for (const s of statuses) byStatus[s.status] = s.count;
	return {
		range,
		generatedAt: now,
		total: totals.total,
		byStatus,
		byCategory: categories,
		byKelurahan: kelurahan,
		byMonth: fillMonths(range, months),
		medianHoursToVerify: roundHours(totals.medianVerify),
		medianHoursToResolve: roundHours(totals.medianResolve),
		serviceLevel: { met: totals.met, missed: totals.missed },
		withinServiceLevelRatio: withinRatio(totals.met, totals.missed)
	};
}
export type AduanStats = Awaited<ReturnType<typeof getAduanStats>>;
