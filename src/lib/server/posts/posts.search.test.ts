import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { buildKim, PUBLIC_URL, testApi, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import type { Db } from '../db/client';
import { buildPost } from './posts.factories';
import { searchPosts } from './posts.search';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
});

const HOUR = 3600_000;
const titles = (rows: { title: string }[]) => rows.map((r) => r.title);
const search = (q: string, over: Partial<Parameters<typeof searchPosts>[1]> = {}) => searchPosts(db, { q, ...over }, { publicUrl: PUBLIC_URL });

describe('searchPosts', () => {
	it('stems Indonesian: "sosialisasi" finds "mensosialisasikan", "pemberdayaan" finds "memberdayakan"', async () => {
		await buildPost(db, { title: 'KIM Rejowinangun mensosialisasikan aplikasi', body: 'Warga diajak memasang aplikasi.' });
		await buildPost(db, { title: 'Pelatihan warga', body: 'Program ini memberdayakan ibu-ibu PKK lewat usaha rumahan.' });
		expect(titles(await search('sosialisasi'))).toContain('KIM Rejowinangun mensosialisasikan aplikasi');
		expect(titles(await search('pemberdayaan'))).toContain('Pelatihan warga');
	});

	it('tolerates typos: "vaksinsi" finds "vaksinasi" (title and body)', async () => {
		await buildPost(db, { title: 'Jadwal vaksinasi balita', body: 'Bawa buku KIA.' });
		await buildPost(db, { title: 'Posyandu Melati', body: 'Bulan ini ada imunisasi dan vaksinasi campak untuk anak.' });
		const found = titles(await search('vaksinsi'));
		expect(found).toContain('Jadwal vaksinasi balita');
		expect(found).toContain('Posyandu Melati');
		// The title match ranks first.
		expect(found.indexOf('Jadwal vaksinasi balita')).toBeLessThan(found.indexOf('Posyandu Melati'));
	});

	it('ranks a title match above a summary match above a body match', async () => {
		const word = 'kerajinanbambu';
		await buildPost(db, { title: 'Pameran di alun-alun', body: `Ada stan ${word} di pojok.` });
		await buildPost(db, { title: `Sentra ${word} Tidar`, body: 'Pengrajin lokal.' });
		await buildPost(db, { title: 'Potensi kampung', summary: `Kampung ${word} terkenal.`, body: 'Isi.' });
		expect(titles(await search(word))).toEqual([`Sentra ${word} Tidar`, 'Potensi kampung', 'Pameran di alun-alun']);
	});

	it('returns only publicly listed posts: no drafts, reviews, scheduled or expired announcements, whatever the engine', async () => {
		const kim = await buildKim(db);
		const word = 'senamlansia';
		await buildPost(db, { title: `Draf ${word}`, status: 'draft' });
		await buildPost(db, { title: `Tinjau ${word}`, status: 'in_review', kimId: kim.id });
		await buildPost(db, { title: `Terjadwal ${word}`, publishAt: new Date(Date.now() + HOUR), publishedAt: new Date(Date.now() + HOUR) });
		await buildPost(db, { title: `Kedaluwarsa ${word}`, kind: 'announcement', details: { expires_on: '2020-01-01' } });
		await buildPost(db, { title: `Berlaku ${word}`, kind: 'announcement', details: { expires_on: '2999-01-01' } });
		await buildPost(db, { title: `Terbit ${word}`, kimId: kim.id, publishAt: new Date(Date.now() - HOUR) });
		expect(titles(await search(word)).sort()).toEqual([`Berlaku ${word}`, `Terbit ${word}`]);
		// Also through the API, for a staff member and a member of the KIM (search is public-only for everyone).
		const res = await call('GET', `/api/v1/search?q=${word}`);
		expect(res.body.data.map((r: { title: string }) => r.title).sort()).toEqual([`Berlaku ${word}`, `Terbit ${word}`]);
		// Scheduled posts appear once due.
		const later = await searchPosts(db, { q: word }, { now: new Date(Date.now() + 2 * HOUR) });
		expect(titles(later)).toContain(`Terjadwal ${word}`);
	});

	it('filters by kind, kelurahan and publication date (WIB)', async () => {
		const word = 'bazarmurah';
		await buildPost(db, { title: `Berita ${word}`, kelurahanCode: TIDAR_SELATAN, publishedAt: new Date('2026-01-10T03:00:00Z') });
		await buildPost(db, { title: `Potensi ${word}`, kind: 'potential', details: { category: 'umkm' }, kelurahanCode: WATES, publishedAt: new Date('2026-02-10T03:00:00Z') });
		// 2026-02-28 23:30 WIB is 16:30 UTC: still the 28th.
		await buildPost(db, { title: `Akhir ${word}`, kelurahanCode: WATES, publishedAt: new Date('2026-02-28T16:30:00Z') });
		expect(titles(await search(word, { kind: 'potential' }))).toEqual([`Potensi ${word}`]);
		expect(titles(await search(word, { kelurahan_code: TIDAR_SELATAN }))).toEqual([`Berita ${word}`]);
		expect(titles(await search(word, { from: '2026-02-01' })).sort()).toEqual([`Akhir ${word}`, `Potensi ${word}`]);
		expect(titles(await search(word, { to: '2026-02-27' })).sort()).toEqual([`Berita ${word}`, `Potensi ${word}`]);
		expect(titles(await search(word, { from: '2026-02-28', to: '2026-02-28' }))).toEqual([`Akhir ${word}`]);
	});

	it('answers type, id, title, absolute url and a safe highlighted snippet', async () => {
		const post = await buildPost(db, {
			title: 'Waspada penipuan',
			slug: 'waspada-penipuan',
			body: 'Jangan klik <script>alert(1)</script> tautan <img src=x onerror=alert(1)> yang mengaku dari dinas & meminta kode OTP untuk penipuanonline.'
		});
		const [hit] = await search('penipuanonline');
		expect(Object.keys(hit).sort()).toEqual(['id', 'snippet', 'title', 'type', 'url']);
		expect(hit).toMatchObject({ type: 'post', id: post.id, title: 'Waspada penipuan', url: `${PUBLIC_URL}/berita/waspada-penipuan` });
		expect(hit.snippet).toContain('<mark>penipuanonline</mark>');
		expect(hit.snippet).not.toMatch(/<(?!\/?mark>)/);
		expect(hit.snippet).not.toContain('<script');
		expect(hit.snippet).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(hit.snippet).toContain('&amp;');
	});

	it('marks in the snippet every form of a query word, corrected or not', async () => {
		await buildPost(db, { title: 'Sosialisasi aplikasi', summary: 'Kader mensosialisasikan aplikasi dan jadwalnya.', body: 'Sosialisasi berikutnya disosialisasikan lewat grup warga.' });
		const [hit] = await search('sosialisasi aplikasi');
		expect(hit?.title).toBe('Sosialisasi aplikasi');
		expect([...hit.snippet.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1])).toEqual(['mensosialisasikan', 'aplikasi', 'Sosialisasi', 'disosialisasikan']);
		const [typo] = await search('sosialisasy aplikasi');
		expect(typo.snippet).toContain('<mark>mensosialisasikan</mark>');
	});

	it('marks the similar word when only typo tolerance matched', async () => {
		await buildPost(db, { title: 'Layanan kependudukan', body: 'Perekaman elektronikktp dibuka setiap Sabtu.' });
		const [hit] = await search('elektronikkpt');
		expect(hit?.title).toBe('Layanan kependudukan');
		expect(hit.snippet).toContain('<mark>elektronikktp</mark>');
	});

	it('survives odd queries', async () => {
		for (const q of ['"', "'", '-', 'OR', ':*', '!!!', '<script>', 'a & b | c', '\\', 'dan']) {
			await expect(search(q)).resolves.toBeInstanceOf(Array);
		}
		expect(await search('   ')).toEqual([]);
		expect((await call('GET', '/api/v1/search?q=')).status).toBe(400);
		expect((await call('GET', '/api/v1/search?q=x&kind=opini')).status).toBe(400);
	});
});
