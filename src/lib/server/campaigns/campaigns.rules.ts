/**
 * Pure decisions about campaigns and their assignments: no I/O, the date ("today", WIB) passed in.
 *
 * Campaign: draft → active (launch) → finished (finish). Only drafts are edited.
 *
 * Assignment (one per targeted KIM), decided and kept small:
 * - new → accepted | declined | done (a KIM that already did the work may mark it done at once)
 * - accepted → done | declined (plans change; declining still needs a reason)
 * - declined → accepted (the only way back: the pengurus reopens by accepting after all)
 * - done is final.
 * Assignments change only while their campaign is active.
 */

export const CAMPAIGN_STATUSES = ['draft', 'active', 'finished'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const TARGET_KINDS = ['all', 'kelurahan', 'kims'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const ASSIGNMENT_STATUSES = ['new', 'accepted', 'declined', 'done'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const EFFECTIVE_STATUSES = [...ASSIGNMENT_STATUSES, 'overdue'] as const;
export type EffectiveStatus = (typeof EFFECTIVE_STATUSES)[number];
export const ASSIGNMENT_EVENTS = ['accept', 'decline', 'complete'] as const;
export type AssignmentEvent = (typeof ASSIGNMENT_EVENTS)[number];
export type CampaignEvent = 'launch' | 'finish';

/** Shortest decline reason accepted (characters, trimmed). */
export const MIN_DECLINE_REASON = 10;

const ASSIGNMENT_MOVES: Record<AssignmentStatus, Partial<Record<AssignmentEvent, AssignmentStatus>>> = {
	new: { accept: 'accepted', decline: 'declined', complete: 'done' },
	accepted: { complete: 'done', decline: 'declined' },
	declined: { accept: 'accepted' },
	done: {}
};

export type Move<S> = { ok: true; status: S } | { ok: false };

/** The status after `event`, or not ok when the assignment cannot take it. */
export function nextAssignmentStatus(status: AssignmentStatus, event: AssignmentEvent): Move<AssignmentStatus> {
	const next = ASSIGNMENT_MOVES[status][event];
	return next ? { ok: true, status: next } : { ok: false };
}

/** The events an assignment can take now (its campaign must be active). */
export function availableAssignmentEvents(status: AssignmentStatus, campaignStatus: CampaignStatus): AssignmentEvent[] {
	if (campaignStatus !== 'active') return [];
	return ASSIGNMENT_EVENTS.filter((e) => nextAssignmentStatus(status, e).ok);
}

/** Handing a task to members: while the assignment is open (new or accepted) in an active campaign. */
export const canHandStatus = (status: AssignmentStatus, campaignStatus: CampaignStatus) =>
	campaignStatus === 'active' && (status === 'new' || status === 'accepted');

const CAMPAIGN_MOVES: Record<CampaignStatus, Partial<Record<CampaignEvent, CampaignStatus>>> = {
	draft: { launch: 'active' },
	active: { finish: 'finished' },
	finished: {}
};

export function nextCampaignStatus(status: CampaignStatus, event: CampaignEvent): Move<CampaignStatus> {
	const next = CAMPAIGN_MOVES[status][event];
	return next ? { ok: true, status: next } : { ok: false };
}

export const isEditableCampaign = (status: CampaignStatus) => status === 'draft';

/**
 * 'overdue' for an open assignment (new or accepted) when `today` (WIB, YYYY-MM-DD) is after its
 * due date; otherwise its stored status. Done and declined never become overdue.
 */
export function effectiveStatus(a: { status: AssignmentStatus; dueOn: string }, today: string): EffectiveStatus {
	if ((a.status === 'new' || a.status === 'accepted') && today > a.dueOn) return 'overdue';
	return a.status;
}

/** Assignments are due on the campaign's due date when set, else on its last day. */
export const assignmentDueOn = (c: { dueOn: string | null; endsOn: string }) => c.dueOn ?? c.endsOn;

export type CampaignDates = { startsOn: string; endsOn: string; dueOn: string | null };
export type DateProblem = { field: 'ends_on' | 'due_on'; problem: 'ends_before_start' | 'due_after_end' | 'due_before_start' };

/** Field problems of a campaign's dates (ISO strings compare as dates). */
export function campaignDateProblems(d: CampaignDates): DateProblem[] {
	const out: DateProblem[] = [];
	if (d.endsOn < d.startsOn) out.push({ field: 'ends_on', problem: 'ends_before_start' });
	if (d.dueOn !== null) {
		if (d.dueOn > d.endsOn) out.push({ field: 'due_on', problem: 'due_after_end' });
		else if (d.dueOn < d.startsOn) out.push({ field: 'due_on', problem: 'due_before_start' });
	}
	return out;
}

export type Target = { kind: TargetKind; codes: string[]; kimIds: string[] };
export type TargetableKim = { id: string; status: string; kelurahanCode: string | null };

/**
 * The KIMs a launch assigns: verified ones (registered, returned and inactive KIMs never) in the
 * target — all of them; those whose kelurahan is one of `codes` (a kecamatan-level KIM has none,
 * so only "all" or an explicit choice reaches it); or the chosen ids.
 */
export function selectTargetKims<K extends TargetableKim>(kims: K[], target: Target): K[] {
	const codes = new Set(target.codes);
	const ids = new Set(target.kimIds);
	return kims.filter((k) => {
		if (k.status !== 'verified') return false;
		if (target.kind === 'all') return true;
		if (target.kind === 'kelurahan') return k.kelurahanCode !== null && codes.has(k.kelurahanCode);
		return ids.has(k.id);
	});
}

const PRIORITY_RANK: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

export type InboxItem = { priority: Priority; dueOn: string; title: string };

/** Inbox order: high priority first, then the earliest due date, then the title. */
export function compareInbox(a: InboxItem, b: InboxItem): number {
	return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title, 'id');
}

/** Open work sorts before finished work in the inbox (then compareInbox). */
export function compareInboxOpenFirst(a: InboxItem & { status: AssignmentStatus }, b: InboxItem & { status: AssignmentStatus }) {
	const closed = (s: AssignmentStatus) => (s === 'done' || s === 'declined' ? 1 : 0);
	return closed(a.status) - closed(b.status) || compareInbox(a, b);
}
