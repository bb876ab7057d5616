import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { runForm, runLoad } from '$lib/server/http/form';
import { getFileStorage } from '$lib/server/files/storage';
import { declaredSizeProblem, type UploadKind } from '$lib/server/files/files.rules';
import { getPost, listRevisions } from '$lib/server/posts/posts.read.actions';
import { updatePost } from '$lib/server/posts/posts.write.actions';
import { publishPost, returnPost, submitPost, unpublishPost } from '$lib/server/posts/posts.workflow.actions';
import { addAttachment, POST_UPLOAD_KINDS, uploadCover } from '$lib/server/posts/posts.files.actions';
import { PostUploadSchema, PublishPostSchema, ReturnPostSchema } from '$lib/server/posts/posts.schema';
import { presentRevision } from '$lib/server/posts/posts.present';
import { toFieldPaths, areaOptions, requireNewsroomActor, updatePostFormSchema } from '../newsroom.server';

/** One post in the newsroom: edit it, review it, upload its files, read its history. */
export const load: PageServerLoad = async (event) => {
	requireNewsroomActor(event);
	const { ctx } = event.locals;
	const post = await runLoad(event, () => getPost(ctx, event.params.id));
	const revisions = post.can.view_revisions ? (await runLoad(event, () => listRevisions(ctx, post.id))).map(presentRevision) : [];
	const rev = Number(event.url.searchParams.get('revisi'));
	return {
		post,
		revisions,
		viewing: revisions.find((r) => r.revision === rev) ?? null,
		areas: post.can.edit ? await areaOptions(ctx) : [],
		done: event.url.searchParams.get('ok')
	};
};

const done = (event: RequestEvent, what: string) => redirect(303, `/redaksi/${event.params.id}?ok=${what}`);

async function handle<S extends z.ZodType>(event: RequestEvent, form: string, schema: S, action: (input: z.infer<S>) => Promise<unknown>) {
	requireNewsroomActor(event);
	const result = await runForm(event, schema, async (input) => ({ ok: true as const, value: await action(input) }), { extra: { form } });
	if (!('ok' in result)) return toFieldPaths(result);
	done(event, form);
}

/** datetime-local ("2026-11-28T08:00") is WIB. */
const PublishFormSchema = z.preprocess((v) => {
	const o = { ...(v as Record<string, unknown>) };
	delete o.form;
	if (typeof o.publish_at === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(o.publish_at)) o.publish_at = `${o.publish_at}:00+07:00`;
	return o;
}, PublishPostSchema);

const upload = (form: 'cover' | 'attachment', kind: UploadKind) => async (event: RequestEvent) => {
	requireNewsroomActor(event);
	const tooBig = declaredSizeProblem(event.request.headers.get('content-length'), kind);
	if (tooBig) return fail(400, { message: tooBig, errors: [{ path: `${form}-file`, message: tooBig }], values: { form } });
	const result = await handle(event, form, PostUploadSchema, async (input) => {
		const file = { bytes: new Uint8Array(await input.file.arrayBuffer()), name: input.file.name, title: input.title ?? null };
		return form === 'cover' ? uploadCover(event.locals.ctx, getFileStorage(), event.params.id!, file) : addAttachment(event.locals.ctx, getFileStorage(), event.params.id!, file);
	});
	// Field ids are prefixed per upload form.
	if (result && 'data' in result) result.data.errors = result.data.errors.map((e) => ({ ...e, path: `${form}-${e.path}` }));
	return result;
};

export const actions: Actions = {
	edit: async (event) => {
		requireNewsroomActor(event);
		const post = await runLoad(event, () => getPost(event.locals.ctx, event.params.id));
		return handle(event, 'edit', updatePostFormSchema(post.kind), (input) => updatePost(event.locals.ctx, post.id, input));
	},
	submit: (event) => handle(event, 'submit', z.object({}), () => submitPost(event.locals.ctx, event.params.id)),
	publish: (event) => handle(event, 'publish', PublishFormSchema, (input) => publishPost(event.locals.ctx, event.params.id, input.publish_at ?? null)),
	return: (event) => handle(event, 'return', ReturnPostSchema, (input) => returnPost(event.locals.ctx, event.params.id, input.comment)),
	unpublish: (event) => handle(event, 'unpublish', z.object({}), () => unpublishPost(event.locals.ctx, event.params.id)),
	cover: upload('cover', POST_UPLOAD_KINDS.post_cover),
	attachment: upload('attachment', POST_UPLOAD_KINDS.post_attachment)
};
