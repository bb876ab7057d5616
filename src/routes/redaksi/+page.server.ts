import type { PageServerLoad } from './$types';
import { nowOf } from '$lib/server/context';
import { isStaff } from '$lib/server/auth/actor';
import { canReviewPost } from '$lib/server/posts/posts.policy';
import { listPostRows } from '$lib/server/posts/posts.queries';
import { requireNewsroomActor } from './newsroom.server';

/** The newsroom home: the actor's own posts and, for reviewers, the posts waiting for them. */
export const load: PageServerLoad = async (event) => {
	const actor = requireNewsroomActor(event);
	const { ctx } = event.locals;
	const now = nowOf(ctx);
	const [all, inReview] = await Promise.all([
		listPostRows(ctx.db, actor, { limit: 100 }, now),
		listPostRows(ctx.db, actor, { status: 'in_review', limit: 100 }, now)
	]);
	const row = (p: (typeof all)[number]) => ({
		id: p.id,
		title: p.title,
		kind: p.kind,
		status: p.status,
		scheduled: p.status === 'published' && !!p.publishAt && p.publishAt > now,
		kim_name: p.kimName,
		review_comment: p.reviewComment,
		updated_at: p.updatedAt.toISOString()
	});
	return {
		mine: all.filter((p) => p.authorId === actor.userId).map(row),
		reviewer: isStaff(actor) || actor.kims.some((k) => canReviewPost(actor, { kimId: k.kimId })),
		toReview: inReview.filter((p) => canReviewPost(actor, p)).map(row),
		isStaff: isStaff(actor)
	};
};
