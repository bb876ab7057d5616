import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { problemResponse } from '../http/problem';
import { invalid } from '../errors';
import { nowOf } from '../context';
import { m } from '../../paraglide/messages.js';
import { getFileStorage } from '../files/storage';
import { FORM_OVERHEAD_BYTES, megabytes } from '../files/files.rules';
import {
	CreatePostSchema, ListPostsQuerySchema, PostIdParam, PostUploadSchema, PublishPostSchema, ReturnPostSchema, SearchQuerySchema, UpdatePostSchema
} from './posts.schema';
import { createPost, updatePost } from './posts.write.actions';
import { publishPost, returnPost, submitPost, unpublishPost } from './posts.workflow.actions';
import { getPost, listPosts, listRevisions, presentPostView } from './posts.read.actions';
import { addAttachment, POST_UPLOAD_KINDS, uploadCover } from './posts.files.actions';
import { searchPosts } from './posts.search';
import { PostOut, PostSummaryOut, presentRevision, RevisionOut } from './posts.present';
import { POST_STATUSES } from './posts.rules';
import { rumourRoutes } from './rumours.api';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['posts'];
const StatusOut = z.object({ id: z.uuid(), status: z.enum(POST_STATUSES) }).openapi('PostStatus');

/** The portal's posts, search and rumours. */
export function postRoutes(app: Api) {
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/posts', tags,
			summary: 'List posts, newest first. The public sees published posts (not scheduled ones, not expired announcements); a KIM’s members also its drafts and posts in review; staff all',
			request: { query: ListPostsQuerySchema },
			responses: { 200: { description: 'Posts', ...json(z.object({ data: z.array(PostSummaryOut) })) }, ...problemResponses(400) }
		}),
		async (c) => c.json({ data: await listPosts(c.get('ctx'), c.req.valid('query')) }, 200)
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/posts', tags,
			summary: 'Write a draft. Without kim_id: an agency post (petugas, admin); program posts are agency only. With kim_id: that KIM’s members. Kind fields are flat in the body',
			request: { body: { ...json(CreatePostSchema), required: true } },
			responses: { 201: { description: 'Draft created', ...json(StatusOut) }, ...problemResponses(400, 401, 403) }
		}),
		async (c) => {
			const post = await createPost(c.get('ctx'), c.req.valid('json'));
			return c.json({ id: post.id, status: post.status }, 201);
		}
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/posts/{id}', tags,
			summary: 'One post by id or slug (404 for an unpublished one unless staff or a member of its KIM)',
			request: { params: PostIdParam },
			responses: { 200: { description: 'The post', ...json(PostOut) }, ...problemResponses(404) }
		}),
		async (c) => c.json(await getPost(c.get('ctx'), c.req.valid('param').id), 200)
	);

	app.openapi(
		createRoute({
			method: 'patch', path: '/api/v1/posts/{id}', tags,
			summary: 'Edit a post (absent fields stay, null clears). Drafts: the author or a reviewer; in review or published: reviewers only (the KIM’s pengurus or staff). Each change keeps a revision',
			request: { params: PostIdParam, body: { ...json(UpdatePostSchema), required: true } },
			responses: { 200: { description: 'Updated', ...json(PostOut) }, ...problemResponses(400, 401, 403, 404) }
		}),
		async (c) => {
			const ctx = c.get('ctx');
			return c.json(await presentPostView(ctx, await updatePost(ctx, c.req.valid('param').id, c.req.valid('json'))), 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/posts/{id}/revisions', tags,
			summary: 'Every saved version, newest first (staff; for a KIM’s post also its members)',
			request: { params: PostIdParam },
			responses: { 200: { description: 'Revisions', ...json(z.object({ data: z.array(RevisionOut) })) }, ...problemResponses(401, 403, 404) }
		}),
		async (c) => c.json({ data: (await listRevisions(c.get('ctx'), c.req.valid('param').id)).map(presentRevision) }, 200)
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/posts/{id}/submit', tags,
			summary: 'Send a draft for review (its author or a reviewer)',
			request: { params: PostIdParam },
			responses: { 200: { description: 'In review', ...json(StatusOut) }, ...problemResponses(401, 403, 404, 409) }
		}),
		async (c) => {
			const post = await submitPost(c.get('ctx'), c.req.valid('param').id);
			return c.json({ id: post.id, status: post.status }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/posts/{id}/publish', tags,
			summary: 'Publish now or at publish_at (the KIM’s pengurus or staff; staff for agency posts). Answers the absolute URL of the public page',
			request: { params: PostIdParam, body: { ...json(PublishPostSchema), required: false } },
			responses: {
				200: { description: 'Published', ...json(z.object({ id: z.uuid(), status: z.literal('published'), url: z.string(), publish_at: z.string().nullable() }).openapi('PublishedPost')) },
				...problemResponses(400, 401, 403, 404, 409)
			}
		}),
		async (c) => {
			const body = (c.req.valid('json') as z.infer<typeof PublishPostSchema> | undefined) ?? {};
			const { post, url } = await publishPost(c.get('ctx'), c.req.valid('param').id, body.publish_at ?? null);
			return c.json({ id: post.id, status: 'published' as const, url, publish_at: post.publishAt?.toISOString() ?? null }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/posts/{id}/return', tags,
			summary: 'Return a post in review to draft with a comment for its author (reviewers)',
			request: { params: PostIdParam, body: { ...json(ReturnPostSchema), required: true } },
			responses: { 200: { description: 'Back to draft', ...json(StatusOut) }, ...problemResponses(400, 401, 403, 404, 409) }
		}),
		async (c) => {
			const post = await returnPost(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').comment);
			return c.json({ id: post.id, status: post.status }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/posts/{id}/unpublish', tags,
			summary: 'Take a published (or scheduled) post off the portal, back to draft (reviewers)',
			request: { params: PostIdParam },
			responses: { 200: { description: 'Back to draft', ...json(StatusOut) }, ...problemResponses(401, 403, 404, 409) }
		}),
		async (c) => {
			const post = await unpublishPost(c.get('ctx'), c.req.valid('param').id);
			return c.json({ id: post.id, status: post.status }, 200);
		}
	);

	const uploads = [
		{ slot: 'cover', kind: POST_UPLOAD_KINDS.post_cover, action: uploadCover, summary: 'Set the cover image: JPEG, PNG or WebP ≤ 5 MB, checked by content, EXIF stripped, shrunk to 1600 px, with WebP copies 320/640/1024 px wide' },
		{ slot: 'attachments', kind: POST_UPLOAD_KINDS.post_attachment, action: addAttachment, summary: 'Attach a PDF ≤ 10 MB (checked by content)' }
	] as const;
	for (const u of uploads) {
		// Refuse an oversized body before reading it; the exact limit is checked again on the bytes.
		app.use(
			`/api/v1/posts/:id/${u.slot}`,
			bodyLimit({
				maxSize: u.kind.maxBytes + FORM_OVERHEAD_BYTES,
				onError: () => problemResponse(invalid([{ path: 'file', message: m.kim_file_too_big({ max: megabytes(u.kind.maxBytes) }) }]))
			})
		);
	}
	for (const u of uploads) {
		app.openapi(
			createRoute({
				method: 'post', path: `/api/v1/posts/{id}/${u.slot}`, tags, summary: u.summary,
				request: { params: PostIdParam, body: { content: { 'multipart/form-data': { schema: PostUploadSchema } }, required: true } },
				responses: { 201: { description: 'Stored', ...json(z.object({ post: PostOut, file: z.object({ id: z.uuid(), url: z.string(), mime: z.string(), size: z.number().int() }) }).openapi(`Post${u.slot === 'cover' ? 'Cover' : 'Attachment'}Upload`)) }, ...problemResponses(400, 401, 403, 404) }
			}),
			async (c) => {
				const ctx = c.get('ctx');
				const { file, title } = c.req.valid('form');
				const bytes = new Uint8Array(await file.arrayBuffer());
				const result = await u.action(ctx, getFileStorage(), c.req.valid('param').id, { bytes, name: file.name, title });
				const f = result.file;
				return c.json({ post: await presentPostView(ctx, result.post), file: { id: f.id, url: `/berkas/${f.id}`, mime: f.mime, size: f.size } }, 201);
			}
		);
	}

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/search', tags: ['search'],
			summary: 'Search published posts in Indonesian (stemming, typo tolerance), best first; snippets are HTML with matches in <mark> and everything else escaped',
			request: { query: SearchQuerySchema },
			responses: {
				200: { description: 'Results', ...json(z.object({ data: z.array(z.object({ type: z.literal('post'), id: z.uuid(), title: z.string(), url: z.string(), snippet: z.string() })) }).openapi('SearchResults')) },
				...problemResponses(400)
			}
		}),
		async (c) => {
			const ctx = c.get('ctx');
			return c.json({ data: await searchPosts(ctx.db, c.req.valid('query'), { publicUrl: ctx.publicUrl, now: nowOf(ctx) }) }, 200);
		}
	);

	rumourRoutes(app);
}
