/**
 * When an assignment deserves a reminder. Pure: the WIB date of today is passed in (YYYY-MM-DD).
 *
 * - due soon: due in 0–2 days (not only exactly 2, so a sweep that missed a day still reminds once);
 * - overdue: today is after the due date;
 * - nothing for assignments that are done or declined, or whose campaign is not active.
 * Each reminder is sent once per assignment (the dedupe keys below); overdue wins over due soon.
 */
export type ReminderKind = 'due_soon' | 'overdue';

export type ReminderFacts = {
	status: 'new' | 'accepted' | 'declined' | 'done';
	dueOn: string;
	campaignStatus: 'draft' | 'active' | 'finished';
};

/** Reminders start this many days before the due date. */
export const DUE_SOON_DAYS = 2;
/**
 * Overdue reminders are looked for this many days back: each is sent once, so the window only
 * bounds the sweep's query; a worker down for longer than this skips the oldest ones.
 */
export const OVERDUE_LOOKBACK_DAYS = 14;

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;

/** Whole days from `today` to `dueOn` (both YYYY-MM-DD): 2 = the day after tomorrow, -1 = yesterday. */
export const daysUntil = (dueOn: string, today: string) => dayNumber(dueOn) - dayNumber(today);

/** The date `days` after `isoDate` (negative: before). */
export const addDays = (isoDate: string, days: number) => new Date((dayNumber(isoDate) + days) * DAY_MS).toISOString().slice(0, 10);

/** The reminder this assignment needs today, if any. */
export function reminderFor(a: ReminderFacts, today: string): ReminderKind | null {
	if (a.campaignStatus !== 'active' || a.status === 'done' || a.status === 'declined') return null;
	const days = daysUntil(a.dueOn, today);
	if (days < 0) return 'overdue';
	if (days <= DUE_SOON_DAYS) return 'due_soon';
	return null;
}

/** The due dates a sweep on `today` must look at: [from, to] inclusive. */
export const sweepWindow = (today: string) => ({ from: addDays(today, -OVERDUE_LOOKBACK_DAYS), to: addDays(today, DUE_SOON_DAYS) });

export const reminderDedupeKey = (assignmentId: string, kind: ReminderKind) =>
	`assignment:${assignmentId}:${kind === 'due_soon' ? 'due-soon' : 'overdue'}`;
