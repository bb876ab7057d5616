/**
 * Pure rules of the public aduan statistics: the date range, the months of the chart, and what
 * "handled within the service levels" means. No I/O; the clock is passed in.
 */

/** The longest range one request may ask for (about three years). */
export const MAX_RANGE_DAYS = 3 * 366;
/** Without a filter: the current month and the eleven before it (WIB). */
export const DEFAULT_MONTHS = 12;

export type StatsRange = { from: string; to: string };
export type RangeProblem = { path: 'from' | 'to'; kind: 'order' | 'too_long' };

const DAY_MS = 86_400_000;
const dayNumber = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / DAY_MS;

/** `YYYY-MM` of the month `n` months after (negative: before) the month of `ymd`. */
export function shiftMonth(ymd: string, n: number): string {
	const [y, mo] = ymd.split('-').map(Number);
	const index = y * 12 + (mo - 1) + n;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The range used when `from` and/or `to` are missing: `to` defaults to today (WIB), `from` to the
 * first day of the month DEFAULT_MONTHS - 1 months before `to`'s month.
 */
export function resolveRange(input: { from?: string | null; to?: string | null }, today: string): StatsRange {
	const to = input.to || today;
	const from = input.from || `${shiftMonth(to, -(DEFAULT_MONTHS - 1))}-01`;
	return { from, to };
}

/** What is wrong with a range: `from` after `to`, or longer than MAX_RANGE_DAYS (both days count). */
export function rangeProblems(range: StatsRange): RangeProblem[] {
	if (range.from > range.to) return [{ path: 'from', kind: 'order' }];
	if (dayNumber(range.to) - dayNumber(range.from) + 1 > MAX_RANGE_DAYS) return [{ path: 'to', kind: 'too_long' }];
	return [];
}

/** Every month `YYYY-MM` touched by the range, in order. */
export function monthsOf(range: StatsRange): string[] {
	const out: string[] = [];
	const last = range.to.slice(0, 7);
	for (let month = range.from.slice(0, 7); month <= last; month = shiftMonth(`${month}-01`, 1)) out.push(month);
	return out;
}

/** One entry per month of the range, zero where no aduan was filed. */
export function fillMonths(range: StatsRange, counts: { month: string; count: number }[]) {
	const byMonth = new Map(counts.map((c) => [c.month, c.count]));
	return monthsOf(range).map((month) => ({ month, count: byMonth.get(month) ?? 0 }));
}

/** The timestamps of an aduan that decide its service level. */
export type ServiceLevelFacts = {
	verifyBy: Date;
	verifiedAt: Date | null;
	rejectedAt: Date | null;
	planBy: Date | null;
	planPostedAt: Date | null;
	resolvedAt: Date | null;
};

export type ServiceLevelOutcome = 'met' | 'missed' | 'pending';

const earliest = (...ds: (Date | null)[]) =>
	ds.reduce<Date | null>((a, d) => (d && (!a || d < a) ? d : a), null);

/**
 * Whether an aduan was handled within the service levels (SP4N-LAPOR!):
 *
 * - Stage 1, verification: done at the first of `verified_at` and `rejected_at` (verifying and
 *   forwarding, or rejecting with a reason); due `verify_by` (3 working days).
 * - Stage 2, the unit's follow-up: applies when `plan_by` is set (at verification, 5 working days); done at
 *   the first of `plan_posted_at`, `resolved_at` and `rejected_at` (a plan, or the resolution
 *   itself, or the agency ending it).
 *
 * A stage is *decided* when it is done or its deadline has passed (`deadline < now`); it is *met*
 * when done at or before its deadline. The outcome is `missed` as soon as a decided stage was not
 * met; `met` when every stage that applies is decided and met (stage 2 does not apply to an aduan
 * rejected at verification); otherwise `pending` — such aduan are left out of the ratio.
 */
export function serviceLevelOutcome(a: ServiceLevelFacts, now: Date): ServiceLevelOutcome {
	const verifyDone = earliest(a.verifiedAt, a.rejectedAt);
	const verifyDecided = verifyDone !== null || a.verifyBy < now;
	if (verifyDecided && !(verifyDone && verifyDone <= a.verifyBy)) return 'missed';
	if (!verifyDecided) return 'pending';
	if (!a.planBy) return 'met';
	const planDone = earliest(a.planPostedAt, a.resolvedAt, a.rejectedAt);
	if (planDone) return planDone <= a.planBy ? 'met' : 'missed';
	return a.planBy < now ? 'missed' : 'pending';
}

/** `met / (met + missed)`, rounded to 3 decimals; null when nothing was decided yet. */
export function withinRatio(met: number, missed: number): number | null {
	const decided = met + missed;
	return decided === 0 ? null : Math.round((met / decided) * 1000) / 1000;
}

/** Hours with one decimal, or null. */
export const roundHours = (h: number | null | undefined) => (h === null || h === undefined ? null : Math.round(Number(h) * 10) / 10);
