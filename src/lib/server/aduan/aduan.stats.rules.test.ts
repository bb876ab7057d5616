import { describe, expect, it } from 'vitest';
import {
	fillMonths, MAX_RANGE_DAYS, monthsOf, rangeProblems, resolveRange, roundHours, serviceLevelOutcome, shiftMonth, withinRatio, type ServiceLevelFacts
} from './aduan.stats.rules';

describe('ranges', () => {
	it('shifts months across years', () => {
		expect(shiftMonth('2026-11-28', -11)).toBe('2025-12');
		expect(shiftMonth('2026-01-05', -1)).toBe('2025-12');
		expect(shiftMonth('2026-12-31', 1)).toBe('2027-01');
		expect(shiftMonth('2026-03-01', 0)).toBe('2026-03');
		expect(shiftMonth('2026-03-01', -26)).toBe('2024-01');
	});

	it('defaults to the last 12 months up to today', () => {
		expect(resolveRange({}, '2026-11-28')).toEqual({ from: '2025-12-01', to: '2026-11-28' });
		expect(resolveRange({ from: null, to: null }, '2026-11-28')).toEqual({ from: '2025-12-01', to: '2026-11-28' });
		expect(resolveRange({ to: '2026-03-15' }, '2026-11-28')).toEqual({ from: '2025-04-01', to: '2026-03-15' });
		expect(resolveRange({ from: '2026-11-01' }, '2026-11-28')).toEqual({ from: '2026-11-01', to: '2026-11-28' });
	});

	it('refuses from after to and ranges over the maximum', () => {
		expect(rangeProblems({ from: '2026-11-28', to: '2026-11-28' })).toEqual([]);
		expect(rangeProblems({ from: '2026-11-29', to: '2026-11-28' })).toEqual([{ path: 'from', kind: 'order' }]);
		const to = new Date(Date.parse('2024-01-01T00:00:00Z') + (MAX_RANGE_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
		expect(rangeProblems({ from: '2024-01-01', to })).toEqual([]);
		const over = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
		expect(rangeProblems({ from: '2024-01-01', to: over })).toEqual([{ path: 'to', kind: 'too_long' }]);
	});

	it('lists and fills every month of the range', () => {
		expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
		expect(monthsOf({ from: '2026-02-01', to: '2026-02-28' })).toEqual(['2026-02']);
		expect(fillMonths({ from: '2025-12-01', to: '2026-02-10' }, [{ month: '2026-01', count: 4 }])).toEqual([
			{ month: '2025-12', count: 0 }, { month: '2026-01', count: 4 }, { month: '2026-02', count: 0 }
		]);
	});
});

describe('serviceLevelOutcome', () => {
	const at = (s: string) => new Date(`2026-11-${s}+07:00`);
	const base: ServiceLevelFacts = { verifyBy: at('05T23:59:59'), verifiedAt: null, rejectedAt: null, planBy: null, planPostedAt: null, resolvedAt: null };
	const now = at('20T10:00:00');
	const early = at('03T10:00:00');

	it('is pending while verification is not due and not done', () => {
		expect(serviceLevelOutcome(base, early)).toBe('pending');
	});
	it('is missed when verification is overdue, or was late', () => {
		expect(serviceLevelOutcome(base, now)).toBe('missed');
		expect(serviceLevelOutcome({ ...base, verifiedAt: at('06T08:00:00'), planBy: at('13T23:59:59'), planPostedAt: at('07T08:00:00') }, now)).toBe('missed');
		expect(serviceLevelOutcome({ ...base, rejectedAt: at('06T08:00:00') }, now)).toBe('missed');
	});
	it('counts verification exactly at the deadline as met', () => {
		expect(serviceLevelOutcome({ ...base, verifiedAt: base.verifyBy }, now)).toBe('met');
	});
	it('is met when rejected at verification in time (no follow-up stage)', () => {
		expect(serviceLevelOutcome({ ...base, rejectedAt: at('04T08:00:00') }, now)).toBe('met');
	});
	it('treats a verified aduan without plan_by as having no second stage', () => {
		expect(serviceLevelOutcome({ ...base, verifiedAt: at('04T08:00:00') }, early)).toBe('met');
	});
	describe('with a follow-up stage', () => {
		const verified = { ...base, verifiedAt: at('04T08:00:00'), planBy: at('11T23:59:59') };
		it('is pending while the plan is not due', () => {
			expect(serviceLevelOutcome(verified, at('09T08:00:00'))).toBe('pending');
		});
		it('is missed when the plan is overdue or late', () => {
			expect(serviceLevelOutcome(verified, now)).toBe('missed');
			expect(serviceLevelOutcome({ ...verified, planPostedAt: at('12T08:00:00') }, now)).toBe('missed');
		});
		it('is met by a plan, a resolution or a rejection in time', () => {
			expect(serviceLevelOutcome({ ...verified, planPostedAt: at('10T08:00:00') }, now)).toBe('met');
			expect(serviceLevelOutcome({ ...verified, resolvedAt: at('10T08:00:00') }, now)).toBe('met');
			expect(serviceLevelOutcome({ ...verified, rejectedAt: at('10T08:00:00') }, now)).toBe('met');
			expect(serviceLevelOutcome({ ...verified, planPostedAt: at('12T08:00:00'), resolvedAt: at('10T08:00:00') }, now)).toBe('met');
		});
		it('decides on the plan even before now passes the deadline', () => {
			expect(serviceLevelOutcome({ ...verified, planPostedAt: at('05T08:00:00') }, at('06T08:00:00'))).toBe('met');
		});
	});
});

describe('figures', () => {
	it('computes the ratio over decided aduan only', () => {
		expect(withinRatio(0, 0)).toBeNull();
		expect(withinRatio(3, 1)).toBe(0.75);
		expect(withinRatio(2, 1)).toBe(0.667);
		expect(withinRatio(0, 4)).toBe(0);
	});
	it('rounds hours to one decimal', () => {
		expect(roundHours(null)).toBeNull();
		expect(roundHours(undefined)).toBeNull();
		expect(roundHours(12.345)).toBe(12.3);
		expect(roundHours(0)).toBe(0);
	});
});
