import { describe, expect, it } from 'vitest';
import { audienceCeiling, audienceProblems, heldOnProblem, isReportableCampaign, isRwRt, oneYearBefore, sameReport } from './reports.rules';
import { CreateReportSchema } from './reports.schema';

describe('heldOnProblem (WIB dates)', () => {
	it('accepts today and dates within the past year', () => {
		for (const d of ['2026-11-28', '2026-11-27', '2026-01-01', '2025-11-28']) expect(heldOnProblem(d, '2026-11-28')).toBeUndefined();
	});
	it('refuses a date after today', () => {
		expect(heldOnProblem('2026-11-29', '2026-11-28')).toBe('future');
		expect(heldOnProblem('2027-01-01', '2026-12-31')).toBe('future');
	});
	it('refuses a date more than one year ago', () => {
		expect(heldOnProblem('2025-11-27', '2026-11-28')).toBe('too_old');
		expect(heldOnProblem('1999-01-01', '2026-11-28')).toBe('too_old');
	});
	it('handles 29 February', () => {
		expect(oneYearBefore('2028-02-29')).toBe('2027-02-28');
		expect(heldOnProblem('2027-02-28', '2028-02-29')).toBeUndefined();
		expect(heldOnProblem('2027-02-27', '2028-02-29')).toBe('too_old');
	});
});

describe('audienceProblems', () => {
	it('accepts a plausible audience and sub-counts', () => {
		expect(audienceProblems({ audience: 25, women: 10, youth: 25 }, 5697)).toEqual([]);
		expect(audienceProblems({ audience: 5697 }, 5697)).toEqual([]);
		expect(audienceProblems({ audience: 100_000, women: null }, null)).toEqual([]);
	});
	it('refuses no audience or a negative one', () => {
		expect(audienceProblems({ audience: 0 }, null)).toEqual([{ field: 'audience_count', kind: 'min' }]);
		expect(audienceProblems({ audience: -5 }, 5697)).toEqual([{ field: 'audience_count', kind: 'min' }]);
	});
	it('refuses an audience over the kelurahan population when it is known', () => {
		expect(audienceProblems({ audience: 5698 }, 5697)).toEqual([{ field: 'audience_count', kind: 'population', max: 5697 }]);
	});
	it('refuses an absurd audience (over 100,000) when the population is unknown', () => {
		expect(audienceProblems({ audience: 100_001 }, null)).toEqual([{ field: 'audience_count', kind: 'max', max: 100_000 }]);
		expect(audienceProblems({ audience: 2_000_000 }, 0)).toEqual([{ field: 'audience_count', kind: 'max', max: 100_000 }]);
		expect(audienceCeiling(undefined)).toBe(100_000);
	});
	it('refuses more women or youth than the audience', () => {
		expect(audienceProblems({ audience: 10, women: 11, youth: 12 }, null)).toEqual([
			{ field: 'women_count', kind: 'over_audience' },
			{ field: 'youth_count', kind: 'over_audience' }
		]);
		expect(audienceProblems({ audience: 10, women: 10, youth: 0 }, null)).toEqual([]);
	});
});

describe('RW/RT', () => {
	it.each(['1', '05', '005', '999'])('accepts %s', (s) => expect(isRwRt(s)).toBe(true));
	it.each(['0', '000', '1000', '5a', 'RW 5', '', '-1', '1.5', ' 5'])('refuses %j', (s) => expect(isRwRt(s)).toBe(false));
});

describe('campaign link and idempotent repeats', () => {
	it('links only to an active or finished campaign assigned to the KIM', () => {
		expect(isReportableCampaign({ status: 'active' }, true)).toBe(true);
		expect(isReportableCampaign({ status: 'finished' }, true)).toBe(true);
		expect(isReportableCampaign({ status: 'draft' }, true)).toBe(false);
		expect(isReportableCampaign({ status: 'active' }, false)).toBe(false);
		expect(isReportableCampaign(undefined, true)).toBe(false);
	});
	it('treats absent and null as the same and any other difference as another report', () => {
		const stored = { kimId: 'k', campaignId: null, type: 'meeting', heldOn: '2026-11-28', kelurahanCode: 'x', rw: null, rt: '2', audienceCount: 25, womenCount: null, youthCount: null, notes: null, questions: null, feedback: null };
		expect(sameReport(stored, { ...stored, campaignId: undefined })).toBe(true);
		expect(sameReport(stored, { ...stored, audienceCount: 26 })).toBe(false);
		expect(sameReport(stored, { ...stored, notes: 'lain' })).toBe(false);
	});
});

describe('CreateReportSchema (one schema for the API and the form)', () => {
	const base = { kim_id: '0b9f6c1e-0000-4000-8000-000000000000', type: 'meeting', held_on: '2026-11-28', kelurahan_code: '33.71.01.1011', audience_count: 25 };
	it('reads form strings: digits become numbers, empty strings mean not given', () => {
		const parsed = CreateReportSchema.parse({ ...base, audience_count: ' 25 ', women_count: '', youth_count: '7', rw: '', rt: '002', campaign_id: '', notes: '  ' });
		expect(parsed).toMatchObject({ audience_count: 25, youth_count: 7, rw: null, rt: '002', campaign_id: null, notes: null });
		expect(parsed.women_count ?? null).toBeNull();
	});
	it('gives Indonesian field errors for a bad audience, RW/RT and type', () => {
		const r = CreateReportSchema.safeParse({ ...base, audience_count: 'banyak', rw: '12345', rt: 'x', type: 'konser', women_count: '-1' });
		expect(r.success).toBe(false);
		const errors = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
		expect(errors).toEqual({
			audience_count: 'Masukkan jumlah peserta dengan angka, misalnya 25',
			rw: 'Tulis nomor RW dengan angka, paling banyak 3 angka, misalnya 5 atau 005',
			rt: 'Tulis nomor RT dengan angka, paling banyak 3 angka, misalnya 2 atau 002',
			type: 'Pilih jenis kegiatan',
			women_count: 'Masukkan angka 0 atau lebih, misalnya 10'
		});
	});
	it('refuses a fractional audience and a missing one', () => {
		expect(CreateReportSchema.safeParse({ ...base, audience_count: 2.5 }).success).toBe(false);
		expect(CreateReportSchema.safeParse({ ...base, audience_count: '' }).success).toBe(false);
	});
});
