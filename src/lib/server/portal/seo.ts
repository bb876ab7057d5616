/**
 * Link previews and structured data for public post pages: Open Graph / Twitter meta, JSON-LD
 * (NewsArticle, Event, Product, ClaimReview) and the WhatsApp share link. Pure functions.
 */

export type SeoPost = {
	kind: string;
	title: string;
	summary: string;
	url: string;
	cover: { url: string } | null;
	published_at: string | null;
	updated_at: string;
	author_name?: string | null;
	kim_name?: string | null;
	tags?: string[];
	category?: string | null;
	price?: number | null;
	location?: string | null;
	claim?: string | null;
	verdict?: string | null;
	sources?: string[];
	deadline?: string | null;
	expires_on?: string | null;
};

/** `path` made absolute against `base` (left alone when already absolute). */
export function absoluteUrl(base: string, path: string): string {
	return new URL(path, base.endsWith('/') ? base : `${base}/`).toString();
}

export type MetaTag = { property?: string; name?: string; content: string };

/** Open Graph and Twitter card tags for a post page. */
export function postMetaTags(post: SeoPost, opts: { publicUrl: string; siteName: string; fallbackImage?: string | null }): MetaTag[] {
	const image = post.cover ? absoluteUrl(opts.publicUrl, post.cover.url) : opts.fallbackImage ? absoluteUrl(opts.publicUrl, opts.fallbackImage) : null;
	const tags: MetaTag[] = [
		{ property: 'og:type', content: 'article' },
		{ property: 'og:site_name', content: opts.siteName },
		{ property: 'og:title', content: post.title },
		{ property: 'og:description', content: post.summary },
		{ property: 'og:url', content: post.url },
		{ name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' },
		{ name: 'twitter:title', content: post.title },
		{ name: 'twitter:description', content: post.summary }
	];
	if (image) tags.push({ property: 'og:image', content: image }, { name: 'twitter:image', content: image });
	if (post.published_at) tags.push({ property: 'article:published_time', content: post.published_at });
	tags.push({ property: 'article:modified_time', content: post.updated_at });
	return tags;
}

/** ClaimReview rating (1 = false … 5 = true) for a verdict. */
export const VERDICT_RATING: Record<string, { ratingValue: number; alternateName: string }> = {
	hoax: { ratingValue: 1, alternateName: 'Hoaks' },
	misleading: { ratingValue: 2, alternateName: 'Menyesatkan' },
	unproven: { ratingValue: 3, alternateName: 'Belum terbukti' },
	true: { ratingValue: 5, alternateName: 'Benar' }
};

/** The JSON-LD object describing a post. */
export function postJsonLd(post: SeoPost, opts: { publicUrl: string; publisherName: string }): Record<string, unknown> {
	const image = post.cover ? absoluteUrl(opts.publicUrl, post.cover.url) : undefined;
	const publisher = { '@type': 'Organization', name: opts.publisherName, url: absoluteUrl(opts.publicUrl, '/') };
	const author = post.kim_name
		? { '@type': 'Organization', name: post.kim_name }
		: post.author_name
			? { '@type': 'Person', name: post.author_name }
			: publisher;
	const base = { '@context': 'https://schema.org', url: post.url, ...(image ? { image } : {}) };
	if (post.kind === 'clarification') {
		const rating = VERDICT_RATING[post.verdict ?? ''];
		return {
			...base,
			'@type': 'ClaimReview',
			datePublished: post.published_at ?? undefined,
			name: post.title,
			claimReviewed: post.claim ?? post.title,
			author: publisher,
			...(rating ? { reviewRating: { '@type': 'Rating', ratingValue: rating.ratingValue, bestRating: 5, worstRating: 1, alternateName: rating.alternateName } } : {}),
			...(post.sources?.length ? { itemReviewed: { '@type': 'Claim', appearance: post.sources.map((u) => ({ '@type': 'CreativeWork', url: u })) } } : {})
		};
	}
	if (post.kind === 'potential' && post.category === 'culture') {
		return {
			...base,
			'@type': 'Event',
			name: post.title,
			description: post.summary,
			startDate: post.published_at ?? post.updated_at,
			eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
			...(post.location ? { location: { '@type': 'Place', name: post.location, address: post.location } } : {}),
			organizer: author
		};
	}
	if (post.kind === 'potential') {
		return {
			...base,
			'@type': post.category === 'tourism' ? 'TouristAttraction' : 'Product',
			name: post.title,
			description: post.summary,
			...(post.category !== 'tourism' && post.price != null
				? { offers: { '@type': 'Offer', price: post.price, priceCurrency: 'IDR', url: post.url } }
				: {}),
			...(post.category === 'tourism' && post.location ? { address: post.location } : {}),
			...(post.category !== 'tourism' ? { brand: author } : {})
		};
	}
	return {
		...base,
		'@type': 'NewsArticle',
		headline: post.title.slice(0, 110),
		description: post.summary,
		datePublished: post.published_at ?? undefined,
		dateModified: post.updated_at,
		author,
		publisher,
		mainEntityOfPage: post.url,
		...(post.tags?.length ? { keywords: post.tags.join(', ') } : {})
	};
}

/**
 * JSON for inside <script type="application/ld+json">: `<`, `>`, `&` and the line separators are
 * written as \u escapes, so "</script>" or "<!--" in a title cannot end or alter the element.
 */
export function serializeJsonLd(data: unknown): string {
	return JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

/** The whole JSON-LD element, ready for {@html}. */
export const jsonLdScript = (data: unknown) => `<script type="application/ld+json">${serializeJsonLd(data)}</script>`;

/** https://wa.me/?text=<title — url>. */
export const whatsappShareUrl = (title: string, url: string) => `https://wa.me/?text=${encodeURIComponent(`${title}\n${url}`)}`;
