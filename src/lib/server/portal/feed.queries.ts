/** Data for feeds and the sitemap: what an anonymous visitor may see, nothing more. */
import { and, desc, eq, or, sql } from 'drizzle-orm';
import { nowOf, type Ctx } from '../context';
import { kims, posts } from '../db/schema';
import { listPosts } from '../posts/posts.read.actions';
import { listedAt } from '../posts/posts.queries';
import { POST_KINDS, publicPath, type PostKind } from '../posts/posts.rules';
import { regionNames } from '../regions/regions.queries';
import type { FeedChannel, FeedItem, SitemapEntry } from './feeds';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FEED_SIZE = 30;

/** A verified KIM by id or slug (feeds only exist for public KIMs). */
async function findPublicKim(ctx: Ctx, idOrSlug: string) {
	const key = UUID.test(idOrSlug) ? or(eq(kims.id, idOrSlug), eq(kims.slug, idOrSlug)) : eq(kims.slug, idOrSlug);
	const [row] = await ctx.db.select({ id: kims.id, slug: kims.slug, name: kims.name }).from(kims).where(and(key, eq(kims.status, 'verified'))).limit(1);
	return row;
}

export type FeedParams = { kim?: string | null; kelurahan?: string | null; kecamatan?: string | null; jenis?: string | null };
export type FeedLabels = { site: string; description: string; kinds: Record<string, string>; language: string };

/**
 * The feed's channel and items for `params` (unknown kinds ignored); null when a named KIM does
 * not exist or is not public. Always read as an anonymous visitor.
 */
export async function loadFeed(ctx: Ctx, params: FeedParams, labels: FeedLabels, self: string) {
	const anon: Ctx = { ...ctx, actor: null };
	const kind = (POST_KINDS as readonly string[]).includes(params.jenis ?? '') ? (params.jenis as PostKind) : undefined;
	const kim = params.kim ? await findPublicKim(ctx, params.kim) : undefined;
	if (params.kim && !kim) return null;
	const kelurahan = params.kelurahan?.trim() || undefined;
	const kecamatan = kelurahan ? undefined : params.kecamatan?.trim() || undefined;
	const rows = await listPosts(anon, { kind, kim_id: kim?.id, kelurahan_code: kelurahan, kecamatan_code: kecamatan, limit: FEED_SIZE });
	const names = await regionNames(ctx.db, [kelurahan ?? '', kecamatan ?? '']);
	const parts = [kim?.name, kind ? labels.kinds[kind] : undefined, kelurahan ? names.get(kelurahan) ?? kelurahan : undefined, kecamatan ? names.get(kecamatan) ?? kecamatan : undefined].filter(Boolean);
	const q = new URLSearchParams();
	if (kind) q.set('jenis', kind);
	if (kelurahan) q.set('kelurahan', kelurahan);
	if (kecamatan) q.set('kecamatan', kecamatan);
	const link = kim ? `${ctx.publicUrl}/kim/${kim.slug}` : `${ctx.publicUrl}/berita${q.size ? `?${q}` : ''}`;
	const channel: FeedChannel = {
		title: parts.length ? `${labels.site} — ${parts.join(' · ')}` : labels.site,
		description: labels.description,
		link,
		self,
		language: labels.language
	};
	const items: FeedItem[] = rows.map((p) => ({
		id: p.id,
		title: p.title,
		summary: p.summary,
		url: p.url,
		published: p.published_at ?? p.updated_at,
		updated: p.updated_at,
		author: p.kim_name,
		categories: [labels.kinds[p.kind] ?? p.kind, ...p.tags],
		image: p.cover ? `${ctx.publicUrl}${p.cover.url}` : null
	}));
	return { channel, items };
}

/** Home, the KIM directory, verified KIM pages and every publicly listed post. */
export async function sitemapEntries(ctx: Ctx): Promise<SitemapEntry[]> {
	const base = ctx.publicUrl;
	const [kimRows, postRows] = await Promise.all([
		ctx.db.select({ slug: kims.slug, updatedAt: kims.updatedAt }).from(kims).where(eq(kims.status, 'verified')).orderBy(kims.slug),
		ctx.db
			.select({ slug: posts.slug, updatedAt: posts.updatedAt })
			.from(posts)
			.where(listedAt(nowOf(ctx)))
			.orderBy(desc(sql`${posts.publishedAt}`))
			.limit(45000)
	]);
	return [
		{ loc: `${base}/` },
		{ loc: `${base}/berita` },
		{ loc: `${base}/kim` },
		...kimRows.map((k) => ({ loc: `${base}/kim/${k.slug}`, lastmod: k.updatedAt })),
		...postRows.map((p) => ({ loc: `${base}${publicPath(p.slug)}`, lastmod: p.updatedAt }))
	];
}
