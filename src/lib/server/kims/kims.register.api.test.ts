import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildUser, MAGELANG_SELATAN, testApi, TIDAR_SELATAN } from '../../../../tests/factories';
import { auditLog, kimMembers, kims } from '../db/schema';
import type { Db } from '../db/client';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
});

const valid = (over: Record<string, unknown> = {}) => ({
	name: 'KIM Uji Coba',
	kelurahan_code: TIDAR_SELATAN,
	sk_number: '12/KEP/2025',
	sk_date: '2025-01-10',
	founded_on: '2024-06-01',
	term_starts_on: '2025-01-01',
	term_ends_on: '2027-12-31',
	focus: ['literasi', 'sosial_budaya'],
	...over
});
const paths = (res: { body: { errors?: { path: string }[] } }) => (res.body.errors ?? []).map((e) => e.path).sort();
/** Audit entries other than logins (the test caller logs each new actor in, which is audited). */
const auditCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(sql`${auditLog.action} <> 'user.login'`))[0].n;

describe('POST /api/v1/kims (register)', () => {
	it('registers a KIM for a resident, who becomes its ketua; audited', async () => {
		const warga = await buildUser(db);
		const res = await call('POST', '/api/v1/kims', {
			as: warga,
			body: valid({ name: 'KIM Tidar Cerdas', instagram: 'https://www.instagram.com/kimtidar', contact_phone: '0812 3456 7890', description: 'Kelompok informasi.' })
		});
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({
			status: 'registered', slug: 'kim-tidar-cerdas', name: 'KIM Tidar Cerdas', kelurahan_code: TIDAR_SELATAN,
			kecamatan_code: MAGELANG_SELATAN, kelurahan_name: 'Tidar Selatan', focus: ['literasi', 'sosial_budaya'], member_count: 1,
			instagram: 'https://www.instagram.com/kimtidar', contact_phone: '0812 3456 7890', has_sk_file: false, logo_url: null
		});
		const members = await db.select().from(kimMembers).where(eq(kimMembers.kimId, res.body.id));
		expect(members).toEqual([expect.objectContaining({ userId: warga.id, position: 'ketua' })]);
		const entries = await db.select().from(auditLog).where(eq(auditLog.entityId, res.body.id));
		expect(entries.map((e) => e.action).sort()).toEqual(['kim.member_add', 'kim.register']);
		// Same name again gets its own slug.
		const again = await call('POST', '/api/v1/kims', { as: warga, body: valid({ name: 'KIM Tidar Cerdas' }) });
		expect(again.body.slug).toBe('kim-tidar-cerdas-2');
	});

	it('accepts a kecamatan-level KIM with kecamatan_code instead of kelurahan_code', async () => {
		const warga = await buildUser(db);
		const res = await call('POST', '/api/v1/kims', { as: warga, body: valid({ kelurahan_code: undefined, kecamatan_code: MAGELANG_SELATAN }) });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ kelurahan_code: null, kecamatan_code: MAGELANG_SELATAN, kecamatan_name: 'Magelang Selatan' });
	});

	it('lets a petugas register on a group’s behalf without joining, naming a ketua by email', async () => {
		const petugas = await buildActor(db, 'petugas');
		const res = await call('POST', '/api/v1/kims', { as: petugas, body: valid({ ketua_email: 'Ketua.Baru@contoh.id', ketua_name: 'Ketua Baru' }) });
		expect(res.status).toBe(201);
		const members = await db.select().from(kimMembers).where(eq(kimMembers.kimId, res.body.id));
		expect(members).toHaveLength(1);
		expect(members[0].position).toBe('ketua');
		expect(members[0].userId).not.toBe(petugas.userId);
		const noKetua = await call('POST', '/api/v1/kims', { as: petugas, body: valid() });
		expect(noKetua.body.member_count).toBe(0);
		// A ketua's name is needed with their email, whether or not the email has an account.
		const noName = await call('POST', '/api/v1/kims', { as: petugas, body: valid({ ketua_email: petugas.email }) });
		expect(paths(noName)).toEqual(['ketua_name']);
	});

	it('requires a login', async () => {
		const res = await call('POST', '/api/v1/kims', { body: valid() });
		expect(res.status).toBe(401);
	});

	it('answers bad input with 400 and field paths in Indonesian', async () => {
		const warga = await buildUser(db);
		const before = await auditCount();
		const res = await call('POST', '/api/v1/kims', {
			as: warga,
			body: valid({ name: '  ', focus: ['olahraga'], sk_number: '', website: 'bukan url', tiktok: 'https://example.com/x', sk_date: '2025-02-30' })
		});
		expect(res.status).toBe(400);
		expect(res.headers.get('content-type')).toContain('application/problem+json');
		expect(paths(res)).toEqual(['focus', 'name', 'sk_date', 'sk_number', 'tiktok', 'website']);
		expect(res.body.errors.find((e: { path: string }) => e.path === 'focus').message).toMatch(/^Pilih minimal satu fokus/);
		expect(res.body.errors.find((e: { path: string }) => e.path === 'tiktok').message).toContain('TikTok');
		expect(await auditCount()).toBe(before);
	});

	it('refuses an empty focus list and a missing area', async () => {
		const warga = await buildUser(db);
		const res = await call('POST', '/api/v1/kims', { as: warga, body: valid({ focus: [], kelurahan_code: undefined }) });
		expect(res.status).toBe(400);
		expect(paths(res)).toEqual(['focus', 'kelurahan_code']);
	});

	it('refuses an unknown kelurahan code', async () => {
		const warga = await buildUser(db);
		const res = await call('POST', '/api/v1/kims', { as: warga, body: valid({ kelurahan_code: '33.71.09.1001' }) });
		expect(res.status).toBe(400);
		expect(res.body.errors).toEqual([{ path: 'kelurahan_code', message: 'Pilih kelurahan yang ada dalam daftar' }]);
		const mismatch = await call('POST', '/api/v1/kims', { as: warga, body: valid({ kecamatan_code: '33.71.02' }) });
		expect(paths(mismatch)).toEqual(['kecamatan_code']);
	});

	it('refuses an SK date or founding date in the future and a term that ends before it starts', async () => {
		const warga = await buildUser(db);
		const count = (await db.select({ n: sql<number>`count(*)::int` }).from(kims))[0].n;
		const res = await call('POST', '/api/v1/kims', { as: warga, body: valid({ sk_date: '2999-01-01', founded_on: '2999-01-01', term_starts_on: '2026-01-01', term_ends_on: '2025-12-31' }) });
		expect(res.status).toBe(400);
		expect(paths(res)).toEqual(['founded_on', 'sk_date', 'term_ends_on']);
		expect(res.body.errors.find((e: { path: string }) => e.path === 'sk_date').message).toBe('Tanggal SK tidak boleh setelah hari ini');
		expect((await db.select({ n: sql<number>`count(*)::int` }).from(kims))[0].n).toBe(count);
	});
});
