import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, ok, todayWib, tokenOf } from './helpers';

const stamp = Date.now() % 1_000_000;

/**
 * An admin issues an Open311 key on /admin/kunci-api (shown once) and revokes another; a partner
 * app files an aduan through Open311 with the key; anyone then reads it in the public statistics,
 * filters them by date, and finds no reporter data. Phone-sized viewport, axe on every page.
 */
test('admin issues an Open311 key; the filed aduan shows in the public statistics', async ({ page, request }) => {
	await logIn(page, 'admin@simpul.test');
	await page.goto('/admin/kunci-api');
	await expect(page.getByRole('heading', { level: 1, name: 'Kunci API Open311' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Nama aplikasi').fill(`Aplikasi Kelurahan ${stamp}`);
	await page.getByRole('button', { name: 'Buat kunci' }).click();
	const key = (await page.getByTestId('new-key').textContent())!.trim();
	expect(key).toMatch(/^s311_/);
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/o311-keys-360.png', fullPage: true });
	// Reloading does not show the key again.
	await page.goto('/admin/kunci-api');
	await expect(page.getByText(key)).toHaveCount(0);
	await expect(page.getByRole('row', { name: new RegExp(`Aplikasi Kelurahan ${stamp}`) })).toContainText('Aktif');

	const reporter = { first_name: 'Sumirah', last_name: `Uji${stamp}`, email: `sumirah.${stamp}@contoh.id`, phone: '081234500' + String(stamp).slice(0, 3) };
	// Form-encoded, as GeoReport clients post from their servers (no Origin header): Open311 is the
	// one path the cross-site form check lets through; a page's form action still refuses it.
	const filed = await ok(await request.post('/open311/v2/requests.json', {
		form: { api_key: key, jurisdiction_id: '33.71', service_code: 'lampu-jalan', address_string: 'Jl. Pahlawan 3, Kelurahan Potrobangsan', description: `Lampu jalan mati dua malam berturut-turut (${stamp}).`, ...reporter }
	}));
	expect(filed[0].service_request_id).toMatch(/-\d{4}-\d{6}$/);
	const forged = await request.post('/masuk', { form: { email: 'warga@simpul.test', password: 'simpul-demo' }, headers: { origin: 'https://evil.example' } });
	expect(forged.status()).toBe(403);
	const one = await ok(await request.get(`/open311/v2/requests/${filed[0].service_request_id}.json`));
	expect(one[0]).toMatchObject({ status: 'open', service_code: 'lampu-jalan', address: 'Potrobangsan' });
	expect((await request.get(`/open311/v2/requests/${filed[0].service_request_id}.xml`)).headers()['content-type']).toContain('text/xml');

	// A second key, revoked on the page, no longer files.
	const admin = await tokenOf(request, 'admin@simpul.test');
	const spare = await ok(await request.post('/api/v1/admin/api-keys', { headers: admin, data: { name: `Cadangan ${stamp}` } }), 201);
	await page.goto('/admin/kunci-api');
	await page.getByRole('row', { name: new RegExp(`Cadangan ${stamp}`) }).getByRole('button', { name: /Cabut/ }).click();
	await expect(page.getByRole('status')).toContainText(`Kunci Cadangan ${stamp} sudah dicabut`);
	expect((await request.post('/open311/v2/requests.json', { data: { api_key: spare.key, service_code: 'sampah', address_string: 'Wates', description: 'Sampah menumpuk di depan pasar sejak minggu lalu.' } })).status()).toBe(403);

	// The public statistics, without logging in.
	await page.context().clearCookies();
	await page.goto('/aduan/statistik');
	await expect(page.getByRole('heading', { level: 1, name: 'Statistik aduan' })).toBeVisible();
	await expect(page.getByRole('table', { name: /menurut status/ })).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/o311-stats-360.png', fullPage: true });

	// Filter to today: the Open311 aduan is counted under its category and kelurahan.
	await page.getByLabel('Dari tanggal').fill(todayWib());
	await page.getByLabel('Sampai tanggal').fill(todayWib());
	await page.getByRole('button', { name: 'Tampilkan' }).click();
	await expect(page).toHaveURL(new RegExp(`from=${todayWib()}&to=${todayWib()}`));
	const byCategory = page.getByRole('table', { name: /menurut kategori/ });
	const lampu = byCategory.getByRole('row', { name: /Lampu/ });
	expect(Number(await lampu.getByRole('cell').first().textContent())).toBeGreaterThanOrEqual(1);
	await expect(page.getByRole('table', { name: /menurut kelurahan/ }).getByRole('row', { name: /Potrobangsan/ })).toBeVisible();
	const html = await page.content();
	for (const secret of [reporter.last_name, reporter.email, reporter.phone, filed[0].service_request_id]) expect(html).not.toContain(secret);
	const api = await ok(await request.get(`/api/v1/aduan/stats?from=${todayWib()}&to=${todayWib()}`));
	expect(api.total).toBeGreaterThanOrEqual(1);
	expect(JSON.stringify(api)).not.toContain(reporter.email);

	// A range long ago is empty; a reversed range shows the error summary.
	await page.goto('/aduan/statistik?from=2020-01-01&to=2020-01-31');
	await expect(page.getByText('Belum ada aduan pada rentang tanggal ini.')).toBeVisible();
	await page.goto('/aduan/statistik?from=2026-03-01&to=2026-02-01');
	await expect(page.locator('.error-summary')).toContainText('Tanggal awal harus sebelum');
	await expectAccessible(page);

	// Desktop width, for a look.
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/aduan/statistik');
	await page.screenshot({ path: '/tmp/o311-stats-desktop.png', fullPage: true });
});
