import { AppError, invalid } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { m } from '../../paraglide/messages.js';
import { assertKelurahan } from '../regions/regions.queries';
import { findKimById } from '../kims/kims.queries';
import { canFlagRumour, canListRumours, canResolveRumour } from './posts.policy';
import { clarificationTitle, nextRumourStatus, type RumourStatus } from './posts.rules';
import type { ConvertRumour, FlagRumour } from './posts.schema';
import type { Post } from './posts.queries';
import { insertRumour, listRumourRows, lockRumour, updateRumourRow, type Rumour } from './rumours.queries';
import { authorize } from './posts.guard';
import { insertDraft } from './posts.write.actions';

const rumourNotFound = () => new AppError('NOT_FOUND', m.post_rumour_not_found());

/**
 * A KIM member reports a rumour heard in the neighbourhood, on behalf of their KIM (`kim_id`, or
 * their only KIM). The kelurahan defaults to the KIM's.
 */
export async function flagRumour(ctx: Ctx, input: FlagRumour): Promise<Rumour> {
	const own = ctx.actor?.kims ?? [];
	const kimId = input.kim_id ?? (own.length === 1 ? own[0].kimId : null);
	if (!kimId) {
		authorize(ctx, own.length > 0);
		throw invalid([{ path: 'kim_id', message: m.post_err_rumour_kim() }]);
	}
	authorize(ctx, canFlagRumour(ctx.actor, kimId));
	return ctx.db.transaction(async (tx) => {
		const kim = await findKimById(tx, kimId);
		if (!kim) throw invalid([{ path: 'kim_id', message: m.post_err_rumour_kim() }]);
		if (input.kelurahan_code) await assertKelurahan(tx, input.kelurahan_code, 'kelurahan_code');
		const rumour = await insertRumour(tx, {
			text: input.text,
			whereHeard: input.where_heard ?? null,
			kelurahanCode: input.kelurahan_code ?? kim.kelurahanCode,
			kimId,
			reportedBy: ctx.actor!.userId,
			createdAt: nowOf(ctx)
		});
		await audit(tx, ctx.actor, 'rumour.flag', { type: 'rumour', id: rumour.id }, { after: rumour });
		return rumour;
	});
}

/** Rumours: staff see all, a KIM's members their KIMs'; anyone else is refused. */
export async function listRumours(ctx: Ctx, filter: { status?: RumourStatus; kim_id?: string } = {}) {
	authorize(ctx, canListRumours(ctx.actor));
	return listRumourRows(ctx.db, ctx.actor, filter);
}

/** Locks an open rumour for a staff decision; NOT_FOUND or CONFLICT (already handled). */
async function loadOpenRumour(ctx: Ctx, tx: Ctx['db'], id: string, event: 'convert' | 'dismiss') {
	authorize(ctx, canResolveRumour(ctx.actor));
	const rumour = /^[0-9a-f-]{36}$/i.test(id) ? await lockRumour(tx, id) : undefined;
	if (!rumour) throw rumourNotFound();
	const status = nextRumourStatus(rumour.status, event);
	if (!status) throw new AppError('CONFLICT', m.post_err_rumour_resolved());
	return { rumour, status };
}

/**
 * A petugas turns an open rumour into a draft agency clarification (the claim prefilled, the
 * rumour's kelurahan) and links the two. Returns both.
 */
export async function convertRumourToClarification(ctx: Ctx, id: string, input: ConvertRumour = {}): Promise<{ rumour: Rumour; post: Post }> {
	const now = nowOf(ctx);
	return ctx.db.transaction(async (tx) => {
		const { rumour: before, status } = await loadOpenRumour(ctx, tx, id, 'convert');
		const post = await insertDraft(tx, ctx.actor, {
			kind: 'clarification',
			title: input.title ?? clarificationTitle(before.text),
			summary: m.post_rumour_draft_summary(),
			body: m.post_rumour_draft_body({ claim: before.text.replace(/\r?\n/g, '\n> ') }),
			details: { claim: before.text },
			tags: [],
			kimId: null,
			kelurahanCode: before.kelurahanCode,
			createdAt: now,
			updatedAt: now
		});
		const after = await updateRumourRow(tx, before.id, { status, postId: post.id, resolvedBy: ctx.actor!.userId, resolvedAt: now });
		await audit(tx, ctx.actor, 'rumour.convert', { type: 'rumour', id: before.id }, { before, after });
		return { rumour: after, post };
	});
}

/** A petugas closes an open rumour without a clarification, with an optional reason. */
export async function dismissRumour(ctx: Ctx, id: string, reason: string | null = null): Promise<Rumour> {
	const now = nowOf(ctx);
	return ctx.db.transaction(async (tx) => {
		const { rumour: before, status } = await loadOpenRumour(ctx, tx, id, 'dismiss');
		const after = await updateRumourRow(tx, before.id, { status, dismissReason: reason, resolvedBy: ctx.actor!.userId, resolvedAt: now });
		await audit(tx, ctx.actor, 'rumour.dismiss', { type: 'rumour', id: before.id }, { before, after });
		return after;
	});
}
