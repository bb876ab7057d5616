/**
 * Campaign reach arithmetic: pure functions over plain rows (already aggregated by SQL in
 * stats.queries), with today's WIB date passed in. No I/O.
 *
 * Definitions (the API documents the same):
 * - kelurahan targeted: target 'kelurahan' → its codes; 'all' → every kelurahan of the city;
 *   'kims' → the kelurahan of the targeted KIMs, where a kecamatan-level KIM (no kelurahan of its
 *   own) serves, and so targets, every kelurahan of its kecamatan.
 * - kelurahan reached: a targeted kelurahan with at least one report linked to the campaign whose
 *   audience is above zero.
 * - assignments: an assignment past its due date (due_on before today, WIB) that is still new or
 *   accepted counts as `overdue` instead of its status, so the five numbers add up to the
 *   assignment count. Due today is not overdue yet.
 * - unique visitors: distinct visitor keys per day (the key's salt changes daily), summed over days.
 */

export const ASSIGNMENT_BUCKETS = ['new', 'accepted', 'declined', 'done', 'overdue'] as const;
export type AssignmentBucket = (typeof ASSIGNMENT_BUCKETS)[number];
export type AssignmentStatus = 'new' | 'accepted' | 'declined' | 'done';
export type AssignmentCounts = Record<AssignmentBucket, number>;

export type TargetKind = 'all' | 'kelurahan' | 'kims';
export type Target = { kind: TargetKind; codes: string[]; kimIds: string[] };
/** A kelurahan (or desa) of the city and its kecamatan. */
export type Village = { code: string; parentCode: string | null };
/** A KIM's area: a kelurahan, or null for a kecamatan-level KIM. */
export type KimArea = { id: string; kelurahanCode: string | null; kecamatanCode: string };

/** The bucket an assignment counts in on `today` (YYYY-MM-DD, WIB). */
export function assignmentBucket(status: AssignmentStatus, dueOn: string, today: string): AssignmentBucket {
	if ((status === 'new' || status === 'accepted') && dueOn < today) return 'overdue';
	return status;
}

/** Assignment numbers from rows grouped by (status, due_on) with their count `n`. */
export function countAssignments(rows: { status: AssignmentStatus; dueOn: string; n: number }[], today: string): AssignmentCounts {
	const counts: AssignmentCounts = { new: 0, accepted: 0, declined: 0, done: 0, overdue: 0 };
	for (const r of rows) counts[assignmentBucket(r.status, r.dueOn, today)] += r.n;
	return counts;
}

/** The kelurahan a KIM serves: its own, or every kelurahan of its kecamatan for a kecamatan-level KIM. */
export function kelurahanOfKim(kim: KimArea, villages: Village[]): string[] {
	if (kim.kelurahanCode) return [kim.kelurahanCode];
	return villages.filter((v) => v.parentCode === kim.kecamatanCode).map((v) => v.code);
}

/** The targeted kelurahan codes, sorted and without repeats (see the definitions above). */
export function targetedKelurahan(target: Target, villages: Village[], targetKims: KimArea[]): string[] {
	let codes: string[];
	if (target.kind === 'all') codes = villages.map((v) => v.code);
	else if (target.kind === 'kelurahan') codes = target.codes;
	else {
		const wanted = new Set(target.kimIds);
		codes = targetKims.filter((k) => wanted.has(k.id)).flatMap((k) => kelurahanOfKim(k, villages));
	}
	return [...new Set(codes)].sort();
}

/**
 * Restricts targeted kelurahan to what a pengurus's KIM(s) cover: the KIMs' areas and the
 * kelurahan where they reported activities (`worked`), so reached never exceeds targeted.
 * `null` KIMs means no restriction (the whole campaign).
 */
export function restrictToKims(codes: string[], kims: KimArea[] | null, villages: Village[], worked: string[] = []): string[] {
	if (kims === null) return codes;
	const covered = new Set([...kims.flatMap((k) => kelurahanOfKim(k, villages)), ...worked]);
	return codes.filter((c) => covered.has(c));
}

/**
 * The KIMs a draft campaign would reach (launched campaigns count their assignments instead):
 * verified KIMs in the target; for a 'kelurahan' target a KIM of a targeted kelurahan, or a
 * kecamatan-level KIM whose kecamatan holds a targeted kelurahan.
 */
export function previewTargetKims(target: Target, verified: KimArea[], villages: Village[]): string[] {
	if (target.kind === 'all') return verified.map((k) => k.id);
	if (target.kind === 'kims') {
		const wanted = new Set(target.kimIds);
		return verified.filter((k) => wanted.has(k.id)).map((k) => k.id);
	}
	const codes = new Set(target.codes);
	return verified.filter((k) => kelurahanOfKim(k, villages).some((c) => codes.has(c))).map((k) => k.id);
}

/** Whole percent of `target` reached (rounded down, so 100 means really reached); null without a target. */
export function percentOf(value: number, target: number): number | null {
	if (!(target > 0)) return null;
	return Math.floor((value * 100) / target);
}

/** Unique visitors over a period: the per-day distinct counts, summed. */
export const sumUniqueVisitors = (days: { uniqueVisitors: number }[]) => days.reduce((s, d) => s + d.uniqueVisitors, 0);

export type DayClicks = { day: string; clicks: number; uniqueVisitors: number };
export type DayAudience = { day: string; audience: number };
export type SeriesDay = { day: string; clicks: number; uniqueVisitors: number; reportedAudience: number };

/** The longest series shown: the most recent days are kept. */
export const MAX_SERIES_DAYS = 120;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * One entry per day from the campaign's start (or the first activity, if earlier) to today, the
 * campaign's end or the last activity, whichever is latest but not past today unless activity is;
 * days without activity are zeros. At most MAX_SERIES_DAYS (the most recent). Empty before start.
 */
export function dailySeries(
	campaign: { startsOn: string; endsOn: string },
	clicks: DayClicks[],
	audience: DayAudience[],
	today: string
): SeriesDay[] {
	const activeDays = [...clicks.map((c) => c.day), ...audience.map((a) => a.day)].sort();
	const first = [campaign.startsOn, activeDays[0]].filter(Boolean).sort()[0];
	const lastPlanned = campaign.endsOn < today ? campaign.endsOn : today;
	const last = [lastPlanned, activeDays.at(-1)].filter(Boolean).sort().at(-1)!;
	if (first > last) return [];
	const byDay = new Map<string, SeriesDay>();
	for (let d = first, i = 0; d <= last && i < 10_000; d = addDays(d, 1), i++) byDay.set(d, { day: d, clicks: 0, uniqueVisitors: 0, reportedAudience: 0 });
	for (const c of clicks) {
		const e = byDay.get(c.day);
		if (e) { e.clicks += c.clicks; e.uniqueVisitors += c.uniqueVisitors; }
	}
	for (const a of audience) {
		const e = byDay.get(a.day);
		if (e) e.reportedAudience += a.audience;
	}
	return [...byDay.values()].slice(-MAX_SERIES_DAYS);
}

/** Colour classes of the map: 0 none, 1–4 by quarters of the highest kelurahan. */
export const REACH_LEVELS = 4;

/** The map class of a kelurahan's reported audience relative to the highest one (0 = none). */
export function reachLevel(value: number, max: number): number {
	if (value <= 0 || max <= 0) return 0;
	return Math.min(REACH_LEVELS, Math.max(1, Math.ceil((value / max) * REACH_LEVELS)));
}
