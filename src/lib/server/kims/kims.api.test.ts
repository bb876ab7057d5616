import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, buildUser, MAGELANG_SELATAN, testApi, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import { auditLog, kimMembers, kims } from '../db/schema';
import type { Db } from '../db/client';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
let openapi: () => Promise<{ paths: Record<string, Record<string, { tags?: string[] }>> }>;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	const t = testApi(db);
	call = t.call;
	openapi = async () => (await t.api.request('/api/openapi.json')).json();
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
const kimRow = async (id: string) => (await db.select().from(kims).where(eq(kims.id, id)))[0];
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

describe('GET /api/v1/kims and /api/v1/kims/{id}', () => {
	let member: Awaited<ReturnType<typeof buildActor>>;
	let pending: Awaited<ReturnType<typeof buildKim>>;
	let verified: Awaited<ReturnType<typeof buildKim>>;
	beforeAll(async () => {
		verified = await buildKim(db, { name: 'KIM Wates Terang', kelurahanCode: WATES, kecamatanCode: '33.71.02', focus: ['literasi'] });
		pending = await buildKim(db, { name: 'KIM Menunggu', status: 'registered' });
		member = await buildActor(db, 'warga', { kimId: pending.id, position: 'anggota' });
		await db.insert(kimMembers).values({ kimId: verified.id, userId: (await buildUser(db)).id, position: 'ketua' });
	});

	it('hides non-verified KIMs from anonymous visitors and residents', async () => {
		const anon = await call('GET', '/api/v1/kims');
		expect(anon.status).toBe(200);
		expect(anon.body.data.every((k: { status: string }) => k.status === 'verified')).toBe(true);
		expect(anon.body.data.find((k: { id: string }) => k.id === pending.id)).toBeUndefined();
		const item = anon.body.data.find((k: { id: string }) => k.id === verified.id);
		expect(Object.keys(item).sort()).toEqual(['focus', 'id', 'kecamatan_code', 'kelurahan_code', 'member_count', 'name', 'slug', 'status']);
		expect(item.member_count).toBe(1);
		const warga = await buildUser(db);
		const asWarga = await call('GET', '/api/v1/kims?status=registered', { as: warga });
		expect(asWarga.body.data).toEqual([]);
	});

	it('shows members their own non-verified KIM, and staff everything', async () => {
		const mine = await call('GET', '/api/v1/kims', { as: member });
		expect(mine.body.data.map((k: { id: string }) => k.id)).toContain(pending.id);
		const petugas = await buildActor(db, 'petugas');
		const all = await call('GET', '/api/v1/kims?status=registered', { as: petugas });
		expect(all.body.data.map((k: { id: string }) => k.id)).toContain(pending.id);
		expect(all.body.data.every((k: { status: string }) => k.status === 'registered')).toBe(true);
	});

	it('filters by kelurahan and kecamatan', async () => {
		const byKel = await call('GET', `/api/v1/kims?kelurahan=${WATES}`);
		expect(byKel.body.data.map((k: { id: string }) => k.id)).toEqual([verified.id]);
		const byKec = await call('GET', '/api/v1/kims?kecamatan=33.71.02');
		expect(byKec.body.data.map((k: { id: string }) => k.id)).toContain(verified.id);
		expect(byKec.body.data.every((k: { kecamatan_code: string }) => k.kecamatan_code === '33.71.02')).toBe(true);
		const bad = await call('GET', '/api/v1/kims?status=aktif');
		expect(bad.status).toBe(400);
	});

	it('answers one KIM by id or slug; 404 for a non-verified KIM unless staff or member', async () => {
		expect((await call('GET', `/api/v1/kims/${verified.id}`)).body.name).toBe('KIM Wates Terang');
		expect((await call('GET', `/api/v1/kims/${verified.slug}`)).body.id).toBe(verified.id);
		expect((await call('GET', `/api/v1/kims/${pending.id}`)).status).toBe(404);
		expect((await call('GET', `/api/v1/kims/${pending.id}`, { as: await buildUser(db) })).status).toBe(404);
		expect((await call('GET', `/api/v1/kims/${pending.id}`, { as: member })).status).toBe(200);
		expect((await call('GET', `/api/v1/kims/${pending.id}`, { as: await buildActor(db, 'admin') })).status).toBe(200);
		expect((await call('GET', '/api/v1/kims/tidak-ada')).status).toBe(404);
	});

	it('documents every KIM route under the kims tag', async () => {
		const doc = await openapi();
		const expected: [string, string][] = [
			['/api/v1/kims', 'get'], ['/api/v1/kims', 'post'], ['/api/v1/kims/{id}', 'get'], ['/api/v1/kims/{id}', 'patch'],
			['/api/v1/kims/{id}/verify', 'post'], ['/api/v1/kims/{id}/return', 'post'], ['/api/v1/kims/{id}/deactivate', 'post'],
			['/api/v1/kims/{id}/reactivate', 'post'], ['/api/v1/kims/{id}/resubmit', 'post'], ['/api/v1/kims/{id}/members', 'get'],
			['/api/v1/kims/{id}/members', 'post'], ['/api/v1/kims/{id}/members/{userId}', 'patch'], ['/api/v1/kims/{id}/members/{userId}', 'delete'],
			['/api/v1/kims/{id}/files/sk', 'post'], ['/api/v1/kims/{id}/files/logo', 'post']
		];
		for (const [path, method] of expected) expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(['kims']);
	});
});

describe('PATCH /api/v1/kims/{id}', () => {
	it('lets its pengurus edit; absent fields stay, null clears', async () => {
		const kim = await buildKim(db, { description: 'Lama', contactPhone: '08123456789', social: { website: 'https://lama.id' } });
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'sekretaris' });
		const res = await call('PATCH', `/api/v1/kims/${kim.id}`, { as: ketua, body: { description: 'Baru', contact_phone: null, youtube: 'https://youtu.be/abc' } });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ description: 'Baru', contact_phone: null, website: 'https://lama.id', youtube: 'https://youtu.be/abc', name: kim.name, slug: kim.slug });
		const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, kim.id), eq(auditLog.action, 'kim.update')));
		expect(entry.before).toMatchObject({ description: 'Lama' });
		expect(entry.after).toMatchObject({ description: 'Baru' });
	});

	it('moves a KIM to another kelurahan and to kecamatan level', async () => {
		const kim = await buildKim(db);
		const petugas = await buildActor(db, 'petugas');
		const moved = await call('PATCH', `/api/v1/kims/${kim.id}`, { as: petugas, body: { kelurahan_code: WATES } });
		expect(moved.body).toMatchObject({ kelurahan_code: WATES, kecamatan_code: '33.71.02' });
		const up = await call('PATCH', `/api/v1/kims/${kim.id}`, { as: petugas, body: { kecamatan_code: MAGELANG_SELATAN } });
		expect(up.body).toMatchObject({ kelurahan_code: null, kecamatan_code: MAGELANG_SELATAN });
	});

	it('checks the term against the stored start date', async () => {
		const kim = await buildKim(db, { termStartsOn: '2025-01-01', termEndsOn: '2027-01-01' });
		const petugas = await buildActor(db, 'petugas');
		const res = await call('PATCH', `/api/v1/kims/${kim.id}`, { as: petugas, body: { term_ends_on: '2024-12-31' } });
		expect(res.status).toBe(400);
		expect(paths(res)).toEqual(['term_ends_on']);
	});

	it('refuses anggota, other KIMs’ pengurus and residents with 403 and changes nothing', async () => {
		const kim = await buildKim(db, { description: 'Tetap' });
		const other = await buildKim(db);
		const cases = [
			await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' }),
			await buildActor(db, 'warga', { kimId: kim.id, position: 'seksi' }),
			await buildActor(db, 'warga', { kimId: other.id, position: 'ketua' }),
			await buildActor(db, 'warga')
		];
		const before = await kimRow(kim.id);
		const audits = await auditCount();
		for (const a of cases) {
			expect((await call('PATCH', `/api/v1/kims/${kim.id}`, { as: a, body: { description: 'Diubah' } })).status).toBe(403);
		}
		expect((await call('PATCH', `/api/v1/kims/${kim.id}`, { body: { description: 'Diubah' } })).status).toBe(401);
		expect(await kimRow(kim.id)).toEqual(before);
		expect(await auditCount()).toBe(audits);
	});
});

describe('verify, return, resubmit, deactivate, reactivate', () => {
	it('runs the whole cycle with audit entries', async () => {
		const kim = await buildKim(db, { status: 'registered' });
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const petugas = await buildActor(db, 'petugas');
		const ret = await call('POST', `/api/v1/kims/${kim.id}/return`, { as: petugas, body: { reason: 'Lampirkan SK yang sudah ditandatangani' } });
		expect(ret.body).toMatchObject({ status: 'returned', status_reason: 'Lampirkan SK yang sudah ditandatangani' });
		// The pengurus sees the reason.
		expect((await call('GET', `/api/v1/kims/${kim.id}`, { as: ketua })).body.status_reason).toBe('Lampirkan SK yang sudah ditandatangani');
		const resubmit = await call('POST', `/api/v1/kims/${kim.id}/resubmit`, { as: ketua });
		expect(resubmit.body).toMatchObject({ status: 'registered', status_reason: null });
		const verify = await call('POST', `/api/v1/kims/${kim.id}/verify`, { as: petugas });
		expect(verify.body.status).toBe('verified');
		expect(verify.body.verified_at).not.toBeNull();
		const off = await call('POST', `/api/v1/kims/${kim.id}/deactivate`, { as: petugas, body: { reason: 'Tidak ada kegiatan setahun' } });
		expect(off.body).toMatchObject({ status: 'inactive', status_reason: 'Tidak ada kegiatan setahun' });
		const on = await call('POST', `/api/v1/kims/${kim.id}/reactivate`, { as: await buildActor(db, 'admin') });
		expect(on.body.status).toBe('verified');
		const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, kim.id)).orderBy(auditLog.id)).map((e) => e.action);
		expect(actions).toEqual(['kim.return', 'kim.resubmit', 'kim.verify', 'kim.deactivate', 'kim.reactivate']);
		const [verifyEntry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, kim.id), eq(auditLog.action, 'kim.verify')));
		expect(verifyEntry.before).toMatchObject({ status: 'registered' });
		expect(verifyEntry.after).toMatchObject({ status: 'verified' });
	});

	it('refuses a return without a reason, and an impossible transition with 409', async () => {
		const kim = await buildKim(db, { status: 'registered' });
		const petugas = await buildActor(db, 'petugas');
		const noReason = await call('POST', `/api/v1/kims/${kim.id}/return`, { as: petugas, body: { reason: ' ' } });
		expect(noReason.status).toBe(400);
		expect(paths(noReason)).toEqual(['reason']);
		expect((await call('POST', `/api/v1/kims/${kim.id}/reactivate`, { as: petugas })).status).toBe(409);
		expect((await kimRow(kim.id)).status).toBe('registered');
	});

	it('refuses everyone but staff (403 to its members, 404 to those who cannot see it) and nothing changes', async () => {
		const kim = await buildKim(db, { status: 'registered' });
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const warga = await buildActor(db, 'warga');
		const before = await kimRow(kim.id);
		const audits = await auditCount();
		for (const [who, status] of [[ketua, 403], [warga, 404]] as const) {
			expect((await call('POST', `/api/v1/kims/${kim.id}/verify`, { as: who })).status).toBe(status);
			expect((await call('POST', `/api/v1/kims/${kim.id}/return`, { as: who, body: { reason: 'x' } })).status).toBe(status);
			expect((await call('POST', `/api/v1/kims/${kim.id}/deactivate`, { as: who })).status).toBe(status);
		}
		expect((await call('POST', `/api/v1/kims/${kim.id}/verify`)).status).toBe(404);
		// A verified KIM is public: there the usual 401 and 403 apply.
		const open = await buildKim(db);
		expect((await call('POST', `/api/v1/kims/${open.id}/deactivate`)).status).toBe(401);
		expect((await call('POST', `/api/v1/kims/${open.id}/deactivate`, { as: warga })).status).toBe(403);
		expect((await kimRow(open.id)).status).toBe('verified');
		expect(await kimRow(kim.id)).toEqual(before);
		expect(await auditCount()).toBe(audits);
	});

	it('only the KIM’s own pengurus may resubmit', async () => {
		const kim = await buildKim(db, { status: 'returned' });
		const other = await buildKim(db);
		const stranger = await buildActor(db, 'warga', { kimId: other.id, position: 'ketua' });
		const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		expect((await call('POST', `/api/v1/kims/${kim.id}/resubmit`, { as: stranger })).status).toBe(404);
		expect((await call('POST', `/api/v1/kims/${kim.id}/resubmit`, { as: anggota })).status).toBe(403);
		expect((await kimRow(kim.id)).status).toBe('returned');
	});
});
