/** The conversation on an aduan: messages, internal notes, the reporter's rating, reading the thread. */
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { aduan } from '../db/schema';
import { m } from '../../paraglide/messages.js';
import { notify } from '../notifications/notify';
import { actorKindsFor, canHandle, canWriteInternal, isAgency, isReporterOf } from './aduan.handling.policy';
import { insertEvent, listEvents, listPetugasIds, listUnitStaffIds, type Aduan } from './aduan.handling.queries';
import { ID, authorize, loadAduan, notifyReporter, staffUrl } from './aduan.handling.guard';
import { AUTHOR_ROLE } from './aduan.handling.transition';
import { presentEvent } from './aduan.handling.present';
import type { MessageInput, RatingInput } from './aduan.handling.schema';

/** The people who handle the aduan now: its unit's staff once forwarded, else the agency's petugas. */
async function handlersOf(ctx: Ctx, tx: Ctx['db'], a: Aduan) {
	const ids = a.verifiedAt ? await listUnitStaffIds(tx, a.unitCode) : await listPetugasIds(tx);
	return ids.filter((id) => id !== ctx.actor?.userId);
}

/**
 * Posts a message (reporter ↔ staff) or, with `internal`, a staff-only note. The reporter hears
 * of staff messages; the handling staff hear of the reporter's. Internal notes notify no one.
 */
export async function postMessage(ctx: Ctx, id: string, input: MessageInput) {
	const now = nowOf(ctx);
	return ctx.db.transaction(async (tx) => {
		const a = await loadAduan(ctx, tx, id);
		if (input.internal) authorize(ctx, canWriteInternal(ctx.actor, a));
		const kinds = actorKindsFor(ctx.actor, a);
		// Staff write as staff; someone who is only the reporter writes as the reporter.
		const as = kinds.find((k) => k !== 'reporter') ?? kinds[0];
		const event = await insertEvent(tx, {
			aduanId: a.id, kind: input.internal ? 'note' : 'message', body: input.body, isInternal: input.internal,
			authorId: ctx.actor!.userId, authorRole: AUTHOR_ROLE[as], createdAt: now
		});
		await audit(tx, ctx.actor, input.internal ? 'aduan.note' : 'aduan.message', { type: 'aduan', id: a.id }, { after: { eventId: event.id, internal: input.internal } });
		if (!input.internal) {
			if (as === 'reporter') {
				const notice = { kind: 'aduan_message', title: m.aduan_thread_notice_reply_title({ tracking: a.trackingId }, ID), body: input.body.slice(0, 300), url: staffUrl(a), dedupeKey: `aduan:${a.id}:event:${event.id}`, email: true };
				await notify(tx, await handlersOf(ctx, tx, a), notice, ctx.publicUrl);
			} else {
				await notifyReporter(ctx, tx, a, event.id, m.aduan_thread_notice_message_title({ tracking: a.trackingId }, ID), input.body.slice(0, 300));
			}
		}
		return presentEvent(event, ctx.actor!.name, true);
	});
}

/**
 * The reporter rates the handling (1-5, once) when it is resolved or closed; rating a resolved
 * aduan also closes it ("selesai").
 */
export async function rateAduan(ctx: Ctx, id: string, input: RatingInput) {
	const now = nowOf(ctx);
	return ctx.db.transaction(async (tx) => {
		const a = await loadAduan(ctx, tx, id, true);
		authorize(ctx, isReporterOf(ctx.actor, a));
		if (a.status !== 'resolved' && a.status !== 'closed') throw new AppError('CONFLICT', m.aduan_thread_err_rate_status());
		if (a.rating !== null) throw new AppError('CONFLICT', m.aduan_thread_err_rated());
		const closes = a.status === 'resolved';
		const set: Partial<typeof aduan.$inferInsert> = { rating: input.rating, ratingComment: input.comment, ratedAt: now, updatedAt: now };
		if (closes) Object.assign(set, { status: 'closed', closedAt: now });
		const [after] = await tx.update(aduan).set(set).where(and(eq(aduan.id, a.id), isNull(aduan.rating))).returning();
		if (!after) throw new AppError('CONFLICT', m.aduan_thread_err_rated());
		const author = { authorId: ctx.actor!.userId, authorRole: 'reporter', createdAt: now };
		if (closes) await insertEvent(tx, { aduanId: a.id, kind: 'status', fromStatus: 'resolved', toStatus: 'closed', ...author });
		const event = await insertEvent(tx, { aduanId: a.id, kind: 'rating', body: `${input.rating}/5${input.comment ? ` — ${input.comment}` : ''}`, ...author });
		await audit(tx, ctx.actor, 'aduan.rate', { type: 'aduan', id: a.id }, { before: { status: a.status }, after: { status: after.status, rating: input.rating } });
		const notice = { kind: 'aduan_rated', title: m.aduan_thread_notice_rated_title({ tracking: a.trackingId, rating: input.rating }, ID), body: input.comment ?? '', url: staffUrl(a), dedupeKey: `aduan:${a.id}:event:${event.id}` };
		await notify(tx, await handlersOf(ctx, tx, a), notice, ctx.publicUrl);
		return after;
	});
}

/** The thread as the caller may see it: staff see internal notes, the reporter does not. */
export async function getThread(ctx: Ctx, id: string) {
	const a = await loadAduan(ctx, ctx.db, id);
	const staff = canHandle(ctx.actor, a) || isAgency(ctx.actor);
	const rows = await listEvents(ctx.db, a.id, staff);
	return { aduan: a, events: rows.map((r) => presentEvent(r.event, r.authorName, staff)) };
}
