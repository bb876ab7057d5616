import { error, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Ctx } from '$lib/server/context';
import { isStaff } from '$lib/server/auth/actor';
import { findKimById } from '$lib/server/kims/kims.queries';
import { kimAreaOptions } from '$lib/server/kims/kims.read.actions';
import { CreatePostSchema, UpdatePostSchema } from '$lib/server/posts/posts.schema';
import { KIND_FIELDS, ALL_KIND_FIELDS, POST_KINDS, type PostKind } from '$lib/server/posts/posts.rules';
import { requireActor } from '$lib/server/http/form';
import { m } from '$lib/paraglide/messages.js';

/** The newsroom is for KIM members and staff: anonymous → login, anyone else → 403. */
export function requireNewsroomActor(event: RequestEvent) {
	const actor = requireActor(event);
	if (!isStaff(actor) && actor.kims.length === 0) error(403, m.newsroom_forbidden());
	return actor;
}

/** The KIMs the actor belongs to, with names (verified ones may post). */
export async function actorKims(ctx: Ctx) {
	const own = ctx.actor?.kims ?? [];
	const kims = await Promise.all(own.map((k) => findKimById(ctx.db, k.kimId)));
	return kims.filter((k) => !!k).map((k) => ({ id: k.id, name: k.name, status: k.status }));
}

/** Kinds the actor may create: programs for staff only; clarifications too (the brief: staff). */
export function creatableKinds(ctx: Ctx): PostKind[] {
	return isStaff(ctx.actor) ? [...POST_KINDS] : ['news', 'announcement', 'potential'];
}

/** Kelurahan options grouped by kecamatan, for a select. */
export const areaOptions = (ctx: Ctx) => kimAreaOptions(ctx);

const splitList = (v: unknown, sep: RegExp) =>
	typeof v === 'string' ? v.split(sep).map((s) => s.trim()).filter(Boolean) : v;

/**
 * Form values → API input: tags "a, b" → array, sources one per line → array, and the kind fields
 * of other kinds dropped (the form shows only the chosen kind's, but hidden inputs still post).
 */
function fromForm(kind: PostKind | undefined, v: unknown) {
	if (!v || typeof v !== 'object') return v;
	const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
	delete out.form;
	if ('tags' in out) out.tags = splitList(out.tags, /,/);
	if ('sources' in out) out.sources = splitList(out.sources, /\r?\n/);
	const own: readonly string[] = kind ? KIND_FIELDS[kind] : [];
	for (const f of ALL_KIND_FIELDS) if (!own.includes(f)) delete out[f];
	return out;
}

export const CreatePostFormSchema = z.preprocess((v) => {
	const kind = (v as Record<string, unknown> | null)?.kind;
	return fromForm((POST_KINDS as readonly unknown[]).includes(kind) ? (kind as PostKind) : undefined, v);
}, CreatePostSchema);

export const updatePostFormSchema = (kind: PostKind) => z.preprocess((v) => fromForm(kind, v), UpdatePostSchema);

/** "sources.1" → "sources": errors point at the form field (one textarea for the whole list). */
export function toFieldPaths<T>(result: T): T {
	const data = (result as { data?: { errors?: { path: string; message: string }[] } })?.data;
	if (data?.errors) {
		const seen = new Set<string>();
		data.errors = data.errors
			.map((e) => ({ ...e, path: e.path.split('.')[0] }))
			.filter((e) => !seen.has(e.path + e.message) && seen.add(e.path + e.message));
	}
	return result;
}
