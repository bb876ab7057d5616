import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, PUBLIC_URL } from '../../../../tests/factories';
import type { Database } from '../db/client';
import { linkClicks } from '../db/schema';
import { parseConfig } from '../config';
import { buildCampaign, buildShareLink } from '../reach/reach.factories';
import { flushClicks } from '../reach/reach.buffer';
import { createFastPaths } from './fast-path';
import { anonymousPages, contentGeneration, pageKey } from './page-cache';

const PHONE = 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

let database: Database;
let server: Server;
let base: string;
beforeAll(async () => {
	database = await createTestDatabase();
	const fast = createFastPaths({ database, config: parseConfig({ ORIGIN: PUBLIC_URL }) });
	// What scripts/server.js does, with a stand-in for SvelteKit that says it was asked.
	server = createServer((req, res) => {
		const served = fast.serve(req, res);
		const fallback = () => res.writeHead(299, { 'x-fallback': 'sveltekit' }).end();
		if (served === false) return fallback();
		void served.then((done) => done || fallback());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { redirect: 'manual', headers: { 'user-agent': PHONE, ...headers } });

async function shareLink() {
	const kim = await buildKim(database.db);
	const member = await buildActor(database.db, 'warga', { kimId: kim.id, position: 'anggota' });
	const { campaign, post } = await buildCampaign(database.db, { kims: [kim.id] });
	return { link: await buildShareLink(database.db, { campaignId: campaign.id, kimId: kim.id, userId: member.userId }), post };
}

describe('short links before SvelteKit', () => {
	it('redirects a person to the post, sets the attribution cookie and records the click', async () => {
		const { link, post } = await shareLink();
		const res = await get(`/s/${link.code}`);
		expect(res.status).toBe(302);
		expect(res.headers.get('location')).toBe(`${PUBLIC_URL}/berita/${post.slug}`);
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(res.headers.get('set-cookie')).toBe(`simpul_ref=${link.code}; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax`);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		await flushClicks(database.db);
		expect(await database.db.select().from(linkClicks).where(eq(linkClicks.linkId, link.id))).toHaveLength(1);
	});

	it('redirects a link-preview bot without counting it or setting a cookie', async () => {
		const { link } = await shareLink();
		const res = await get(`/s/${link.code}`, { 'user-agent': 'WhatsApp/2.23.20.0 A' });
		expect(res.status).toBe(302);
		expect(res.headers.get('set-cookie')).toBeNull();
		await flushClicks(database.db);
		expect(await database.db.select().from(linkClicks).where(eq(linkClicks.linkId, link.id))).toHaveLength(0);
	});

	it('leaves unknown or malformed codes, HEAD, signed-in visitors and deeper paths to SvelteKit', async () => {
		const { link } = await shareLink();
		for (const path of ['/s/nope123', '/s/%E0%A4%A', `/s/${link.code}/qr.svg`]) {
			expect((await get(path)).headers.get('x-fallback'), path).toBe('sveltekit');
		}
		expect((await fetch(`${base}/s/${link.code}`, { method: 'HEAD', redirect: 'manual' })).headers.get('x-fallback')).toBe('sveltekit');
		expect((await get(`/s/${link.code}`, { cookie: 'simpul_session=abc' })).headers.get('x-fallback')).toBe('sveltekit');
		await flushClicks(database.db);
		expect(await database.db.select().from(linkClicks).where(eq(linkClicks.linkId, link.id))).toHaveLength(0);
	});
});

describe('cached pages before SvelteKit', () => {
	it('answers an anonymous page rendered under the current generation, per language, and not once content changed', async () => {
		const generation = contentGeneration(database.db);
		generation.expire();
		const current = await generation.read();
		const body = new TextEncoder().encode('<h1>Beranda</h1>');
		anonymousPages.set(pageKey(undefined, '/berita?jenis=program'), { body, status: 200, headers: [['content-type', 'text/html']], generation: current });

		const hit = await get('/berita?jenis=program');
		expect(hit.status).toBe(200);
		expect(hit.headers.get('x-cache')).toBe('HIT');
		expect(await hit.text()).toBe('<h1>Beranda</h1>');
		expect((await get('/berita?jenis=program', { cookie: 'PARAGLIDE_LOCALE=en' })).headers.get('x-fallback')).toBe('sveltekit');
		expect((await get('/berita?jenis=program', { cookie: 'simpul_session=abc' })).headers.get('x-fallback')).toBe('sveltekit');
		expect((await get('/berita?jenis=news')).headers.get('x-fallback')).toBe('sveltekit');

		await buildKim(database.db); // a write to what public pages show
		generation.expire();
		expect((await get('/berita?jenis=program')).headers.get('x-fallback')).toBe('sveltekit');
	});
});
