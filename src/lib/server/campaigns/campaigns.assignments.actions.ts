import { AppError, invalid } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { m } from '../../paraglide/messages.js';
import { todayWib } from '../validation';
import { formatDate } from '../../shared/format';
import { isUuid } from '../../shared/slug';
import { notify } from '../notifications/notify';
import { canOpenInbox, canRespondToAssignment } from './campaigns.policy';
import { canHandStatus, compareInboxOpenFirst, MIN_DECLINE_REASON, nextAssignmentStatus, type AssignmentEvent } from './campaigns.rules';
import type { DeclineInput, HandInput } from './campaigns.schema';
import {
	findAssignmentById, findCampaignById, kimNames, listHandedMembers, listInboxRows, listKimMemberNames, lockAssignment, membersAmong, updateAssignmentRow,
	upsertAssignmentMembers, type Assignment, type Campaign
} from './campaigns.queries';
import { presentAssignment } from './campaigns.present';
import { assignmentPermissions } from './campaigns.read.actions';
import { assignmentNotFound, authorize } from './campaigns.guard';

const TRANSITION_ERROR: Record<AssignmentEvent, () => string> = {
	accept: () => m.campaign_err_cannot_accept(),
	decline: () => m.campaign_err_cannot_decline(),
	complete: () => m.campaign_err_cannot_complete()
};

/**
 * Loads an assignment for a write by its KIM's pengurus (or staff) and locks it: unknown →
 * NOT_FOUND; anonymous → UNAUTHENTICATED; anyone else (an anggota, another KIM's member) →
 * FORBIDDEN; a campaign that is not active → CONFLICT.
 */
async function loadForResponse(ctx: Ctx, tx: Ctx['db'], id: string): Promise<{ assignment: Assignment; campaign: Campaign }> {
	const found = isUuid(id) ? await findAssignmentById(tx, id) : undefined;
	if (!found) throw assignmentNotFound();
	authorize(ctx, canRespondToAssignment(ctx.actor, found));
	const assignment = (await lockAssignment(tx, found.id))!;
	const campaign = (await findCampaignById(tx, assignment.campaignId))!;
	if (campaign.status !== 'active') throw new AppError('CONFLICT', m.campaign_err_not_active());
	return { assignment, campaign };
}

async function present(ctx: Ctx, a: Assignment, campaign: Campaign) {
	const [names, members] = await Promise.all([kimNames(ctx.db, [a.kimId]), listHandedMembers(ctx.db, [a.id])]);
	return presentAssignment(a, { kimName: names.get(a.kimId) ?? '', today: todayWib(nowOf(ctx)), members, ...assignmentPermissions(ctx, a, campaign.status) });
}

/**
 * Accepts, declines (with a reason) or completes an assignment (assignments rules in
 * campaigns.rules nextAssignmentStatus): the KIM's pengurus or staff, while the campaign is active.
 */
export async function respondToAssignment(ctx: Ctx, id: string, event: AssignmentEvent, input?: DeclineInput) {
	const now = nowOf(ctx);
	const { after, campaign } = await ctx.db.transaction(async (tx) => {
		const { assignment: before, campaign } = await loadForResponse(ctx, tx, id);
		const next = nextAssignmentStatus(before.status, event);
		if (!next.ok) throw new AppError('CONFLICT', TRANSITION_ERROR[event]());
		if (event === 'decline' && !input?.reason) throw invalid([{ path: 'reason', message: m.campaign_err_decline_reason({ min: MIN_DECLINE_REASON }) }]);
		const after = await updateAssignmentRow(tx, before.id, {
			status: next.status,
			respondedBy: ctx.actor!.userId,
			respondedAt: now,
			declineReason: event === 'decline' ? input!.reason : event === 'accept' ? null : before.declineReason,
			doneAt: next.status === 'done' ? now : null
		});
		const pick = (a: Assignment) => ({ status: a.status, declineReason: a.declineReason, doneAt: a.doneAt });
		await audit(tx, ctx.actor, `assignment.${event}`, { type: 'assignment', id: before.id }, { before: pick(before), after: pick(after) });
		return { after, campaign };
	});
	return present(ctx, after, campaign);
}

/**
 * Hands an open assignment to members of its KIM (the KIM's pengurus or staff) and notifies each
 * once (`assignment:<id>:handed:<userId>`); handing again to the same member updates the note
 * without a second notification. Users who are not members of that KIM are a field error.
 */
export async function handAssignment(ctx: Ctx, id: string, input: HandInput) {
	const userIds = [...new Set(input.user_ids)];
	const { after, campaign } = await ctx.db.transaction(async (tx) => {
		const { assignment, campaign } = await loadForResponse(ctx, tx, id);
		if (!canHandStatus(assignment.status, campaign.status)) throw new AppError('CONFLICT', m.campaign_err_cannot_hand());
		const members = await membersAmong(tx, assignment.kimId, userIds);
		if (userIds.some((u) => !members.has(u))) throw invalid([{ path: 'user_ids', message: m.campaign_err_hand_not_member() }]);
		await upsertAssignmentMembers(tx, userIds.map((userId) => ({ assignmentId: assignment.id, userId, note: input.note ?? null, assignedBy: ctx.actor!.userId })));
		const kim = (await kimNames(tx, [assignment.kimId])).get(assignment.kimId) ?? '';
		for (const userId of userIds) {
			await notify(tx, [userId], {
				kind: 'assignment_handed',
				title: m.campaign_notice_handed_title({ title: campaign.title }, { locale: 'id' }),
				body: m.campaign_notice_handed_body({ kim, due: formatDate(assignment.dueOn), note: input.note ?? '' }, { locale: 'id' }).trim(),
				url: `/kampanye/${campaign.id}`,
				dedupeKey: `assignment:${assignment.id}:handed:${userId}`,
				email: true
			}, ctx.publicUrl);
		}
		await audit(tx, ctx.actor, 'assignment.hand', { type: 'assignment', id: assignment.id }, { after: { userIds, note: input.note ?? null } });
		return { after: assignment, campaign };
	});
	return present(ctx, after, campaign);
}

/**
 * The actor's inbox: assignments of launched campaigns for the KIMs they belong to (optionally
 * one of them), open tasks first, then by priority and due date; `handed_to_me` marks what a
 * pengurus handed to the actor.
 */
export async function listInbox(ctx: Ctx, filter: { kim_id?: string } = {}) {
	authorize(ctx, canOpenInbox(ctx.actor));
	const own = ctx.actor!.kims.map((k) => k.kimId);
	const kimIds = filter.kim_id ? own.filter((k) => k === filter.kim_id) : own;
	const rows = await listInboxRows(ctx.db, kimIds);
	const members = await listHandedMembers(ctx.db, rows.map((r) => r.assignment.id));
	const today = todayWib(nowOf(ctx));
	return rows
		.map((r) => {
			const mine = members.find((x) => x.assignmentId === r.assignment.id && x.userId === ctx.actor!.userId);
			return {
				...presentAssignment(r.assignment, { kimName: r.kimName, today, members, ...assignmentPermissions(ctx, r.assignment, r.campaignStatus) }),
				campaign: { id: r.assignment.campaignId, title: r.campaignTitle, status: r.campaignStatus, priority: r.priority, objective: r.objective },
				handed_to_me: mine ? { note: mine.note } : null
			};
		})
		.sort((a, b) =>
			compareInboxOpenFirst(
				{ priority: a.campaign.priority, dueOn: a.due_on, title: a.campaign.title, status: a.status },
				{ priority: b.campaign.priority, dueOn: b.due_on, title: b.campaign.title, status: b.status }
			)
		);
}
export type InboxItemView = Awaited<ReturnType<typeof listInbox>>[number];

/** Members the actor may hand tasks to, per KIM: only for KIMs whose tasks they answer (pengurus, staff). */
export async function listHandCandidates(ctx: Ctx, kimIds: string[]) {
	const allowed = [...new Set(kimIds)].filter((kimId) => canRespondToAssignment(ctx.actor, { kimId }));
	const lists = await Promise.all(allowed.map(async (kimId) => [kimId, await listKimMemberNames(ctx.db, kimId)] as const));
	return Object.fromEntries(lists);
}
