import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { buildKim, ctxFor, PUBLIC_URL, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import type { Db } from '../db/client';
import { buildPost } from '../posts/posts.factories';
import { loadFeed, sitemapEntries } from './feed.queries';
import { buildAtom, buildRss, buildSitemap } from './feeds';
import { assertWellFormed } from './wellformed';

let db: Db;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
});

const labels = { site: 'Simpul Magelang', description: 'Berita', language: 'id', kinds: { news: 'Berita', program: 'Program' } };
const SELF = `${PUBLIC_URL}/feed.xml`;
const titles = (f: Awaited<ReturnType<typeof loadFeed>>) => f!.items.map((i) => i.title);

describe('feeds from real posts', () => {
	it('lists public posts only, filtered by KIM (id or slug), kelurahan and kind, as valid XML', async () => {
		const kim = await buildKim(db);
		const hidden = await buildKim(db, { status: 'registered' });
		await buildPost(db, { title: 'Program <sembako> & beras', kind: 'program', kimId: kim.id, kelurahanCode: TIDAR_SELATAN, details: {} });
		await buildPost(db, { title: 'Berita Wates', kind: 'news', kelurahanCode: WATES });
		await buildPost(db, { title: 'Draf rahasia', kind: 'program', kimId: kim.id, status: 'draft' });
		await buildPost(db, { title: 'Terjadwal', kind: 'program', kimId: kim.id, publishAt: new Date(Date.now() + 86400_000) });
		const ctx = ctxFor(db, null);

		const all = await loadFeed(ctx, {}, labels, SELF);
		expect(titles(all)).toEqual(expect.arrayContaining(['Program <sembako> & beras', 'Berita Wates']));
		expect(titles(all)).not.toContain('Draf rahasia');
		expect(titles(all)).not.toContain('Terjadwal');

		const bySlug = await loadFeed(ctx, { kim: kim.slug }, labels, SELF);
		const byId = await loadFeed(ctx, { kim: kim.id }, labels, SELF);
		expect(titles(bySlug)).toEqual(['Program <sembako> & beras']);
		expect(titles(byId)).toEqual(titles(bySlug));
		expect(bySlug!.channel.link).toBe(`${PUBLIC_URL}/kim/${kim.slug}`);
		expect(await loadFeed(ctx, { kim: hidden.slug }, labels, SELF)).toBeNull();
		expect(await loadFeed(ctx, { kim: 'tidak-ada' }, labels, SELF)).toBeNull();

		expect(titles(await loadFeed(ctx, { kelurahan: WATES }, labels, SELF))).toEqual(['Berita Wates']);
		const programs = await loadFeed(ctx, { jenis: 'program' }, labels, SELF);
		expect(titles(programs)).toContain('Program <sembako> & beras');
		expect(titles(programs)).not.toContain('Berita Wates');
		expect(programs!.channel.title).toContain('Program');

		// Staff would see drafts in lists; feeds are always anonymous.
		const staff = ctxFor(db, { userId: '00000000-0000-0000-0000-000000000000', email: 'p@x', name: 'P', role: 'petugas', kims: [], units: [] });
		expect(titles(await loadFeed(staff, { kim: kim.slug }, labels, SELF))).toEqual(['Program <sembako> & beras']);

		for (const xml of [buildRss(bySlug!.channel, bySlug!.items), buildAtom(bySlug!.channel, bySlug!.items)]) {
			assertWellFormed(xml);
			expect(xml).toContain('Program &lt;sembako&gt; &amp; beras');
			expect(xml).toMatch(new RegExp(`${PUBLIC_URL}/berita/tulisan-`));
		}
	});

	it('builds a sitemap of home, directory, verified KIMs and public posts', async () => {
		const kim = await buildKim(db);
		const hidden = await buildKim(db, { status: 'registered' });
		const pub = await buildPost(db, { title: 'Terbit' });
		const draft = await buildPost(db, { title: 'Belum', status: 'draft' });
		const locs = (await sitemapEntries(ctxFor(db, null))).map((e) => e.loc);
		expect(locs).toEqual(expect.arrayContaining([`${PUBLIC_URL}/`, `${PUBLIC_URL}/kim`, `${PUBLIC_URL}/kim/${kim.slug}`, `${PUBLIC_URL}/berita/${pub.slug}`]));
		expect(locs).not.toContain(`${PUBLIC_URL}/kim/${hidden.slug}`);
		expect(locs).not.toContain(`${PUBLIC_URL}/berita/${draft.slug}`);
		assertWellFormed(buildSitemap(await sitemapEntries(ctxFor(db, null))));
	});
});
