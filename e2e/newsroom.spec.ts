import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, logOut } from './helpers';

test('an anggota writes a news post, the ketua returns it, the anggota fixes it, the ketua publishes it', async ({ page }) => {
	const title = `Kerja bakti bersih kali ${Date.now() % 100000}`;

	// The anggota writes a post; bad input first.
	await logIn(page, 'anggota@simpul.test');
	await page.getByRole('link', { name: 'Redaksi' }).first().click();
	await expect(page).toHaveURL(/\/redaksi$/);
	await expect(page.getByRole('heading', { name: 'Tulisan saya' })).toBeVisible();
	await page.getByRole('link', { name: 'Tulis tulisan baru' }).click();
	await expectAccessible(page);
	await expect(page.getByLabel('Program', { exact: true })).toHaveCount(0);
	await page.getByLabel('Judul', { exact: true }).fill(title);
	await page.getByRole('button', { name: 'Simpan draf' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Ada masalah');
	await expect(page.getByLabel('Judul', { exact: true })).toHaveValue(title);

	await page.getByLabel('Berita').check();
	await page.getByLabel('Ringkasan').fill('Warga RW 03 membersihkan kali pada Minggu pagi.');
	await page.getByLabel('Isi', { exact: true }).fill('Kerja bakti dimulai pukul **07.00 WIB**.\n\n- Bawa sapu\n- Bawa karung');
	await page.getByLabel('Label (opsional)').fill('lingkungan, kerja bakti');
	await page.getByRole('button', { name: 'Simpan draf' }).click();
	await expect(page).toHaveURL(/\/redaksi\/[0-9a-f-]{36}\?ok=created/);
	await expect(page.getByText('Draf tersimpan.')).toBeVisible();
	const postUrl = page.url().replace(/\?.*$/, '');
	const postId = postUrl.split('/').pop()!;
	await expect(page.getByRole('button', { name: 'Terbitkan' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Kirim untuk ditinjau' }).click();
	await expect(page.getByText('Tulisan dikirim untuk ditinjau.')).toBeVisible();
	await expect(page.getByText('Menunggu tinjauan').first()).toBeVisible();

	// An anggota has no publish button, and posting the publish action is refused.
	await expect(page.getByRole('button', { name: 'Terbitkan' })).toHaveCount(0);
	const origin = new URL(page.url()).origin;
	const refused = await page.request.post(`${postUrl}?/publish`, { form: { publish_at: '' }, headers: { origin, accept: 'application/json' } });
	expect(await refused.text()).toContain('"status":403');
	await page.reload();
	await expect(page.getByText('Menunggu tinjauan').first()).toBeVisible();
	await logOut(page);

	// The ketua of the same KIM returns it with a comment.
	await logIn(page, 'pengurus@simpul.test');
	await page.goto('/redaksi');
	await expect(page.getByRole('heading', { name: 'Perlu ditinjau' })).toBeVisible();
	await page.getByRole('link', { name: title }).first().click();
	await expect(page).toHaveURL(postUrl);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Kembalikan' }).click();
	await expect(page.getByRole('alert')).toContainText('Ada masalah');
	await page.getByLabel('Catatan untuk penulis').fill('Tambahkan titik kumpul kerja bakti.');
	await page.getByRole('button', { name: 'Kembalikan' }).click();
	await expect(page.getByText('Tulisan dikembalikan kepada penulis')).toBeVisible();
	await logOut(page);

	// The anggota sees the comment, fixes the post and sends it again.
	await logIn(page, 'anggota@simpul.test');
	await page.goto('/redaksi');
	await expect(page.getByText('Tambahkan titik kumpul kerja bakti.')).toBeVisible();
	await page.getByRole('link', { name: title }).first().click();
	await expect(page.getByText('Tulisan ini dikembalikan')).toBeVisible();
	await page.getByLabel('Isi', { exact: true }).fill('Kerja bakti dimulai pukul **07.00 WIB**, titik kumpul di balai RW 03.');
	await page.getByRole('button', { name: 'Simpan perubahan' }).click();
	await expect(page.getByText('Perubahan tersimpan.')).toBeVisible();
	await expect(page.getByText(/Revisi 2 oleh/)).toBeVisible();
	await page.getByRole('button', { name: 'Kirim untuk ditinjau' }).click();
	await expect(page.getByText('Tulisan dikirim untuk ditinjau.')).toBeVisible();
	await logOut(page);

	// The ketua publishes it; the public page shows it.
	await logIn(page, 'pengurus@simpul.test');
	await page.goto(postUrl);
	await page.getByRole('button', { name: 'Terbitkan' }).click();
	await expect(page.getByText('Tulisan sudah terbit.')).toBeVisible();
	const publicLink = page.getByRole('link', { name: 'Lihat halaman publik' });
	const href = await publicLink.getAttribute('href');
	expect(href).toMatch(/^\/berita\/[a-z0-9-]+$/);
	await logOut(page);

	const api = await page.request.get(`/api/v1/posts/${postId}`);
	expect(api.status()).toBe(200);
	expect((await api.json()).status).toBe('published');
	const publicPage = await page.goto(href!);
	expect(publicPage?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('the newsroom is closed to anonymous visitors and residents', async ({ page }) => {
	await page.goto('/redaksi');
	await expect(page).toHaveURL(/\/masuk\?next=%2Fredaksi/);
	// A resident without a KIM (a fresh account: other journeys change the demo resident's password).
	await page.goto('/daftar');
	await page.getByLabel('Nama lengkap').fill('Rina Warga');
	await page.getByLabel('Alamat surel').fill(`rina.${Date.now()}@contoh.id`);
	await page.getByLabel('Kata sandi').fill('kata-sandi-rina');
	await page.getByRole('button', { name: 'Buat akun' }).click();
	await expect(page).toHaveURL(/\/akun/);
	await expect(page.getByRole('link', { name: 'Redaksi' })).toHaveCount(0);
	const res = await page.goto('/redaksi');
	expect(res?.status()).toBe(403);
});

test('a member flags a rumour and a petugas turns it into a clarification draft', async ({ page }) => {
	const rumour = `Katanya air PDAM mati seminggu ${Date.now() % 100000}`;
	await logIn(page, 'anggota@simpul.test');
	await page.goto('/redaksi/isu');
	await expectAccessible(page);
	await page.getByLabel('Isi kabar').fill(rumour);
	await page.getByLabel('Di mana Anda mendengarnya (opsional)').fill('Grup WhatsApp RW 05');
	await page.getByRole('button', { name: 'Laporkan' }).click();
	await expect(page.getByText('Isu tersimpan.')).toBeVisible();
	await logOut(page);

	await logIn(page, 'petugas@simpul.test');
	await page.goto('/redaksi/isu');
	const item = page.getByRole('listitem').filter({ hasText: rumour });
	await item.getByRole('button', { name: 'Tulis klarifikasi' }).click();
	await expect(page).toHaveURL(/\/redaksi\/[0-9a-f-]{36}\?ok=created/);
	await expect(page.getByLabel('Kabar yang diluruskan')).toHaveValue(rumour);
});
