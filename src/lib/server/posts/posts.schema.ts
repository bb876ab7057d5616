import { z } from '@hono/zod-openapi';
import { emptyToUndefined, intQuery, isoDate, regionCode } from '../validation';
import { m } from '../../paraglide/messages.js';
import {
	foreignKindFields, KIND_FIELDS, MAX_TAG_LENGTH, MAX_TAGS, normalizeTags, POST_KINDS, POST_STATUSES, POTENTIAL_CATEGORIES,
	RUMOUR_STATUSES, VERDICTS, type PostKind
} from './posts.rules';
import type { PostDetails } from '../db/schema';

const NO_NUL = (s: string) => !s.includes('\0');

/**
 * An optional field with PATCH semantics: absent → `undefined` (leave as is), empty string or
 * null → `null` (clear), otherwise the parsed value.
 */
const clearable = <T extends z.ZodType>(schema: T) =>
	z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable().optional());

const longText = (max: number) =>
	z.string().trim().max(max, { error: () => m.post_err_too_long({ max }) }).refine(NO_NUL, { error: () => m.err_invalid() });
const required = (max: number, message: () => string) =>
	z.string({ error: message }).trim().min(1, { error: message }).max(max, { error: () => m.post_err_too_long({ max }) }).refine(NO_NUL, { error: () => m.err_invalid() });
const optText = (max: number) => clearable(longText(max));

const isWebUrl = (s: string) => {
	try {
		const u = new URL(s);
		return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.');
	} catch {
		return false;
	}
};

const MAX_SOURCES = 10;
const sources = () =>
	z
		.array(z.string({ error: () => m.post_err_source_url() }).trim().max(500, { error: () => m.post_err_source_url() }).refine(isWebUrl, { error: () => m.post_err_source_url() }), { error: () => m.post_err_source_url() })
		.max(MAX_SOURCES, { error: () => m.post_err_sources_max({ max: MAX_SOURCES }) })
		.openapi({ type: 'array', items: { type: 'string', format: 'uri' }, example: ['https://www.kominfo.go.id/berita'] });

const tags = () =>
	z
		.array(z.string({ error: () => m.err_invalid() }).max(MAX_TAG_LENGTH, { error: () => m.post_err_tag_long({ max: MAX_TAG_LENGTH }) }).refine(NO_NUL, { error: () => m.err_invalid() }), { error: () => m.err_invalid() })
		.max(MAX_TAGS, { error: () => m.post_err_tags_max({ max: MAX_TAGS }) })
		.transform(normalizeTags)
		.openapi({ type: 'array', items: { type: 'string' }, example: ['kesehatan', 'posyandu'] });

/** Digits from a form ("15000") or a JSON number; integer rupiah. */
const price = () =>
	clearable(
		z.preprocess(
			(v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
			z.number({ error: () => m.post_err_price() }).int({ error: () => m.post_err_price() }).min(0, { error: () => m.post_err_price() }).max(1_000_000_000_000, { error: () => m.post_err_price() })
		)
	).openapi({ type: 'integer', description: 'Integer rupiah', example: 15000 });

/** The kind fields, flat in the input; each kind stores its own in `details` (posts.rules KIND_FIELDS). */
const kindFields = {
	eligibility: optText(2000).openapi({ type: 'string', description: 'program: who is eligible' }),
	how_to_join: optText(2000).openapi({ type: 'string', description: 'program: how to join' }),
	deadline: clearable(isoDate()).openapi({ type: 'string', format: 'date', description: 'program: registration deadline' }),
	contact: optText(300).openapi({ type: 'string', description: 'program, potential: contact' }),
	expires_on: clearable(isoDate()).openapi({ type: 'string', format: 'date', description: 'announcement: last day it is valid (WIB); afterwards it leaves lists' }),
	category: clearable(z.enum(POTENTIAL_CATEGORIES, { error: () => m.post_err_category() })).openapi({ type: 'string', enum: [...POTENTIAL_CATEGORIES], description: 'potential' }),
	price: price(),
	location: optText(300).openapi({ type: 'string', description: 'potential: where' }),
	claim: optText(2000).openapi({ type: 'string', description: 'clarification: the claim being checked' }),
	verdict: clearable(z.enum(VERDICTS, { error: () => m.post_err_verdict() })).openapi({ type: 'string', enum: [...VERDICTS], description: 'clarification' }),
	sources: clearable(sources()).openapi({ type: 'array', items: { type: 'string', format: 'uri' }, description: 'clarification: http(s) URLs' })
};
type KindInput = { [K in keyof typeof kindFields]?: z.infer<(typeof kindFields)[K]> };

const KIND_LABEL: Record<PostKind, () => string> = {
	news: () => m.post_kind_news(),
	program: () => m.post_kind_program(),
	announcement: () => m.post_kind_announcement(),
	potential: () => m.post_kind_potential(),
	clarification: () => m.post_kind_clarification()
};

/** Field errors for kind fields given for a kind they do not belong to. */
export const foreignFieldErrors = (kind: PostKind, input: Record<string, unknown>) =>
	foreignKindFields(kind, input).map((f) => ({ path: f, message: m.post_err_field_kind({ kind: KIND_LABEL[kind]() }) }));

/** `current` details with the kind fields present in `input` applied (null clears; absent keeps). */
export function detailsFor(kind: PostKind, input: KindInput, current: PostDetails = {}): PostDetails {
	const out: Record<string, unknown> = {};
	for (const f of KIND_FIELDS[kind] as readonly (keyof KindInput)[]) {
		const v = input[f] === undefined ? current[f] : input[f];
		if (v !== undefined && v !== null) out[f] = v;
	}
	return out as PostDetails;
}

const baseFields = {
	title: required(200, () => m.post_err_title()).openapi({ example: 'Vaksinasi gratis di Posyandu Melati' }),
	summary: required(500, () => m.post_err_summary()).openapi({ example: 'Imunisasi anak balita, Sabtu pagi di balai RW 03.' }),
	body: required(50_000, () => m.post_err_body()).openapi({ description: 'Markdown (raw HTML is shown as text)', example: 'Datang membawa **buku KIA**.' }),
	kelurahan_code: clearable(regionCode()).openapi({ type: 'string', example: '33.71.01.1011' }),
	tags: clearable(tags()).openapi({ type: 'array', items: { type: 'string' } })
};

export const CreatePostSchema = z
	.object({
		kind: z.enum(POST_KINDS, { error: () => m.post_err_kind() }).openapi({ example: 'news' }),
		...baseFields,
		kim_id: clearable(z.uuid({ error: () => m.post_err_kim() })).openapi({ type: 'string', format: 'uuid', description: 'The KIM writing it; omit for an agency post (staff only)' }),
		...kindFields
	})
	.superRefine((v, ctx) => {
		for (const e of foreignFieldErrors(v.kind, v)) ctx.addIssue({ code: 'custom', path: [e.path], message: e.message });
	})
	.openapi('CreatePostInput');
export type CreatePost = z.infer<typeof CreatePostSchema>;

/** Absent fields stay; kind and KIM are fixed at creation. Kind fields of another kind are refused (in updatePost). */
export const UpdatePostSchema = z
	.object({
		title: required(200, () => m.post_err_title()).optional(),
		summary: required(500, () => m.post_err_summary()).optional(),
		body: required(50_000, () => m.post_err_body()).optional(),
		kelurahan_code: baseFields.kelurahan_code,
		tags: baseFields.tags,
		...kindFields
	})
	.openapi('UpdatePostInput');
export type UpdatePost = z.infer<typeof UpdatePostSchema>;

export const PublishPostSchema = z
	.object({
		publish_at: clearable(
			z.iso.datetime({ offset: true, error: () => m.post_err_publish_at() }).transform((s) => new Date(s))
		).openapi({ type: 'string', format: 'date-time', description: 'Schedule: not public before this time (omit to publish now)', example: '2026-11-28T08:00:00+07:00' })
	})
	.openapi('PublishPostInput');
export type PublishPost = z.infer<typeof PublishPostSchema>;

export const ReturnPostSchema = z
	.object({ comment: required(2000, () => m.post_err_comment()) })
	.openapi('ReturnPostInput');
export type ReturnPost = z.infer<typeof ReturnPostSchema>;

const optQuery = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

export const ListPostsQuerySchema = z.object({
	kind: optQuery(z.enum(POST_KINDS, { error: () => m.post_err_kind() })).openapi({ type: 'string', enum: [...POST_KINDS] }),
	kim_id: optQuery(z.uuid({ error: () => m.post_err_kim() })).openapi({ type: 'string', format: 'uuid' }),
	kelurahan_code: optQuery(regionCode()).openapi({ type: 'string', example: '33.71.01.1011' }),
	kecamatan_code: optQuery(regionCode()).openapi({ type: 'string', example: '33.71.01', description: 'Posts about any kelurahan of this kecamatan' }),
	status: optQuery(z.enum(POST_STATUSES, { error: () => m.err_invalid() })).openapi({ type: 'string', enum: [...POST_STATUSES], description: 'Anonymous visitors and residents only ever see published posts' }),
	tag: optQuery(z.string().trim().toLowerCase().max(MAX_TAG_LENGTH)).openapi({ type: 'string' }),
	q: optQuery(z.string().trim().max(200, { error: () => m.post_err_too_long({ max: 200 }) })).openapi({ type: 'string', description: 'Words to find (Indonesian stemming, typo tolerant)' }),
	limit: intQuery(1, 100, 20),
	offset: intQuery(0, 10_000, 0)
});
export type ListPostsQuery = z.infer<typeof ListPostsQuerySchema>;

export const SearchQuerySchema = z.object({
	q: z.string({ error: () => m.err_required() }).trim().min(1, { error: () => m.err_required() }).max(200, { error: () => m.post_err_too_long({ max: 200 }) }).openapi({ example: 'vaksinasi' }),
	kind: ListPostsQuerySchema.shape.kind,
	kelurahan_code: ListPostsQuerySchema.shape.kelurahan_code,
	from: optQuery(isoDate()).openapi({ type: 'string', format: 'date', description: 'Published on or after (WIB date)' }),
	to: optQuery(isoDate()).openapi({ type: 'string', format: 'date', description: 'Published on or before (WIB date)' }),
	limit: intQuery(1, 50, 20)
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const PostIdParam = z.object({
	id: z.string().min(1).max(120).openapi({ param: { name: 'id', in: 'path' }, description: 'Post id (uuid) or slug', example: '0b9f6c1e-0000-4000-8000-000000000000' })
});

export const FlagRumourSchema = z
	.object({
		text: required(2000, () => m.post_err_rumour_text()).openapi({ example: 'Katanya bantuan sembako hanya untuk yang punya kartu baru' }),
		where_heard: optText(300).openapi({ type: 'string', example: 'Grup WhatsApp warga RW 05' }),
		kelurahan_code: clearable(regionCode()).openapi({ type: 'string', example: '33.71.01.1011' }),
		kim_id: clearable(z.uuid({ error: () => m.post_err_rumour_kim() })).openapi({ type: 'string', format: 'uuid', description: 'Your KIM (may be omitted when you belong to one KIM only)' })
	})
	.openapi('FlagRumourInput');
export type FlagRumour = z.infer<typeof FlagRumourSchema>;

export const ConvertRumourSchema = z
	.object({ title: optText(200).openapi({ type: 'string', description: 'Title of the clarification draft (default: "Klarifikasi: <the rumour>")' }) })
	.openapi('ConvertRumourInput');
export type ConvertRumour = z.infer<typeof ConvertRumourSchema>;

export const DismissRumourSchema = z.object({ reason: optText(1000).openapi({ type: 'string' }) }).openapi('DismissRumourInput');
export type DismissRumour = z.infer<typeof DismissRumourSchema>;

export const ListRumoursQuerySchema = z.object({
	status: optQuery(z.enum(RUMOUR_STATUSES, { error: () => m.err_invalid() })).openapi({ type: 'string', enum: [...RUMOUR_STATUSES] }),
	kim_id: optQuery(z.uuid({ error: () => m.post_err_kim() })).openapi({ type: 'string', format: 'uuid' })
});
export type ListRumoursQuery = z.infer<typeof ListRumoursQuerySchema>;

/** One uploaded file in the multipart field `file` (content checks happen in files.inspect). */
export const PostUploadSchema = z
	.object({
		file: z.instanceof(File, { error: () => m.kim_file_empty() }).openapi({ type: 'string', format: 'binary', description: 'Cover: JPEG/PNG/WebP ≤ 5 MB; attachment: PDF ≤ 10 MB' }),
		title: optText(200).openapi({ type: 'string', description: 'Attachments: a title shown instead of the file name' })
	})
	.openapi('PostUploadInput');
