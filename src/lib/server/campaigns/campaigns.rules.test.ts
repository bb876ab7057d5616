import { describe, expect, it } from 'vitest';
import {
	ASSIGNMENT_EVENTS, ASSIGNMENT_STATUSES, CAMPAIGN_STATUSES, assignmentDueOn, availableAssignmentEvents, campaignDateProblems, canHandStatus,
	compareInbox, compareInboxOpenFirst, effectiveStatus, isEditableCampaign, nextAssignmentStatus, nextCampaignStatus, selectTargetKims,
	type AssignmentEvent, type AssignmentStatus
} from './campaigns.rules';

describe('assignment transitions', () => {
	const expected: Record<AssignmentStatus, Partial<Record<AssignmentEvent, AssignmentStatus>>> = {
		new: { accept: 'accepted', decline: 'declined', complete: 'done' },
		accepted: { complete: 'done', decline: 'declined' },
		declined: { accept: 'accepted' },
		done: {}
	};
	for (const from of ASSIGNMENT_STATUSES) {
		for (const event of ASSIGNMENT_EVENTS) {
			const to = expected[from][event];
			it(`${from} --${event}--> ${to ?? 'refused'}`, () => {
				expect(nextAssignmentStatus(from, event)).toEqual(to ? { ok: true, status: to } : { ok: false });
			});
		}
	}

	it('offers events only while the campaign is active', () => {
		expect(availableAssignmentEvents('new', 'active')).toEqual(['accept', 'decline', 'complete']);
		expect(availableAssignmentEvents('accepted', 'active')).toEqual(['decline', 'complete']);
		expect(availableAssignmentEvents('declined', 'active')).toEqual(['accept']);
		expect(availableAssignmentEvents('done', 'active')).toEqual([]);
		for (const s of ASSIGNMENT_STATUSES) {
			expect(availableAssignmentEvents(s, 'finished')).toEqual([]);
			expect(availableAssignmentEvents(s, 'draft')).toEqual([]);
		}
	});

	it('hands open tasks of active campaigns only', () => {
		const table = ASSIGNMENT_STATUSES.flatMap((s) => CAMPAIGN_STATUSES.map((c) => [s, c, canHandStatus(s, c)]));
		expect(table.filter(([, , ok]) => ok)).toEqual([['new', 'active', true], ['accepted', 'active', true]]);
	});
});

describe('campaign transitions', () => {
	it('goes draft → active → finished and nowhere else', () => {
		expect(nextCampaignStatus('draft', 'launch')).toEqual({ ok: true, status: 'active' });
		expect(nextCampaignStatus('active', 'finish')).toEqual({ ok: true, status: 'finished' });
		expect(nextCampaignStatus('draft', 'finish')).toEqual({ ok: false });
		expect(nextCampaignStatus('active', 'launch')).toEqual({ ok: false });
		expect(nextCampaignStatus('finished', 'launch')).toEqual({ ok: false });
		expect(nextCampaignStatus('finished', 'finish')).toEqual({ ok: false });
	});
	it('is editable only as a draft', () => {
		expect(CAMPAIGN_STATUSES.filter(isEditableCampaign)).toEqual(['draft']);
	});
});

describe('effectiveStatus', () => {
	const due = '2026-11-28';
	it('is the stored status on and before the due date', () => {
		for (const s of ASSIGNMENT_STATUSES) {
			expect(effectiveStatus({ status: s, dueOn: due }, '2026-11-27')).toBe(s);
			expect(effectiveStatus({ status: s, dueOn: due }, due)).toBe(s);
		}
	});
	it('is overdue the day after for open assignments only', () => {
		expect(effectiveStatus({ status: 'new', dueOn: due }, '2026-11-29')).toBe('overdue');
		expect(effectiveStatus({ status: 'accepted', dueOn: due }, '2027-01-01')).toBe('overdue');
		expect(effectiveStatus({ status: 'done', dueOn: due }, '2026-11-29')).toBe('done');
		expect(effectiveStatus({ status: 'declined', dueOn: due }, '2026-11-29')).toBe('declined');
	});
	it('compares across month and year boundaries', () => {
		expect(effectiveStatus({ status: 'new', dueOn: '2026-12-31' }, '2027-01-01')).toBe('overdue');
		expect(effectiveStatus({ status: 'new', dueOn: '2026-09-30' }, '2026-10-01')).toBe('overdue');
	});
});

describe('dates', () => {
	it('makes assignments due on due_on, else on ends_on', () => {
		expect(assignmentDueOn({ dueOn: '2026-11-20', endsOn: '2026-11-30' })).toBe('2026-11-20');
		expect(assignmentDueOn({ dueOn: null, endsOn: '2026-11-30' })).toBe('2026-11-30');
	});
	it('finds date problems', () => {
		expect(campaignDateProblems({ startsOn: '2026-11-01', endsOn: '2026-11-30', dueOn: null })).toEqual([]);
		expect(campaignDateProblems({ startsOn: '2026-11-01', endsOn: '2026-11-01', dueOn: '2026-11-01' })).toEqual([]);
		expect(campaignDateProblems({ startsOn: '2026-11-02', endsOn: '2026-11-01', dueOn: null })).toEqual([{ field: 'ends_on', problem: 'ends_before_start' }]);
		expect(campaignDateProblems({ startsOn: '2026-11-01', endsOn: '2026-11-30', dueOn: '2026-12-01' })).toEqual([{ field: 'due_on', problem: 'due_after_end' }]);
		expect(campaignDateProblems({ startsOn: '2026-11-10', endsOn: '2026-11-30', dueOn: '2026-11-09' })).toEqual([{ field: 'due_on', problem: 'due_before_start' }]);
	});
});

describe('selectTargetKims', () => {
	const kims = [
		{ id: 'a', status: 'verified', kelurahanCode: '33.71.01.1011' },
		{ id: 'b', status: 'verified', kelurahanCode: '33.71.02.1003' },
		{ id: 'c', status: 'verified', kelurahanCode: null },
		{ id: 'd', status: 'registered', kelurahanCode: '33.71.01.1011' },
		{ id: 'e', status: 'inactive', kelurahanCode: '33.71.01.1011' },
		{ id: 'f', status: 'returned', kelurahanCode: '33.71.02.1003' }
	];
	const ids = (r: { id: string }[]) => r.map((k) => k.id);
	it('all: every verified KIM, kecamatan-level ones included', () => {
		expect(ids(selectTargetKims(kims, { kind: 'all', codes: [], kimIds: [] }))).toEqual(['a', 'b', 'c']);
	});
	it('kelurahan: verified KIMs of the chosen kelurahan', () => {
		expect(ids(selectTargetKims(kims, { kind: 'kelurahan', codes: ['33.71.01.1011'], kimIds: ['b'] }))).toEqual(['a']);
		expect(ids(selectTargetKims(kims, { kind: 'kelurahan', codes: ['33.71.09.9999'], kimIds: [] }))).toEqual([]);
	});
	it('kims: the chosen ones that are verified', () => {
		expect(ids(selectTargetKims(kims, { kind: 'kims', codes: ['33.71.01.1011'], kimIds: ['c', 'd', 'e', 'zz'] }))).toEqual(['c']);
	});
});

describe('inbox order', () => {
	const item = (priority: 'high' | 'medium' | 'low', dueOn: string, title = 'A', status: AssignmentStatus = 'new') => ({ priority, dueOn, title, status });
	it('sorts by priority, then due date, then title', () => {
		const list = [item('low', '2026-11-01'), item('medium', '2026-12-01'), item('high', '2026-12-05', 'B'), item('high', '2026-12-05', 'A'), item('medium', '2026-11-15'), item('high', '2026-11-30')];
		expect([...list].sort(compareInbox).map((i) => `${i.priority} ${i.dueOn} ${i.title}`)).toEqual([
			'high 2026-11-30 A', 'high 2026-12-05 A', 'high 2026-12-05 B', 'medium 2026-11-15 A', 'medium 2026-12-01 A', 'low 2026-11-01 A'
		]);
	});
	it('puts done and declined tasks after open ones', () => {
		const list = [item('high', '2026-11-01', 'X', 'done'), item('low', '2026-12-01', 'Y', 'accepted'), item('high', '2026-11-02', 'Z', 'declined'), item('medium', '2026-12-01', 'W', 'new')];
		expect([...list].sort(compareInboxOpenFirst).map((i) => i.title)).toEqual(['W', 'Y', 'X', 'Z']);
	});
});
