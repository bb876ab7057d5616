/**
 * Pure rules of the aduan (complaint) service: the status machine, who may move it, and the
 * SP4N-LAPOR! service levels counted in working days (WIB). No I/O; the clock and the holiday
 * calendar are passed in.
 */

export const ADUAN_STATUSES = ['received', 'verified', 'in_progress', 'resolved', 'closed', 'rejected'] as const;
export type AduanStatus = (typeof ADUAN_STATUSES)[number];

/**
 * Who acts on an aduan: `agency` = petugas/admin (verify and forward), `unit` = staff of the unit
 * handling it, `reporter` = the person who filed it (or claimed it), `system` = the sweeps.
 */
export type AduanActorKind = 'agency' | 'unit' | 'reporter' | 'system';

/** Service levels, in working days. */
export const VERIFY_WITHIN_DAYS = 3;
export const PLAN_WITHIN_DAYS = 5;
export const AUTO_CLOSE_AFTER_DAYS = 10;
export const MAX_REOPENS = 1;

/** Every legal move and who may make it. Anything not listed is illegal (409). */
export const TRANSITIONS: Record<AduanStatus, Partial<Record<AduanStatus, readonly AduanActorKind[]>>> = {
	received: { verified: ['agency'], rejected: ['agency'] },
	verified: { in_progress: ['unit', 'agency'], rejected: ['agency'] },
	in_progress: { resolved: ['unit', 'agency'], rejected: ['agency'] },
	resolved: { closed: ['reporter', 'agency', 'system'], in_progress: ['reporter'] },
	closed: {},
	rejected: {}
};

export const isFinal = (s: AduanStatus) => Object.keys(TRANSITIONS[s]).length === 0;

/** Is `from → to` a move of the status machine at all (regardless of who)? */
export const isLegalTransition = (from: AduanStatus, to: AduanStatus) => TRANSITIONS[from][to] !== undefined;

/** May an actor of this kind make the move? False for illegal moves too. */
export const mayTransition = (from: AduanStatus, to: AduanStatus, who: AduanActorKind) =>
	TRANSITIONS[from][to]?.includes(who) ?? false;

/** The reporter reopens a resolved aduan: once, and only before it auto-closes. */
export function canReopen(a: { status: AduanStatus; reopenCount: number; autoCloseAt: Date | null }, now: Date) {
	return a.status === 'resolved' && a.reopenCount < MAX_REOPENS && (!a.autoCloseAt || now < a.autoCloseAt);
}

// --- Working days (WIB) ---

const WIB_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** The WIB calendar date of an instant, `YYYY-MM-DD`. */
export const wibDate = (d: Date) => new Date(d.getTime() + WIB_MS).toISOString().slice(0, 10);

/** The instant at the end of a WIB calendar date (23:59:59.999 WIB). */
export const endOfWibDay = (ymd: string) => new Date(Date.parse(`${ymd}T00:00:00Z`) - WIB_MS + DAY_MS - 1);

const addDays = (ymd: string, n: number) => new Date(Date.parse(`${ymd}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Saturday or Sunday. */
export const isWeekend = (ymd: string) => {
	const dow = new Date(`${ymd}T00:00:00Z`).getUTCDay();
	return dow === 0 || dow === 6;
};

/** A set of days off (`YYYY-MM-DD`): public holidays and cuti bersama that are off. */
export type HolidaySet = ReadonlySet<string>;

export const isWorkingDay = (ymd: string, holidays: HolidaySet) => !isWeekend(ymd) && !holidays.has(ymd);

/** The `n`th working day after the WIB date of `from` (the day of `from` itself never counts). */
export function nthWorkingDayAfter(from: Date, n: number, holidays: HolidaySet): string {
	let day = wibDate(from);
	let left = n;
	while (left > 0) {
		day = addDays(day, 1);
		if (isWorkingDay(day, holidays)) left--;
	}
	return day;
}

/**
 * A deadline `n` working days after `from`: the end (23:59 WIB) of the `n`th working day after the
 * day of `from`. Filed on Friday with n = 3 → due Wednesday 23:59 WIB (a holiday pushes it on).
 */
export const deadlineAfter = (from: Date, n: number, holidays: HolidaySet) =>
	endOfWibDay(nthWorkingDayAfter(from, n, holidays));

/** Working days from the WIB date of `from` to that of `to` (positive when `to` is later; days off skipped). */
export function workingDaysBetween(from: Date, to: Date, holidays: HolidaySet): number {
	const a = wibDate(from);
	const b = wibDate(to);
	if (a === b) return 0;
	const sign = a < b ? 1 : -1;
	let [day, end] = sign > 0 ? [a, b] : [b, a];
	let count = 0;
	while (day < end) {
		day = addDays(day, 1);
		if (isWorkingDay(day, holidays)) count++;
	}
	return sign * count;
}

/** The deadline an aduan is working towards now, if any. */
export type AduanDue = { stage: 'verify' | 'plan' | 'close'; dueAt: Date; overdue: boolean; dueToday: boolean } | null;

/**
 * What is due on an aduan at `now`: verification (received), the unit's follow-up plan (verified,
 * or in progress without a plan), or the automatic close (resolved). Closed and rejected: nothing.
 */
export function dueOf(
	a: { status: AduanStatus; verifyBy: Date; planBy: Date | null; planPostedAt: Date | null; autoCloseAt: Date | null },
	now: Date
): AduanDue {
	let stage: 'verify' | 'plan' | 'close';
	let dueAt: Date | null;
	if (a.status === 'received') [stage, dueAt] = ['verify', a.verifyBy];
	else if ((a.status === 'verified' || a.status === 'in_progress') && !a.planPostedAt) [stage, dueAt] = ['plan', a.planBy];
	else if (a.status === 'resolved') [stage, dueAt] = ['close', a.autoCloseAt];
	else return null;
	if (!dueAt) return null;
	return { stage, dueAt, overdue: now > dueAt, dueToday: wibDate(now) === wibDate(dueAt) && now <= dueAt };
}

// --- Tracking ids ---

/** `MGL-2026-000123`: the city prefix, the WIB year of filing and a per-year number. */
export const formatTrackingId = (prefix: string, year: number, seq: number) =>
	`${prefix}-${year}-${String(seq).padStart(6, '0')}`;

export const TRACKING_ID_RE = /^[A-Z]{2,5}-\d{4}-\d{6,}$/;

// --- Location ---

/** Kota Magelang's bounding box (with a small margin); a map point outside it is refused. */
export const CITY_BBOX = { minLat: -7.52, maxLat: -7.43, minLng: 110.19, maxLng: 110.24 } as const;

export const isInCity = (lat: number, lng: number, box: { minLat: number; maxLat: number; minLng: number; maxLng: number } = CITY_BBOX) =>
	lat >= box.minLat && lat <= box.maxLat && lng >= box.minLng && lng <= box.maxLng;
