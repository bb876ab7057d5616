import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, logOut, ok, todayWib, tokenOf } from './helpers';

const stamp = Date.now() % 1_000_000;

/**
 * The petugas plans and launches a campaign for the demo pengurus's KIM through the API; the
 * pengurus accepts and reports a meeting with residents' feedback; the anggota's short link is
 * opened three times by two visitors. The petugas then reads the numbers on the reach page and
 * downloads the CSV; the pengurus sees their KIM's part; the anggota is refused.
 */
test('the reach page shows a campaign’s figures, map, feedback and CSV', async ({ page, request }) => {
	const petugas = await tokenOf(request, 'petugas@simpul.test');
	const pengurus = await tokenOf(request, 'pengurus@simpul.test');
	const anggota = await tokenOf(request, 'anggota@simpul.test');
	const me = await ok(await request.get('/api/v1/me', { headers: pengurus }));
	const kimId = me.kims.find((k: { position: string }) => k.position === 'ketua').id as string;
	const kim = await ok(await request.get(`/api/v1/kims/${kimId}`, { headers: pengurus }));

	const post = await ok(await request.post('/api/v1/posts', { headers: petugas, data: { kind: 'news', title: `Imunisasi campak ${stamp}`, summary: 'Jadwal imunisasi di posyandu.', body: 'Bawa buku KIA.' } }), 201);
	await ok(await request.post(`/api/v1/posts/${post.id}/publish`, { headers: petugas }));
	const title = `Bulan Imunisasi ${stamp}`;
	const campaign = await ok(
		await request.post('/api/v1/campaigns', {
			headers: petugas,
			data: {
				title, objective: 'Semua balita mendapat imunisasi campak', key_messages: ['Imunisasi gratis di posyandu'], post_ids: [post.id],
				whatsapp_template: 'Ayo bawa balita ke posyandu!', priority: 'high', starts_on: todayWib(-1), ends_on: todayWib(14),
				target: { kind: 'kims', kim_ids: [kimId] }, target_reach: 500
			}
		}),
		201
	);
	expect(await ok(await request.post(`/api/v1/campaigns/${campaign.id}/launch`, { headers: petugas }))).toMatchObject({ status: 'active', assignments_created: 1 });
	const [assignment] = (await ok(await request.get(`/api/v1/campaigns/${campaign.id}/assignments`, { headers: petugas }))).data;
	await ok(await request.post(`/api/v1/assignments/${assignment.id}/accept`, { headers: pengurus }));
	await ok(
		await request.post('/api/v1/activity-reports', {
			headers: pengurus,
			data: {
				kim_id: kimId, campaign_id: campaign.id, type: 'meeting', held_on: todayWib(), kelurahan_code: kim.kelurahan_code, audience_count: 25,
				feedback: `Warga minta jadwal posyandu ditempel di balai RW ${stamp}.`
			}
		}),
		201
	);
	// Three clicks on the anggota's short link from two browsers: 3 clicks, 2 unique visitors today.
	const kit = await ok(await request.get(`/api/v1/campaigns/${campaign.id}/share-kit`, { headers: anggota }));
	const short = new URL(kit.short_url).pathname;
	for (const ua of ['Mozilla/5.0 (Linux; Android 10) HP-A', 'Mozilla/5.0 (Linux; Android 10) HP-A', 'Mozilla/5.0 (Linux; Android 12) HP-B']) {
		expect((await request.get(short, { headers: { 'user-agent': ua }, maxRedirects: 0 })).status()).toBe(302);
	}
	await expect
		.poll(async () => (await ok(await request.get(`/api/v1/campaigns/${campaign.id}/stats`, { headers: petugas }))).reach)
		.toMatchObject({ reported_audience: 25, clicks: 3, unique_visitors: 2 });

	// The petugas reads the page.
	await logIn(page, 'petugas@simpul.test');
	await page.goto(`/kampanye/${campaign.id}/jangkauan`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Jangkauan kampanye: ${title}`);
	const figure = (name: string) => page.locator('.figure').filter({ has: page.getByRole('term').filter({ hasText: name }) }).getByRole('definition');
	await expect(figure('Warga terjangkau (dilaporkan)')).toContainText('25 dari target 500 orang (5%)');
	await expect(figure('Klik tautan')).toContainText('3');
	await expect(figure('Pengunjung unik')).toContainText('2');
	await expect(figure('Kelurahan terjangkau')).toContainText('1 dari 1');
	await expect(figure('KIM sasaran')).toContainText('1');
	await expect(page.locator('.buckets li').filter({ hasText: 'Diterima' })).toContainText('1');
	const kimRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: kim.name }) });
	await expect(kimRow).toContainText('25');
	await expect(page.getByRole('img', { name: /Peta petak kelurahan/ })).toBeVisible();
	await expect(page.getByRole('img', { name: /Warga terjangkau per hari/ })).toBeVisible();
	await expect(page.getByText(`Warga minta jadwal posyandu ditempel di balai RW ${stamp}.`)).toBeVisible();
	await expect(page.getByText('Anda melihat angka')).toHaveCount(0);
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/h4-jangkauan-petugas.png', fullPage: true });

	// The CSV behind "Unduh CSV".
	const href = await page.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href');
	const csv = await page.request.get(href!);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	expect(csv.headers()['content-disposition']).toMatch(new RegExp(`attachment; filename="jangkauan-bulan-imunisasi-${stamp}-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
	const bytes = await csv.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(bytes.toString('utf8')).toContain(`KIM,${kimId},${kim.name},`);
	await logOut(page);

	// The pengurus sees their KIM's part, and is told so.
	await logIn(page, 'pengurus@simpul.test');
	await page.goto(`/kampanye/${campaign.id}/jangkauan`);
	await expect(page.getByRole('note').filter({ hasText: 'Anda melihat angka' })).toContainText(kim.name);
	await expect(figure('Klik tautan')).toContainText('3');
	await expectAccessible(page);
	await page.screenshot({ path: '/tmp/h4-jangkauan-pengurus.png', fullPage: true });
	await logOut(page);

	// An anggota may not see the reach.
	await logIn(page, 'anggota@simpul.test');
	const refused = await page.goto(`/kampanye/${campaign.id}/jangkauan`);
	expect(refused?.status()).toBe(403);
});
