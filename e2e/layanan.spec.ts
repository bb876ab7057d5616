import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, logOut } from './helpers';

test('a resident finds a service despite a typo, reads what to bring and the fee, and can call 112 first', async ({ page }) => {
	await page.goto('/layanan');
	await expect(page.getByRole('heading', { name: 'Layanan publik', level: 1 })).toBeVisible();

	// Emergency numbers come first, 112 leading, as a big tel: link.
	const calls = page.locator('section.emergency a');
	await expect(calls.first()).toHaveAttribute('href', 'tel:112');
	const box = await calls.first().boundingBox();
	expect(box!.height).toBeGreaterThanOrEqual(44);
	expect(box!.width).toBeGreaterThan(250);
	await expect(page.getByRole('link', { name: /^110 Polisi/ })).toHaveAttribute('href', 'tel:110');
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/layanan-e2e-list.png', fullPage: true });

	// "akte kelahrian": a typo and the old spelling still find Akta Kelahiran, first.
	await page.getByLabel('Cari layanan atau fasilitas').fill('akte kelahrian');
	await page.getByRole('button', { name: 'Cari', exact: true }).click();
	await expect(page).toHaveURL(/\/layanan\?q=akte\+kelahrian/);
	const first = page.locator('#daftar-layanan ~ ul h3 a, section[aria-labelledby="daftar-layanan"] h3 a').first();
	await expect(first).toHaveText('Penerbitan Akta Kelahiran');
	await first.click();

	await expect(page).toHaveURL(/\/layanan\/akta-kelahiran$/);
	await expect(page.getByRole('heading', { name: 'Penerbitan Akta Kelahiran', level: 1 })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Persyaratan' })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Surat keterangan lahir dari bidan' })).toBeVisible();
	await expect(page.locator('.summary-list .fee')).toHaveText('Gratis');
	await expect(page.getByText('Dinas Kependudukan dan Pencatatan Sipil')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Bagikan ke WhatsApp' })).toHaveAttribute('href', /^https:\/\/wa\.me\/\?text=/);
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Penerbitan Akta Kelahiran');
	const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
	expect(ld).toMatchObject({ '@type': 'GovernmentService', provider: { name: 'Dinas Kependudukan dan Pencatatan Sipil' } });
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/layanan-e2e-service.png', fullPage: true });

	// A service with a fee shows it in rupiah.
	await page.goto('/layanan/uji-kir');
	await expect(page.locator('.summary-list .fee')).toHaveText('Rp 87.000');
});

test('a petugas adds a facility (a point outside the city is refused first), the public sees it; hidden and deleted again; a warga may not manage', async ({ page, request }) => {
	const name = `Posyandu Kenanga ${Date.now() % 100000}`;
	await logIn(page, 'petugas@simpul.test');
	await page.goto('/petugas/layanan');
	await page.getByRole('link', { name: 'Tambah fasilitas' }).click();
	await expect(page.getByRole('heading', { name: 'Tambah fasilitas' })).toBeVisible();

	await page.getByLabel('Nama', { exact: true }).fill(name);
	await page.getByLabel('Jenis fasilitas').selectOption({ label: 'Posyandu' });
	await page.getByLabel('Alamat', { exact: true }).fill('Balai RW 07, Jl. Kenanga');
	await page.getByLabel('Kelurahan', { exact: true }).selectOption({ label: 'Tidar Selatan' });
	// Jakarta, not Magelang.
	await page.getByLabel('Lintang').fill('-6,2');
	await page.getByLabel('Bujur').fill('106,8');
	await page.getByLabel('Jam buka').fill('Setiap Rabu minggu kedua, 08.00–11.00');
	await page.getByRole('button', { name: 'Simpan' }).click();

	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Titik ini berada di luar kota');
	await expect(page.locator('#f-lat-error')).toContainText('luar kota');
	await expect(page.getByLabel('Nama', { exact: true })).toHaveValue(name);
	await expect(page.getByLabel('Kelurahan', { exact: true })).toHaveValue('33.71.01.1011');
	await page.screenshot({ path: '/tmp/layanan-e2e-facility-error.png', fullPage: true });
	await expectAccessible(page);

	await page.getByLabel('Lintang').fill('-7,4905');
	await page.getByLabel('Bujur').fill('110,2125');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page).toHaveURL(/\/petugas\/layanan\?ok=created/);
	await expect(page.getByRole('status')).toContainText('Sudah ditambahkan');
	await expect(page.getByRole('link', { name })).toBeVisible();
	await logOut(page);

	// The public finds it and opens it: kind, kelurahan, hours and an OpenStreetMap link at its point.
	await page.goto(`/layanan?q=${encodeURIComponent('kenanga')}`);
	await page.getByRole('link', { name }).click();
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
	await expect(page.getByText('Setiap Rabu minggu kedua')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Lihat di peta (OpenStreetMap)' })).toHaveAttribute('href', /mlat=-7\.490500&mlon=110\.212500/);
	const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
	expect(ld).toMatchObject({ '@type': 'MedicalClinic', name, geo: { latitude: -7.4905, longitude: 110.2125 } });
	await page.screenshot({ path: '/tmp/layanan-e2e-facility.png', fullPage: true });
	const publicPath = new URL(page.url()).pathname;

	// The petugas hides it (the public gets 404), then deletes it after a confirmation step.
	await logIn(page, 'petugas@simpul.test');
	await page.goto('/petugas/layanan');
	await page.getByRole('button', { name: `Sembunyikan: ${name}` }).click();
	await expect(page.getByRole('status')).toContainText('Sudah disembunyikan');
	expect((await request.get(publicPath)).status()).toBe(404); // `request` carries no session: the public
	expect((await page.request.get(publicPath)).status()).toBe(200); // staff still see the draft
	// An edit keeps the point check and saves.
	await page.getByRole('link', { name }).click();
	await page.getByLabel('Jam buka').fill('Setiap Kamis minggu kedua, 08.00–11.00');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByRole('status')).toContainText('Perubahan sudah disimpan');
	await page.getByRole('link', { name }).click();
	await expect(page.getByLabel('Jam buka')).toHaveValue('Setiap Kamis minggu kedua, 08.00–11.00');
	await expect(page.getByLabel('Terbitkan (warga dapat melihat)')).not.toBeChecked();
	await page.getByRole('link', { name: 'Hapus fasilitas' }).click();
	await expect(page.getByRole('heading', { name: `Hapus ${name}?` })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Ya, hapus' }).click();
	await expect(page.getByRole('status')).toContainText('Sudah dihapus');
	await expect(page.getByRole('link', { name })).toHaveCount(0);
	await logOut(page);
	expect((await request.get(publicPath)).status()).toBe(404);

	// A warga is refused the management pages.
	await logIn(page, 'warga@simpul.test');
	const res = await page.goto('/petugas/layanan/fasilitas/baru');
	expect(res!.status()).toBe(403);
});
