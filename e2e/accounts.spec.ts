import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, logOut, ok, waitForMail } from './helpers';

test('a resident registers, sees their account, logs out and back in', async ({ page }) => {
	await page.goto('/');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Daftar', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Daftar sebagai warga' })).toBeVisible();
	await expectAccessible(page);

	// Bad input: the error summary links to the fields, the typed values stay.
	await page.getByLabel('Nama lengkap').fill('Rina Wulandari');
	await page.getByLabel('Alamat surel').fill('bukan-surel');
	await page.getByLabel('Kata sandi').fill('pendek');
	await page.getByRole('button', { name: 'Buat akun' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Ada masalah');
	await expect(summary.getByRole('link', { name: /alamat surel yang benar/ })).toBeVisible();
	await expect(summary.getByRole('link', { name: 'Kata sandi minimal 8 karakter' })).toBeVisible();
	await expect(page.getByLabel('Nama lengkap')).toHaveValue('Rina Wulandari');
	await expectAccessible(page);

	const email = `rina.${Date.now()}@contoh.id`;
	await page.getByLabel('Alamat surel').fill(email);
	await page.getByLabel('Kata sandi').fill('kata-sandi-rina');
	await page.getByLabel(/Kelurahan tempat tinggal/).selectOption({ label: 'Tidar Selatan' });
	await page.getByRole('button', { name: 'Buat akun' }).click();
	await expect(page).toHaveURL(/\/akun/);
	await expect(page.getByText('Selamat datang, Rina Wulandari')).toBeVisible();
	await expect(page.getByText('Tidar Selatan')).toBeVisible();

	await logOut(page);
	await logIn(page, email, 'kata-sandi-rina');
	await expect(page.getByRole('link', { name: 'Akun saya' })).toBeVisible();
});

test('a wrong password is refused with a message on the page', async ({ page }) => {
	await page.goto('/masuk');
	await page.getByLabel('Alamat surel').fill('warga@simpul.test');
	await page.getByLabel('Kata sandi').fill('salah-sekali');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByRole('alert')).toContainText('Surel atau kata sandi salah');
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
	await logIn(page, 'warga@simpul.test');
	const cookie = (await context.cookies()).find((c) => c.name === 'simpul_session');
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
});

test('the language switch turns the interface to English and back', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'id');
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('link', { name: 'KIM directory', exact: true })).toBeVisible();
	await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
	await expect(page.getByRole('link', { name: 'Direktori KIM', exact: true })).toBeVisible();
});

test('the API documentation is browsable', async ({ page }) => {
	await page.goto('/api/docs');
	await expect(page.getByText('Simpul API')).toBeVisible();
	await expect(page.getByText('/api/v1/auth/login').first()).toBeVisible();
});

test('a resident resets a forgotten password through the emailed link', async ({ page, request }) => {
	// A resident of this test's own: the demo accounts keep their password for the other journeys.
	const email = `lupa-${Date.now()}@example.test`;
	await ok(await request.post('/api/v1/auth/register', { data: { name: 'Warga Pelupa', email, password: 'sandi-lama-warga' } }), 201);
	await page.goto('/masuk');
	await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
	await page.getByLabel('Alamat surel').fill(email);
	await page.getByRole('button', { name: 'Kirim tautan' }).click();
	await expect(page.getByRole('status')).toContainText('Jika surel itu terdaftar');

	const mail = await waitForMail(email);
	const link = mail.match(/https?:\/\/[^\s]+\/atur-sandi\?token=[A-Za-z0-9_%-]+/)![0];
	await page.goto(new URL(link).pathname + new URL(link).search);
	await page.getByLabel('Kata sandi baru', { exact: true }).fill('sandi-baru-warga');
	await page.getByLabel('Ulangi kata sandi baru').fill('sandi-baru-lain');
	await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
	await expect(page.getByRole('alert')).toContainText('Kedua kata sandi tidak sama');
	await page.getByLabel('Kata sandi baru', { exact: true }).fill('sandi-baru-warga');
	await page.getByLabel('Ulangi kata sandi baru').fill('sandi-baru-warga');
	await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
	await expect(page.getByRole('status')).toContainText('Kata sandi tersimpan');
	await logIn(page, email, 'sandi-baru-warga');
});
