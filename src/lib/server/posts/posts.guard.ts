/** Shared steps of the post use cases: authorize, load-or-404 (scoped to what the actor may see), lock. */
import { AppError } from '../errors';
import { nowOf, type Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { canViewPost } from './posts.policy';
import { findPostById, findPostBySlug, lockPost, type Post } from './posts.queries';

/** Throws UNAUTHENTICATED for an anonymous visitor and FORBIDDEN for anyone else not `allowed`. */
export function authorize(ctx: Ctx, allowed: boolean) {
	if (allowed) return;
	if (!ctx.actor) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	throw new AppError('FORBIDDEN', m.err_forbidden());
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

export const postNotFound = () => new AppError('NOT_FOUND', m.post_not_found());

/**
 * The post by id or slug if the actor may see it; NOT_FOUND otherwise, so a draft's existence
 * is not revealed to those who may not read it.
 */
export async function loadPost(ctx: Ctx, db: Db, idOrSlug: string): Promise<Post> {
	const post = (isUuid(idOrSlug) ? await findPostById(db, idOrSlug) : undefined) ?? (await findPostBySlug(db, idOrSlug));
	if (!post || !canViewPost(ctx.actor, post, nowOf(ctx))) throw postNotFound();
	return post;
}

/**
 * The post a write is aimed at, locked for the rest of the transaction. Unknown → NOT_FOUND; an
 * anonymous visitor → UNAUTHENTICATED; a post the actor may not even see (another KIM's draft)
 * → FORBIDDEN, like any other refused write. The caller authorizes the write itself.
 */
export async function loadPostForUpdate(ctx: Ctx, tx: Db, idOrSlug: string): Promise<Post> {
	const found = (isUuid(idOrSlug) ? await findPostById(tx, idOrSlug) : undefined) ?? (await findPostBySlug(tx, idOrSlug));
	if (!found) throw postNotFound();
	authorize(ctx, ctx.actor !== null);
	const post = await lockPost(tx, found.id);
	if (!post) throw postNotFound();
	authorize(ctx, canViewPost(ctx.actor, post, nowOf(ctx)));
	return post;
}
