import { z } from '@hono/zod-openapi';
import type { CoverVariant, PostDetails } from '../db/schema';
import { renderMarkdown } from './posts.markdown';
import {
	isExpired, isPubliclyVisible, KIND_FIELDS, POST_KINDS, POST_STATUSES, POTENTIAL_CATEGORIES, publicPath, RUMOUR_STATUSES, VERDICTS,
	type PostKind
} from './posts.rules';
import type { AttachmentRow, Post, RevisionRow } from './posts.queries';
import type { RumourRow } from './rumours.queries';

export const fileUrl = (id: string) => `/berkas/${id}`;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The kind's own fields, flat (as in the input), null when unset. */
export function kindFieldsOf(kind: PostKind, details: PostDetails) {
	return Object.fromEntries((KIND_FIELDS[kind] as readonly (keyof PostDetails)[]).map((f) => [f, details[f] ?? (f === 'sources' ? [] : null)]));
}

const CoverOut = z
	.object({
		url: z.string(),
		srcset: z.string().openapi({ description: 'WebP variants for <img srcset>, e.g. "/berkas/a 320w, /berkas/b 640w"' }),
		variants: z.array(z.object({ width: z.number().int(), url: z.string() }))
	})
	.nullable()
	.openapi('PostCover');

function presentCover(coverFileId: string | null, variants: CoverVariant[]) {
	if (!coverFileId) return null;
	const list = [...variants].sort((a, b) => a.width - b.width).map((v) => ({ width: v.width, url: fileUrl(v.file_id) }));
	return { url: fileUrl(coverFileId), srcset: list.map((v) => `${v.url} ${v.width}w`).join(', '), variants: list };
}

const kindFieldsOut = {
	eligibility: z.string().nullable().optional(),
	how_to_join: z.string().nullable().optional(),
	deadline: z.string().nullable().optional(),
	contact: z.string().nullable().optional(),
	expires_on: z.string().nullable().optional(),
	category: z.enum(POTENTIAL_CATEGORIES).nullable().optional(),
	price: z.number().int().nullable().optional(),
	location: z.string().nullable().optional(),
	claim: z.string().nullable().optional(),
	verdict: z.enum(VERDICTS).nullable().optional(),
	sources: z.array(z.string()).optional()
};

export const PostSummaryOut = z
	.object({
		id: z.uuid(),
		slug: z.string(),
		kind: z.enum(POST_KINDS),
		status: z.enum(POST_STATUSES),
		title: z.string(),
		summary: z.string(),
		kim_id: z.string().nullable(),
		kim_name: z.string().nullable(),
		kelurahan_code: z.string().nullable(),
		tags: z.array(z.string()),
		...kindFieldsOut,
		publish_at: z.string().nullable().openapi({ description: 'Scheduled publication time, if any' }),
		published_at: z.string().nullable(),
		is_public: z.boolean().openapi({ description: 'Visible to everyone now (published and due)' }),
		expired: z.boolean().openapi({ description: 'An announcement past expires_on: reachable by URL, left out of lists' }),
		url: z.string().openapi({ description: 'Absolute URL of the public page, /berita/<slug> for every kind' }),
		cover: CoverOut,
		created_at: z.string(),
		updated_at: z.string()
	})
	.openapi('PostSummary');

type Extra = { publicUrl: string; now: Date; kimName?: string | null };

export function presentPostSummary(post: Post, { publicUrl, now, kimName = null }: Extra) {
	return {
		id: post.id,
		slug: post.slug,
		kind: post.kind,
		status: post.status,
		title: post.title,
		summary: post.summary,
		kim_id: post.kimId,
		kim_name: kimName,
		kelurahan_code: post.kelurahanCode,
		tags: post.tags,
		...kindFieldsOf(post.kind, post.details),
		publish_at: iso(post.publishAt),
		published_at: iso(post.publishedAt),
		is_public: isPubliclyVisible(post, now),
		expired: isExpired(post, now),
		url: `${publicUrl}${publicPath(post.slug)}`,
		cover: presentCover(post.coverFileId, post.coverVariants),
		created_at: post.createdAt.toISOString(),
		updated_at: post.updatedAt.toISOString()
	};
}

const PermissionsOut = z.object({
	edit: z.boolean(),
	submit: z.boolean(),
	publish: z.boolean(),
	return: z.boolean(),
	unpublish: z.boolean(),
	view_revisions: z.boolean()
});
export type PostPermissions = z.infer<typeof PermissionsOut>;

export const PostOut = PostSummaryOut.extend({
	body: z.string().openapi({ description: 'Markdown source' }),
	body_html: z.string().openapi({ description: 'Rendered and sanitized HTML' }),
	author_name: z.string().nullable(),
	kim_slug: z.string().nullable(),
	review_comment: z.string().nullable().openapi({ description: 'The reviewer’s comment after a return; only for those who may see unpublished posts' }),
	submitted_at: z.string().nullable(),
	revision: z.number().int(),
	attachments: z.array(z.object({ id: z.uuid(), url: z.string(), title: z.string().nullable(), name: z.string().nullable(), size: z.number().int() })),
	can: PermissionsOut
}).openapi('Post');

export function presentPost(
	post: Post,
	extra: Extra & { authorName: string | null; kimSlug: string | null; attachments: AttachmentRow[]; can: PostPermissions; showReview: boolean }
) {
	return {
		...presentPostSummary(post, extra),
		body: post.body,
		body_html: renderMarkdown(post.body),
		author_name: extra.authorName,
		kim_slug: extra.kimSlug,
		review_comment: extra.showReview ? post.reviewComment : null,
		submitted_at: iso(post.submittedAt),
		revision: post.revision,
		attachments: extra.attachments.map((a) => ({ id: a.fileId, url: fileUrl(a.fileId), title: a.title, name: a.name, size: a.size })),
		can: extra.can
	};
}

export const RevisionOut = z
	.object({
		revision: z.number().int(),
		title: z.string(),
		summary: z.string(),
		body: z.string(),
		details: z.record(z.string(), z.unknown()),
		tags: z.array(z.string()),
		editor_id: z.string().nullable(),
		editor_name: z.string().nullable(),
		created_at: z.string()
	})
	.openapi('PostRevision');

export const presentRevision = (r: RevisionRow) => ({
	revision: r.revision,
	title: r.title,
	summary: r.summary,
	body: r.body,
	details: r.details as Record<string, unknown>,
	tags: r.tags,
	editor_id: r.editorId,
	editor_name: r.editorName,
	created_at: r.createdAt.toISOString()
});

export const RumourOut = z
	.object({
		id: z.uuid(),
		text: z.string(),
		where_heard: z.string().nullable(),
		kelurahan_code: z.string().nullable(),
		kim_id: z.uuid(),
		kim_name: z.string().nullable(),
		reported_by_name: z.string().nullable(),
		status: z.enum(RUMOUR_STATUSES),
		post_id: z.string().nullable().openapi({ description: 'The clarification it became' }),
		dismiss_reason: z.string().nullable(),
		resolved_at: z.string().nullable(),
		created_at: z.string()
	})
	.openapi('Rumour');

export const presentRumour = (r: RumourRow) => ({
	id: r.id,
	text: r.text,
	where_heard: r.whereHeard,
	kelurahan_code: r.kelurahanCode,
	kim_id: r.kimId,
	kim_name: r.kimName ?? null,
	reported_by_name: r.reporterName ?? null,
	status: r.status,
	post_id: r.postId,
	dismiss_reason: r.dismissReason,
	resolved_at: iso(r.resolvedAt),
	created_at: r.createdAt.toISOString()
});
