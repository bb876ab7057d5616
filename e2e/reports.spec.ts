import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { expectAccessible, logIn } from './helpers';

test('an anggota reports a meeting from a phone: a bad audience first, the draft survives a reload, then it is in /laporan', async ({ page }) => {
	const notes = `Sosialisasi jadwal posyandu di balai RW ${Date.now() % 100000}`;
	await logIn(page, 'anggota@simpul.test');
	await page.goto('/lapor');
	await expect(page.getByRole('heading', { name: 'Lapor kegiatan' })).toBeVisible();
	await expectAccessible(page);

	// A draft is kept on the device: fill, reload, the values are back.
	await expect(page.locator('form[data-draft="ready"]')).toHaveCount(1);
	await page.getByLabel('Pertemuan warga').check();
	await page.getByLabel('Catatan (opsional)').fill(notes);
	await page.getByLabel('Jumlah peserta', { exact: true }).fill('200000');
	await page.reload();
	await expect(page.locator('form[data-draft="ready"]')).toHaveCount(1);
	await expect(page.getByText('Isian yang belum terkirim dipulihkan')).toBeVisible();
	await expect(page.getByLabel('Catatan (opsional)')).toHaveValue(notes);
	await expect(page.getByLabel('Jumlah peserta', { exact: true })).toHaveValue('200000');
	await expect(page.getByLabel('Pertemuan warga')).toBeChecked();
	await page.screenshot({ path: '/tmp/h3-lapor-draft.png', fullPage: true });

	// An absurd audience is refused with a message; the values are kept.
	await page.getByLabel('RW (opsional)').fill('5');
	await page.getByLabel('RT (opsional)').fill('2');
	await page.getByLabel('Tanggapan atau masukan warga (opsional)').fill('Warga minta jadwal dibagikan di grup WhatsApp.');
	await page.getByRole('button', { name: 'Kirim laporan' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Jumlah peserta terlalu besar');
	await expect(page.getByLabel('Jumlah peserta', { exact: true })).toHaveValue('200000');
	await expect(page.getByLabel('Catatan (opsional)')).toHaveValue(notes);
	await expect(page.getByLabel('RW (opsional)')).toHaveValue('5');
	await expect(page.getByLabel('Pertemuan warga')).toBeChecked();
	await page.screenshot({ path: '/tmp/h3-lapor-error.png', fullPage: true });
	await expectAccessible(page);

	// Fixed, with a photo: sent.
	await page.getByLabel('Jumlah peserta', { exact: true }).fill('35');
	await page.getByLabel('Jumlah perempuan (opsional)').fill('20');
	const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a7d44' } }).jpeg().toBuffer();
	await page.getByLabel('Foto kegiatan (opsional)').setInputFiles({ name: 'pertemuan.jpg', mimeType: 'image/jpeg', buffer: photo });
	// What the form posts (without the photo), to send it again below as a retry would.
	const fields = await page.locator('form.report-form').evaluate((f: HTMLFormElement) =>
		Object.fromEntries([...new FormData(f).entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>);
	expect(fields.idempotency_key).toMatch(/^[0-9a-f-]{36}$/);
	await page.getByRole('button', { name: 'Kirim laporan' }).click();
	await expect(page).toHaveURL(/\/laporan\/[0-9a-f-]{36}\?terkirim=1$/);
	const sentPath = new URL(page.url()).pathname + new URL(page.url()).search;

	// A resubmission with the page's key (the answer was lost on a dropped connection) records no second report.
	const again = await page.request.post('/lapor', { multipart: fields, headers: { origin: new URL(page.url()).origin, accept: 'text/html' }, maxRedirects: 0 });
	expect(again.status()).toBe(303);
	expect(again.headers().location).toBe(sentPath);
	await expect(page.getByRole('heading', { name: 'Laporan terkirim' })).toBeVisible();
	await expect(page.getByText('35 orang')).toBeVisible();
	await expect(page.getByRole('img', { name: 'Foto kegiatan 1' })).toBeVisible();
	await page.screenshot({ path: '/tmp/h3-lapor-sent.png', fullPage: true });
	await expectAccessible(page);

	// The draft is gone once the report is recorded.
	await page.getByRole('link', { name: 'Laporkan kegiatan lain' }).click();
	await expect(page.locator('form[data-draft="ready"]')).toHaveCount(1);
	await expect(page.getByLabel('Catatan (opsional)')).toHaveValue('');
	await expect(page.getByText('Isian yang belum terkirim dipulihkan')).toHaveCount(0);

	// The report is in the KIM's list, with its photo.
	await page.goto('/laporan');
	const card = page.locator('article', { hasText: notes });
	await expect(card).toBeVisible();
	await expect(card).toContainText('35 orang');
	await expect(card.getByRole('img', { name: 'Foto kegiatan 1' })).toBeVisible();
	const naturalWidth = await card.getByRole('img').first().evaluate((img: HTMLImageElement) => img.naturalWidth);
	expect(naturalWidth).toBe(800);
	await page.screenshot({ path: '/tmp/h3-laporan.png', fullPage: true });
	await expectAccessible(page);
});
