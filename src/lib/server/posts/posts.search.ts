/**
 * Indonesian search over publicly listed posts: full-text search with the `indonesian` snowball
 * config (stemming: "sosialisasi" finds "mensosialisasikan") plus typo correction through the
 * lexicon of every word in the posts ("vaksinsi" finds "vaksinasi", posts.queries correctedQuery).
 * Ranked by ts_rank_cd over the weighted vector; snippets marked with the lexicon's forms of the
 * query words (posts.snippet), not ts_headline, which re-parses every result's text.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { posts } from '../db/schema';
import { startOfWibDay } from '../validation';
import { correctQuery, listedAt, matches } from './posts.queries';
import { publicPath, type PostKind } from './posts.rules';
import { snippetHtml } from './posts.snippet';

export type SearchParams = {
	q: string;
	kind?: PostKind;
	kelurahan_code?: string;
	/** WIB dates (YYYY-MM-DD), inclusive, on the publication date. */
	from?: string;
	to?: string;
	limit?: number;
};
export type SearchResult = { type: 'post'; id: string; title: string; url: string; snippet: string };

/** Start of the WIB day `date` (YYYY-MM-DD), `days` later. */

/**
 * Publicly listed posts matching `q`, best first. Only published, due, non-expired posts are
 * ever returned, whoever searches. `publicUrl` makes the URLs absolute; `now` is the clock.
 */
export async function searchPosts(db: Db, params: SearchParams, opts: { publicUrl?: string; now?: Date } = {}): Promise<SearchResult[]> {
	const q = params.q.trim();
	if (!q) return [];
	const now = opts.now ?? new Date();
	const fix = await correctQuery(db, q);
	const conds: (SQL | undefined)[] = [listedAt(now), matches(q, fix)];
	if (params.kind) conds.push(eq(posts.kind, params.kind));
	if (params.kelurahan_code) conds.push(eq(posts.kelurahanCode, params.kelurahan_code));
	if (params.from) conds.push(sql`${posts.publishedAt} >= ${startOfWibDay(params.from).toISOString()}::timestamptz`);
	if (params.to) conds.push(sql`${posts.publishedAt} < ${startOfWibDay(params.to, 1).toISOString()}::timestamptz`);

	const tsq = sql`websearch_to_tsquery('indonesian', ${q})`;
	// The vector weighs title (A) over summary (B) over body; corrected words count half.
	const score = fix.changed
		? sql<number>`(ts_rank_cd(${posts.searchVector}, ${tsq}) + 0.5 * ts_rank_cd(${posts.searchVector}, websearch_to_tsquery('indonesian', ${fix.text})))`
		: sql<number>`ts_rank_cd(${posts.searchVector}, ${tsq})`;
	// Ranked on the vector alone (the top-N sort carries ids, not texts), then the page's posts read.
	const ranked = db
		.select({ id: posts.id, publishedAt: posts.publishedAt, score: score.as('score') })
		.from(posts)
		.where(and(...conds))
		.orderBy(sql`score desc`, sql`${posts.publishedAt} desc`)
		.limit(Math.min(Math.max(params.limit ?? 20, 1), 50))
		.as('ranked');
	const rows = await db
		.select({ id: posts.id, slug: posts.slug, title: posts.title, summary: posts.summary, body: posts.body })
		.from(ranked)
		.innerJoin(posts, eq(posts.id, ranked.id))
		.orderBy(sql`${ranked.score} desc`, sql`${ranked.publishedAt} desc`);
	return rows.map((r) => ({
		type: 'post' as const,
		id: r.id,
		title: r.title,
		url: `${opts.publicUrl ?? ''}${publicPath(r.slug)}`,
		snippet: snippetHtml(`${r.summary}\n\n${r.body}`, fix.terms, q)
	}));
}
