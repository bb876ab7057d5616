import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, buildUser, testApi } from '../../../../tests/factories';
import { auditLog, kimMembers, outbox, passwordTokens, users } from '../db/schema';
import type { Db } from '../db/client';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
});

const membersOf = async (kimId: string) =>
	(await db.select().from(kimMembers).where(eq(kimMembers.kimId, kimId))).map((x) => [x.userId, x.position]).sort();
/** Audit entries other than logins (the test caller logs each new actor in, which is audited). */
const auditCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(sql`${auditLog.action} <> 'user.login'`))[0].n;

describe('adding members', () => {
	it('creates an account without a password and queues an invite with a set-password link', async () => {
		const kim = await buildKim(db, { name: 'KIM Rukun' });
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const mailsBefore = (await db.select().from(outbox)).length;
		const res = await call('POST', `/api/v1/kims/${kim.id}/members`, { as: ketua, body: { email: 'Baru@Contoh.id', name: 'Warga Baru', position: 'seksi' } });
		expect(res.status).toBe(201);
		const [user] = await db.select().from(users).where(eq(users.email, 'baru@contoh.id'));
		expect(res.body).toEqual({ user_id: user.id, position: 'seksi' });
		expect(user).toMatchObject({ name: 'Warga Baru', passwordHash: null });
		expect(await db.select().from(passwordTokens).where(eq(passwordTokens.userId, user.id))).toEqual([expect.objectContaining({ purpose: 'invite' })]);
		const mails = (await db.select().from(outbox)).slice(mailsBefore);
		expect(mails).toHaveLength(1);
		const mail = mails[0].payload as { to: string; subject: string; text: string };
		expect(mail.to).toBe('baru@contoh.id');
		expect(mail.subject).toContain('KIM Rukun');
		expect(mail.text).toMatch(/Seksi di KIM Rukun/);
		expect(mail.text).toMatch(/http:\/\/simpul\.test\/atur-sandi\?token=\S+/);
		const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, kim.id)).orderBy(auditLog.id)).map((e) => e.action);
		expect(actions).toContain('kim.member_add');
		expect((await db.select().from(auditLog).where(eq(auditLog.entityId, user.id))).map((e) => e.action)).toEqual(['user.invite']);
	});

	it('links an existing account without a new password link or renaming it, and refuses a duplicate', async () => {
		const kim = await buildKim(db);
		const petugas = await buildActor(db, 'petugas');
		const existing = await buildUser(db, { email: 'ada@contoh.id', name: 'Sudah Ada' });
		const mailsBefore = (await db.select().from(outbox)).length;
		const res = await call('POST', `/api/v1/kims/${kim.id}/members`, { as: petugas, body: { email: 'ADA@contoh.id', name: 'Nama Lain', position: 'anggota' } });
		expect(res.status).toBe(201);
		expect(res.body).toEqual({ user_id: existing.id, position: 'anggota' });
		expect((await db.select().from(users).where(eq(users.id, existing.id)))[0].name).toBe('Sudah Ada');
		expect(await membersOf(kim.id)).toEqual([[existing.id, 'anggota']]);
		expect((await db.select().from(outbox)).length).toBe(mailsBefore);
		const dup = await call('POST', `/api/v1/kims/${kim.id}/members`, { as: petugas, body: { email: 'ada@contoh.id', name: 'Sudah Ada', position: 'seksi' } });
		expect(dup.status).toBe(409);
		expect(dup.body.errors[0].path).toBe('email');
	});

	it('answers alike for an email with an account and one without: no name, invite state or other account data comes back', async () => {
		const kim = await buildKim(db);
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const withPassword = await buildUser(db, { name: 'Rahasia Satu' });
		const invitedOnly = await buildUser(db, { name: 'Rahasia Dua', password: false });
		const answers = [];
		for (const email of [withPassword.email, invitedOnly.email, 'belum-ada@contoh.id']) {
			const res = await call('POST', `/api/v1/kims/${kim.id}/members`, { as: ketua, body: { email, name: 'Dari Pengurus', position: 'anggota' } });
			expect(res.status).toBe(201);
			expect(Object.keys(res.body).sort()).toEqual(['position', 'user_id']);
			expect(JSON.stringify(res.body)).not.toMatch(/Rahasia|invited|Dari Pengurus/);
			answers.push({ ...res.body, user_id: typeof res.body.user_id });
		}
		expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
		// Without a name every email gets the same field error, account or not.
		for (const email of [withPassword.email, 'juga-belum@contoh.id']) {
			const res = await call('POST', `/api/v1/kims/${kim.id}/members`, { as: ketua, body: { email, position: 'anggota' } });
			expect(res.status).toBe(400);
			expect(res.body.errors).toEqual([{ path: 'name', message: 'Masukkan nama lengkap anggota' }]);
		}
	});

	it('needs a name, a valid email and a known position', async () => {
		const kim = await buildKim(db);
		const petugas = await buildActor(db, 'petugas');
		const noName = await call('POST', `/api/v1/kims/${kim.id}/members`, { as: petugas, body: { email: 'siapa@contoh.id', name: '  ', position: 'anggota' } });
		expect(noName.status).toBe(400);
		expect(noName.body.errors).toEqual([{ path: 'name', message: 'Masukkan nama lengkap anggota' }]);
		expect(await db.select().from(users).where(eq(users.email, 'siapa@contoh.id'))).toEqual([]);
		const bad = await call('POST', `/api/v1/kims/${kim.id}/members`, { as: petugas, body: { email: 'x', name: 'X', position: 'raja' } });
		expect(bad.status).toBe(400);
		expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'position']);
	});

	it('refuses anggota, another KIM’s pengurus and residents with 403; nothing changes', async () => {
		const kim = await buildKim(db);
		const other = await buildKim(db);
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const target = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		const who = [
			await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' }),
			await buildActor(db, 'warga', { kimId: other.id, position: 'ketua' }),
			await buildActor(db, 'warga')
		];
		const before = await membersOf(kim.id);
		const audits = await auditCount();
		for (const a of who) {
			expect((await call('POST', `/api/v1/kims/${kim.id}/members`, { as: a, body: { email: `n-${a.userId}@contoh.id`, name: 'N', position: 'anggota' } })).status).toBe(403);
			expect((await call('PATCH', `/api/v1/kims/${kim.id}/members/${target.userId}`, { as: a, body: { position: 'ketua' } })).status).toBe(403);
			expect((await call('DELETE', `/api/v1/kims/${kim.id}/members/${ketua.userId}`, { as: a })).status).toBe(403);
		}
		expect(await membersOf(kim.id)).toEqual(before);
		expect(await auditCount()).toBe(audits);
	});
});

describe('positions and removal', () => {
	it('changes a position and removes a member (audited)', async () => {
		const kim = await buildKim(db);
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const a = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		const res = await call('PATCH', `/api/v1/kims/${kim.id}/members/${a.userId}`, { as: ketua, body: { position: 'bendahara' } });
		expect(res.status).toBe(200);
		expect(res.body.position).toBe('bendahara');
		expect((await call('DELETE', `/api/v1/kims/${kim.id}/members/${a.userId}`, { as: ketua })).status).toBe(204);
		expect(await membersOf(kim.id)).toEqual([[ketua.userId, 'ketua']]);
		const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, kim.id)).orderBy(auditLog.id)).map((e) => e.action);
		expect(actions).toEqual(['kim.member_position', 'kim.member_remove']);
		expect((await call('DELETE', `/api/v1/kims/${kim.id}/members/${a.userId}`, { as: ketua })).status).toBe(404);
	});

	it('keeps at least one ketua: the last one cannot be demoted or removed', async () => {
		const kim = await buildKim(db);
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const sek = await buildActor(db, 'warga', { kimId: kim.id, position: 'sekretaris' });
		const demote = await call('PATCH', `/api/v1/kims/${kim.id}/members/${ketua.userId}`, { as: ketua, body: { position: 'anggota' } });
		expect(demote.status).toBe(409);
		expect(demote.body.title).toMatch(/setidaknya satu ketua/);
		const remove = await call('DELETE', `/api/v1/kims/${kim.id}/members/${ketua.userId}`, { as: ketua });
		expect(remove.status).toBe(409);
		expect((await call('DELETE', `/api/v1/kims/${kim.id}/members/${ketua.userId}`, { as: await buildActor(db, 'petugas') })).status).toBe(409);
		// Promote someone else first, then the old ketua can step down.
		expect((await call('PATCH', `/api/v1/kims/${kim.id}/members/${sek.userId}`, { as: ketua, body: { position: 'ketua' } })).status).toBe(200);
		expect((await call('DELETE', `/api/v1/kims/${kim.id}/members/${ketua.userId}`, { as: sek })).status).toBe(204);
		expect(await membersOf(kim.id)).toEqual([[sek.userId, 'ketua']]);
	});

	it('a petugas can manage members of any KIM', async () => {
		const kim = await buildKim(db);
		const petugas = await buildActor(db, 'petugas');
		const a = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		expect((await call('PATCH', `/api/v1/kims/${kim.id}/members/${a.userId}`, { as: petugas, body: { position: 'ketua' } })).status).toBe(200);
		const [row] = await db.select().from(kimMembers).where(and(eq(kimMembers.kimId, kim.id), eq(kimMembers.userId, a.userId)));
		expect(row.position).toBe('ketua');
	});
});

describe('GET /api/v1/kims/{id}/members', () => {
	it('gives anonymous visitors, residents and other KIMs’ people only the board, by name and position', async () => {
		const kim = await buildKim(db);
		await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		await buildActor(db, 'warga', { kimId: kim.id, position: 'seksi' });
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const bendahara = await buildActor(db, 'warga', { kimId: kim.id, position: 'bendahara' });
		await db.insert(kimMembers).values({ kimId: kim.id, userId: (await buildUser(db, { name: 'Sekretaris Undangan', password: false })).id, position: 'sekretaris' });
		const other = await buildKim(db);
		for (const as of [undefined, await buildActor(db, 'warga'), await buildActor(db, 'warga', { kimId: other.id, position: 'ketua' })]) {
			const res = await call('GET', `/api/v1/kims/${kim.id}/members`, { as });
			expect(res.status).toBe(200);
			expect(res.body.data).toEqual([
				{ name: ketua.name, position: 'ketua' },
				{ name: 'Sekretaris Undangan', position: 'sekretaris' },
				{ name: bendahara.name, position: 'bendahara' }
			]);
		}
		// The KIM's public data still counts everyone.
		expect((await call('GET', `/api/v1/kims/${kim.id}`)).body.member_count).toBe(5);
	});

	it('gives the KIM’s members the whole list (board first); emails only for its pengurus and staff', async () => {
		const kim = await buildKim(db);
		const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const mine = await call('GET', `/api/v1/kims/${kim.id}/members`, { as: anggota });
		expect(mine.body.data.map((x: { position: string }) => x.position)).toEqual(['ketua', 'anggota']);
		expect(Object.keys(mine.body.data[0]).sort()).toEqual(['email', 'invited', 'joined_at', 'name', 'position', 'user_id']);
		expect(mine.body.data.every((x: { email: string | null }) => x.email === null)).toBe(true);
		expect((await call('GET', `/api/v1/kims/${kim.id}/members`, { as: ketua })).body.data[0].email).toBe(ketua.email);
		const staff = await call('GET', `/api/v1/kims/${kim.id}/members`, { as: await buildActor(db, 'petugas') });
		expect(staff.body.data.map((x: { email: string }) => x.email)).toEqual([ketua.email, anggota.email]);
		const hidden = await buildKim(db, { status: 'registered' });
		expect((await call('GET', `/api/v1/kims/${hidden.id}/members`)).status).toBe(404);
	});
});
