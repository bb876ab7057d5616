import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildKim, buildUser, MAGELANG_SELATAN, testApi, TIDAR_SELATAN } from '../../../../tests/factories';
import { kims } from '../db/schema';
import type { Db } from '../db/client';
import { isUuid, RESERVED_SLUGS, slugify } from '../../shared/slug';
import { insertKimWithSlug, isUniqueViolation, uniqueSlug } from './kims.queries';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
});

const UUID_NAME = '0b9f6c1e-1234-4abc-8def-0123456789ab';
const body = (name: string) => ({ name, kelurahan_code: TIDAR_SELATAN, sk_number: '1/SK/2025', sk_date: '2025-01-10', focus: ['literasi'] });
const values = (name: string) => ({ name, kelurahanCode: TIDAR_SELATAN, kecamatanCode: MAGELANG_SELATAN, skNumber: '1/SK/2025', skDate: '2025-01-10' });

describe('slugify', () => {
	it('keeps ordinary names as they were', () => {
		expect(slugify('KIM Tidar Selatan — Cerdas!')).toBe('kim-tidar-selatan-cerdas');
		expect(slugify('Kelola Informasi')).toBe('kelola-informasi');
		expect(slugify('!!!')).toBe('kim');
	});

	it('never gives a route word under /kim', () => {
		expect(slugify('Daftar')).toBe('kim-daftar');
		expect(slugify(' DAFTAR! ')).toBe('kim-daftar');
		expect(slugify('Kelola')).toBe('kim-kelola');
		for (const word of RESERVED_SLUGS) expect(RESERVED_SLUGS).not.toContain(slugify(word));
	});

	it('never gives a UUID-shaped slug', () => {
		expect(isUuid(UUID_NAME)).toBe(true);
		expect(slugify(UUID_NAME)).toBe(`kim-${UUID_NAME}`);
		expect(slugify(UUID_NAME.toUpperCase())).toBe(`kim-${UUID_NAME}`);
		expect(isUuid(slugify(` ${UUID_NAME} `))).toBe(false);
	});

	it('does not end in a dash after cutting a long name', () => {
		expect(slugify(`${'a'.repeat(79)} b`)).toBe('a'.repeat(79));
	});

	it('reserves every static route folder under /kim and /kim/[slug]', () => {
		const routes = join(process.cwd(), 'src/routes/kim');
		const folders = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('[') && !d.name.startsWith('('));
		const words = [...folders(routes), ...folders(join(routes, '[slug]'))].map((d) => d.name);
		expect(words.length).toBeGreaterThan(0);
		for (const word of words) expect(RESERVED_SLUGS, word).toContain(word);
	});
});

describe('registering under a safe slug', () => {
	it('a KIM named “Daftar” gets a page of its own, not the registration form', async () => {
		const warga = await buildUser(db);
		const res = await call('POST', '/api/v1/kims', { as: warga, body: body('Daftar') });
		expect(res.status).toBe(201);
		expect(res.body.slug).toBe('kim-daftar');
		expect((await call('GET', '/api/v1/kims/kim-daftar', { as: warga })).body.id).toBe(res.body.id);
		expect((await call('POST', '/api/v1/kims', { as: warga, body: body('Daftar') })).body.slug).toBe('kim-daftar-2');
	});

	it('a UUID-shaped name is not looked up as an id', async () => {
		const warga = await buildUser(db);
		const res = await call('POST', '/api/v1/kims', { as: warga, body: body(UUID_NAME) });
		expect(res.body.slug).toBe(`kim-${UUID_NAME}`);
		expect((await call('GET', `/api/v1/kims/${res.body.slug}`, { as: warga })).body.id).toBe(res.body.id);
	});

	it('still finds a KIM stored with a UUID-shaped slug before this rule', async () => {
		const slug = '11111111-2222-4333-8444-555555555555';
		const kim = await buildKim(db, { slug });
		expect((await call('GET', `/api/v1/kims/${slug}`)).body.id).toBe(kim.id);
		// An id still wins over a slug.
		const other = await buildKim(db, { slug: kim.id });
		expect((await call('GET', `/api/v1/kims/${kim.id}`)).body.id).toBe(kim.id);
		expect(other.slug).toBe(kim.id);
	});

	it('retries with the next slug when the unique index refuses one taken in the meantime', async () => {
		const first = await buildKim(db, { slug: 'kim-balapan' });
		let picks = 0;
		// The first pick is stale (as if another registration took it after the look-up).
		const stale = async (tx: Db, base: string) => (picks++ === 0 ? base : uniqueSlug(tx, base));
		const kim = await db.transaction((tx) => insertKimWithSlug(tx, 'kim-balapan', values('KIM Balapan'), { pick: stale }));
		expect(picks).toBe(2);
		expect(kim.slug).toBe('kim-balapan-2');
		expect((await db.select().from(kims).where(eq(kims.id, kim.id)))[0].slug).toBe('kim-balapan-2');
		expect(first.slug).toBe('kim-balapan');
	});

	it('gives up after a few refused slugs with the database error (a 409 at the edge)', async () => {
		await buildKim(db, { slug: 'kim-macet' });
		let picks = 0;
		const always = async () => (picks++, 'kim-macet');
		const err = await db.transaction((tx) => insertKimWithSlug(tx, 'kim-macet', values('KIM Macet'), { pick: always, attempts: 3 })).catch((e: unknown) => e);
		expect(picks).toBe(3);
		expect(isUniqueViolation(err, 'kims_slug_key')).toBe(true);
	});

	it('registers the same name three times at once, each under its own slug', async () => {
		// On PostgreSQL the three race for one slug; each loser waits for the winner, gets 23505 and
		// takes the next slug (three tries cover three at once). PGlite runs them one after another.
		const people = await Promise.all(Array.from({ length: 3 }, () => buildUser(db)));
		await Promise.all(people.map((as) => call('GET', '/api/v1/kims', { as }))); // log in first
		const results = await Promise.all(people.map((as) => call('POST', '/api/v1/kims', { as, body: body('KIM Serentak') })));
		expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
		expect(new Set(results.map((r) => r.body.slug))).toEqual(new Set(['kim-serentak', 'kim-serentak-2', 'kim-serentak-3']));
	});
});
