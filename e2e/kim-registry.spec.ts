import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, logOut } from './helpers';

test('a resident registers a KIM as its ketua, a petugas verifies it, the public finds it', async ({ page }) => {
	const kimName = `KIM Kemirirejo Literasi ${Date.now() % 100000}`;

	// A resident registers and then registers a KIM.
	await page.goto('/daftar');
	await page.getByLabel('Nama lengkap').fill('Bambang Hidayat');
	await page.getByLabel('Alamat surel').fill(`bambang.${Date.now()}@contoh.id`);
	await page.getByLabel('Kata sandi').fill('kata-sandi-bambang');
	await page.getByRole('button', { name: 'Buat akun' }).click();
	await expect(page).toHaveURL(/\/akun/);

	await page.goto('/kim/daftar');
	await expectAccessible(page);
	// Bad input first: nothing is saved and the page says how to fix it.
	await page.getByLabel('Nama KIM').fill(kimName);
	await page.getByLabel('Nomor SK pembentukan').fill('7/KEP/2026');
	await page.getByLabel('Tanggal SK').fill('2099-01-01');
	await page.getByRole('button', { name: 'Daftarkan KIM' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Ada masalah');
	await expect(summary).toContainText('Tanggal SK tidak boleh setelah hari ini');
	await expect(page.getByLabel('Nama KIM')).toHaveValue(kimName);

	await page.getByLabel('Wilayah').selectOption({ label: 'Kemirirejo' });
	await page.getByLabel('Literasi').check();
	await page.getByLabel('Tanggal SK').fill('2026-10-01');
	await page.getByLabel('Awal masa bakti pengurus').fill('2026-10-01');
	await page.getByLabel('Akhir masa bakti pengurus').fill('2029-09-30');
	await page.getByRole('button', { name: 'Daftarkan KIM' }).click();
	await expect(page).toHaveURL(/\/kim\/.+\/kelola/);
	await expect(page.getByText('KIM Anda sudah terdaftar')).toBeVisible();
	await expect(page.getByText('Menunggu verifikasi').first()).toBeVisible();
	await expect(page.getByText('Berkas SK belum diunggah.').first()).toBeVisible();
	const manageUrl = page.url();
	await expectAccessible(page);

	// Not public yet.
	await logOut(page);
	await page.goto('/kim');
	await expect(page.getByText(kimName)).toHaveCount(0);

	// A petugas verifies it.
	await logIn(page, 'petugas@simpul.test');
	await page.goto('/petugas/kim');
	await expectAccessible(page);
	await page.getByRole('button', { name: `Verifikasi ${kimName}` }).click();
	await expect(page.getByText(`${kimName} sudah diverifikasi dan tampil di direktori.`)).toBeVisible();
	await logOut(page);

	// The public directory lists it, filtered by its kecamatan, and its page opens.
	await page.goto('/kim');
	await page.getByLabel('Kecamatan').selectOption({ label: 'Magelang Tengah' });
	await page.getByRole('button', { name: /Tampilkan|Terapkan|Cari|Saring/ }).click();
	await expect(page.getByRole('link', { name: kimName })).toBeVisible();
	await page.getByRole('link', { name: kimName }).click();
	await expect(page.getByRole('heading', { level: 1, name: kimName })).toBeVisible();
	await expect(page.getByText('Bambang Hidayat')).toBeVisible();
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', new RegExp(kimName));
	await expectAccessible(page);
	expect(manageUrl).toContain('/kelola');
});

test('an anggota cannot reach the verify action', async ({ page, request }) => {
	await logIn(page, 'anggota@simpul.test');
	const response = await page.goto('/petugas/kim');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('tidak punya akses');
	await expect(page.getByRole('button', { name: /Verifikasi/ })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Verifikasi KIM' })).toHaveCount(0);

	// Their own KIM's page offers no management and no verification either.
	await page.goto('/akun');
	await page.locator('.card a').first().click();
	await expect(page.getByRole('button', { name: /Verifikasi/ })).toHaveCount(0);
	await expect(page.getByRole('button', { name: /Tambah anggota|Tambahkan/ })).toHaveCount(0);

	// The API refuses it too, and nothing changes.
	const login = await request.post('/api/v1/auth/login', { data: { email: 'anggota@simpul.test', password: 'simpul-demo' } });
	const token = (await login.json()).token;
	const kims = await (await request.get('/api/v1/kims?status=registered', { headers: { authorization: `Bearer ${token}` } })).json();
	const waiting = await (await request.get('/api/v1/kims', { headers: { authorization: `Bearer ${token}` } })).json();
	const target = kims.data[0] ?? waiting.data[0];
	const verify = await request.post(`/api/v1/kims/${target.id}/verify`, { headers: { authorization: `Bearer ${token}` } });
	expect(verify.status()).toBe(403);
	expect((await verify.json()).code).toBe('FORBIDDEN');
});
