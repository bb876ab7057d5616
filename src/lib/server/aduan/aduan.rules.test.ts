import { describe, expect, it } from 'vitest';
import {
	ADUAN_STATUSES, AUTO_CLOSE_AFTER_DAYS, CITY_BBOX, MAX_REOPENS, PLAN_WITHIN_DAYS, TRACKING_ID_RE, TRANSITIONS, VERIFY_WITHIN_DAYS,
	canReopen, deadlineAfter, dueOf, endOfWibDay, formatTrackingId, isFinal, isInCity, isLegalTransition, isWeekend, isWorkingDay,
	mayTransition, nthWorkingDayAfter, wibDate, workingDaysBetween, type AduanActorKind, type AduanStatus
} from './aduan.rules';

const KINDS: AduanActorKind[] = ['agency', 'unit', 'reporter', 'system'];
/** An instant given as WIB wall-clock time. */
const wib = (s: string) => new Date(`${s}+07:00`);
const none = new Set<string>();

/** The whole machine written out by hand: from → to → who may. Everything else is illegal. */
const EXPECTED: Record<string, AduanActorKind[]> = {
	'received→verified': ['agency'],
	'received→rejected': ['agency'],
	'verified→in_progress': ['unit', 'agency'],
	'verified→rejected': ['agency'],
	'in_progress→resolved': ['unit', 'agency'],
	'in_progress→rejected': ['agency'],
	'resolved→closed': ['reporter', 'agency', 'system'],
	'resolved→in_progress': ['reporter']
};

describe('the status machine', () => {
	const pairs = ADUAN_STATUSES.flatMap((from) => ADUAN_STATUSES.map((to) => [from, to] as [AduanStatus, AduanStatus]));

	it.each(pairs)('%s → %s: legal exactly when listed', (from, to) => {
		expect(isLegalTransition(from, to)).toBe(`${from}→${to}` in EXPECTED);
	});

	it.each(pairs.flatMap(([from, to]) => KINDS.map((who) => [from, to, who] as const)))('%s → %s by %s', (from, to, who) => {
		expect(mayTransition(from, to, who)).toBe(EXPECTED[`${from}→${to}`]?.includes(who) ?? false);
	});

	it('lists no move beyond the expected ones', () => {
		const listed = Object.entries(TRANSITIONS).flatMap(([from, tos]) => Object.keys(tos).map((to) => `${from}→${to}`));
		expect(listed.sort()).toEqual(Object.keys(EXPECTED).sort());
	});

	it('no status moves to itself and nothing leaves closed or rejected', () => {
		for (const s of ADUAN_STATUSES) expect(isLegalTransition(s, s)).toBe(false);
		expect(ADUAN_STATUSES.filter(isFinal)).toEqual(['closed', 'rejected']);
	});

	it('a resident (reporter) never verifies, rejects or resolves; the system only closes', () => {
		for (const to of ['verified', 'rejected', 'resolved'] as const)
			for (const from of ADUAN_STATUSES) expect(mayTransition(from, to, 'reporter')).toBe(false);
		const systemMoves = pairs.filter(([f, t]) => mayTransition(f, t, 'system'));
		expect(systemMoves).toEqual([['resolved', 'closed']]);
	});
});

describe('canReopen', () => {
	const now = wib('2026-12-01T10:00:00');
	const base = { status: 'resolved' as AduanStatus, reopenCount: 0, autoCloseAt: wib('2026-12-10T23:59:59.999') };

	it('allows the reporter once before the auto-close', () => {
		expect(MAX_REOPENS).toBe(1);
		expect(canReopen(base, now)).toBe(true);
		expect(canReopen({ ...base, autoCloseAt: null }, now)).toBe(true);
	});
	it('refuses a second reopen', () => expect(canReopen({ ...base, reopenCount: 1 }, now)).toBe(false));
	it('refuses at and after the auto-close instant', () => {
		expect(canReopen(base, base.autoCloseAt)).toBe(false);
		expect(canReopen(base, new Date(base.autoCloseAt.getTime() - 1))).toBe(true);
		expect(canReopen(base, wib('2026-12-11T08:00:00'))).toBe(false);
	});
	it.each(ADUAN_STATUSES.filter((s) => s !== 'resolved'))('refuses in status %s', (status) => {
		expect(canReopen({ ...base, status }, now)).toBe(false);
	});
});

describe('WIB dates', () => {
	it('wibDate turns over at 17:00 UTC', () => {
		expect(wibDate(new Date('2026-12-01T16:59:59.999Z'))).toBe('2026-12-01');
		expect(wibDate(new Date('2026-12-01T17:00:00Z'))).toBe('2026-12-02');
		expect(wibDate(wib('2026-12-31T23:30:00'))).toBe('2026-12-31');
		expect(wibDate(wib('2027-01-01T00:00:00'))).toBe('2027-01-01');
	});
	it('endOfWibDay is 23:59:59.999 WIB', () => {
		expect(endOfWibDay('2026-12-02').toISOString()).toBe('2026-12-02T16:59:59.999Z');
	});
	it('weekends and holidays are not working days', () => {
		expect(isWeekend('2026-11-28')).toBe(true); // Saturday
		expect(isWeekend('2026-11-29')).toBe(true); // Sunday
		expect(isWeekend('2026-11-30')).toBe(false);
		expect(isWorkingDay('2026-11-30', none)).toBe(true);
		expect(isWorkingDay('2026-11-30', new Set(['2026-11-30']))).toBe(false);
		expect(isWorkingDay('2026-11-28', none)).toBe(false);
	});
});

describe('deadlines in working days', () => {
	it('the day of filing never counts; weekends are skipped', () => {
		// Monday → Thursday
		expect(nthWorkingDayAfter(wib('2026-11-30T08:00:00'), 3, none)).toBe('2026-12-03');
		// Friday → Wednesday
		expect(nthWorkingDayAfter(wib('2026-12-04T16:00:00'), 3, none)).toBe('2026-12-09');
		// Saturday and Sunday → Wednesday
		expect(nthWorkingDayAfter(wib('2026-12-05T09:00:00'), 3, none)).toBe('2026-12-09');
		expect(nthWorkingDayAfter(wib('2026-12-06T09:00:00'), 3, none)).toBe('2026-12-09');
		expect(nthWorkingDayAfter(wib('2026-12-06T09:00:00'), 0, none)).toBe('2026-12-06');
	});
	it('filed late in the WIB evening (already the next day in WIB, still the same day in UTC)', () => {
		// 2026-12-03 23:30 WIB Thursday = 16:30Z; 2026-12-04 00:30 WIB Friday = 2026-12-03 17:30Z
		expect(nthWorkingDayAfter(new Date('2026-12-03T16:30:00Z'), 1, none)).toBe('2026-12-04');
		expect(nthWorkingDayAfter(new Date('2026-12-03T17:30:00Z'), 1, none)).toBe('2026-12-07');
	});
	it('holidays push the deadline on', () => {
		const hol = new Set(['2026-12-02', '2026-12-03']);
		expect(nthWorkingDayAfter(wib('2026-11-30T08:00:00'), 3, hol)).toBe('2026-12-07');
	});
	it('a holiday on a weekend changes nothing', () => {
		expect(nthWorkingDayAfter(wib('2026-12-04T08:00:00'), 1, new Set(['2026-12-05']))).toBe('2026-12-07');
	});
	it('across the year boundary: filed Thursday 2026-12-31 with 2027-01-01 a holiday', () => {
		const filed = wib('2026-12-31T10:00:00');
		const hol = new Set(['2027-01-01']);
		expect(nthWorkingDayAfter(filed, 1, hol)).toBe('2027-01-04');
		expect(deadlineAfter(filed, VERIFY_WITHIN_DAYS, hol).toISOString()).toBe('2027-01-06T16:59:59.999Z');
		expect(deadlineAfter(filed, VERIFY_WITHIN_DAYS, none).toISOString()).toBe('2027-01-05T16:59:59.999Z');
		expect(deadlineAfter(wib('2026-12-24T10:00:00'), PLAN_WITHIN_DAYS, new Set(['2026-12-25', '2027-01-01'])).toISOString()).toBe('2027-01-04T16:59:59.999Z');
	});
	it('deadlineAfter ends at 23:59:59.999 WIB of the nth working day', () => {
		expect(deadlineAfter(wib('2026-12-04T16:00:00'), VERIFY_WITHIN_DAYS, none)).toEqual(wib('2026-12-09T23:59:59.999'));
		expect(deadlineAfter(wib('2026-12-01T09:00:00'), AUTO_CLOSE_AFTER_DAYS, none)).toEqual(wib('2026-12-15T23:59:59.999'));
		expect(deadlineAfter(wib('2026-12-01T09:00:00'), AUTO_CLOSE_AFTER_DAYS, new Set(['2026-12-08']))).toEqual(wib('2026-12-16T23:59:59.999'));
	});
});

describe('workingDaysBetween', () => {
	it('is zero on the same WIB day, whatever the hours', () => {
		expect(workingDaysBetween(wib('2026-12-01T00:00:00'), wib('2026-12-01T23:59:59'), none)).toBe(0);
	});
	it('counts forwards, skipping weekends and holidays', () => {
		expect(workingDaysBetween(wib('2026-12-04T10:00:00'), wib('2026-12-07T10:00:00'), none)).toBe(1); // Fri → Mon
		expect(workingDaysBetween(wib('2026-11-30T10:00:00'), wib('2026-12-07T10:00:00'), none)).toBe(5);
		expect(workingDaysBetween(wib('2026-11-30T10:00:00'), wib('2026-12-07T10:00:00'), new Set(['2026-12-02']))).toBe(4);
		expect(workingDaysBetween(wib('2026-12-05T10:00:00'), wib('2026-12-06T10:00:00'), none)).toBe(0); // Sat → Sun
	});
	it('counts backwards as a negative number (the same size)', () => {
		expect(workingDaysBetween(wib('2026-12-07T10:00:00'), wib('2026-12-04T10:00:00'), none)).toBe(-1);
		expect(workingDaysBetween(wib('2026-12-07T10:00:00'), wib('2026-11-30T10:00:00'), new Set(['2026-12-02']))).toBe(-4);
	});
	it('across the year boundary', () => {
		expect(workingDaysBetween(wib('2026-12-31T10:00:00'), wib('2027-01-06T10:00:00'), new Set(['2027-01-01']))).toBe(3);
		expect(workingDaysBetween(wib('2027-01-06T10:00:00'), wib('2026-12-31T10:00:00'), new Set(['2027-01-01']))).toBe(-3);
	});
	it('agrees with nthWorkingDayAfter', () => {
		const from = wib('2026-12-18T15:00:00');
		const hol = new Set(['2026-12-25', '2026-12-24']);
		for (let n = 1; n <= 12; n++) expect(workingDaysBetween(from, wib(`${nthWorkingDayAfter(from, n, hol)}T12:00:00`), hol)).toBe(n);
	});
	it('a 00:30 WIB instant belongs to its WIB day', () => {
		expect(workingDaysBetween(new Date('2026-12-03T16:30:00Z'), new Date('2026-12-03T17:30:00Z'), none)).toBe(1);
	});
});

describe('dueOf', () => {
	const verifyBy = wib('2026-12-03T23:59:59.999');
	const planBy = wib('2026-12-10T23:59:59.999');
	const autoCloseAt = wib('2026-12-24T23:59:59.999');
	const a = (status: AduanStatus, over: Partial<Parameters<typeof dueOf>[0]> = {}) => ({ status, verifyBy, planBy: null, planPostedAt: null, autoCloseAt: null, ...over });

	it('received: the verification deadline', () => {
		expect(dueOf(a('received'), wib('2026-12-01T10:00:00'))).toEqual({ stage: 'verify', dueAt: verifyBy, overdue: false, dueToday: false });
	});
	it('due today from WIB midnight to 23:59:59.999, overdue from the next WIB midnight', () => {
		expect(dueOf(a('received'), wib('2026-12-02T23:59:59.999'))).toMatchObject({ overdue: false, dueToday: false });
		expect(dueOf(a('received'), wib('2026-12-03T00:00:00'))).toMatchObject({ overdue: false, dueToday: true });
		expect(dueOf(a('received'), verifyBy)).toMatchObject({ overdue: false, dueToday: true });
		expect(dueOf(a('received'), wib('2026-12-04T00:00:00'))).toMatchObject({ overdue: true, dueToday: false });
		// 2026-12-03 17:00 UTC is already the 4th in WIB
		expect(dueOf(a('received'), new Date('2026-12-03T16:59:59Z'))).toMatchObject({ overdue: false, dueToday: true });
		expect(dueOf(a('received'), new Date('2026-12-03T17:00:00Z'))).toMatchObject({ overdue: true, dueToday: false });
	});
	it('verified and in progress without a plan: the plan deadline', () => {
		for (const s of ['verified', 'in_progress'] as const) {
			expect(dueOf(a(s, { planBy }), wib('2026-12-05T10:00:00'))).toEqual({ stage: 'plan', dueAt: planBy, overdue: false, dueToday: false });
			expect(dueOf(a(s, { planBy }), wib('2026-12-10T08:00:00'))).toMatchObject({ stage: 'plan', dueToday: true });
			expect(dueOf(a(s, { planBy }), wib('2026-12-11T08:00:00'))).toMatchObject({ stage: 'plan', overdue: true });
		}
	});
	it('in progress with a plan posted: nothing due', () => {
		expect(dueOf(a('in_progress', { planBy, planPostedAt: wib('2026-12-06T10:00:00') }), wib('2026-12-20T10:00:00'))).toBeNull();
	});
	it('a status without its deadline set: nothing due', () => {
		expect(dueOf(a('verified'), wib('2026-12-05T10:00:00'))).toBeNull();
		expect(dueOf(a('resolved'), wib('2026-12-05T10:00:00'))).toBeNull();
	});
	it('resolved: the automatic close', () => {
		expect(dueOf(a('resolved', { autoCloseAt, planBy, planPostedAt: planBy }), wib('2026-12-24T12:00:00'))).toEqual({ stage: 'close', dueAt: autoCloseAt, overdue: false, dueToday: true });
		expect(dueOf(a('resolved', { autoCloseAt }), wib('2026-12-25T00:00:00'))).toMatchObject({ stage: 'close', overdue: true });
	});
	it.each(['closed', 'rejected'] as const)('%s: nothing due', (s) => {
		expect(dueOf(a(s, { planBy, autoCloseAt }), wib('2026-12-30T10:00:00'))).toBeNull();
	});
});

describe('tracking ids and the city box', () => {
	it('formats and matches', () => {
		expect(formatTrackingId('MGL', 2026, 123)).toBe('MGL-2026-000123');
		expect(formatTrackingId('MGL', 2026, 1234567)).toBe('MGL-2026-1234567');
		expect(TRACKING_ID_RE.test('MGL-2026-000123')).toBe(true);
		expect(TRACKING_ID_RE.test('mgl-2026-000123')).toBe(false);
		expect(TRACKING_ID_RE.test('MGL-26-000123')).toBe(false);
	});
	it('knows the city box', () => {
		expect(isInCity(-7.47, 110.22)).toBe(true);
		expect(isInCity(CITY_BBOX.minLat, CITY_BBOX.maxLng)).toBe(true);
		expect(isInCity(-7.8, 110.37)).toBe(false);
	});
});
