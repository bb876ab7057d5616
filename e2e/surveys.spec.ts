import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, logIn, logOut } from './helpers';

const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

test('a petugas opens an information-needs survey from the template, the warga answers it once, the petugas reads the results', async ({ page }) => {
	// The petugas makes a draft from the template and opens it.
	await logIn(page, 'petugas@simpul.test');
	await page.goto('/petugas/survei');
	await expect(page.getByRole('heading', { name: 'Kelola survei' })).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/s-petugas-list.png', fullPage: true });
	await page.getByRole('button', { name: 'Buat dari templat: Survei Kebutuhan Informasi Warga' }).click();
	await expect(page.getByText('Draf survei dibuat dari templat')).toBeVisible();
	const id = page.url().match(/\/petugas\/survei\/([0-9a-f-]{36})/)![1];
	await page.getByRole('button', { name: 'Buka survei' }).click();
	await expect(page.getByText('Survei dibuka. Warga sekarang dapat mengisinya.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Tutup survei' })).toBeVisible();
	await page.screenshot({ path: '/tmp/s-petugas-survey.png', fullPage: true });
	await logOut(page);

	// The warga answers; the missing age is shown first.
	await logIn(page, 'warga@simpul.test');
	await page.goto('/survei');
	await expect(page.getByRole('heading', { name: 'Survei yang bisa Anda isi' })).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/s-list.png', fullPage: true });
	await page.goto(`/survei/${id}`);
	await expect(page.getByRole('heading', { name: 'Survei Kebutuhan Informasi Warga', level: 1 })).toBeVisible();
	await expectAccessible(page);
	await group(page, 'Informasi apa saja yang paling Anda butuhkan?').getByLabel('Kesehatan (puskesmas, posyandu, BPJS)').check();
	await group(page, 'Informasi apa saja yang paling Anda butuhkan?').getByLabel('Lowongan kerja dan pelatihan').check();
	await group(page, 'Seberapa sering Anda mencari informasi tentang layanan pemerintah kota?').getByLabel('Setiap minggu').check();
	await group(page, 'Dari mana Anda mendapat informasi tersebut saat ini?').getByLabel('Grup WhatsApp warga').check();
	await group(page, 'Saluran mana yang paling Anda sukai untuk menerima informasi?').getByLabel('KIM (Kelompok Informasi Masyarakat)').check();
	await group(page, 'Seberapa Anda percaya pada informasi dari pemerintah kota?').getByLabel('4', { exact: true }).check();
	await page.getByLabel('Informasi apa yang selama ini sulit Anda dapatkan? (opsional)').fill('Jadwal posyandu di RW kami.');
	await page.screenshot({ path: '/tmp/s-form.png', fullPage: true });
	await page.getByRole('button', { name: 'Kirim jawaban' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Jawab pertanyaan ini.');
	// What was chosen is kept.
	await expect(group(page, 'Seberapa Anda percaya pada informasi dari pemerintah kota?').getByLabel('4', { exact: true })).toBeChecked();
	await expect(group(page, 'Informasi apa saja yang paling Anda butuhkan?').getByLabel('Lowongan kerja dan pelatihan')).toBeChecked();
	await page.screenshot({ path: '/tmp/s-form-error.png', fullPage: true });
	await expectAccessible(page);
	await summary.getByRole('link', { name: 'Jawab pertanyaan ini.' }).click();
	await group(page, 'Berapa usia Anda?').getByLabel('26–40 tahun').check();
	await page.getByRole('button', { name: 'Kirim jawaban' }).click();
	await expect(page.getByRole('heading', { name: 'Terima kasih!' })).toBeVisible();
	await page.screenshot({ path: '/tmp/s-thanks.png', fullPage: true });

	// A second attempt: the page says so kindly, and the API refuses with 409.
	await page.goto(`/survei/${id}`);
	await expect(page.getByRole('heading', { name: 'Anda sudah mengisi survei ini' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Kirim jawaban' })).toHaveCount(0);
	const again = await page.request.post(`/api/v1/surveys/${id}/responses`, { data: { answers: [] } });
	expect(again.status()).toBe(409);
	await logOut(page);

	// The petugas sees the response in the results.
	await logIn(page, 'petugas@simpul.test');
	await page.goto(`/survei/${id}/hasil`);
	await expect(page.getByText('1 responden')).toBeVisible();
	await expect(page.getByText('Jadwal posyandu di RW kami.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Unduh CSV' })).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/s-results-staff.png', fullPage: true });
	const csv = await page.request.get(`/api/v1/surveys/${id}/results.csv`);
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toContain('26–40 tahun');
	await logOut(page);

	// The published digital-literacy results: the pillar table, for anyone.
	await page.goto('/survei');
	await page.getByRole('link', { name: 'Indeks Literasi Digital' }).first().click();
	await expect(page.getByRole('heading', { name: 'Indeks literasi digital per kelurahan' })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Keseluruhan' })).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/s-results-literacy.png', fullPage: true });
});

test('a petugas builds a poll question by question without JavaScript; a warga may not', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'id-ID' });
	const page = await context.newPage();
	await logIn(page, 'petugas@simpul.test');
	await page.goto('/petugas/survei/baru');
	await page.getByLabel('Judul survei').fill('Jajak pendapat taman kota');
	await page.getByLabel('Survei anonim').check();
	await page.getByRole('button', { name: 'Buat draf' }).click();
	await expect(page.getByRole('heading', { name: 'Sunting survei' })).toBeVisible();
	await expect(page.getByText('Belum ada pertanyaan.')).toBeVisible();

	// One option only: refused with a message, the text kept.
	await page.getByLabel('Pertanyaan', { exact: true }).fill('Taman mana yang paling sering Anda kunjungi?');
	await page.getByLabel('Pilihan jawaban').fill('Taman Badaan');
	await page.getByRole('button', { name: 'Tambah pertanyaan' }).click();
	await expect(page.getByRole('alert')).toContainText('Tulis paling sedikit 2 pilihan jawaban yang berbeda.');
	await expect(page.getByLabel('Pertanyaan', { exact: true })).toHaveValue('Taman mana yang paling sering Anda kunjungi?');
	await page.getByLabel('Pilihan jawaban').fill('Taman Badaan\nAlun-alun\nTaman Kyai Langgeng');
	await page.getByRole('button', { name: 'Tambah pertanyaan' }).click();
	await expect(page.getByText('Pertanyaan ditambahkan.')).toBeVisible();
	await page.getByLabel('Pertanyaan', { exact: true }).fill('Seberapa puas Anda dengan kebersihan taman?');
	await page.getByLabel('Jenis jawaban').selectOption('scale');
	await page.getByRole('button', { name: 'Tambah pertanyaan' }).click();
	await expect(page.getByRole('heading', { name: 'Pertanyaan (2)' })).toBeVisible();
	await page.getByRole('button', { name: /^Naikkan\s*: Seberapa puas/ }).click();
	await expect(page.locator('.questions > li').first()).toContainText('Seberapa puas');
	// (axe needs JavaScript in the page; the builder's markup is the same components as the checked pages.)
	await page.screenshot({ path: '/tmp/s-builder.png', fullPage: true });
	await page.getByRole('button', { name: /^Hapus\s*: Taman mana/ }).click();
	await expect(page.getByRole('heading', { name: 'Pertanyaan (1)' })).toBeVisible();
	await page.getByRole('link', { name: 'Selesai menyunting' }).click();
	await page.getByRole('button', { name: 'Buka survei' }).click();
	await expect(page.getByText('Survei dibuka.')).toBeVisible();
	const id = page.url().match(/\/petugas\/survei\/([0-9a-f-]{36})/)![1];
	await logOut(page);

	// Anyone answers an anonymous poll once per device; the page says what is stored.
	await page.goto(`/survei/${id}`);
	await expect(page.getByText('cookie acak bernama simpul_survey_device')).toBeVisible();
	await page.getByRole('button', { name: 'Kirim jawaban' }).click();
	await expect(page.getByRole('alert')).toContainText('Jawab pertanyaan ini.');
	await group(page, 'Seberapa puas Anda dengan kebersihan taman?').getByLabel(/^5/).check();
	await page.getByLabel('Kelurahan tempat tinggal Anda (opsional)').selectOption({ label: 'Wates' });
	await page.getByRole('button', { name: 'Kirim jawaban' }).click();
	await expect(page.getByRole('heading', { name: 'Terima kasih!' })).toBeVisible();
	const cookie = (await context.cookies()).find((c) => c.name === 'simpul_survey_device')!;
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
	await page.goto(`/survei/${id}`);
	await expect(page.getByRole('heading', { name: 'Anda sudah mengisi survei ini' })).toBeVisible();

	await logIn(page, 'warga@simpul.test');
	const res = await page.goto('/petugas/survei');
	expect(res?.status()).toBe(403);
	await context.close();
});
