import { describe, expect, it } from 'vitest';
import { assertWellFormed } from './wellformed';
import { buildAtom, buildRobots, buildRss, buildSitemap, escapeXml, rfc3339, rfc822, type FeedChannel, type FeedItem } from './feeds';

const channel: FeedChannel = {
	title: 'Simpul <Magelang> & sekitarnya',
	description: 'Berita "kota" & KIM',
	link: 'http://simpul.test/berita?jenis=program&kelurahan=33.71.01.1011',
	self: 'http://simpul.test/feed.xml?jenis=program&kelurahan=33.71.01.1011',
	language: 'id'
};
const item = (over: Partial<FeedItem> = {}): FeedItem => ({
	id: '1',
	title: 'Sembako <murah> & "gratis" </title></item>',
	summary: 'A & B < C > D \u0001',
	url: 'http://simpul.test/berita/sembako?x=1&y=2',
	published: '2026-11-27T17:30:00.000Z',
	updated: '2026-11-28T01:00:00.000Z',
	author: 'KIM <Tidar>',
	categories: ['Program', 'sosial&ekonomi'],
	image: 'http://simpul.test/berkas/a',
	...over
});

describe('escapeXml', () => {
	it('escapes the five specials and drops characters XML forbids', () => {
		expect(escapeXml(`<a href="x">&'</a>\u0000\u000b`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
	});
});

describe('dates', () => {
	it('are UTC whatever the page time zone (RFC 822 and RFC 3339)', () => {
		// 00.30 WIB on 28 November is still 27 November in UTC.
		expect(rfc822('2026-11-28T00:30:00+07:00')).toBe('Fri, 27 Nov 2026 17:30:00 GMT');
		expect(rfc3339('2026-11-28T00:30:00+07:00')).toBe('2026-11-27T17:30:00Z');
	});
});

describe('buildRss', () => {
	it('is well-formed with hostile titles and escapes & < >', () => {
		const xml = buildRss(channel, [item(), item({ id: '2', image: null, categories: [] })]);
		assertWellFormed(xml);
		expect(xml).toContain('<title>Sembako &lt;murah&gt; &amp; &quot;gratis&quot; &lt;/title&gt;&lt;/item&gt;</title>');
		expect(xml).toContain('<link>http://simpul.test/berita/sembako?x=1&amp;y=2</link>');
		expect(xml).toContain('<pubDate>Fri, 27 Nov 2026 17:30:00 GMT</pubDate>');
		expect(xml).toContain('<lastBuildDate>Sat, 28 Nov 2026 01:00:00 GMT</lastBuildDate>');
		expect(xml).toContain('rel="self"');
		expect(xml).not.toContain('\u0001');
		expect(xml.match(/<item>/g)).toHaveLength(2);
	});
	it('escapes the summary twice: readers render <description> as HTML, so markup must arrive as text', () => {
		const xml = buildRss(channel, [item({ summary: '<img src=x onerror=alert(1)> & <script>x</script>' })]);
		assertWellFormed(xml);
		expect(xml).toContain('<description>&amp;lt;img src=x onerror=alert(1)&amp;gt; &amp;amp; &amp;lt;script&amp;gt;x&amp;lt;/script&amp;gt;</description>');
		expect(xml).toContain('<description>Berita &amp;quot;kota&amp;quot; &amp;amp; KIM</description>');
	});
	it('is well-formed when empty', () => {
		assertWellFormed(buildRss(channel, []));
	});
});

describe('buildAtom', () => {
	it('is well-formed, with RFC 3339 dates and absolute links', () => {
		const xml = buildAtom(channel, [item()]);
		assertWellFormed(xml);
		expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">');
		expect(xml).toContain('<published>2026-11-27T17:30:00Z</published>');
		expect(xml).toContain('<updated>2026-11-28T01:00:00Z</updated>');
		expect(xml).toContain('href="http://simpul.test/berita/sembako?x=1&amp;y=2"');
		expect(xml).toContain('<author><name>KIM &lt;Tidar&gt;</name></author>');
	});
});

describe('sitemap and robots', () => {
	it('lists URLs, escaped', () => {
		const xml = buildSitemap([{ loc: 'http://simpul.test/' }, { loc: 'http://simpul.test/berita/a&b', lastmod: '2026-11-01T00:00:00Z' }]);
		assertWellFormed(xml);
		expect(xml).toContain('<loc>http://simpul.test/berita/a&amp;b</loc><lastmod>2026-11-01T00:00:00Z</lastmod>');
	});
	it('allows everything but the private areas and points to the sitemap', () => {
		const txt = buildRobots('http://simpul.test/');
		for (const line of ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /petugas', 'Disallow: /akun', 'Disallow: /api/', 'Sitemap: http://simpul.test/sitemap.xml']) {
			expect(txt.split('\n')).toContain(line);
		}
	});
});

describe('assertWellFormed', () => {
	it('catches broken XML', () => {
		expect(() => assertWellFormed('<a><b></a></b>')).toThrow();
		expect(() => assertWellFormed('<a>x & y</a>')).toThrow();
		expect(() => assertWellFormed('<a>x < y</a>')).toThrow();
		expect(() => assertWellFormed('<a/><b/>')).toThrow();
	});
});
