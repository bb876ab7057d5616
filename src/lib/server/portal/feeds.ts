/**
 * RSS 2.0, Atom 1.0 and sitemap XML, built from plain data (pure). Every text and attribute is
 * entity-escaped (& < > " ') and characters XML 1.0 forbids are dropped; dates are UTC
 * (RFC 822 for RSS, RFC 3339 for Atom), links absolute.
 */

export type FeedItem = {
	id: string;
	title: string;
	summary: string;
	url: string;
	published: string | Date;
	updated: string | Date;
	author?: string | null;
	categories?: string[];
	image?: string | null;
};
export type FeedChannel = {
	title: string;
	description: string;
	/** The HTML page the feed belongs to (absolute). */
	link: string;
	/** The feed's own URL (absolute). */
	self: string;
	language: string;
	updated?: string | Date;
};

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text or attribute value, escaped for XML. */
export function escapeXml(value: string): string {
	return value
		.replace(INVALID_XML, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

const toDate = (d: string | Date) => (d instanceof Date ? d : new Date(d));
/** RFC 822 date, in GMT: "Sat, 28 Nov 2026 02:28:12 GMT". */
export const rfc822 = (d: string | Date) => toDate(d).toUTCString();
/** RFC 3339 date, in UTC: "2026-11-28T02:28:12Z". */
export const rfc3339 = (d: string | Date) => toDate(d).toISOString().replace(/\.\d{3}Z$/, 'Z');

const latest = (items: FeedItem[], fallback?: string | Date) =>
	items.reduce<Date>((acc, i) => (toDate(i.updated) > acc ? toDate(i.updated) : acc), fallback ? toDate(fallback) : new Date(0));

export function buildRss(channel: FeedChannel, items: FeedItem[]): string {
	const e = escapeXml;
	const out = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
		'<channel>',
		`<title>${e(channel.title)}</title>`,
		`<link>${e(channel.link)}</link>`,
		`<description>${e(e(channel.description))}</description>`,
		`<language>${e(channel.language)}</language>`,
		`<lastBuildDate>${rfc822(latest(items, channel.updated))}</lastBuildDate>`,
		`<atom:link href="${e(channel.self)}" rel="self" type="application/rss+xml"/>`
	];
	for (const i of items) {
		out.push(
			'<item>',
			`<title>${e(i.title)}</title>`,
			`<link>${e(i.url)}</link>`,
			`<guid isPermaLink="true">${e(i.url)}</guid>`,
			// Readers render an RSS description as HTML: the plain-text summary is HTML-escaped first,
			// then XML-escaped, so "<script>" in a summary reaches the reader as text, not markup.
			`<description>${e(e(i.summary))}</description>`,
			`<pubDate>${rfc822(i.published)}</pubDate>`,
			...(i.categories ?? []).map((c) => `<category>${e(c)}</category>`),
			...(i.image ? [`<enclosure url="${e(i.image)}" length="0" type="image/webp"/>`] : []),
			'</item>'
		);
	}
	out.push('</channel>', '</rss>');
	return out.join('\n') + '\n';
}

export function buildAtom(channel: FeedChannel, items: FeedItem[]): string {
	const e = escapeXml;
	const out = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${e(channel.language)}">`,
		`<title>${e(channel.title)}</title>`,
		`<subtitle>${e(channel.description)}</subtitle>`,
		`<id>${e(channel.self)}</id>`,
		`<link rel="self" type="application/atom+xml" href="${e(channel.self)}"/>`,
		`<link rel="alternate" type="text/html" href="${e(channel.link)}"/>`,
		`<updated>${rfc3339(latest(items, channel.updated))}</updated>`,
		`<author><name>${e(channel.title)}</name></author>`
	];
	for (const i of items) {
		out.push(
			'<entry>',
			`<title>${e(i.title)}</title>`,
			`<id>${e(i.url)}</id>`,
			`<link rel="alternate" type="text/html" href="${e(i.url)}"/>`,
			`<published>${rfc3339(i.published)}</published>`,
			`<updated>${rfc3339(i.updated)}</updated>`,
			...(i.author ? [`<author><name>${e(i.author)}</name></author>`] : []),
			`<summary>${e(i.summary)}</summary>`,
			...(i.categories ?? []).map((c) => `<category term="${e(c)}"/>`),
			'</entry>'
		);
	}
	out.push('</feed>');
	return out.join('\n') + '\n';
}

export type SitemapEntry = { loc: string; lastmod?: string | Date | null };

export function buildSitemap(entries: SitemapEntry[]): string {
	const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
	for (const u of entries) {
		out.push(`<url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${rfc3339(u.lastmod)}</lastmod>` : ''}</url>`);
	}
	out.push('</urlset>');
	return out.join('\n') + '\n';
}

export function buildRobots(publicUrl: string): string {
	return ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /petugas', 'Disallow: /akun', 'Disallow: /api/', '', `Sitemap: ${publicUrl.replace(/\/$/, '')}/sitemap.xml`, ''].join('\n');
}
