import { sql } from 'drizzle-orm';
import {
	pgTable, pgEnum, uuid, text, integer, timestamp, jsonb, bigserial, customType, primaryKey, index, uniqueIndex
} from 'drizzle-orm/pg-core';
import { regions } from './regions';
import { users } from './users';
import { files } from './files';
import { kims } from './kims';

export const postKind = pgEnum('post_kind', ['news', 'program', 'announcement', 'potential', 'clarification']);
export const postStatus = pgEnum('post_status', ['draft', 'in_review', 'published']);
export const rumourStatus = pgEnum('rumour_status', ['open', 'converted', 'dismissed']);

/**
 * The fields of one kind of post, stored in `posts.details` (validated per kind by posts.schema).
 * Dates are `YYYY-MM-DD`, price is integer rupiah.
 */
export type PostDetails = {
	eligibility?: string | null;
	how_to_join?: string | null;
	deadline?: string | null;
	contact?: string | null;
	expires_on?: string | null;
	category?: 'umkm' | 'tourism' | 'culture' | null;
	price?: number | null;
	location?: string | null;
	claim?: string | null;
	verdict?: 'hoax' | 'misleading' | 'true' | 'unproven' | null;
	sources?: string[];
};

/** A resized WebP copy of a cover image (posts.files.actions uploadCover). */
export type CoverVariant = { width: number; file_id: string };

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Full-text document of a post: title (A), summary and tags (B), body (C), Indonesian stemming.
 * `simpul_tags_text` is an IMMUTABLE wrapper of array_to_string (which is only STABLE and so
 * not allowed in a generated column); the posts migration creates it before this table.
 */
const SEARCH_DOCUMENT = sql`setweight(to_tsvector('indonesian'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('indonesian'::regconfig, coalesce("summary", '')), 'B') || setweight(to_tsvector('indonesian'::regconfig, simpul_tags_text("tags")), 'B') || setweight(to_tsvector('indonesian'::regconfig, coalesce("body", '')), 'C')`;

/**
 * Portal posts of the agency (kim_id null) or of one KIM. Public iff published and due
 * (publish_at null or past); see posts.rules isPubliclyVisible.
 */
export const posts = pgTable(
	'posts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull(),
		kind: postKind('kind').notNull(),
		status: postStatus('status').notNull().default('draft'),
		title: text('title').notNull(),
		summary: text('summary').notNull(),
		/** Markdown; rendered by posts.markdown (no raw HTML). */
		body: text('body').notNull(),
		details: jsonb('details').$type<PostDetails>().notNull().default({}),
		tags: text('tags').array().notNull().default([]),
		/** null: an agency (Diskominfo) post. */
		kimId: uuid('kim_id').references(() => kims.id),
		kelurahanCode: text('kelurahan_code').references(() => regions.code),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
		/** The reviewer's comment when a post is returned to draft; cleared when it is submitted again. */
		reviewComment: text('review_comment'),
		publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
		/** Scheduled publication: a published post is not public before this moment. */
		publishAt: timestamp('publish_at', { withTimezone: true }),
		/** When the post became (or becomes, if scheduled) public; kept after unpublishing. */
		publishedAt: timestamp('published_at', { withTimezone: true }),
		coverFileId: uuid('cover_file_id').references(() => files.id, { onDelete: 'set null' }),
		coverVariants: jsonb('cover_variants').$type<CoverVariant[]>().notNull().default([]),
		revision: integer('revision').notNull().default(1),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		searchVector: tsvector('search_vector').generatedAlwaysAs(SEARCH_DOCUMENT)
	},
	(t) => [
		uniqueIndex('posts_slug_key').on(t.slug),
		index('posts_public_idx').on(t.status, t.publishedAt),
		index('posts_kim_idx').on(t.kimId),
		index('posts_kelurahan_idx').on(t.kelurahanCode),
		index('posts_kind_idx').on(t.kind),
		index('posts_tags_idx').using('gin', t.tags),
		index('posts_search_idx').using('gin', t.searchVector)
	]
);

/** Every saved version of a post (created, and each edit): a snapshot of what readers see. */
export const postRevisions = pgTable(
	'post_revisions',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
		revision: integer('revision').notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull(),
		body: text('body').notNull(),
		details: jsonb('details').$type<PostDetails>().notNull(),
		tags: text('tags').array().notNull(),
		editorId: uuid('editor_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('post_revisions_post_rev_key').on(t.postId, t.revision)]
);

/** PDF attachments of a post, in upload order. */
export const postFiles = pgTable(
	'post_files',
	{
		postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
		fileId: uuid('file_id').notNull().references(() => files.id, { onDelete: 'cascade' }),
		title: text('title'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.postId, t.fileId] })]
);

/** A rumour a KIM member heard; a petugas turns it into a clarification post or dismisses it. */
export const rumours = pgTable(
	'rumours',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		text: text('text').notNull(),
		whereHeard: text('where_heard'),
		kelurahanCode: text('kelurahan_code').references(() => regions.code),
		kimId: uuid('kim_id').notNull().references(() => kims.id, { onDelete: 'cascade' }),
		reportedBy: uuid('reported_by').references(() => users.id, { onDelete: 'set null' }),
		status: rumourStatus('status').notNull().default('open'),
		/** The clarification post it became. */
		postId: uuid('post_id').references(() => posts.id, { onDelete: 'set null' }),
		resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
		resolvedAt: timestamp('resolved_at', { withTimezone: true }),
		dismissReason: text('dismiss_reason'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('rumours_kim_idx').on(t.kimId, t.status), index('rumours_status_idx').on(t.status, t.createdAt)]
);

/**
 * Every word of every post (lower case, unstemmed) with its Indonesian stem, kept by triggers on
 * posts (migrations 0008, 0012). Search corrects a misspelt query word to the closest word here
 * before the full-text match, so typos in words of a post's body are forgiven without comparing
 * the query to every body; and it marks in snippets every word that shares a query word's stem.
 */
export const searchWords = pgTable('search_words', { word: text('word').primaryKey(), stem: text('stem') }, (t) => [
	index('search_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
	index('search_words_stem_idx').on(t.stem)
]);
