import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { expectAccessible, logIn } from './helpers';

// "Pakai lokasi saya" reads this position (a street in Tidar Selatan).
test.use({ geolocation: { latitude: -7.4801, longitude: 110.2175 }, permissions: ['geolocation'] });

test('a resident files a complaint with a photo on a phone, gets a tracking id, tracks it and finds it in Aduan saya', async ({ page }) => {
	const title = `Lampu jalan mati di gang ${Date.now() % 100000}`;
	await logIn(page, 'warga@simpul.test');
	await page.goto('/aduan');
	await expect(page.getByRole('heading', { name: 'Aduan warga' })).toBeVisible();
	await page.screenshot({ path: '/tmp/helperA-aduan-home.png', fullPage: true });
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Buat aduan' }).first().click();
	await expect(page.getByRole('heading', { name: 'Buat aduan' })).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/helperA-aduan-baru.png', fullPage: true });

	// A bad submit: a too-short description and a point outside the city.
	await page.getByLabel('Pengaduan').check();
	await page.getByLabel('Kategori').selectOption('lampu-jalan');
	await page.getByLabel('Judul singkat').fill(title);
	await page.getByLabel('Uraian').fill('Gelap');
	await page.getByLabel('Kelurahan').selectOption({ label: 'Tidar Selatan' });
	await page.getByLabel('Lintang').fill('-6.2');
	await page.getByLabel('Bujur').fill('106.8');
	await page.getByRole('button', { name: 'Kirim aduan' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('paling sedikit 20 huruf');
	await expect(summary).toContainText('di luar Kota Magelang');
	await expect(page.getByLabel('Judul singkat')).toHaveValue(title);
	await page.screenshot({ path: '/tmp/helperA-aduan-baru-error.png', fullPage: true });
	await expectAccessible(page);

	// Fixed, with a photo and the anonymous mode.
	await page.getByLabel('Uraian').fill('Dua lampu penerangan jalan di gang dekat musala mati sejak seminggu, gang gelap total.');
	// With JavaScript the phone's location fills the point.
	await page.getByRole('button', { name: 'Pakai lokasi saya' }).click();
	await expect(page.getByLabel('Lintang')).toHaveValue('-7.480100');
	await expect(page.getByLabel('Bujur')).toHaveValue('110.217500');
	await page.getByLabel('Anonim').check();
	const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#223344' } }).jpeg().toBuffer();
	await page.getByLabel(/^Foto/).setInputFiles({ name: 'lampu.jpg', mimeType: 'image/jpeg', buffer: photo });
	await page.getByRole('button', { name: 'Kirim aduan' }).click();

	await expect(page.getByRole('heading', { name: 'Aduan terkirim' })).toBeVisible();
	const trackingId = (await page.getByTestId('tracking-id').textContent())!.trim();
	expect(trackingId).toMatch(/^MGL-\d{4}-\d{6}$/);
	await page.screenshot({ path: '/tmp/helperA-aduan-terkirim.png', fullPage: true });
	await expectAccessible(page);

	// The public tracking page, as anyone would open it.
	await page.getByRole('link', { name: 'Lihat halaman pantau' }).click();
	await expect(page).toHaveURL(new RegExp(`/aduan/${trackingId}$`));
	await expect(page.getByRole('heading', { name: title })).toBeVisible();
	await expect(page.getByText('Diterima').first()).toBeVisible();
	await expect(page.getByText(/Petugas memverifikasi aduan ini paling lambat .* WIB/)).toBeVisible();
	await expect(page.getByRole('img', { name: 'Foto aduan 1' })).toBeVisible();
	await page.screenshot({ path: '/tmp/helperA-aduan-pantau.png', fullPage: true });
	await expectAccessible(page);

	// Logged out, the anonymous aduan is still visible, without the reporter's name.
	const visitor = await page.context().browser()!.newContext({ viewport: { width: 360, height: 740 } });
	const anon = await visitor.newPage();
	await anon.goto(page.url());
	await expect(anon.getByRole('heading', { name: title })).toBeVisible();
	expect(await anon.content()).not.toContain('Warga Demo');
	// The lookup form finds it too (works without JavaScript: a GET form).
	await anon.goto('/aduan');
	await anon.getByLabel('Nomor aduan').fill(trackingId.toLowerCase());
	await anon.getByRole('button', { name: 'Cari' }).click();
	await expect(anon).toHaveURL(new RegExp(`/aduan/${trackingId}$`));
	await visitor.close();

	await page.goto('/aduan/saya');
	await expect(page.getByRole('link', { name: title })).toHaveAttribute('href', `/aduan/saya/${trackingId}`);
	await page.screenshot({ path: '/tmp/helperA-aduan-saya.png', fullPage: true });
	await expectAccessible(page);
});

test('a KIM member files for a resident; the resident claims it with the code', async ({ page, browser }) => {
	await logIn(page, 'anggota@simpul.test');
	await page.goto('/aduan/baru');
	await page.getByLabel('Aspirasi').check();
	await page.getByLabel('Kategori').selectOption('pendidikan');
	await page.getByLabel('Judul singkat').fill('Usul les gratis untuk anak di balai RW');
	await page.getByLabel('Uraian').fill('Warga mengusulkan les gratis dua kali seminggu untuk anak SD di balai RW.');
	await page.getByLabel('Kelurahan').selectOption({ label: 'Tidar Selatan' });
	await page.locator('summary', { hasText: 'Mengajukan untuk warga lain' }).click();
	await page.getByLabel('Nama warga').fill('Mbah Sastro Uji');
	await page.getByRole('button', { name: 'Kirim aduan' }).click();
	await expect(page.getByRole('alert')).toContainText('Centang persetujuan');
	await page.getByLabel(/Warga sudah setuju/).check();
	await page.getByRole('button', { name: 'Kirim aduan' }).click();
	await expect(page.getByRole('heading', { name: 'Kode klaim untuk warga' })).toBeVisible();
	const trackingId = (await page.getByTestId('tracking-id').textContent())!.trim();
	const code = (await page.getByTestId('claim-code').textContent())!.trim();
	await page.screenshot({ path: '/tmp/helperA-aduan-bantu.png', fullPage: true });
	// Shown once.
	await page.reload();
	await expect(page.getByTestId('claim-code')).toHaveCount(0);

	const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const resident = await ctx.newPage();
	const email = `klaim${Date.now()}@contoh.id`;
	await resident.goto('/daftar');
	await resident.getByLabel('Nama lengkap').fill('Sastro Uji');
	await resident.getByLabel('Alamat surel').fill(email);
	await resident.getByLabel('Kata sandi').fill('sandi-panjang-sekali');
	await resident.getByRole('button', { name: 'Buat akun' }).click();
	await expect(resident).toHaveURL(/\/akun/);
	await resident.goto(`/aduan/klaim?nomor=${trackingId}`);
	await expectAccessible(resident);
	await resident.getByLabel('Kode klaim').fill('ZZZZ-ZZZZ');
	await resident.getByRole('button', { name: 'Klaim aduan' }).click();
	await expect(resident.getByRole('alert')).toContainText('Kode klaim tidak cocok');
	await resident.getByLabel('Kode klaim').fill(code);
	await resident.getByRole('button', { name: 'Klaim aduan' }).click();
	await expect(resident).toHaveURL(new RegExp(`/aduan/saya/${trackingId}`));
	await ctx.close();
});
