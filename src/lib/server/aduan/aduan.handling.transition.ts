/**
 * Moving an aduan through its status machine, and reassigning it between units. Each use case is
 * one transaction: lock the row, check the machine and the actor, write the aduan and an
 * aduan_events row, audit, and notify the reporter (and the unit it is forwarded to).
 */
import { eq } from 'drizzle-orm';
import { AppError, invalid } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import type { Db } from '../db/client';
import { aduan } from '../db/schema';
import { m } from '../../paraglide/messages.js';
import { formatDateTime } from '../../shared/format';
import {
	AUTO_CLOSE_AFTER_DAYS, PLAN_WITHIN_DAYS, canReopen, deadlineAfter, isLegalTransition, mayTransition, type AduanActorKind, type AduanStatus
} from './aduan.rules';
import { actorKindsFor, canReassign } from './aduan.handling.policy';
import { findUnit, insertEvent, loadHolidaySet, type Aduan } from './aduan.handling.queries';
import { ID, authorize, loadAduan, notifyReporter, notifyUnitForwarded } from './aduan.handling.guard';
import { aduanStatusLabel } from '../../aduan-labels';
import type { ReassignInput, TransitionInput } from './aduan.handling.schema';

/** How the author appears in the thread. */
export const AUTHOR_ROLE: Record<AduanActorKind, string> = { agency: 'staff', unit: 'unit', reporter: 'reporter', system: 'system' };

const illegal = (from: AduanStatus, to: AduanStatus) =>
	new AppError('CONFLICT', m.aduan_desk_err_illegal({ from: aduanStatusLabel(from), to: aduanStatusLabel(to) }));

/** An active unit, or a 400 on `path`. */
async function activeUnit(tx: Db, code: string, path = 'unit_code') {
	const unit = await findUnit(tx, code);
	if (!unit?.isActive) throw invalid([{ path, message: m.aduan_desk_err_unit() }]);
	return unit;
}

/** What a move writes besides the status; throws 400 for a missing note and 409 for a refused reopen. */
async function changesFor(tx: Db, a: Aduan, to: AduanStatus, input: TransitionInput, now: Date) {
	const note = input.note ?? null;
	const set: Partial<typeof aduan.$inferInsert> = { status: to, updatedAt: now };
	let kind: 'status' | 'plan' = 'status';
	let toUnit: string | null = null;
	const needNote = (message: string) => {
		if (!note) throw invalid([{ path: 'note', message }]);
	};
	if (to === 'verified') {
		toUnit = input.unit_code && input.unit_code !== a.unitCode ? (await activeUnit(tx, input.unit_code)).code : a.unitCode;
		set.verifiedAt = now;
		set.planBy = deadlineAfter(now, PLAN_WITHIN_DAYS, await loadHolidaySet(tx));
		set.escalatedFor = null;
		set.unitCode = toUnit;
	} else if (to === 'rejected') {
		needNote(m.aduan_desk_err_reason());
		Object.assign(set, { rejectedAt: now, rejectReason: note });
	} else if (to === 'in_progress' && a.status === 'verified') {
		needNote(m.aduan_desk_err_plan());
		Object.assign(set, { planPostedAt: now, escalatedFor: null });
		kind = 'plan';
	} else if (to === 'in_progress' && a.status === 'resolved') {
		if (!canReopen(a, now)) throw new AppError('CONFLICT', m.aduan_thread_err_reopen());
		Object.assign(set, { reopenCount: a.reopenCount + 1, autoCloseAt: null, resolvedAt: null });
	} else if (to === 'resolved') {
		needNote(m.aduan_desk_err_response());
		Object.assign(set, { resolvedAt: now, autoCloseAt: deadlineAfter(now, AUTO_CLOSE_AFTER_DAYS, await loadHolidaySet(tx)) });
	} else if (to === 'closed') {
		set.closedAt = now;
	}
	return { set, kind, toUnit, note };
}

/** The reporter's notice text for a move. */
function reporterNotice(from: AduanStatus, a: Aduan, to: AduanStatus, note: string | null, unitName: string) {
	const title = m.aduan_desk_notice_title({ tracking: a.trackingId, status: aduanStatusLabel(to, ID) }, ID);
	const body = {
		verified: () => m.aduan_desk_notice_verified({ unit: unitName }, ID),
		in_progress: () => (from === 'resolved' ? m.aduan_desk_notice_reopened({}, ID) : m.aduan_desk_notice_plan({ unit: unitName, plan: note ?? '' }, ID)),
		resolved: () => m.aduan_desk_notice_resolved({ response: note ?? '', date: a.autoCloseAt ? formatDateTime(a.autoCloseAt, 'id') : '' }, ID),
		closed: () => m.aduan_desk_notice_closed({}, ID),
		rejected: () => m.aduan_desk_notice_rejected({ reason: note ?? '' }, ID),
		received: () => ''
	}[to]();
	return { title, body };
}

/**
 * Moves an aduan to `input.to`. 404 unknown; 403 for anyone neither handling it nor its reporter;
 * 409 for a move the machine does not have (or a refused reopen); 403 for a move the machine has
 * but not for this actor; 400 for a missing reason/plan/response or an unknown unit.
 */
export async function transitionAduan(ctx: Ctx, id: string, input: TransitionInput) {
	const now = nowOf(ctx);
	return ctx.db.transaction(async (tx) => {
		const a = await loadAduan(ctx, tx, id, true);
		const to = input.to;
		if (!isLegalTransition(a.status, to)) throw illegal(a.status, to);
		const who = actorKindsFor(ctx.actor, a).find((k) => mayTransition(a.status, to, k));
		authorize(ctx, who !== undefined);
		const { set, kind, toUnit, note } = await changesFor(tx, a, to, input, now);
		const [after] = await tx.update(aduan).set(set).where(eq(aduan.id, a.id)).returning();
		const event = await insertEvent(tx, {
			aduanId: a.id, kind, fromStatus: a.status, toStatus: to, fromUnit: toUnit && toUnit !== a.unitCode ? a.unitCode : null, toUnit,
			body: note, authorId: ctx.actor!.userId, authorRole: AUTHOR_ROLE[who!], createdAt: now
		});
		await audit(tx, ctx.actor, `aduan.${to === 'in_progress' && a.status === 'resolved' ? 'reopen' : to}`, { type: 'aduan', id: a.id }, { before: { status: a.status, unitCode: a.unitCode }, after: { status: to, unitCode: after.unitCode, note } });
		const unit = await findUnit(tx, after.unitCode);
		const { title, body } = reporterNotice(a.status, after, to, note, unit?.name ?? after.unitCode);
		await notifyReporter(ctx, tx, after, event.id, title, body);
		// Forwarded to a unit (or reopened): its staff hear of it.
		if (to === 'verified' || (to === 'in_progress' && a.status === 'resolved')) await notifyUnitForwarded(ctx, tx, after, after.unitCode, event.id);
		return after;
	});
}

/**
 * Hands an open aduan to another unit (the agency only): the plan deadline restarts, the new
 * unit's staff are notified, the reporter sees the move in the thread.
 */
export async function reassignAduan(ctx: Ctx, id: string, input: ReassignInput) {
	const now = nowOf(ctx);
	return ctx.db.transaction(async (tx) => {
		const a = await loadAduan(ctx, tx, id, true);
		authorize(ctx, canReassign(ctx.actor));
		if (!['received', 'verified', 'in_progress'].includes(a.status)) throw new AppError('CONFLICT', m.aduan_desk_err_reassign_status({ status: aduanStatusLabel(a.status) }));
		const unit = await activeUnit(tx, input.unit_code);
		if (unit.code === a.unitCode) throw invalid([{ path: 'unit_code', message: m.aduan_desk_err_same_unit() }]);
		const forwarded = a.status !== 'received';
		const set: Partial<typeof aduan.$inferInsert> = { unitCode: unit.code, updatedAt: now, escalatedFor: null };
		if (forwarded) Object.assign(set, { planBy: deadlineAfter(now, PLAN_WITHIN_DAYS, await loadHolidaySet(tx)), planPostedAt: null });
		const [after] = await tx.update(aduan).set(set).where(eq(aduan.id, a.id)).returning();
		const event = await insertEvent(tx, { aduanId: a.id, kind: 'reassign', fromUnit: a.unitCode, toUnit: unit.code, body: input.note, authorId: ctx.actor!.userId, authorRole: 'staff', createdAt: now });
		await audit(tx, ctx.actor, 'aduan.reassign', { type: 'aduan', id: a.id }, { before: { unitCode: a.unitCode, planBy: a.planBy }, after: { unitCode: unit.code, planBy: after.planBy, note: input.note } });
		await notifyReporter(ctx, tx, after, event.id, m.aduan_desk_notice_reassigned_title({ tracking: a.trackingId }, ID), m.aduan_desk_notice_reassigned_body({ unit: unit.name }, ID));
		if (forwarded) await notifyUnitForwarded(ctx, tx, after, unit.code, event.id);
		return after;
	});
}
