import { and, asc, desc, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/sql';
import { files, kims, postFiles, postRevisions, posts, users } from '../db/schema';
import type { Actor } from '../auth/actor';
import { isUniqueViolation } from '../kims/kims.queries';
import { todayWib } from '../validation';
import { canListAllPosts } from './posts.policy';
import type { PostKind, PostStatus } from './posts.rules';

/** Every column but the search vector (large, and only for matching). */
const { searchVector: _searchVector, ...postColumns } = getTableColumns(posts);
export type Post = Omit<typeof posts.$inferSelect, 'searchVector'>;
export type NewPost = Omit<typeof posts.$inferInsert, 'slug' | 'searchVector'>;

/**
 * Posts that appear in public lists and search at `now` (SQL twin of posts.rules isListed):
 * published, due, and not an announcement past its `expires_on` (WIB date).
 */
export function listedAt(now: Date): SQL {
	return sql`(${posts.status} = 'published'
		and (${posts.publishAt} is null or ${posts.publishAt} <= ${now.toISOString()}::timestamptz)
		and not (${posts.kind} = 'announcement' and coalesce(${posts.details}->>'expires_on', '9999-12-31') < ${todayWib(now)}))`;
}

/**
 * The posts an actor may find in lists: staff all; a KIM's members also their KIM's unpublished
 * ones; everyone else what is listed publicly. Applied in the query so a forgotten check shows nothing more.
 */
export function readableBy(actor: Actor, now: Date): SQL | undefined {
	if (canListAllPosts(actor)) return undefined;
	const own = actor?.kims.map((k) => k.kimId) ?? [];
	return own.length ? or(listedAt(now), inArray(posts.kimId, own)) : listedAt(now);
}

/** The words of `q` (3 letters or more, lower case), each as written (`tok`) and corrected (`word`). */
const correctedWords = (q: string): SQL => sql`(
	select t.tok, coalesce(
		(select sw.word from search_words sw where sw.word = t.tok),
		(select sw.word from search_words sw where sw.word % t.tok order by similarity(sw.word, t.tok) desc, sw.word limit 1),
		t.tok) as word
	from regexp_split_to_table(lower(${q}), '[^[:alnum:]]+') as t(tok) where length(t.tok) >= 3)`;

/**
 * `q` with each word replaced by the closest word that appears in any post (search_words,
 * trigram similarity ≥ pg_trgm.similarity_threshold, 0.3 by default); a word that appears, or
 * has no close word, stays (an index lookup, no similarity computed). Once per query, not per post.
 */
export const correctedQuery = (q: string): SQL => sql`(select coalesce(string_agg(w.word, ' '), '') from ${correctedWords(q)} w)`;

export type Correction = {
	text: string;
	/** Whether any word was corrected (if not, searching the corrected text again adds nothing). */
	changed: boolean;
	/** Every word of the lexicon that shares a stem with a word of `q` or of its correction: what a snippet marks. */
	terms: string[];
};
/** correctedQuery read ahead, with the words that match it (Correction), in one round trip. */
export async function correctQuery(db: Db, q: string): Promise<Correction> {
	const result = await db.execute(sql`
		with fix as (
			select coalesce(string_agg(w.word, ' '), '') as text, coalesce(bool_or(w.word <> w.tok), false) as changed from ${correctedWords(q)} w
		)
		select fix.text, fix.changed, array(
			select sw.word from search_words sw
			where sw.stem = any(tsvector_to_array(to_tsvector('indonesian', ${q} || ' ' || fix.text)))
		) as terms
		from fix`);
	const [row] = rowsOf<Correction>(result);
	return { text: row?.text ?? '', changed: row?.changed === true, terms: row?.terms ?? [] };
}

/**
 * Text match for `q`: Indonesian full-text (stemmed, websearch syntax), or the same with misspelt
 * words corrected (correctedQuery: the lexicon holds every word of every title, summary and body,
 * so a typo anywhere is corrected). `fixed`, when read ahead (correctQuery), spares the second
 * match if nothing was corrected. Both use the search vector's index; no title or body is compared
 * row by row (a per-row trigram comparison cost 40–90 ms at city scale).
 */
export function matches(q: string, fixed?: Correction): SQL {
	const plain = sql`${posts.searchVector} @@ websearch_to_tsquery('indonesian', ${q})`;
	if (fixed && !fixed.changed) return plain;
	return sql`(${plain} or ${posts.searchVector} @@ websearch_to_tsquery('indonesian', ${fixed ? fixed.text : correctedQuery(q)}))`;
}

export async function findPostById(db: Db, id: string): Promise<Post | undefined> {
	const [row] = await db.select(postColumns).from(posts).where(eq(posts.id, id)).limit(1);
	return row;
}

export async function findPostBySlug(db: Db, slug: string): Promise<Post | undefined> {
	const [row] = await db.select(postColumns).from(posts).where(eq(posts.slug, slug)).limit(1);
	return row;
}

/** Locks the post row for the rest of the transaction (serialises changes of one post). */
export async function lockPost(tx: Db, id: string): Promise<Post | undefined> {
	const [row] = await tx.select(postColumns).from(posts).where(eq(posts.id, id)).limit(1).for('update');
	return row;
}

/** `base`, or `base-2`, `base-3` … whichever is free. */
export async function uniquePostSlug(db: Db, base: string) {
	const rows = await db
		.select({ slug: posts.slug })
		.from(posts)
		.where(or(eq(posts.slug, base), sql`${posts.slug} like ${base + '-%'}`));
	const taken = new Set(rows.map((r) => r.slug));
	if (!taken.has(base)) return base;
	for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Inserts a post under the slug `base` or the first free `base-N`; a concurrent insert that takes
 * the same slug makes the unique index refuse the row, and the next free one is tried (each try
 * in a savepoint so the caller's transaction survives).
 */
export async function insertPostWithSlug(tx: Db, base: string, values: NewPost, attempts = 3): Promise<Post> {
	for (let attempt = 1; ; attempt++) {
		const slug = await uniquePostSlug(tx, base);
		try {
			return await tx.transaction(async (sp) => (await sp.insert(posts).values({ ...values, slug }).returning(postColumns))[0]);
		} catch (err) {
			if (attempt >= attempts || !isUniqueViolation(err, 'posts_slug_key')) throw err;
		}
	}
}

export async function updatePostRow(db: Db, id: string, values: Partial<NewPost>): Promise<Post> {
	const [row] = await db.update(posts).set(values).where(eq(posts.id, id)).returning(postColumns);
	return row;
}

/** Keeps the post's current content as revision `post.revision`. */
export async function insertRevision(db: Db, post: Post, editorId: string | null) {
	const [row] = await db
		.insert(postRevisions)
		.values({ postId: post.id, revision: post.revision, title: post.title, summary: post.summary, body: post.body, details: post.details, tags: post.tags, editorId, createdAt: post.updatedAt })
		.returning();
	return row;
}

/** Revisions, newest first, with the editor's name. */
export async function listRevisionRows(db: Db, postId: string) {
	return db
		.select({ ...getTableColumns(postRevisions), editorName: users.name })
		.from(postRevisions)
		.leftJoin(users, eq(users.id, postRevisions.editorId))
		.where(eq(postRevisions.postId, postId))
		.orderBy(desc(postRevisions.revision));
}
export type RevisionRow = Awaited<ReturnType<typeof listRevisionRows>>[number];

export type PostFilter = {
	kind?: PostKind;
	kim_id?: string;
	kelurahan_code?: string;
	kecamatan_code?: string;
	status?: PostStatus;
	tag?: string;
	q?: string;
	limit?: number;
	offset?: number;
};

/** Posts for a list, newest publication first (unpublished ones by last change), scoped to `actor`. */
export async function listPostRows(db: Db, actor: Actor, filter: PostFilter, now: Date) {
	const conds: (SQL | undefined)[] = [readableBy(actor, now)];
	if (filter.kind) conds.push(eq(posts.kind, filter.kind));
	if (filter.kim_id) conds.push(eq(posts.kimId, filter.kim_id));
	if (filter.kelurahan_code) conds.push(eq(posts.kelurahanCode, filter.kelurahan_code));
	if (filter.kecamatan_code) conds.push(sql`${posts.kelurahanCode} like ${filter.kecamatan_code.replace(/[%_\\]/g, '') + '.%'}`);
	if (filter.status) conds.push(eq(posts.status, filter.status));
	if (filter.tag) conds.push(sql`${posts.tags} @> array[${filter.tag}]::text[]`);
	if (filter.q) conds.push(matches(filter.q));
	return db
		.select({ ...postColumns, kimName: kims.name, kimSlug: kims.slug })
		.from(posts)
		.leftJoin(kims, eq(kims.id, posts.kimId))
		.where(and(...conds))
		.orderBy(desc(sql`coalesce(${posts.publishedAt}, ${posts.updatedAt})`), desc(posts.createdAt))
		.limit(filter.limit ?? 20)
		.offset(filter.offset ?? 0);
}
export type PostListRow = Awaited<ReturnType<typeof listPostRows>>[number];

/** Names for a post page: author, KIM (name and slug). */
export async function postNames(db: Db, post: Post) {
	const [author] = post.authorId ? await db.select({ name: users.name }).from(users).where(eq(users.id, post.authorId)) : [];
	const [kim] = post.kimId ? await db.select({ name: kims.name, slug: kims.slug }).from(kims).where(eq(kims.id, post.kimId)) : [];
	return { authorName: author?.name ?? null, kimName: kim?.name ?? null, kimSlug: kim?.slug ?? null };
}

/** PDF attachments in upload order. */
export async function listAttachmentRows(db: Db, postId: string) {
	return db
		.select({ fileId: postFiles.fileId, title: postFiles.title, name: files.originalName, size: files.size, mime: files.mime, createdAt: postFiles.createdAt })
		.from(postFiles)
		.innerJoin(files, eq(files.id, postFiles.fileId))
		.where(eq(postFiles.postId, postId))
		.orderBy(asc(postFiles.createdAt), asc(postFiles.fileId));
}
export type AttachmentRow = Awaited<ReturnType<typeof listAttachmentRows>>[number];

export async function countAttachments(db: Db, postId: string) {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(postFiles).where(eq(postFiles.postId, postId));
	return row.n;
}

export async function insertAttachment(db: Db, values: typeof postFiles.$inferInsert) {
	const [row] = await db.insert(postFiles).values(values).returning();
	return row;
}
