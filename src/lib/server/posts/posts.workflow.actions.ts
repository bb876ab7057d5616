import { AppError, invalid } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { m } from '../../paraglide/messages.js';
import { canFirePostEvent } from './posts.policy';
import { nextPostStatus, publication, publicPath, scheduleProblem, type PostEvent } from './posts.rules';
import { updatePostRow, type NewPost, type Post } from './posts.queries';
import { authorize, loadPostForUpdate } from './posts.guard';

const TRANSITION_ERROR: Record<PostEvent, () => string> = {
	submit: () => m.post_err_cannot_submit(),
	publish: () => m.post_err_cannot_publish(),
	return: () => m.post_err_cannot_return(),
	unpublish: () => m.post_err_cannot_unpublish()
};

/**
 * Fires one workflow event (posts.rules nextPostStatus) in its own transaction: authorize
 * (posts.policy canFirePostEvent — checked before the status, so a refused actor learns nothing),
 * check the transition, apply `patch`, audit `post.<event>`.
 */
async function transition(ctx: Ctx, id: string, event: PostEvent, patch: (post: Post, now: Date) => Partial<NewPost>): Promise<Post> {
	const now = nowOf(ctx);
	return ctx.db.transaction(async (tx) => {
		const before = await loadPostForUpdate(ctx, tx, id);
		authorize(ctx, canFirePostEvent(ctx.actor, before, event));
		const next = nextPostStatus(before.status, event);
		if (!next.ok) throw new AppError('CONFLICT', TRANSITION_ERROR[event]());
		const after = await updatePostRow(tx, before.id, { ...patch(before, now), status: next.status, updatedAt: now });
		const pick = (p: Post) => ({ status: p.status, publishAt: p.publishAt, publishedAt: p.publishedAt, reviewComment: p.reviewComment, reviewedBy: p.reviewedBy });
		await audit(tx, ctx.actor, `post.${event}`, { type: 'post', id: before.id }, { before: pick(before), after: pick(after) });
		return after;
	});
}

/** Sends a draft for review (its writers: the author while a member, or a reviewer); clears the last review comment. */
export function submitPost(ctx: Ctx, id: string): Promise<Post> {
	return transition(ctx, id, 'submit', (_post, now) => ({ submittedAt: now, reviewComment: null }));
}

/**
 * Publishes a post now, or at `publishAt` (scheduled: stored as published but not public before
 * then). Reviewers only: the KIM's pengurus or staff; staff for agency posts. Returns the post and
 * its absolute public URL `${publicUrl}/berita/<slug>`.
 */
export async function publishPost(ctx: Ctx, id: string, publishAt: Date | null = null): Promise<{ post: Post; url: string }> {
	const now = nowOf(ctx);
	if (publishAt) {
		const problem = scheduleProblem(publishAt, now);
		if (problem) throw invalid([{ path: 'publish_at', message: problem === 'past' ? m.post_err_publish_past() : m.post_err_publish_far() }]);
	}
	const post = await transition(ctx, id, 'publish', (_p, at) => ({
		...publication(at, publishAt),
		publishedBy: ctx.actor!.userId,
		reviewedBy: ctx.actor!.userId,
		reviewComment: null
	}));
	return { post, url: `${ctx.publicUrl}${publicPath(post.slug)}` };
}

/** Returns a post in review to draft with the reviewer's comment for its author (reviewers only). */
export function returnPost(ctx: Ctx, id: string, comment: string): Promise<Post> {
	return transition(ctx, id, 'return', () => ({ reviewComment: comment, reviewedBy: ctx.actor!.userId }));
}

/** Takes a published (or scheduled) post off the portal, back to draft (reviewers only). */
export function unpublishPost(ctx: Ctx, id: string): Promise<Post> {
	return transition(ctx, id, 'unpublish', () => ({ publishAt: null }));
}
