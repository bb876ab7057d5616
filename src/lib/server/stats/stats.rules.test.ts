import { describe, expect, it } from 'vitest';
import {
	ASSIGNMENT_BUCKETS, assignmentBucket, countAssignments, dailySeries, kelurahanOfKim, MAX_SERIES_DAYS, percentOf,
	previewTargetKims, reachLevel, restrictToKims, sumUniqueVisitors, targetedKelurahan, type AssignmentStatus, type KimArea
} from './stats.rules';
import { csvCell, toCsv } from './stats.csv';

const TODAY = '2026-11-20';
const villages = [
	{ code: '33.71.01.1010', parentCode: '33.71.01' },
	{ code: '33.71.01.1011', parentCode: '33.71.01' },
	{ code: '33.71.02.1003', parentCode: '33.71.02' },
	{ code: '33.71.02.1004', parentCode: '33.71.02' },
	{ code: '33.71.03.1001', parentCode: '33.71.03' }
];
const kimTidar: KimArea = { id: 'k1', kelurahanCode: '33.71.01.1011', kecamatanCode: '33.71.01' };
const kimWates: KimArea = { id: 'k2', kelurahanCode: '33.71.02.1003', kecamatanCode: '33.71.02' };
const kimUtara: KimArea = { id: 'k3', kelurahanCode: null, kecamatanCode: '33.71.02' };

describe('assignmentBucket: overdue takes precedence over new and accepted', () => {
	const cases: [AssignmentStatus, string, string][] = [
		['new', '2026-11-19', 'overdue'],
		['accepted', '2026-11-19', 'overdue'],
		['declined', '2026-11-19', 'declined'],
		['done', '2026-11-19', 'done'],
		['new', TODAY, 'new'],
		['accepted', TODAY, 'accepted'],
		['new', '2026-11-21', 'new'],
		['accepted', '2027-01-01', 'accepted'],
		['done', '2027-01-01', 'done'],
		['declined', '2027-01-01', 'declined']
	];
	it.each(cases)('%s due %s → %s', (status, due, bucket) => expect(assignmentBucket(status, due, TODAY)).toBe(bucket));

	it('compares calendar dates across months and years', () => {
		expect(assignmentBucket('new', '2026-10-31', '2026-11-01')).toBe('overdue');
		expect(assignmentBucket('new', '2025-12-31', '2026-01-01')).toBe('overdue');
		expect(assignmentBucket('new', '2026-01-01', '2025-12-31')).toBe('new');
	});
});

describe('countAssignments', () => {
	it('puts each grouped row in one bucket, so the five numbers add up to the assignment count', () => {
		const rows = [
			{ status: 'new' as const, dueOn: '2026-11-10', n: 2 },
			{ status: 'new' as const, dueOn: '2026-11-30', n: 3 },
			{ status: 'accepted' as const, dueOn: '2026-11-10', n: 1 },
			{ status: 'accepted' as const, dueOn: TODAY, n: 4 },
			{ status: 'declined' as const, dueOn: '2026-11-10', n: 5 },
			{ status: 'done' as const, dueOn: '2026-11-10', n: 6 }
		];
		const counts = countAssignments(rows, TODAY);
		expect(counts).toEqual({ new: 3, accepted: 4, declined: 5, done: 6, overdue: 3 });
		expect(ASSIGNMENT_BUCKETS.reduce((s, b) => s + counts[b], 0)).toBe(rows.reduce((s, r) => s + r.n, 0));
	});
	it('is all zeros without assignments', () => {
		expect(countAssignments([], TODAY)).toEqual({ new: 0, accepted: 0, declined: 0, done: 0, overdue: 0 });
	});
});

describe('targetedKelurahan', () => {
	it("'all' is every kelurahan of the city", () => {
		expect(targetedKelurahan({ kind: 'all', codes: ['x'], kimIds: ['k1'] }, villages, [])).toEqual(villages.map((v) => v.code));
	});
	it("'kelurahan' is its codes, sorted, without repeats", () => {
		expect(targetedKelurahan({ kind: 'kelurahan', codes: ['33.71.02.1003', '33.71.01.1011', '33.71.02.1003'], kimIds: [] }, villages, [])).toEqual([
			'33.71.01.1011', '33.71.02.1003'
		]);
	});
	it("'kims' is the targeted KIMs' kelurahan; a kecamatan-level KIM targets every kelurahan of its kecamatan", () => {
		const target = { kind: 'kims' as const, codes: [], kimIds: ['k1', 'k3'] };
		expect(targetedKelurahan(target, villages, [kimTidar, kimWates, kimUtara])).toEqual(['33.71.01.1011', '33.71.02.1003', '33.71.02.1004']);
		expect(targetedKelurahan({ ...target, kimIds: ['k2', 'k3'] }, villages, [kimTidar, kimWates, kimUtara])).toEqual(['33.71.02.1003', '33.71.02.1004']);
	});
	it("'kims' ignores KIMs not in the target, and unknown KIMs add nothing", () => {
		expect(targetedKelurahan({ kind: 'kims', codes: [], kimIds: ['k1', 'gone'] }, villages, [kimTidar, kimWates])).toEqual(['33.71.01.1011']);
	});
	it('kelurahanOfKim', () => {
		expect(kelurahanOfKim(kimTidar, villages)).toEqual(['33.71.01.1011']);
		expect(kelurahanOfKim(kimUtara, villages)).toEqual(['33.71.02.1003', '33.71.02.1004']);
	});
});

describe('restrictToKims: a pengurus sees the targeted kelurahan their KIM covers', () => {
	const all = villages.map((v) => v.code);
	it('keeps everything without a restriction', () => expect(restrictToKims(all, null, villages)).toEqual(all));
	it('keeps the KIM’s kelurahan, or its kecamatan’s for a kecamatan-level KIM', () => {
		expect(restrictToKims(all, [kimTidar], villages)).toEqual(['33.71.01.1011']);
		expect(restrictToKims(all, [kimUtara], villages)).toEqual(['33.71.02.1003', '33.71.02.1004']);
		expect(restrictToKims(['33.71.01.1010'], [kimTidar], villages)).toEqual([]);
	});
	it('also keeps targeted kelurahan where the KIM reported, never untargeted ones', () => {
		expect(restrictToKims(all, [kimTidar], villages, ['33.71.03.1001', 'elsewhere'])).toEqual(['33.71.01.1011', '33.71.03.1001']);
		expect(restrictToKims(['33.71.01.1011'], [kimWates], villages, ['33.71.03.1001'])).toEqual([]);
	});
});

describe('previewTargetKims (a draft’s KIMs)', () => {
	const verified = [kimTidar, kimWates, kimUtara];
	it('all verified KIMs, the chosen verified KIMs, or those of the chosen kelurahan', () => {
		expect(previewTargetKims({ kind: 'all', codes: [], kimIds: [] }, verified, villages)).toEqual(['k1', 'k2', 'k3']);
		expect(previewTargetKims({ kind: 'kims', codes: [], kimIds: ['k2', 'unverified'] }, verified, villages)).toEqual(['k2']);
		expect(previewTargetKims({ kind: 'kelurahan', codes: ['33.71.02.1004'], kimIds: [] }, verified, villages)).toEqual(['k3']);
		expect(previewTargetKims({ kind: 'kelurahan', codes: ['33.71.01.1011'], kimIds: [] }, verified, villages)).toEqual(['k1']);
		expect(previewTargetKims({ kind: 'kelurahan', codes: ['33.71.03.1001'], kimIds: [] }, verified, villages)).toEqual([]);
	});
});

describe('percentOf', () => {
	it.each([
		[0, 1000, 0], [1, 1000, 0], [9, 1000, 0], [10, 1000, 1], [999, 1000, 99], [1000, 1000, 100], [1500, 1000, 150], [1, 3, 33], [2, 3, 66]
	])('%i of %i → %i%%', (v, t, p) => expect(percentOf(v, t)).toBe(p));
	it('is null without a target', () => {
		expect(percentOf(10, 0)).toBeNull();
		expect(percentOf(0, 0)).toBeNull();
	});
});

describe('unique visitors and the daily series', () => {
	it('sums the per-day distinct counts', () => {
		expect(sumUniqueVisitors([{ uniqueVisitors: 3 }, { uniqueVisitors: 0 }, { uniqueVisitors: 4 }])).toBe(7);
		expect(sumUniqueVisitors([])).toBe(0);
	});

	const campaign = { startsOn: '2026-11-16', endsOn: '2026-11-30' };
	it('runs from the start to today while the campaign runs, zeros on quiet days', () => {
		const series = dailySeries(campaign, [{ day: '2026-11-17', clicks: 5, uniqueVisitors: 3 }], [{ day: '2026-11-18', audience: 40 }], TODAY);
		expect(series.map((d) => d.day)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
		expect(series[1]).toEqual({ day: '2026-11-17', clicks: 5, uniqueVisitors: 3, reportedAudience: 0 });
		expect(series[2]).toEqual({ day: '2026-11-18', clicks: 0, uniqueVisitors: 0, reportedAudience: 40 });
		expect(series[4]).toEqual({ day: TODAY, clicks: 0, uniqueVisitors: 0, reportedAudience: 0 });
	});
	it('stops at the end of a finished campaign, but keeps later activity', () => {
		expect(dailySeries({ startsOn: '2026-11-01', endsOn: '2026-11-03' }, [], [], TODAY).map((d) => d.day)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
		expect(dailySeries({ startsOn: '2026-11-01', endsOn: '2026-11-02' }, [{ day: '2026-11-04', clicks: 1, uniqueVisitors: 1 }], [], TODAY).at(-1)!.day).toBe('2026-11-04');
	});
	it('starts earlier when activity came before the start, and crosses month ends', () => {
		const series = dailySeries({ startsOn: '2026-12-01', endsOn: '2026-12-02' }, [], [{ day: '2026-11-29', audience: 7 }], '2026-12-02');
		expect(series.map((d) => d.day)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
	});
	it('is empty before a campaign starts without activity', () => {
		expect(dailySeries({ startsOn: '2026-12-01', endsOn: '2026-12-10' }, [], [], TODAY)).toEqual([]);
	});
	it('keeps the most recent days of a long campaign', () => {
		const series = dailySeries({ startsOn: '2026-01-01', endsOn: '2026-12-31' }, [], [], TODAY);
		expect(series).toHaveLength(MAX_SERIES_DAYS);
		expect(series.at(-1)!.day).toBe(TODAY);
	});
});

describe('reachLevel (map colour)', () => {
	it.each([
		[0, 100, 0], [1, 100, 1], [25, 100, 1], [26, 100, 2], [50, 100, 2], [51, 100, 3], [75, 100, 3], [76, 100, 4], [100, 100, 4], [5, 0, 0]
	])('%i of max %i → level %i', (v, max, level) => expect(reachLevel(v, max)).toBe(level));
});

describe('csv', () => {
	it('prefixes formula starters in text cells with a quote', () => {
		for (const s of ['=1+1', '+62812', '-2', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(s).replace(/^"|"$/g, '').startsWith(`'`)).toBe(true);
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('KIM Tidar')).toBe('KIM Tidar');
		expect(csvCell('a=b')).toBe('a=b');
	});
	it('quotes commas, quotes and line breaks; numbers and blanks as they are', () => {
		expect(csvCell('Tidar, Selatan')).toBe('"Tidar, Selatan"');
		expect(csvCell('dua\nbaris')).toBe('"dua\nbaris"');
		expect(csvCell(12)).toBe('12');
		expect(csvCell(null)).toBe('');
	});
	it('writes a BOM and CRLF lines', () => {
		expect(toCsv([['a', 1], ['b', null]])).toBe('\uFEFFa,1\r\nb,\r\n');
	});
});
