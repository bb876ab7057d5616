/**
 * Who may do what with posts and rumours. Pure predicates over the actor and the post; actions
 * call them and list queries are additionally scoped (posts.queries `readableBy`).
 *
 * - Agency posts (kim_id null) are written and reviewed by staff (petugas, admin).
 * - `program` posts are agency posts only.
 * - A KIM's posts are written by its members (any position) and reviewed — published, returned,
 *   unpublished, edited once submitted — by its pengurus (ketua, sekretaris, bendahara) or staff.
 *   An anggota never publishes, not even their own post; a pengurus of another KIM has no rights.
 */
import { isBoardOf, isMemberOf, isStaff, type Actor } from '../auth/actor';
import { EDIT_RIGHT, EVENT_RIGHT, isPubliclyVisible, type PostEvent, type PostKind, type PostStatus } from './posts.rules';

export type PostRef = { kimId: string | null; authorId: string | null; status: PostStatus; kind: PostKind; publishAt: Date | null };
export type PostTarget = { kimId: string | null; kind: PostKind };

/** May write new posts for this KIM (kimId) or for the agency (null). */
export function canCreatePost(a: Actor, target: PostTarget): boolean {
	if (target.kimId === null) return isStaff(a);
	if (target.kind === 'program') return false;
	return isMemberOf(a, target.kimId);
}

/** Review rights over a post: the KIM's pengurus or staff; staff alone for agency posts. */
export const canReviewPost = (a: Actor, post: Pick<PostRef, 'kimId'>) =>
	isStaff(a) || (post.kimId !== null && isBoardOf(a, post.kimId));

/**
 * Write rights: reviewers, and the post's author while they may still create such a post (an
 * anggota who left the KIM loses them). Others' drafts are edited by reviewers only.
 */
export const canWritePost = (a: Actor, post: Pick<PostRef, 'kimId' | 'authorId' | 'kind'>) =>
	canReviewPost(a, post) || (a !== null && post.authorId === a.userId && canCreatePost(a, post));

/** Editing depends on the status (posts.rules EDIT_RIGHT): drafts by writers, later only by reviewers. */
export const canEditPost = (a: Actor, post: PostRef) =>
	EDIT_RIGHT[post.status] === 'reviewer' ? canReviewPost(a, post) : canWritePost(a, post);

/** Firing a workflow event (whether the status allows it is posts.rules nextPostStatus). */
export const canFirePostEvent = (a: Actor, post: PostRef, event: PostEvent) =>
	EVENT_RIGHT[event] === 'reviewer' ? canReviewPost(a, post) : canWritePost(a, post);

/**
 * Non-public posts (drafts, in review, scheduled): staff, and the KIM's members for a KIM's post.
 * Agency drafts are staff only.
 */
export const canViewUnpublished = (a: Actor, post: Pick<PostRef, 'kimId'>) =>
	isStaff(a) || (post.kimId !== null && isMemberOf(a, post.kimId));

/** Anyone sees a publicly visible post; otherwise canViewUnpublished. */
export const canViewPost = (a: Actor, post: PostRef, now: Date) => isPubliclyVisible(post, now) || canViewUnpublished(a, post);

/** The revision history and review comments: those who may see the unpublished post. */
export const canViewRevisions = canViewUnpublished;

/** Staff see every post in lists, whatever its status. */
export const canListAllPosts = (a: Actor) => isStaff(a);

/** A KIM's members flag rumours heard in their neighbourhood, on their KIM's behalf. */
export const canFlagRumour = (a: Actor, kimId: string) => isMemberOf(a, kimId);

/** Turning a rumour into a clarification, or dismissing it, is the agency's call. */
export const canResolveRumour = (a: Actor) => isStaff(a);

/** The rumour list: staff see all; members see their KIMs' rumours. */
export const canListRumours = (a: Actor) => isStaff(a) || (a?.kims.length ?? 0) > 0;

/** One rumour: staff, or members of the KIM that flagged it. */
export const canViewRumour = (a: Actor, rumour: { kimId: string }) => isStaff(a) || isMemberOf(a, rumour.kimId);
