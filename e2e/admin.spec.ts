import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, logOut } from './helpers';

test('an admin makes a resident a petugas, and the audit log shows who did it', async ({ page }) => {
	// A fresh resident, so the journey does not depend on other journeys' changes.
	const email = `calon.petugas.${Date.now()}@contoh.id`;
	await page.goto('/daftar');
	await page.getByLabel('Nama lengkap').fill('Calon Petugas');
	await page.getByLabel('Alamat surel').fill(email);
	await page.getByLabel('Kata sandi').fill('kata-sandi-calon');
	await page.getByRole('button', { name: 'Buat akun' }).click();
	await expect(page).toHaveURL(/\/akun/);
	await logOut(page);

	await logIn(page, 'admin@simpul.test');
	await page.getByRole('link', { name: 'Admin', exact: true }).click();
	await expectAccessible(page);
	await page.getByRole('link', { name: /Pengguna/ }).first().click();
	await page.getByLabel('Nama atau surel').fill(email);
	await page.getByRole('button', { name: 'Tampilkan' }).click();
	await page.getByLabel('Peran untuk Calon Petugas').selectOption({ label: 'Petugas' });
	await page.getByRole('button', { name: 'Simpan Peran untuk Calon Petugas' }).click();
	await expect(page.locator('.banner.success')).toBeVisible();
	await expectAccessible(page);

	await page.goto('/admin/audit?action=user.role_change');
	await expect(page.getByText('admin@').first()).toBeVisible();
	await expect(page.getByText(email.split('@')[0]).first()).toBeVisible();
	await logOut(page);

	// The new petugas now reaches the officers' registry.
	await logIn(page, email, 'kata-sandi-calon');
	await page.getByRole('link', { name: 'Verifikasi KIM', exact: true }).click();
	await expect(page).toHaveURL(/\/petugas\/kim/);
});

test('a petugas cannot open the admin pages', async ({ page }) => {
	await logIn(page, 'petugas@simpul.test');
	const response = await page.goto('/admin/pengguna');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);
});
