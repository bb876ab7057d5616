import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, ok, todayWib, tokenOf } from './helpers';

const stamp = Date.now() % 1_000_000;

/**
 * The petugas launches a campaign for the demo anggota's KIM through the API; the anggota opens
 * their share kit on a phone, copies the message, downloads the QR code and the poster; a
 * resident follows the short link, lands on the post and registers (attributed by the cookie).
 */
test('an anggota opens a share kit and a resident follows the short link to the post', async ({ page, request, browser, context }) => {
	const petugas = await tokenOf(request, 'petugas@simpul.test');
	const anggota = await tokenOf(request, 'anggota@simpul.test');
	const me = await ok(await request.get('/api/v1/me', { headers: anggota }));
	const kimId = me.kims[0].id as string;

	const postTitle = `Imunisasi campak dan rubela ${stamp}`;
	const post = await ok(await request.post('/api/v1/posts', { headers: petugas, data: { kind: 'news', title: postTitle, summary: 'Jadwal imunisasi MR di posyandu setiap RW.', body: 'Bawa buku KIA.' } }), 201);
	const published = await ok(await request.post(`/api/v1/posts/${post.id}/publish`, { headers: petugas }));
	const title = `Ayo imunisasi MR ${stamp}`;
	const campaign = await ok(
		await request.post('/api/v1/campaigns', {
			headers: petugas,
			data: {
				title, objective: 'Semua orang tua balita tahu jadwal imunisasi MR.', key_messages: ['Imunisasi MR gratis untuk balita.', 'Bawa buku KIA ke posyandu.'],
				post_ids: [post.id], whatsapp_template: 'Bapak/Ibu, {judul}. Jadwalnya: {tautan}', priority: 'high',
				starts_on: todayWib(-1), ends_on: todayWib(14), target: { kind: 'kims', kim_ids: [kimId] }, target_reach: 500
			}
		}),
		201
	);
	expect(await ok(await request.post(`/api/v1/campaigns/${campaign.id}/launch`, { headers: petugas }))).toMatchObject({ status: 'active', assignments_created: 1 });
	// The petugas is not a KIM member: no personal link for them.
	expect((await request.get(`/api/v1/campaigns/${campaign.id}/share-kit`, { headers: petugas })).status()).toBe(403);

	// The anggota opens the share kit on a phone.
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await logIn(page, 'anggota@simpul.test');
	await page.goto(`/kampanye/${campaign.id}/bagikan`);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const message = page.getByLabel('Pesan untuk WhatsApp');
	await expect(message).toHaveValue(new RegExp(`^Bapak/Ibu, ${postTitle}\\. Jadwalnya: http://127\\.0\\.0\\.1:\\d+/s/[0-9A-Za-z]{7}$`));
	const text = await message.inputValue();
	const shortUrl = text.split(' ').pop()!;
	const whatsapp = page.getByRole('link', { name: 'Kirim lewat WhatsApp' });
	await expect(whatsapp).toHaveAttribute('href', `https://wa.me/?text=${encodeURIComponent(text)}`);
	await expect(page.getByRole('link', { name: shortUrl })).toBeVisible();
	await expect(page.getByRole('img', { name: 'Kode QR yang membuka tautan pendek Anda' })).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/h2-share-kit.png', fullPage: true });

	await page.getByRole('button', { name: 'Salin pesan' }).click();
	await expect(page.getByRole('status')).toHaveText('Pesan sudah disalin. Tempel di WhatsApp.');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

	// The same link again on a second visit (and through the API).
	expect((await ok(await request.get(`/api/v1/campaigns/${campaign.id}/share-kit`, { headers: anggota }))).short_url).toBe(shortUrl);

	// Downloads: the QR code as PNG (and SVG), the A4 poster as PDF.
	const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh QR (PNG)' }).click()]);
	expect(png.suggestedFilename()).toMatch(/^qr-[0-9A-Za-z]{7}\.png$/);
	const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh poster A4 (PDF)' }).click()]);
	expect(pdf.suggestedFilename()).toMatch(/^poster-[0-9A-Za-z]{7}\.pdf$/);
	const path = new URL(shortUrl).pathname;
	const pngRes = await request.get(`${path}/qr.png`);
	expect(pngRes.headers()['content-type']).toBe('image/png');
	expect((await pngRes.body()).subarray(1, 4).toString()).toBe('PNG');
	const svgRes = await request.get(`${path}/qr.svg`);
	expect(svgRes.headers()['content-type']).toContain('image/svg+xml');
	const pdfRes = await request.get(`${path}/poster.pdf`);
	expect(pdfRes.headers()['content-type']).toBe('application/pdf');
	expect((await pdfRes.body()).subarray(0, 5).toString()).toBe('%PDF-');

	// A resident on another phone follows the short link and lands on the post.
	const resident = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', baseURL: new URL(shortUrl).origin });
	const visitor = await resident.newPage();
	await visitor.goto(path);
	await expect(visitor).toHaveURL(published.url);
	await expect(visitor.getByRole('heading', { level: 1, name: postTitle })).toBeVisible();
	const ref = (await resident.cookies()).find((c) => c.name === 'simpul_ref');
	expect(ref).toMatchObject({ value: path.split('/').pop(), httpOnly: true, sameSite: 'Lax' });
	expect(ref!.expires * 1000 - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

	// They register within the 7 days: the registration succeeds with the cookie in place.
	await visitor.goto('/daftar');
	await visitor.getByLabel('Nama lengkap').fill('Warga Lewat Tautan');
	await visitor.getByLabel('Alamat surel').fill(`warga.tautan.${stamp}@contoh.id`);
	await visitor.getByLabel('Kata sandi').fill('rahasia-panjang');
	await visitor.getByRole('button', { name: 'Buat akun' }).click();
	await expect(visitor).toHaveURL(/\/akun\?baru=1/);

	// An unknown code is a friendly 404 page.
	const missing = await visitor.goto('/s/Zz9Zz9Z');
	expect(missing?.status()).toBe(404);
	await expect(visitor.getByRole('heading', { level: 1, name: 'Tautan tidak ditemukan' })).toBeVisible();
	await expect(visitor.getByRole('link', { name: 'Ke beranda' })).toBeVisible();
	await expectAccessible(visitor);
	await visitor.screenshot({ path: '/tmp/h2-not-found.png', fullPage: true });

	// The privacy page explains the click counting and the cookie.
	await visitor.goto('/privasi');
	await expect(visitor.getByRole('heading', { level: 2, name: 'Cookie simpul_ref' })).toBeVisible();
	await expectAccessible(visitor);
	await visitor.screenshot({ path: '/tmp/h2-privacy.png', fullPage: true });
	await resident.close();
});
