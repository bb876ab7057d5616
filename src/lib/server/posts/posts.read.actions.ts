import { nowOf, type Ctx } from '../context';
import { canEditPost, canFirePostEvent, canViewRevisions, canViewUnpublished, type PostRef } from './posts.policy';
import { nextPostStatus, type PostEvent } from './posts.rules';
import { listAttachmentRows, listPostRows, listRevisionRows, postNames, type Post, type PostFilter } from './posts.queries';
import { presentPost, presentPostSummary, type PostPermissions } from './posts.present';
import { authorize, loadPost } from './posts.guard';

/** What the actor may do with a post now (for showing buttons and forms). */
export function postPermissions(ctx: Ctx, post: PostRef): PostPermissions {
	const a = ctx.actor;
	const may = (e: PostEvent) => canFirePostEvent(a, post, e) && nextPostStatus(post.status, e).ok;
	return {
		edit: canEditPost(a, post),
		submit: may('submit'),
		publish: may('publish'),
		return: may('return'),
		unpublish: may('unpublish'),
		view_revisions: canViewRevisions(a, post)
	};
}

/**
 * One post by id or slug, presented: anyone for a publicly visible post (an expired
 * announcement included), staff and the KIM's members for unpublished ones; NOT_FOUND otherwise.
 */
export async function getPost(ctx: Ctx, idOrSlug: string) {
	const post = await loadPost(ctx, ctx.db, idOrSlug);
	return presentPostView(ctx, post);
}

/** The full presentation of a post the actor may see. */
export async function presentPostView(ctx: Ctx, post: Post) {
	const [names, attachments] = await Promise.all([postNames(ctx.db, post), listAttachmentRows(ctx.db, post.id)]);
	return presentPost(post, {
		publicUrl: ctx.publicUrl,
		now: nowOf(ctx),
		...names,
		attachments,
		can: postPermissions(ctx, post),
		showReview: canViewUnpublished(ctx.actor, post)
	});
}

/**
 * Posts for a list, presented. The public sees what is listed (published, due, not an expired
 * announcement); a KIM's members also their KIM's unpublished posts; staff everything.
 */
export async function listPosts(ctx: Ctx, filter: PostFilter = {}) {
	const now = nowOf(ctx);
	const rows = await listPostRows(ctx.db, ctx.actor, filter, now);
	return rows.map((row) => presentPostSummary(row, { publicUrl: ctx.publicUrl, now, kimName: row.kimName }));
}

/** Every saved version of a post, newest first: for staff and, for a KIM's post, its members. */
export async function listRevisions(ctx: Ctx, idOrSlug: string) {
	const post = await loadPost(ctx, ctx.db, idOrSlug);
	authorize(ctx, canViewRevisions(ctx.actor, post));
	return listRevisionRows(ctx.db, post.id);
}
