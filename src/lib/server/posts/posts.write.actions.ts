import { invalid } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { m } from '../../paraglide/messages.js';
import { assertKelurahan } from '../regions/regions.queries';
import { findKimById } from '../kims/kims.queries';
import { canCreatePost, canEditPost } from './posts.policy';
import { postSlug } from './posts.rules';
import { detailsFor, foreignFieldErrors, type CreatePost, type UpdatePost } from './posts.schema';
import { insertPostWithSlug, insertRevision, updatePostRow, type NewPost, type Post } from './posts.queries';
import { authorize, loadPostForUpdate } from './posts.guard';

/**
 * Inserts a new draft with its first revision and audits it, in `tx`. Shared by createPost and
 * the rumour conversion; the caller has authorized.
 */
export async function insertDraft(tx: Db, actor: Actor, values: Omit<NewPost, 'status' | 'revision' | 'authorId'>, auditAction = 'post.create'): Promise<Post> {
	const post = await insertPostWithSlug(tx, postSlug(values.title), { ...values, status: 'draft', revision: 1, authorId: actor?.userId ?? null });
	await insertRevision(tx, post, actor?.userId ?? null);
	await audit(tx, actor, auditAction, { type: 'post', id: post.id }, { after: post });
	return post;
}

/**
 * Writes a draft post. Agency posts (no kim_id) and programs are for staff; a KIM's posts for its
 * members, and only while the KIM is verified. A KIM post without a kelurahan takes the KIM's.
 */
export async function createPost(ctx: Ctx, input: CreatePost): Promise<Post> {
	const kimId = input.kim_id ?? null;
	authorize(ctx, canCreatePost(ctx.actor, { kimId, kind: input.kind }));
	const now = nowOf(ctx);
	return ctx.db.transaction(async (tx) => {
		let kelurahanCode = input.kelurahan_code ?? null;
		if (kimId) {
			const kim = await findKimById(tx, kimId);
			if (!kim) throw invalid([{ path: 'kim_id', message: m.post_err_kim() }]);
			if (kim.status !== 'verified') throw invalid([{ path: 'kim_id', message: m.post_err_kim_unverified() }]);
			kelurahanCode ??= kim.kelurahanCode;
		}
		if (input.kelurahan_code) await assertKelurahan(tx, input.kelurahan_code, 'kelurahan_code');
		return insertDraft(tx, ctx.actor, {
			kind: input.kind,
			title: input.title,
			summary: input.summary,
			body: input.body,
			details: detailsFor(input.kind, input),
			tags: input.tags ?? [],
			kimId,
			kelurahanCode,
			createdAt: now,
			updatedAt: now
		});
	});
}

const CONTENT = ['title', 'summary', 'body', 'details', 'tags'] as const;

/**
 * Edits a post; absent fields stay. Drafts are edited by their writers, posts in review or
 * published only by reviewers (posts.policy canEditPost). A change of content keeps a new
 * revision; the slug never changes (links stay valid). Kind fields of another kind are refused.
 */
export async function updatePost(ctx: Ctx, id: string, input: UpdatePost): Promise<Post> {
	const now = nowOf(ctx);
	return ctx.db.transaction(async (tx) => {
		const before = await loadPostForUpdate(ctx, tx, id);
		authorize(ctx, canEditPost(ctx.actor, before));
		const foreign = foreignFieldErrors(before.kind, input);
		if (foreign.length) throw invalid(foreign);
		if (input.kelurahan_code) await assertKelurahan(tx, input.kelurahan_code, 'kelurahan_code');
		const patch: Partial<NewPost> = {
			...(input.title !== undefined ? { title: input.title } : {}),
			...(input.summary !== undefined ? { summary: input.summary } : {}),
			...(input.body !== undefined ? { body: input.body } : {}),
			...(input.tags !== undefined ? { tags: input.tags ?? [] } : {}),
			...(input.kelurahan_code !== undefined ? { kelurahanCode: input.kelurahan_code } : {}),
			details: detailsFor(before.kind, input, before.details)
		};
		const merged = { ...before, ...patch };
		const changed = CONTENT.some((k) => JSON.stringify(merged[k]) !== JSON.stringify(before[k]));
		if (!changed && merged.kelurahanCode === before.kelurahanCode) return before;
		if (changed) patch.revision = before.revision + 1;
		const after = await updatePostRow(tx, before.id, { ...patch, updatedAt: now });
		if (changed) await insertRevision(tx, after, ctx.actor!.userId);
		await audit(tx, ctx.actor, 'post.update', { type: 'post', id: before.id }, { before, after });
		return after;
	});
}
