import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../tests/db';
import { testApi } from '../../../tests/factories';
import type { Db } from './db/client';
import { activityReports, assignments, campaigns, kimMembers, kims, linkClicks, posts, users } from './db/schema';
import { countDemoUsers, initialiseDatabase } from './bootstrap';
import { loadRegency } from './regions/region-source';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, purgeDemo } from './demo/demo.seed';
import { localDiskStorage } from './files/storage';
import { files } from './db/schema';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const uploads = mkdtempSync(join(tmpdir(), 'simpul-demo-'));
const storage = localDiskStorage(uploads);

let db: Db;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
});

describe('regions from idn-area-data and the seed file', () => {
	it('loads Kota Magelang: province, city, 3 kecamatan, 17 kelurahan with known population', () => {
		const rows = loadRegency('33.71');
		const byLevel = (l: string) => rows.filter((r) => r.level === l);
		expect(byLevel('provinsi')).toEqual([expect.objectContaining({ code: '33', name: 'Jawa Tengah' })]);
		expect(byLevel('kota')).toEqual([expect.objectContaining({ code: '33.71', name: 'Kota Magelang', population: 128709, areaKm2: 18.558 })]);
		expect(byLevel('kecamatan').map((r) => r.name)).toEqual(['Magelang Selatan', 'Magelang Utara', 'Magelang Tengah']);
		expect(byLevel('kelurahan')).toHaveLength(17);
		expect(rows.find((r) => r.code === '33.71.01.1011')).toMatchObject({ name: 'Tidar Selatan', population: 5697, parentCode: '33.71.01' });
		expect(rows.find((r) => r.code === '33.71.01.1003')?.population).toBeNull();
	});

	it('returns nothing for an unknown code', () => {
		expect(loadRegency('99.99')).toEqual([]);
	});
});

describe('first start', () => {
	it('creates the demo dataset once, with the documented accounts', async () => {
		expect(await initialiseDatabase(db, { region: '33.71', demo: true, storage, log: () => {} })).toBe(true);
		expect(await initialiseDatabase(db, { region: '33.71', demo: true, log: () => {} })).toBe(false);

		const all = await db.select().from(kims);
		expect(all.length).toBeGreaterThanOrEqual(10);
		expect(new Set(all.map((k) => k.status))).toEqual(new Set(['verified', 'registered', 'returned']));
		expect(new Set(all.map((k) => k.kecamatanCode)).size).toBe(3);
		const withSk = all.filter((k) => k.skFileId);
		expect(withSk.length).toBeGreaterThan(5);
		expect(withSk.length).toBeLessThan(all.filter((k) => k.status === 'verified').length);
		const [sk] = await db.select().from(files).where(eq(files.id, withSk[0].skFileId!));
		expect(sk).toMatchObject({ mime: 'application/pdf', isPublic: false, purpose: 'kim_sk' });
		expect(new TextDecoder().decode((await storage.get(sk.storageKey))!.slice(0, 5))).toBe('%PDF-');
		const positions = await db.selectDistinct({ p: kimMembers.position }).from(kimMembers);
		expect(positions.map((p) => p.p).sort()).toEqual(['anggota', 'bendahara', 'ketua', 'sekretaris', 'seksi']);

		const { call } = testApi(db);
		const login = async (email: string) => (await call('POST', '/api/v1/auth/login', { body: { email, password: DEMO_PASSWORD } })).body;
		expect((await login(DEMO_ACCOUNTS.admin)).user.roles).toContain('admin');
		expect((await login(DEMO_ACCOUNTS.petugas)).user.roles).toContain('petugas');
		expect((await login(DEMO_ACCOUNTS.warga)).user.roles).toEqual(['warga']);
		const pengurus = await call('GET', '/api/v1/me', { token: (await login(DEMO_ACCOUNTS.pengurus)).token });
		const anggota = await call('GET', '/api/v1/me', { token: (await login(DEMO_ACCOUNTS.anggota)).token });
		expect(pengurus.body.roles).toContain('pengurus');
		expect(anggota.body.roles).toContain('anggota');
		expect(anggota.body.kims[0].id).toBe(pengurus.body.kims[0].id);
		const [kim] = await db.select().from(kims).where(eq(kims.id, pengurus.body.kims[0].id));
		expect(kim.status).toBe('verified');

		// The portal has something to show: every kind published, one post waiting for the demo pengurus.
		const published = await call('GET', '/api/v1/posts');
		expect(new Set(published.body.data.map((p: { kind: string }) => p.kind))).toEqual(new Set(['news', 'program', 'announcement', 'potential', 'clarification']));
		const inReview = await db.select().from(posts).where(and(eq(posts.status, 'in_review'), eq(posts.kimId, kim.id)));
		expect(inReview).toHaveLength(1);
		const found = await call('GET', '/api/v1/search?q=imunisasi');
		expect(found.body.data[0].title).toMatch(/Imunisasi campak/);

		// Campaigns: tasks for every verified KIM, clicks and reports to count.
		const verified = await db.select({ id: kims.id }).from(kims).where(eq(kims.status, 'verified'));
		const [mr] = await db.select().from(campaigns).where(eq(campaigns.priority, 'high'));
		const tasks = await db.select().from(assignments).where(eq(assignments.campaignId, mr.id));
		expect(tasks).toHaveLength(verified.length);
		expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(['new', 'accepted', 'declined', 'done']));
		expect((await db.select({ n: sql<number>`count(*)::int` }).from(linkClicks))[0].n).toBeGreaterThan(20);
		expect((await db.select({ n: sql<number>`count(*)::int` }).from(activityReports))[0].n).toBeGreaterThan(5);
	});

	it('demo:purge removes exactly the demo data', async () => {
		const real = await db.insert(users).values({ email: 'asli@contoh.id', name: 'Pengguna Asli' }).returning();
		const realPost = await db.insert(posts).values({ slug: 'tulisan-asli', kind: 'news', title: 'Tulisan asli', summary: 'Asli', body: 'Asli', authorId: real[0].id }).returning({ id: posts.id });
		expect(await countDemoUsers(db)).toBeGreaterThan(5);
		const removed = await purgeDemo(db, storage);
		expect(readdirSync(join(uploads, 'kim_sk'))).toEqual([]);
		expect(removed.users).toBeGreaterThan(5);
		expect(await countDemoUsers(db)).toBe(0);
		expect(await db.select({ n: sql<number>`count(*)::int` }).from(kims)).toEqual([{ n: 0 }]);
		expect(await db.select().from(users).where(eq(users.id, real[0].id))).toHaveLength(1);
		expect(removed.posts).toBeGreaterThan(5);
		expect(removed.campaigns).toBe(2);
		expect(await db.select().from(campaigns)).toEqual([]);
		expect(await db.select().from(activityReports)).toEqual([]);
		expect((await db.select({ id: posts.id }).from(posts)).map((p) => p.id)).toEqual([realPost[0].id]);
	});
});
