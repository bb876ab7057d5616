import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, logIn, logOut, waitForMail, ok, todayWib, tokenOf } from './helpers';

const stamp = Date.now() % 1_000_000;

/** The bell in the header: its accessible name carries the unread count. */
const bell = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Notifikasi/ });
async function bellCount(page: Page) {
	const name = (await bell(page).getAttribute('aria-label')) ?? '';
	return Number(/(\d+) belum dibaca/.exec(name)?.[1] ?? 0);
}

/**
 * Real causes only: the petugas launches a campaign for the demo pengurus's KIM (the pengurus is
 * notified of the new task) and the pengurus reports a meeting for it (the petugas is notified of
 * the report, by email too).
 */
test('the bell counts unread notifications; opening one marks it read; all can be marked read', async ({ page, request }) => {
	const petugas = await tokenOf(request, 'petugas@simpul.test');
	const pengurus = await tokenOf(request, 'pengurus@simpul.test');
	const me = await ok(await request.get('/api/v1/me', { headers: pengurus }));
	const kimId = me.kims.find((k: { position: string }) => ['ketua', 'sekretaris', 'bendahara'].includes(k.position)).id as string;
	const kim = await ok(await request.get(`/api/v1/kims/${kimId}`, { headers: pengurus }));

	const post = await ok(await request.post('/api/v1/posts', { headers: petugas, data: { kind: 'news', title: `Cegah demam berdarah ${stamp}`, summary: 'Kuras, tutup, kubur.', body: 'Lakukan 3M setiap minggu.' } }), 201);
	await ok(await request.post(`/api/v1/posts/${post.id}/publish`, { headers: petugas }));
	const campaign = await ok(
		await request.post('/api/v1/campaigns', {
			headers: petugas,
			data: {
				title: `Pekan 3M ${stamp}`, objective: 'Warga melakukan 3M di rumah', key_messages: ['Kuras bak mandi seminggu sekali'], post_ids: [post.id],
				whatsapp_template: 'Ayo lakukan 3M!', priority: 'high', starts_on: todayWib(), ends_on: todayWib(14),
				target: { kind: 'kims', kim_ids: [kimId] }, target_reach: 500
			}
		}),
		201
	);
	expect(await ok(await request.post(`/api/v1/campaigns/${campaign.id}/launch`, { headers: petugas }))).toMatchObject({ status: 'active', assignments_created: 1 });
	const report = await ok(
		await request.post('/api/v1/activity-reports', {
			headers: pengurus,
			data: { kim_id: kimId, campaign_id: campaign.id, type: 'meeting', held_on: todayWib(), kelurahan_code: kim.kelurahan_code, audience_count: 25 }
		}),
		201
	);

	// The petugas: the bell shows the report, the list marks it unread, opening it marks it read.
	await logIn(page, 'petugas@simpul.test');
	const before = await bellCount(page);
	expect(before).toBeGreaterThanOrEqual(1);
	await expect(bell(page)).toHaveAccessibleName(`Notifikasi, ${before} belum dibaca`);
	await page.screenshot({ path: '/tmp/h5-petugas-header.png' });
	await bell(page).click();
	await expect(page).toHaveURL(/\/notifikasi$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Notifikasi' })).toBeVisible();
	// Other journeys (and a retry) report for the same KIM: the newest notification is this report's.
	const item = page.getByRole('listitem').filter({ hasText: `Laporan kegiatan baru dari ${kim.name}` }).first();
	await expect(item).toContainText('Pengurus Demo');
	await expect(item).toHaveClass(/unread/);
	await expect(item.getByText('Baru', { exact: true })).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/h5-notifikasi.png', fullPage: true });
	const opened = await item.getByRole('link').getAttribute('href');
	await item.getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`/laporan/${report.id}$`));
	await expect.poll(() => bellCount(page)).toBe(before - 1);
	await page.goto('/notifikasi');
	await expect(page.getByRole('listitem').filter({ has: page.locator(`a[href="${opened}"]`) })).not.toHaveClass(/unread/);
	// The report also came by email, with a Message-ID taken from the outbox row.
	const mail = await waitForMail('petugas@simpul.test');
	expect(mail).toMatch(/Message-ID: <outbox-\d+@simpul\.test>/i);
	await logOut(page);

	// The pengurus: told of the new task; "Tandai semua sudah dibaca" empties the bell.
	await logIn(page, 'pengurus@simpul.test');
	expect(await bellCount(page)).toBeGreaterThanOrEqual(1);
	await page.goto('/notifikasi');
	await expect(page.getByRole('listitem').filter({ hasText: `Pekan 3M ${stamp}` }).first()).toHaveClass(/unread/);
	await page.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
	await expect(page.getByText('Semua notifikasi sudah ditandai dibaca.')).toBeVisible();
	await expect(bell(page)).toHaveAccessibleName('Notifikasi');
	await expect(page.getByRole('button', { name: 'Tandai semua sudah dibaca' })).toHaveCount(0);
	await expectAccessible(page);
});

test('someone else’s notification is not found, and an anonymous visitor is asked to log in', async ({ page, request }) => {
	const petugas = await tokenOf(request, 'petugas@simpul.test');
	const list = await ok(await request.get('/api/v1/notifications', { headers: petugas }));
	await logIn(page, 'anggota@simpul.test');
	if (list.data.length) {
		const res = await page.goto(`/notifikasi/${list.data[0].id}`);
		expect(res?.status()).toBe(404);
	}
	await logOut(page);
	await page.goto('/notifikasi');
	await expect(page).toHaveURL(/\/masuk\?next=%2Fnotifikasi/);
});

test('the header at 360 px for each role', async ({ page }) => {
	await page.goto('/');
	await page.screenshot({ path: '/tmp/h5-nav-anon.png' });
	await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Privasi' })).toHaveAttribute('href', '/privasi');
	const expected: Record<string, { has: string[]; not: string[] }> = {
		'warga@simpul.test': { has: ['Layanan', 'Aduan'], not: ['Tugas', 'Lapor kegiatan', 'Kampanye', 'Tangani aduan'] },
		'anggota@simpul.test': { has: ['Tugas', 'Lapor kegiatan'], not: ['Kampanye'] },
		'pengurus@simpul.test': { has: ['Tugas', 'Lapor kegiatan'], not: ['Kampanye'] },
		'petugas@simpul.test': { has: ['Kampanye', 'Tangani aduan', 'Verifikasi KIM'], not: ['Tugas', 'Lapor kegiatan', 'Admin'] },
		'admin@simpul.test': { has: ['Kampanye', 'Admin'], not: ['Tugas'] }
	};
	for (const [email, links] of Object.entries(expected)) {
		await logIn(page, email);
		await page.goto('/');
		const nav = page.getByRole('banner');
		for (const name of links.has) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
		for (const name of links.not) await expect(nav.getByRole('link', { name, exact: true })).toHaveCount(0);
		await expect(bell(page)).toBeVisible();
		// Nothing in the header overflows the phone's width.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await page.screenshot({ path: `/tmp/h5-nav-${email.split('@')[0]}.png`, clip: { x: 0, y: 0, width: 360, height: 240 } });
		await logOut(page);
	}
	// On a wide screen the bell and the account link also show their words.
	await page.setViewportSize({ width: 1100, height: 700 });
	await logIn(page, 'admin@simpul.test');
	await expect(page.getByRole('banner').getByText('Akun saya')).toBeVisible();
	await page.screenshot({ path: '/tmp/h5-nav-desktop.png', clip: { x: 0, y: 0, width: 1100, height: 200 } });
});

test('the admin sees notification mail in the outbox with its topic and state', async ({ page }) => {
	await logIn(page, 'admin@simpul.test');
	await page.goto('/admin/surel');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// The reminder sweep ran at start-up on the demo campaigns: their emails are in the outbox.
	await expect(page.getByText('Topik: email').first()).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('table').locator('tbody tr').first().scrollIntoViewIfNeeded();
	await page.screenshot({ path: '/tmp/h5-admin-surel.png' });
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('opening a notification and marking all read work as plain links and forms', async ({ page }) => {
		await logIn(page, 'petugas@simpul.test');
		await page.goto('/notifikasi');
		const before = await bellCount(page);
		test.skip(before === 0, 'no unread notification left for the petugas');
		const first = page.locator('li.unread').first();
		const href = await first.getByRole('link').getAttribute('href');
		await first.getByRole('link').click();
		await expect(page).not.toHaveURL(/\/notifikasi$/);
		expect(await bellCount(page)).toBe(before - 1);
		await page.goto('/notifikasi');
		await expect(page.locator(`li:not(.unread) a[href="${href}"]`)).toHaveCount(1);
		if (before > 1) {
			await page.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
			await expect(page.getByText('Semua notifikasi sudah ditandai dibaca.')).toBeVisible();
			expect(await bellCount(page)).toBe(0);
		}
	});
});
