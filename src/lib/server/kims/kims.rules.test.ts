import { describe, expect, it } from 'vitest';
import { KIM_POSITIONS, KIM_STATUSES, type KimPosition, type KimStatus } from '../../shared/roles';
import {
	availableEvents, changeNeedsReverification, dateProblems, involvesKetua, KIM_EVENTS, kimWarnings, leavesNoKetua, nextStatus,
	reverificationFields, VERIFIED_FIELDS, type KimEvent, type KimIdentity
} from './kims.rules';
import { todayWib } from '../validation';

describe('nextStatus: every status × every event', () => {
	const verifiedAt = new Date('2025-01-01T00:00:00Z');
	// [status, event, verifiedAt?, expected status or null for "not allowed"]
	const table: [KimStatus, KimEvent, Date | null, KimStatus | null][] = [
		['registered', 'verify', null, 'verified'],
		['registered', 'return', null, 'returned'],
		['registered', 'resubmit', null, null],
		['registered', 'deactivate', null, 'inactive'],
		['registered', 'reactivate', null, null],
		['verified', 'verify', verifiedAt, null],
		['verified', 'return', verifiedAt, null],
		['verified', 'resubmit', verifiedAt, null],
		['verified', 'deactivate', verifiedAt, 'inactive'],
		['verified', 'reactivate', verifiedAt, null],
		['returned', 'verify', null, null],
		['returned', 'return', null, null],
		['returned', 'resubmit', null, 'registered'],
		['returned', 'deactivate', null, 'inactive'],
		['returned', 'reactivate', null, null],
		['inactive', 'verify', null, null],
		['inactive', 'return', null, null],
		['inactive', 'resubmit', null, null],
		['inactive', 'deactivate', null, null],
		['inactive', 'reactivate', null, 'registered'],
		['inactive', 'reactivate', verifiedAt, 'verified']
	];

	it('covers every status and event', () => {
		for (const s of KIM_STATUSES) for (const e of KIM_EVENTS) expect(table.some(([ts, te]) => ts === s && te === e)).toBe(true);
	});

	it.each(table)('%s --%s--> (verified before: %s) %s', (status, event, at, expected) => {
		const result = nextStatus({ status, verifiedAt: at }, event);
		expect(result).toEqual(expected ? { ok: true, status: expected } : { ok: false });
	});

	it('lists the events available from each status', () => {
		expect(availableEvents({ status: 'registered', verifiedAt: null })).toEqual(['verify', 'return', 'deactivate']);
		expect(availableEvents({ status: 'verified', verifiedAt })).toEqual(['deactivate']);
		expect(availableEvents({ status: 'returned', verifiedAt: null })).toEqual(['resubmit', 'deactivate']);
		expect(availableEvents({ status: 'inactive', verifiedAt: null })).toEqual(['reactivate']);
	});
});

describe('kimWarnings (clock passed in)', () => {
	const ok = { termEndsOn: '2027-12-31', skFileId: 'f', memberCount: 3 };
	const today = '2026-11-28';

	it('has nothing to say about a healthy KIM', () => {
		expect(kimWarnings(ok, today)).toEqual([]);
	});

	it('warns when the term has ended (the day after term_ends_on)', () => {
		expect(kimWarnings({ ...ok, termEndsOn: '2026-11-27' }, today)).toEqual([{ code: 'term_expired', date: '2026-11-27' }]);
	});

	it('treats the last day of the term as still running (0 days left)', () => {
		expect(kimWarnings({ ...ok, termEndsOn: '2026-11-28' }, today)).toEqual([{ code: 'term_ending', date: '2026-11-28', days: 0 }]);
	});

	it('warns within 60 days of the end, not at 61', () => {
		expect(kimWarnings({ ...ok, termEndsOn: '2027-01-27' }, today)).toEqual([{ code: 'term_ending', date: '2027-01-27', days: 60 }]);
		expect(kimWarnings({ ...ok, termEndsOn: '2027-01-28' }, today)).toEqual([]);
	});

	it('says nothing about the term when it is unknown', () => {
		expect(kimWarnings({ ...ok, termEndsOn: null }, today)).toEqual([]);
	});

	it('warns about a missing SK file and fewer than 3 members', () => {
		expect(kimWarnings({ ...ok, skFileId: null }, today)).toEqual([{ code: 'sk_missing' }]);
		expect(kimWarnings({ ...ok, memberCount: 2 }, today)).toEqual([{ code: 'few_members', count: 2, min: 3 }]);
		expect(kimWarnings({ ...ok, memberCount: 0 }, today)).toEqual([{ code: 'few_members', count: 0, min: 3 }]);
	});

	it('lists every problem at once, term first', () => {
		expect(kimWarnings({ termEndsOn: '2020-01-01', skFileId: null, memberCount: 1 }, today).map((w) => w.code)).toEqual(['term_expired', 'sk_missing', 'few_members']);
	});

	it('uses the WIB date: 17.30 UTC on 27 Nov is already 28 Nov in Magelang', () => {
		const now = new Date('2026-11-27T17:30:00Z');
		expect(todayWib(now)).toBe('2026-11-28');
		expect(kimWarnings({ ...ok, termEndsOn: '2026-11-27' }, todayWib(now))[0].code).toBe('term_expired');
		expect(kimWarnings({ ...ok, termEndsOn: '2026-11-27' }, todayWib(new Date('2026-11-27T16:30:00Z')))[0].code).toBe('term_ending');
	});
});

describe('dateProblems', () => {
	const today = '2026-11-28';
	const base = { foundedOn: '2020-01-01', skDate: '2020-02-01', termStartsOn: '2024-01-01', termEndsOn: '2026-12-31' };

	it('accepts past dates, today, and a term ending in the future', () => {
		expect(dateProblems(base, today)).toEqual([]);
		expect(dateProblems({ ...base, foundedOn: today, skDate: today }, today)).toEqual([]);
		expect(dateProblems({ foundedOn: null, skDate: null, termStartsOn: null, termEndsOn: null }, today)).toEqual([]);
	});

	it('refuses a founding or SK date after today', () => {
		expect(dateProblems({ ...base, foundedOn: '2026-11-29' }, today)).toEqual([{ field: 'founded_on', problem: 'future' }]);
		expect(dateProblems({ ...base, skDate: '2027-01-01' }, today)).toEqual([{ field: 'sk_date', problem: 'future' }]);
	});

	it('refuses a term that ends before it starts; a one-day term is fine', () => {
		expect(dateProblems({ ...base, termEndsOn: '2023-12-31' }, today)).toEqual([{ field: 'term_ends_on', problem: 'before_start' }]);
		expect(dateProblems({ ...base, termEndsOn: '2024-01-01' }, today)).toEqual([]);
	});

	it('skips the order check when either end is missing', () => {
		expect(dateProblems({ ...base, termStartsOn: null, termEndsOn: '2000-01-01' }, today)).toEqual([]);
	});
});

describe('leavesNoKetua', () => {
	const members = [
		{ userId: 'a', position: 'ketua' as const },
		{ userId: 'b', position: 'sekretaris' as const },
		{ userId: 'c', position: 'anggota' as const }
	];
	it('refuses to demote or remove the only ketua', () => {
		expect(leavesNoKetua(members, 'a', 'anggota')).toBe(true);
		expect(leavesNoKetua(members, 'a', null)).toBe(true);
	});
	it('allows keeping the ketua a ketua, changing others, and removing others', () => {
		expect(leavesNoKetua(members, 'a', 'ketua')).toBe(false);
		expect(leavesNoKetua(members, 'b', 'anggota')).toBe(false);
		expect(leavesNoKetua(members, 'c', null)).toBe(false);
	});
	it('allows demoting one of two ketua', () => {
		expect(leavesNoKetua([...members, { userId: 'd', position: 'ketua' }], 'a', 'seksi')).toBe(false);
	});
	it('does not block a KIM that never had a ketua (registered by a petugas)', () => {
		expect(leavesNoKetua([{ userId: 'c', position: 'anggota' }], 'c', null)).toBe(false);
	});
});

describe('involvesKetua', () => {
	it('is true exactly when the ketua position is on either side (add, promote, demote, remove)', () => {
		const sides: (KimPosition | null)[] = [null, ...KIM_POSITIONS];
		for (const from of sides) for (const to of sides) expect(involvesKetua(from, to)).toBe(from === 'ketua' || to === 'ketua');
	});
	it('names the cases', () => {
		expect(involvesKetua(null, 'ketua')).toBe(true); // adding someone as ketua
		expect(involvesKetua('sekretaris', 'ketua')).toBe(true); // promotion
		expect(involvesKetua('ketua', 'anggota')).toBe(true); // demotion
		expect(involvesKetua('ketua', null)).toBe(true); // removal
		expect(involvesKetua('anggota', 'bendahara')).toBe(false);
		expect(involvesKetua('seksi', null)).toBe(false);
		expect(involvesKetua(null, 'anggota')).toBe(false);
	});
});

describe('reverification after an edit', () => {
	const identity: KimIdentity = { name: 'KIM Cerdas', kelurahanCode: '33.71.01.1011', kecamatanCode: '33.71.01', skNumber: '1/SK/2024', skDate: '2024-01-10', skFileId: 'file-1' };
	const verified = { status: 'verified' as KimStatus };
	// Only the fields compared matter; a full KIM row also carries contact details, logo, terms…
	const changes: [string, Partial<KimIdentity>, string[]][] = [
		['nothing', {}, []],
		['the name', { name: 'KIM Cerdas Baru' }, ['name']],
		['the kelurahan (and so kecamatan)', { kelurahanCode: '33.71.02.1003', kecamatanCode: '33.71.02' }, ['kelurahan_code', 'kecamatan_code']],
		['to kecamatan level', { kelurahanCode: null }, ['kelurahan_code']],
		['the SK number', { skNumber: '2/SK/2025' }, ['sk_number']],
		['the SK date', { skDate: '2025-01-10' }, ['sk_date']],
		['the SK file', { skFileId: 'file-2' }, ['sk_file']],
		['name and SK together', { name: 'X', skNumber: 'Y' }, ['name', 'sk_number']]
	];

	it.each(changes)('a pengurus changing %s of a verified KIM → %j', (_label, change, fields) => {
		expect(reverificationFields(verified, identity, { ...identity, ...change }, false)).toEqual(fields);
	});

	it('a first SK file counts too: the petugas has not seen it', () => {
		expect(reverificationFields(verified, { ...identity, skFileId: null }, identity, false)).toEqual(['sk_file']);
	});

	it('never for staff edits', () => {
		for (const [, change] of changes) expect(reverificationFields(verified, identity, { ...identity, ...change }, true)).toEqual([]);
	});

	it('never for a KIM that is not verified (it is not public and waits for or needs no verification)', () => {
		for (const status of KIM_STATUSES.filter((s) => s !== 'verified')) {
			expect(reverificationFields({ status }, identity, { ...identity, name: 'Lain', skFileId: null }, false)).toEqual([]);
		}
	});

	it('ignores everything outside name, area and SK (contact, description, focus, social links, logo, terms)', () => {
		const row = { ...identity, description: 'a', contactPhone: '0812', focus: ['literasi'], social: {}, logoFileId: 'l1', termStartsOn: '2024-01-01', termEndsOn: '2026-01-01' };
		const edited = { ...row, description: 'b', contactPhone: '0813', focus: ['ekonomi_kreatif'], social: { website: 'https://x.id' }, logoFileId: 'l2', termStartsOn: '2025-01-01', termEndsOn: '2027-01-01' };
		expect(reverificationFields(verified, row, edited, false)).toEqual([]);
		expect(VERIFIED_FIELDS).toEqual(['name', 'kelurahan_code', 'kecamatan_code', 'sk_number', 'sk_date', 'sk_file']);
	});

	it('warns before saving exactly when a pengurus edits a verified KIM', () => {
		for (const status of KIM_STATUSES) {
			expect(changeNeedsReverification({ status }, false)).toBe(status === 'verified');
			expect(changeNeedsReverification({ status }, true)).toBe(false);
		}
	});
});
