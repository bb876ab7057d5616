import { describe, expect, it } from 'vitest';
import { todayWib } from '../validation';
import { addDays, daysUntil, reminderDedupeKey, reminderFor, sweepWindow, type ReminderFacts } from './reminders.rules';

const open = (dueOn: string, over: Partial<ReminderFacts> = {}): ReminderFacts => ({ status: 'new', dueOn, campaignStatus: 'active', ...over });

describe('reminder rules', () => {
	const today = '2026-11-28';

	it('counts whole days across month and year ends', () => {
		expect(daysUntil('2026-11-30', today)).toBe(2);
		expect(daysUntil('2026-12-01', '2026-11-30')).toBe(1);
		expect(daysUntil('2027-01-01', '2026-12-30')).toBe(2);
		expect(daysUntil('2026-11-27', today)).toBe(-1);
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
	});

	it('due soon from two days before the due date until the due date itself', () => {
		expect(reminderFor(open('2026-12-01'), today)).toBeNull(); // 3 days: not yet
		expect(reminderFor(open('2026-11-30'), today)).toBe('due_soon'); // 2 days
		expect(reminderFor(open('2026-11-29'), today)).toBe('due_soon'); // a missed sweep still reminds
		expect(reminderFor(open('2026-11-28'), today)).toBe('due_soon'); // due today: not overdue yet
	});

	it('overdue once today is after the due date, for new and accepted assignments', () => {
		expect(reminderFor(open('2026-11-27'), today)).toBe('overdue');
		expect(reminderFor(open('2026-10-01', { status: 'accepted' }), today)).toBe('overdue');
		expect(reminderFor(open('2026-11-30', { status: 'accepted' }), today)).toBe('due_soon');
	});

	it('nothing for done or declined assignments, nor for campaigns that are not active', () => {
		for (const dueOn of ['2026-11-27', '2026-11-30']) {
			expect(reminderFor(open(dueOn, { status: 'done' }), today)).toBeNull();
			expect(reminderFor(open(dueOn, { status: 'declined' }), today)).toBeNull();
			expect(reminderFor(open(dueOn, { campaignStatus: 'finished' }), today)).toBeNull();
			expect(reminderFor(open(dueOn, { campaignStatus: 'draft' }), today)).toBeNull();
		}
	});

	it('uses the WIB date: 23.59 WIB is still the old day, 00.00 WIB (17.00 UTC) the new one', () => {
		const due = open('2026-11-30');
		const beforeMidnight = new Date('2026-11-27T16:59:59Z'); // 27 Nov 23.59.59 WIB
		const atMidnight = new Date('2026-11-27T17:00:00Z'); // 28 Nov 00.00 WIB
		expect(todayWib(beforeMidnight)).toBe('2026-11-27');
		expect(reminderFor(due, todayWib(beforeMidnight))).toBeNull();
		expect(reminderFor(due, todayWib(atMidnight))).toBe('due_soon');
		// Overdue starts at 00.00 WIB the day after the due date, not at UTC midnight.
		const dueToday = open('2026-11-28');
		expect(reminderFor(dueToday, todayWib(new Date('2026-11-28T16:59:59Z')))).toBe('due_soon');
		expect(reminderFor(dueToday, todayWib(new Date('2026-11-28T17:00:00Z')))).toBe('overdue');
	});

	it('the sweep window covers every date a reminder can be due for', () => {
		const w = sweepWindow(today);
		expect(w.to).toBe('2026-11-30');
		expect(daysUntil(w.from, today)).toBeLessThan(-7);
		expect(reminderFor(open(addDays(w.to, 1)), today)).toBeNull();
	});

	it('dedupe keys name the assignment and the kind', () => {
		expect(reminderDedupeKey('a1', 'due_soon')).toBe('assignment:a1:due-soon');
		expect(reminderDedupeKey('a1', 'overdue')).toBe('assignment:a1:overdue');
	});
});
