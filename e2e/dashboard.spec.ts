import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, logOut } from './helpers';

/**
 * The petugas opens "Ringkasan" from the work menu on a phone: every section is there, the page
 * fits 360 px, axe finds nothing, and the figures lead to the pages where the officer acts.
 * A resident is refused.
 */
test('the agency dashboard sums up the work and links to it', async ({ page }) => {
	await logIn(page, 'petugas@simpul.test');
	await page.getByRole('navigation', { name: 'Menu kerja' }).getByRole('link', { name: 'Ringkasan' }).click();
	await expect(page).toHaveURL(/\/petugas$/);
	await expect(page).toHaveTitle('Ringkasan — Simpul');
	await expect(page.getByRole('heading', { level: 1, name: 'Ringkasan' })).toBeVisible();
	for (const name of ['Aduan terbuka', 'Kampanye berjalan', 'Jaringan KIM', 'Laporan kegiatan 30 hari terakhir', 'Klik tautan kampanye 7 hari terakhir']) {
		await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
	}
	await expect(page.getByRole('navigation', { name: 'Menu kerja' }).getByRole('link', { name: 'Ringkasan' })).toHaveAttribute('aria-current', 'page');
	await expect(page.getByRole('row')).not.toHaveCount(0);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectAccessible(page);
	await page.screenshot({ path: 'test-results/dashboard-360.png', fullPage: true });

	await page.getByRole('link', { name: /Lewat tenggat/ }).click();
	await expect(page).toHaveURL(/\/petugas\/aduan\?due=overdue$/);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1, name: 'Ringkasan' })).toBeVisible();

	await page.getByRole('link', { name: /KIM menunggu verifikasi/ }).click();
	await expect(page).toHaveURL(/\/petugas\/kim\?status=registered$/);
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1, name: 'Ringkasan' })).toBeVisible();

	const campaign = page.locator('table.table a[href^="/kampanye/"]').first();
	if (await campaign.count()) {
		const title = (await campaign.innerText()).trim();
		await campaign.click();
		await expect(page).toHaveURL(/\/kampanye\/[0-9a-f-]+\/jangkauan$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	} else {
		await expect(page.getByText('Belum ada kampanye aktif.')).toBeVisible();
	}
	await logOut(page);

	await logIn(page, 'warga@simpul.test');
	const res = await page.goto('/petugas');
	expect(res?.status()).toBe(403);
	await expect(page.getByRole('navigation', { name: 'Menu kerja' })).toHaveCount(0);
});
