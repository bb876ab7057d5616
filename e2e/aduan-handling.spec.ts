import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, logOut, ok, tokenOf } from './helpers';

const SHOTS = process.env.E2E_SHOTS_DIR;
const shot = async (page: import('@playwright/test').Page, name: string) => {
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

/**
 * The handling journey at 360 px: a resident files (API), the petugas verifies and forwards it to
 * DPUPR on the board, DPUPR posts the follow-up plan and resolves it, the resident rates it 5.
 */
test('a petugas forwards, the unit resolves, the resident rates', async ({ page, request }) => {
	const title = `Lubang jalan e2e ${Date.now().toString(36)}`;
	const filed = await ok(
		await request.post('/api/v1/aduan', {
			headers: await tokenOf(request, 'warga@simpul.test'),
			data: {
				type: 'complaint', category_code: 'jalan-rusak', title, kelurahan_code: '33.71.01.1011', privacy: 'anonymous',
				description: 'Lubang besar di tengah Jalan Pahlawan, sudah dua motor terjatuh minggu ini.', lat: -7.4797, lng: 110.2177
			}
		}),
		201
	);
	const tracking = filed.tracking_id as string;

	// The petugas verifies and forwards it to DPUPR from the board.
	await logIn(page, 'petugas@simpul.test');
	await page.goto('/petugas/aduan');
	await expect(page.getByRole('heading', { level: 1, name: 'Papan aduan' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /Jatuh tempo hari ini/ })).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'board-petugas');
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('warga@simpul.test')).toBeVisible(); // handling staff see the reporter of an anonymous aduan
	await expect(page.getByRole('link', { name: 'Buka di OpenStreetMap' })).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'detail-received');
	await expect(page.getByLabel('Teruskan ke unit')).toHaveValue('dpupr');
	await page.getByRole('button', { name: 'Verifikasi dan teruskan' }).click();
	await expect(page.getByText('Aduan diverifikasi dan diteruskan.')).toBeVisible();
	await logOut(page);

	// DPUPR staff post the plan (with an internal note), then resolve it.
	await logIn(page, 'dpupr@simpul.test');
	await page.goto('/petugas/aduan');
	await page.getByRole('link', { name: title }).click();
	await page.getByRole('button', { name: 'Kirim rencana tindak lanjut' }).click();
	await expect(page.getByText('Tuliskan rencana tindak lanjut').first()).toBeVisible();
	await shot(page, 'detail-plan-error');
	await page.getByLabel('Apa yang akan dilakukan, oleh siapa, kapan').fill('Tim pemeliharaan jalan menambal lubang hari Senin pagi.');
	await page.getByRole('button', { name: 'Kirim rencana tindak lanjut' }).click();
	await expect(page.getByText('Rencana tindak lanjut terkirim.')).toBeVisible();
	await page.getByLabel('Pesan', { exact: true }).fill('Cek anggaran pemeliharaan rutin DPUPR dulu.');
	await page.getByLabel('Catatan internal (tidak terlihat pelapor)').check();
	await page.getByRole('button', { name: 'Kirim', exact: true }).click();
	await expect(page.getByText('Catatan internal — tidak terlihat pelapor')).toBeVisible();
	await page.getByLabel('Tanggapan untuk pelapor').fill('Lubang sudah ditambal dengan aspal hotmix pada Senin pagi.');
	await page.getByRole('button', { name: 'Tandai selesai' }).click();
	await expect(page.getByText('Aduan selesai ditangani.')).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'detail-resolved');
	await logOut(page);

	// The resident sees it on their own page, without the internal note, and rates it 5.
	await logIn(page, 'warga@simpul.test');
	await page.goto(`/aduan/saya/${tracking}`);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('Lubang sudah ditambal dengan aspal hotmix pada Senin pagi.')).toBeVisible();
	await expect(page.getByText('Cek anggaran pemeliharaan rutin')).toHaveCount(0);
	await expect(page.getByText('Catatan internal')).toHaveCount(0);
	await expect(page.getByText('Buka kembali').first()).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'saya-resolved');
	await page.getByLabel('5 dari 5').check();
	await page.getByLabel('Komentar (tidak wajib)').fill('Cepat dan rapi, terima kasih.');
	await page.getByRole('button', { name: 'Kirim penilaian dan tutup aduan' }).click();
	await expect(page.getByText('Terima kasih atas penilaian Anda.')).toBeVisible();
	await expect(page.locator('.tracking .tag')).toHaveText('Ditutup');
	await expect(page.getByText('5/5 — Cepat dan rapi, terima kasih.').first()).toBeVisible();
	await shot(page, 'saya-closed');
	await page.setViewportSize({ width: 1280, height: 900 });
	await shot(page, 'saya-desktop');
});

test('the admin keeps the holiday calendar and the unit staff; others get 403', async ({ page }) => {
	await logIn(page, 'warga@simpul.test');
	expect((await page.goto('/petugas/aduan'))?.status()).toBe(403);
	expect((await page.goto('/admin/libur'))?.status()).toBe(403);
	await logOut(page);

	await logIn(page, 'admin@simpul.test');
	await page.goto('/admin/libur?tahun=2027');
	await expect(page.getByRole('heading', { level: 1, name: 'Kalender hari libur 2027' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Tanggal').fill('2027-12-24');
	await page.getByLabel('Nama', { exact: true }).fill('Cuti bersama Natal (e2e)');
	await page.getByRole('button', { name: 'Simpan hari libur' }).click();
	await expect(page.getByText('disimpan sebagai hari libur')).toBeVisible();
	const row = page.getByRole('row', { name: /Cuti bersama Natal \(e2e\)/ });
	await expect(row.getByText('Libur', { exact: true })).toBeVisible();
	await shot(page, 'admin-libur');
	await row.getByRole('button', { name: /Hapus/ }).click();
	await expect(page.getByText('dihapus dari kalender')).toBeVisible();

	await page.goto('/admin/unit');
	await expect(page.getByRole('heading', { level: 1, name: 'Unit dan staf aduan' })).toBeVisible();
	await expect(page.locator('#unit-dpupr').getByText('dpupr@simpul.test', { exact: true })).toBeVisible();
	await expectAccessible(page);
	const dinkes = page.locator('#unit-dinkes');
	await dinkes.getByText('Tambah staf').click();
	await dinkes.getByLabel('Email akun').fill('tidak-ada@simpul.test');
	await dinkes.getByRole('button', { name: 'Tambahkan' }).click();
	await expect(page.getByRole('alert')).toContainText('Tidak ada akun dengan email ini');
	await page.locator('#unit-dinkes').getByLabel('Email akun').fill('anggota@simpul.test');
	await page.locator('#unit-dinkes').getByLabel('Atasan (menerima eskalasi)').check();
	await page.locator('#unit-dinkes').getByRole('button', { name: 'Tambahkan' }).click();
	await expect(page.getByText('Staf Dinkes diperbarui.')).toBeVisible();
	await expect(page.locator('#unit-dinkes').getByText('anggota@simpul.test')).toBeVisible();
	await shot(page, 'admin-unit');
	await page.locator('#unit-dinkes').getByRole('button', { name: /Keluarkan/ }).click();
	await expect(page.getByText('Staf dikeluarkan dari Dinkes.')).toBeVisible();
	await expect(page.locator('#unit-dinkes').getByText('anggota@simpul.test')).toHaveCount(0);

	// The admin is agency staff: the board and a detail page at desktop width.
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/petugas/aduan?due=overdue');
	await expect(page.getByRole('heading', { name: /Terlambat/ })).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'board-desktop');
	await page.locator('.board h3 a').first().click();
	await expect(page.getByRole('heading', { name: 'Riwayat dan percakapan' })).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'detail-desktop');
});
