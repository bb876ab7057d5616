import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible } from './helpers';

const stamp = Date.now() % 1_000_000;

/** Creates and publishes an agency post through the API as the demo petugas; returns its public URL. */
async function publish(request: APIRequestContext, token: string, post: Record<string, unknown>) {
	const headers = { authorization: `Bearer ${token}` };
	const created = await request.post('/api/v1/posts', { headers, data: post });
	expect(created.status(), await created.text()).toBe(201);
	const { id } = await created.json();
	const published = await request.post(`/api/v1/posts/${id}/publish`, { headers });
	expect(published.status(), await published.text()).toBe(200);
	const body = await published.json();
	expect(body.status).toBe('published');
	return new URL(body.url).pathname;
}

test('a resident finds a published post by search and the page is ready for WhatsApp; hostile Markdown is inert', async ({ page, request }) => {
	const login = await request.post('/api/v1/auth/login', { data: { email: 'petugas@simpul.test', password: DEMO_PASSWORD } });
	expect(login.status()).toBe(200);
	const { token } = await login.json();

	const title = `Dinas mensosialisasikan vaksinasi campak ${stamp}`;
	const path = await publish(request, token, {
		kind: 'program',
		title,
		summary: 'Vaksinasi campak gratis untuk balita di posyandu.',
		body: 'Petugas puskesmas **mensosialisasikan** jadwal vaksinasi campak di setiap posyandu.',
		eligibility: 'Balita usia 9 bulan sampai 5 tahun',
		how_to_join: 'Datang ke posyandu terdekat membawa buku KIA',
		contact: 'Puskesmas Magelang Selatan',
		tags: ['kesehatan']
	});
	const xssPath = await publish(request, token, {
		kind: 'news',
		title: `Uji keamanan tulisan ${stamp}`,
		summary: 'Tulisan berisi kode yang harus tampil sebagai teks.',
		body: 'Halo <script>window.__xss=1</script> dan [x](javascript:window.__xss=2) serta <img src=x onerror="window.__xss=3">.'
	});

	// Home: the program is listed, the search box posts GET to /cari.
	await page.goto('/');
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveCount(1);
	await expectAccessible(page);

	// Search with a stemmed word…
	await page.getByRole('searchbox').first().fill('sosialisasi');
	await page.getByRole('button', { name: 'Cari', exact: true }).click();
	await expect(page).toHaveURL(/\/cari\?q=sosialisasi/);
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await expect(page.locator('.snippet mark').first()).toBeVisible();
	await expectAccessible(page);

	// …and with a typo.
	await page.goto('/cari?q=vaksinsi');
	await expect(page.getByRole('link', { name: title })).toBeVisible();

	// An empty result says what to do next.
	await page.goto(`/cari?q=zzqqxxyy${stamp}`);
	await expect(page.getByText('Tidak ada hasil')).toBeVisible();

	// Open it.
	await page.goto(`/cari?q=vaksinsi`);
	await page.getByRole('link', { name: title }).click();
	await expect(page).toHaveURL(new RegExp(`${path}$`));
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('Balita usia 9 bulan sampai 5 tahun')).toBeVisible();

	const meta = (p: string) => page.locator(`meta[property="${p}"]`).getAttribute('content');
	expect(await meta('og:title')).toBe(title);
	expect(await meta('og:url')).toMatch(new RegExp(`^https?://[^/]+${path}$`));
	expect(await meta('og:type')).toBe('article');
	expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toMatch(/^summary/);
	const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
	expect(ld['@type']).toBe('NewsArticle');
	expect(ld.headline).toBe(title);

	const wa = page.getByRole('link', { name: 'Bagikan ke WhatsApp' });
	const href = (await wa.getAttribute('href'))!;
	expect(href.startsWith('https://wa.me/?text=')).toBe(true);
	const text = decodeURIComponent(href.slice('https://wa.me/?text='.length));
	expect(text).toContain(title);
	expect(text).toContain(path);
	await expectAccessible(page);

	// The feed and sitemap carry it.
	const rss = await request.get('/feed.xml?jenis=program');
	expect(rss.headers()['content-type']).toContain('application/rss+xml');
	expect(await rss.text()).toContain(title);
	expect(await (await request.get('/atom.xml')).text()).toContain(title);
	expect(await (await request.get('/sitemap.xml')).text()).toContain(path);
	expect(await (await request.get('/robots.txt')).text()).toContain('Disallow: /admin');

	// Hostile Markdown renders as text: nothing runs, no script inside the article.
	await page.goto(xssPath);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Uji keamanan tulisan');
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	expect(await page.locator('article script').count()).toBe(0);
	const link = page.locator('article .body a', { hasText: 'x' });
	if (await link.count()) {
		expect((await link.first().getAttribute('href')) ?? '').not.toMatch(/javascript:/i);
		await link.first().click().catch(() => {});
	}
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	await expect(page.locator('article .body')).toContainText('<script>window.__xss=1</script>');

	// A draft is not public: 404 for a resident.
	const draft = await request.post('/api/v1/posts', { headers: { authorization: `Bearer ${token}` }, data: { kind: 'news', title: `Draf belum terbit ${stamp}`, summary: 'Draf', body: 'Draf.' } });
	const { id: draftId } = await draft.json();
	expect((await page.goto(`/berita/${draftId}`))?.status()).toBe(404);

	// /berita lists both and filters by kind.
	await page.goto('/berita?jenis=program');
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await expect(page.getByRole('link', { name: /Uji keamanan tulisan/ })).toHaveCount(0);
	await expectAccessible(page);
});

/**
 * Residents on cheap phones and slow networks: every public page ships under 60 KB of gzip-compressed
 * JavaScript. Sums each script a page loads (module graph included), compressed as a server would.
 */
test('public pages ship under 60 KB of compressed JavaScript', async ({ page, request }) => {
	const { gzipSync } = await import('node:zlib');
	await page.goto('/berita');
	const postHref = await page.locator('main a[href^="/berita/"]').first().getAttribute('href');
	expect(postHref, 'the demo dataset has a published post').toBeTruthy();
	const pages = ['/', postHref!, '/cari?q=vaksinasi', '/berita', '/kim', '/layanan', '/aduan', '/aduan/statistik', '/survei'];
	const sizes: Record<string, number> = {};
	for (const path of pages) {
		const scripts = new Set<string>();
		const listener = (r: import('@playwright/test').Response) => {
			if (r.request().resourceType() === 'script' || r.url().endsWith('.js')) scripts.add(r.url());
		};
		page.on('response', listener);
		await page.goto(path, { waitUntil: 'networkidle' });
		page.off('response', listener);
		let total = 0;
		for (const url of scripts) total += gzipSync(await (await request.get(url)).body(), { level: 9 }).length;
		sizes[path] = total;
	}
	for (const [path, bytes] of Object.entries(sizes)) expect(bytes, `${path}: ${bytes} bytes of gzipped JS`).toBeLessThan(60 * 1024);
	// The counter itself must see the app's scripts, or the budget proves nothing.
	expect(sizes['/']).toBeGreaterThan(1000);
});
