/**
 * The reminder sweep: due-soon and overdue notices for open assignments of active campaigns.
 * Run from the worker loop (every few minutes, in each worker process); safe to run twice or in
 * two processes at once, because each notice has a stable dedupe key (see reminders.rules.ts).
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { assignments, campaigns, kimMembers, kims } from '../db/schema';
import { BOARD_POSITIONS } from '../../shared/roles';
import { formatDate } from '../../shared/format';
import { todayWib } from '../validation';
import { m } from '../../paraglide/messages.js';
import type { PeriodicTask } from '../mail/outbox-worker';
import { notify } from './notify';
import { reminderDedupeKey, reminderFor, sweepWindow, type ReminderKind } from './reminders.rules';

/** Reminders go out in Bahasa Indonesia: the recipients' language is not stored. */
const ID = { locale: 'id' } as const;

/** Open assignments of active campaigns due in the sweep's window, with what the notices name. */
async function findReminderCandidates(db: Db, today: string) {
	const { from, to } = sweepWindow(today);
	return db
		.select({
			id: assignments.id,
			status: assignments.status,
			dueOn: assignments.dueOn,
			kimId: assignments.kimId,
			kimName: kims.name,
			campaignId: campaigns.id,
			campaignTitle: campaigns.title,
			campaignStatus: campaigns.status,
			createdBy: campaigns.createdBy
		})
		.from(assignments)
		.innerJoin(campaigns, eq(campaigns.id, assignments.campaignId))
		.innerJoin(kims, eq(kims.id, assignments.kimId))
		.where(
			and(
				inArray(assignments.status, ['new', 'accepted']),
				gte(assignments.dueOn, from),
				lte(assignments.dueOn, to),
				eq(campaigns.status, 'active')
			)
		);
}

/** The KIM's pengurus (board members). */
async function findBoardIds(db: Db, kimId: string) {
	const rows = await db
		.select({ userId: kimMembers.userId })
		.from(kimMembers)
		.where(and(eq(kimMembers.kimId, kimId), inArray(kimMembers.position, [...BOARD_POSITIONS])));
	return rows.map((r) => r.userId);
}

type Candidate = Awaited<ReturnType<typeof findReminderCandidates>>[number];

async function remind(db: Db, a: Candidate, kind: ReminderKind, publicUrl: string) {
	const names = { campaign: a.campaignTitle, kim: a.kimName, date: formatDate(a.dueOn, 'id') };
	const dedupeKey = reminderDedupeKey(a.id, kind);
	const board = await findBoardIds(db, a.kimId);
	const notified: string[] = [];
	if (kind === 'due_soon') {
		const notice = { kind: 'assignment_due_soon', title: m.notif_due_soon_title(names, ID), body: m.notif_due_soon_body(names, ID), url: '/tugas', dedupeKey, email: true };
		notified.push(...(await notify(db, board, notice, publicUrl)));
		return notified;
	}
	const toBoard = { kind: 'assignment_overdue', title: m.notif_overdue_title(names, ID), body: m.notif_overdue_body(names, ID), url: '/tugas', dedupeKey, email: true };
	notified.push(...(await notify(db, board, toBoard, publicUrl)));
	if (a.createdBy) {
		const toStaff = {
			kind: 'assignment_overdue', title: m.notif_overdue_staff_title(names, ID), body: m.notif_overdue_staff_body(names, ID),
			url: `/kampanye/${a.campaignId}/jangkauan`, dedupeKey, email: true
		};
		notified.push(...(await notify(db, [a.createdBy], toStaff, publicUrl)));
	}
	return notified;
}

/**
 * Sends the reminders due on `now` (WIB date): one transaction per assignment, so one bad row
 * does not hold back the others. Returns how many notices were newly written.
 */
export async function sweepReminders(db: Db, now: Date, publicUrl: string) {
	const today = todayWib(now);
	let notices = 0;
	for (const a of await findReminderCandidates(db, today)) {
		const kind = reminderFor(a, today);
		if (!kind) continue;
		notices += (await db.transaction((tx) => remind(tx, a, kind, publicUrl))).length;
	}
	return { notices };
}

/** How often each worker process sweeps. */
export const REMINDER_SWEEP_MS = 5 * 60_000;

/** The sweep as a task of the worker loop. */
export const reminderTask = (db: Db, publicUrl: string): PeriodicTask => ({
	name: 'reminders',
	everyMs: REMINDER_SWEEP_MS,
	run: (now) => sweepReminders(db, now, publicUrl)
});
