import { describe, expect, it } from 'vitest';
import { absoluteUrl, jsonLdScript, postJsonLd, postMetaTags, serializeJsonLd, whatsappShareUrl, type SeoPost } from './seo';

const BASE = 'https://simpul.example';
const post = (over: Partial<SeoPost> = {}): SeoPost => ({
	kind: 'news',
	title: 'Vaksinasi di Tidar',
	summary: 'Jadwal vaksinasi balita.',
	url: `${BASE}/berita/vaksinasi`,
	cover: { url: '/berkas/abc' },
	published_at: '2026-11-01T03:00:00.000Z',
	updated_at: '2026-11-02T03:00:00.000Z',
	kim_name: 'KIM Tidar',
	tags: ['kesehatan'],
	...over
});
const opts = { publicUrl: BASE, publisherName: 'Simpul Magelang' };

describe('postMetaTags', () => {
	it('gives absolute og:image and og:url, type article and a large Twitter card', () => {
		const tags = postMetaTags(post(), { publicUrl: BASE, siteName: 'Simpul' });
		const get = (k: string) => tags.find((t) => t.property === k || t.name === k)?.content;
		expect(get('og:title')).toBe('Vaksinasi di Tidar');
		expect(get('og:description')).toBe('Jadwal vaksinasi balita.');
		expect(get('og:image')).toBe(`${BASE}/berkas/abc`);
		expect(get('og:url')).toBe(`${BASE}/berita/vaksinasi`);
		expect(get('og:type')).toBe('article');
		expect(get('twitter:card')).toBe('summary_large_image');
	});
	it('falls back to a summary card without an image', () => {
		const tags = postMetaTags(post({ cover: null }), { publicUrl: BASE, siteName: 'Simpul' });
		expect(tags.find((t) => t.property === 'og:image')).toBeUndefined();
		expect(tags.find((t) => t.name === 'twitter:card')?.content).toBe('summary');
	});
});

describe('postJsonLd', () => {
	it('describes news, programs and announcements as NewsArticle', () => {
		for (const kind of ['news', 'program', 'announcement']) {
			const ld = postJsonLd(post({ kind }), opts);
			expect(ld['@type']).toBe('NewsArticle');
			expect(ld.headline).toBe('Vaksinasi di Tidar');
			expect(ld.image).toBe(`${BASE}/berkas/abc`);
			expect(ld.datePublished).toBe('2026-11-01T03:00:00.000Z');
		}
	});
	it('maps clarification verdicts to a ClaimReview rating', () => {
		const ld = postJsonLd(post({ kind: 'clarification', claim: 'Vaksin berisi chip', verdict: 'hoax', sources: ['https://kemkes.go.id/x'] }), opts);
		expect(ld['@type']).toBe('ClaimReview');
		expect(ld.claimReviewed).toBe('Vaksin berisi chip');
		expect(ld.reviewRating).toMatchObject({ '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'Hoaks' });
		expect((postJsonLd(post({ kind: 'clarification', verdict: 'true' }), opts).reviewRating as { ratingValue: number }).ratingValue).toBe(5);
		expect((postJsonLd(post({ kind: 'clarification', verdict: 'misleading' }), opts).reviewRating as { ratingValue: number }).ratingValue).toBe(2);
	});
	it('describes potential as Product (UMKM, with an IDR offer) or Event (culture)', () => {
		const product = postJsonLd(post({ kind: 'potential', category: 'umkm', price: 25000 }), opts);
		expect(product['@type']).toBe('Product');
		expect(product.offers).toMatchObject({ price: 25000, priceCurrency: 'IDR' });
		const event = postJsonLd(post({ kind: 'potential', category: 'culture', location: 'Alun-alun' }), opts);
		expect(event['@type']).toBe('Event');
		expect(event.location).toMatchObject({ '@type': 'Place', name: 'Alun-alun' });
	});
});

describe('serializeJsonLd', () => {
	it('cannot close the script element or open a comment', () => {
		const ld = postJsonLd(post({ title: 'a</script><script>alert(1)</script><!-- & b' }), opts);
		const html = jsonLdScript(ld);
		expect(html.match(/<\/script>/gi)).toHaveLength(1);
		expect(html).not.toContain('<!--');
		expect(html).not.toContain('<script>alert');
		// …and parses back to the same data.
		expect(JSON.parse(serializeJsonLd(ld))).toEqual(JSON.parse(JSON.stringify(ld)));
	});
});

describe('helpers', () => {
	it('builds the WhatsApp link with the title and the URL', () => {
		const href = whatsappShareUrl('Pasar murah & sembako', `${BASE}/berita/pasar`);
		expect(href.startsWith('https://wa.me/?text=')).toBe(true);
		expect(decodeURIComponent(href.slice('https://wa.me/?text='.length))).toBe(`Pasar murah & sembako\n${BASE}/berita/pasar`);
	});
	it('makes paths absolute and leaves absolute URLs alone', () => {
		expect(absoluteUrl(BASE, '/berkas/a')).toBe(`${BASE}/berkas/a`);
		expect(absoluteUrl(`${BASE}/`, 'https://cdn.example/x.jpg')).toBe('https://cdn.example/x.jpg');
	});
});
