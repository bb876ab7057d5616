import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, logOut, todayWib as wib } from './helpers';

/**
 * The journey: a petugas plans and launches a campaign, the ketua accepts it and hands it
 * to an anggota, the anggota shares the personal link and reports a meeting from a phone, and the
 * petugas sees the numbers move.
 */
test('a campaign from plan to reach: launch, accept, share, report, numbers move', async ({ page, browser }) => {
	const n = Date.now() % 100000;
	const postTitle = `Jadwal imunisasi balita ${n}`;
	const title = `Imunisasi balita ${n}`;

	// The main post: written and published by the agency (the newsroom journey covers that UI).
	await logIn(page, 'petugas@simpul.test');
	const origin = new URL(page.url()).origin;
	const post = await page.request.post('/api/v1/posts', { headers: { origin }, data: { kind: 'news', title: postTitle, summary: 'Imunisasi gratis di posyandu.', body: 'Datang membawa buku KIA.' } });
	expect(post.status()).toBe(201);
	const postId = (await post.json()).id;
	expect((await page.request.post(`/api/v1/posts/${postId}/publish`, { headers: { origin } })).status()).toBe(200);

	// Plan the campaign; bad input first.
	await page.goto('/petugas/kampanye');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Buat kampanye' }).click();
	await expect(page).toHaveURL(/\/petugas\/kampanye\/baru$/);
	await expectAccessible(page);
	await page.getByLabel('Judul kampanye').fill(title);
	await page.getByLabel('Tanggal mulai').fill(wib(5));
	await page.getByLabel('Tanggal selesai').fill(wib(1));
	await page.getByRole('button', { name: 'Simpan draf' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Ada masalah');
	await expect(summary).toContainText('Pilih tulisan utama yang akan dibagikan');
	await expect(page.getByLabel('Judul kampanye')).toHaveValue(title);
	await page.screenshot({ path: '/tmp/h1-plan-errors.png', fullPage: true });

	await page.getByLabel('Tujuan').fill('Semua orang tua balita tahu jadwal imunisasi di posyandu.');
	await page.getByLabel('Pesan utama').fill('Imunisasi gratis\nBawa buku KIA');
	await page.getByLabel('Tulisan utama').selectOption({ label: postTitle });
	await page.getByLabel('Pesan WhatsApp').fill('Info penting: {judul}. Baca di {tautan}');
	await page.getByLabel('Prioritas').selectOption('high');
	await page.getByLabel('Semua KIM terverifikasi').check();
	await page.getByLabel('Target jangkauan').fill('5000');
	await page.getByRole('button', { name: 'Simpan draf' }).click();
	// The dates are still the wrong way round: checked once the form is complete.
	await expect(page.getByRole('alert')).toContainText('Tanggal selesai tidak boleh sebelum tanggal mulai');
	await expect(page.getByLabel('Pesan utama')).toHaveValue('Imunisasi gratis\nBawa buku KIA');
	await page.getByLabel('Tanggal mulai').fill(wib(0));
	await page.getByLabel('Tanggal selesai').fill(wib(30));
	await page.getByLabel('Batas waktu tugas (opsional)').fill(wib(20));
	await page.getByRole('button', { name: 'Simpan draf' }).click();
	await expect(page).toHaveURL(/\/petugas\/kampanye\/[0-9a-f-]{36}\?ok=created/);
	await expect(page.getByText('Draf kampanye tersimpan')).toBeVisible();
	const campaignId = new URL(page.url()).pathname.split('/').pop()!;
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/h1-draft.png', fullPage: true });

	// Launch: the button says how many KIMs get a task.
	const launch = page.getByRole('button', { name: /^Luncurkan ke \d+ KIM$/ });
	const count = Number((await launch.textContent())!.match(/\d+/)![0]);
	expect(count).toBeGreaterThan(0);
	await expect(page.getByText(`Peluncuran membuat tugas untuk ${count} KIM`)).toBeVisible();
	await launch.click();
	await expect(page.getByText(`Kampanye diluncurkan. ${count} KIM mendapat tugas`)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Lihat jangkauan' })).toHaveAttribute('href', `/kampanye/${campaignId}/jangkauan`);
	await expect(page.getByRole('button', { name: /^Luncurkan/ })).toHaveCount(0);
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/h1-launched.png', fullPage: true });
	await page.goto('/petugas/kampanye');
	await expect(page.getByRole('row').filter({ hasText: title })).toContainText(`0/${count}`);
	// Before anyone carries it, the reach page shows zeros.
	const figure = (name: string) => page.locator('.figure').filter({ has: page.getByRole('term').filter({ hasText: name }) }).getByRole('definition');
	await page.goto(`/kampanye/${campaignId}/jangkauan`);
	await expect(figure('Warga terjangkau (dilaporkan)')).toContainText('0 dari target 5.000 orang');
	await expect(figure('Klik tautan')).toContainText('0');
	await logOut(page);

	// The ketua of the first demo KIM accepts in the inbox and hands the task to the anggota.
	await logIn(page, 'pengurus@simpul.test');
	await page.goto('/tugas');
	const task = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
	await expect(task).toContainText('Baru');
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/h1-inbox.png', fullPage: true });
	await task.getByRole('button', { name: `Terima tugas ${title}` }).click();
	await expect(page.getByText('Tugas diterima.')).toBeVisible();
	await expect(task).toContainText('Diterima');

	await task.getByText('Tolak tugas ini').click();
	await task.getByRole('button', { name: 'Tolak tugas' }).click();
	await expect(page.getByRole('alert')).toContainText('Tulis alasan menolak');
	await expect(task).toContainText('Diterima');

	await task.getByText('Serahkan ke anggota').click();
	await task.getByLabel(/Anggota Demo/).check();
	await task.getByLabel('Pesan untuk anggota (opsional)').fill('Bagikan di grup WhatsApp RT 02.');
	await task.getByRole('button', { name: 'Serahkan tugas' }).click();
	await expect(page.getByText('Tugas diserahkan.')).toBeVisible();
	await expect(task).toContainText('Diserahkan ke: Anggota Demo');

	// The brief for members.
	await task.getByRole('link', { name: title }).click();
	await expect(page).toHaveURL(`/kampanye/${campaignId}`);
	await expect(page.getByRole('link', { name: 'Bagikan (tautan pribadi, QR, poster)' })).toHaveAttribute('href', `/kampanye/${campaignId}/bagikan`);
	await expect(page.getByRole('link', { name: 'Laporkan kegiatan' })).toHaveAttribute('href', `/lapor?kampanye=${campaignId}`);
	await expect(page.getByRole('link', { name: postTitle })).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/h1-brief.png', fullPage: true });
	await logOut(page);

	// The anggota sees what was handed to them and cannot answer the task.
	await logIn(page, 'anggota@simpul.test');
	await page.goto('/tugas');
	const mine = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
	await expect(mine).toContainText('Pengurus meminta Anda membantu tugas ini.');
	await expect(mine).toContainText('Bagikan di grup WhatsApp RT 02.');
	await expect(mine.getByRole('button')).toHaveCount(0);
	await page.screenshot({ path: '/tmp/h1-inbox-anggota.png', fullPage: true });
	expect((await page.goto('/petugas/kampanye'))?.status()).toBe(403);
	expect((await page.goto(`/petugas/kampanye/${campaignId}`))?.status()).toBe(403);

	// The share kit, on the phone: a resident follows the personal link and lands on the post.
	await page.goto(`/kampanye/${campaignId}/bagikan`);
	const message = await page.getByLabel('Pesan untuk WhatsApp').inputValue();
	const shortUrl = message.split(' ').pop()!;
	expect(shortUrl).toMatch(/\/s\/[A-Za-z0-9]{7}$/);
	await expect(page.getByRole('link', { name: 'Kirim lewat WhatsApp' })).toHaveAttribute('href', `https://wa.me/?text=${encodeURIComponent(message)}`);
	const resident = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
	const visitor = await resident.newPage();
	await visitor.goto(shortUrl);
	await expect(visitor.getByRole('heading', { level: 1, name: postTitle })).toBeVisible();
	await resident.close();

	// …and reports the meeting where the message was passed on.
	await page.goto(`/lapor?kampanye=${campaignId}`);
	await page.getByLabel('Pertemuan warga').check();
	await page.getByLabel('Jumlah peserta', { exact: true }).fill('42');
	await page.getByLabel('Tanggapan atau masukan warga (opsional)').fill(`Warga minta jadwal imunisasi ditempel di pos ronda ${n}.`);
	await page.getByRole('button', { name: 'Kirim laporan' }).click();
	await expect(page.getByRole('heading', { name: 'Laporan terkirim' })).toBeVisible();
	await expect(page.getByText('42 orang')).toBeVisible();
	await logOut(page);

	// Desktop width: the list and the campaign page.
	await page.setViewportSize({ width: 1280, height: 900 });
	await logIn(page, 'petugas@simpul.test');
	await page.goto('/petugas/kampanye');
	await page.screenshot({ path: '/tmp/h1-desktop-list.png', fullPage: true });
	await page.goto(`/petugas/kampanye/${campaignId}`);
	await expect(page.getByRole('row').filter({ hasText: 'Anggota Demo' })).toContainText('Diterima');
	await page.screenshot({ path: '/tmp/h1-desktop-campaign.png', fullPage: true });

	// The numbers moved: the reported audience, the click, one kelurahan reached, the feedback.
	await page.goto(`/kampanye/${campaignId}/jangkauan`);
	await expect(figure('Warga terjangkau (dilaporkan)')).toContainText('42 dari target 5.000 orang');
	await expect(figure('Klik tautan')).toContainText('1');
	await expect(figure('Pengunjung unik')).toContainText('1');
	await expect(figure('Kelurahan terjangkau')).toContainText(/^1 dari \d+/);
	await expect(page.getByText(`Warga minta jadwal imunisasi ditempel di pos ronda ${n}.`)).toBeVisible();
	await expectAccessible(page);
});
