import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildKim } from '../../../../tests/factories';
import type { Db } from '../db/client';
import { appState, kims } from '../db/schema';
import { gunzipSync } from 'node:zlib';
import { PageCache, generationReader, negotiate } from './page-cache';

const page = (text: string, generation = 1, type = 'application/pdf') => ({ body: new TextEncoder().encode(text), status: 200, headers: [['content-type', type]] as [string, string][], generation });

describe('PageCache', () => {
	it('answers an entry only under the generation it was rendered in, and before it expires', () => {
		const cache = new PageCache({ maxBytes: 1000, ttlMs: 60_000 });
		cache.set('id|/', page('home'), 0);
		expect(new TextDecoder().decode(cache.get('id|/', 1, 1000)!.body)).toBe('home');
		expect(cache.get('en|/', 1, 1000)).toBeUndefined();
		expect(cache.get('id|/', 2, 1000)).toBeUndefined(); // content changed: dropped
		expect(cache.get('id|/', 1, 1000)).toBeUndefined();
		cache.set('id|/berita', page('news'), 0);
		expect(cache.get('id|/berita', 1, 60_000)).toBeUndefined(); // expired
		expect(cache.size).toEqual({ entries: 0, bytes: 0 });
	});

	it('stays within its byte budget, evicting the least recently used, and never keeps a huge page', () => {
		const cache = new PageCache({ maxBytes: 800, ttlMs: 60_000 });
		cache.set('a', page('a'.repeat(100)));
		cache.set('b', page('b'.repeat(100)));
		expect(cache.get('a', 1)).toBeDefined(); // a is now the most recently used
		for (let i = 0; i < 7; i++) cache.set(`p${i}`, page('x'.repeat(100)));
		expect(cache.size.bytes).toBeLessThanOrEqual(800);
		expect(cache.get('b', 1)).toBeUndefined();
		expect(cache.get('p6', 1)).toBeDefined();
		expect(cache.get('a', 1)).toBeDefined();
		cache.set('huge', page('h'.repeat(101)));
		expect(cache.get('huge', 1)).toBeUndefined();
		cache.set('p5', page('y'.repeat(50))); // replacing an entry accounts for the old one
		expect(cache.size.bytes).toBeLessThanOrEqual(800);
	});
});

describe('negotiate', () => {
	it('sends text gzipped to clients that accept it, and as it is to others', () => {
		const cache = new PageCache({ maxBytes: 100_000, ttlMs: 60_000 });
		const html = '<p>Imunisasi gratis</p>'.repeat(100);
		cache.set('k', { ...page(html, 1, 'text/html; charset=utf-8'), headers: [['content-type', 'text/html; charset=utf-8'], ['content-length', String(html.length)]] });
		const entry = cache.get('k', 1)!;
		const zipped = negotiate(entry, 'gzip, deflate, br');
		expect(zipped.headers).toContainEqual(['content-encoding', 'gzip']);
		expect(zipped.headers).toContainEqual(['vary', 'accept-encoding']);
		expect(gunzipSync(zipped.body).toString()).toBe(html);
		// The length is the gzipped body's, never the rendered page's (a browser would wait for bytes that never come).
		expect(zipped.headers.filter(([n]) => n === 'content-length')).toEqual([['content-length', String(zipped.body.byteLength)]]);
		expect(zipped.body.byteLength).toBeLessThan(html.length / 10);
		const plain = negotiate(entry, undefined);
		expect(plain.headers.filter(([n]) => n === 'content-length')).toEqual([['content-length', String(html.length)]]);
		expect(plain.headers.some(([n]) => n === 'content-encoding')).toBe(false);
		expect(new TextDecoder().decode(plain.body)).toBe(html);
		cache.set('pdf', page('%PDF-1.7'));
		expect(negotiate(cache.get('pdf', 1)!, 'gzip').headers.some(([n]) => n === 'content-encoding')).toBe(false);
	});
});

describe('content generation', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await createTestDatabase()).db;
	});
	const current = async () => Number((await db.select().from(appState).where(eq(appState.key, 'content_generation')))[0].value);

	it('moves on every write to what public pages show, not on other writes', async () => {
		const before = await current();
		const kim = await buildKim(db);
		const afterInsert = await current();
		expect(afterInsert).toBeGreaterThan(before);
		await db.update(kims).set({ name: 'KIM Baru' }).where(eq(kims.id, kim.id));
		expect(await current()).toBe(afterInsert + 1);
		await db.execute(sql`update public_services set name = name where false`); // a statement that changes nothing still counts once
		expect(await current()).toBe(afterInsert + 2);
		await db.execute(sql`insert into holidays (day, name) values ('2031-01-01', 'Tahun Baru') on conflict do nothing`);
		expect(await current()).toBe(afterInsert + 2);
	});

	it('is read at most once a second, and at once after expire()', async () => {
		const reader = generationReader(db, 1000);
		const first = await reader.read(10_000);
		await buildKim(db);
		expect(await reader.read(10_500)).toBe(first); // within the second: the remembered value
		expect(await reader.read(11_001)).toBeGreaterThan(first);
		const second = await reader.read(11_002);
		await buildKim(db);
		reader.expire();
		expect(await reader.read(11_003)).toBeGreaterThan(second);
	});
});
