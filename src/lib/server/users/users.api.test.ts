import { beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, notInArray } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildKim, buildUser, ctxFor, testApi, TEST_PASSWORD } from '../../../../tests/factories';
import { auditLog, outbox, sessions, users } from '../db/schema';
import type { Db } from '../db/client';
import { createUserAsSystem, createStaffUser } from './users.actions';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
let admin: Awaited<ReturnType<typeof buildUser>>;
let petugas: Awaited<ReturnType<typeof buildUser>>;
let warga: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
	admin = await buildUser(db, { role: 'admin', name: 'Admin Utama', email: 'admin-utama@contoh.id' });
	petugas = await buildUser(db, { role: 'petugas', name: 'Petugas Satu' });
	warga = await buildUser(db, { name: 'Warga Biasa' });
});

// Changes made to the account, without the sign-ins the tests themselves make.
const auditOf = (id: string) =>
	db.select().from(auditLog).where(and(eq(auditLog.entityId, id), notInArray(auditLog.action, ['user.login', 'user.logout']))).orderBy(desc(auditLog.id));

describe('GET /api/v1/admin/users', () => {
	it('searches by name or email, role and active flag, with KIM positions', async () => {
		const sri = await buildUser(db, { name: 'Sri Wahyuni', email: 'sri.w@contoh.id' });
		await buildUser(db, { name: 'Sri Nonaktif', email: 'sri.off@contoh.id', isActive: false });
		const kim = await buildKim(db, { name: 'KIM Tidar Cerdas', members: [[sri.id, 'sekretaris']] });
		const byName = await call('GET', '/api/v1/admin/users?q=sri', { as: admin });
		expect(byName.status).toBe(200);
		expect(byName.body.data.map((u: { email: string }) => u.email).sort()).toEqual(['sri.off@contoh.id', 'sri.w@contoh.id']);
		const found = byName.body.data.find((u: { email: string }) => u.email === 'sri.w@contoh.id');
		expect(found).toMatchObject({ role: 'warga', is_active: true, has_password: true, kims: [{ id: kim.id, name: 'KIM Tidar Cerdas', position: 'sekretaris' }] });
		expect(found).not.toHaveProperty('passwordHash');
		const active = await call('GET', '/api/v1/admin/users?q=SRI.&active=false', { as: admin });
		expect(active.body.data.map((u: { email: string }) => u.email)).toEqual(['sri.off@contoh.id']);
		const staff = await call('GET', '/api/v1/admin/users?role=petugas', { as: admin });
		expect(staff.body.data.every((u: { role: string }) => u.role === 'petugas')).toBe(true);
		expect(staff.body.data.map((u: { id: string }) => u.id)).toContain(petugas.id);
		const wildcard = await call('GET', '/api/v1/admin/users?q=%25', { as: admin });
		expect(wildcard.body.data).toEqual([]);
	});

	it('is admin-only: 401 anonymous, 403 petugas, warga and pengurus', async () => {
		expect((await call('GET', '/api/v1/admin/users')).status).toBe(401);
		expect((await call('GET', '/api/v1/admin/users', { as: petugas })).status).toBe(403);
		expect((await call('GET', '/api/v1/admin/users', { as: warga })).status).toBe(403);
		const ketua = await buildUser(db);
		await buildKim(db, { members: [[ketua.id, 'ketua']] });
		const res = await call('GET', '/api/v1/admin/users', { as: ketua });
		expect(res.status).toBe(403);
		expect(res.headers.get('content-type')).toContain('application/problem+json');
	});
});

describe('PATCH /api/v1/admin/users/{id}', () => {
	it('changes the system role and audits before/after', async () => {
		const u = await buildUser(db);
		const res = await call('PATCH', `/api/v1/admin/users/${u.id}`, { as: admin, body: { role: 'petugas' } });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ id: u.id, role: 'petugas', is_active: true });
		const [entry] = await auditOf(u.id);
		expect(entry).toMatchObject({ action: 'user.role_change', actorId: admin.id, entityType: 'user', before: { role: 'warga' }, after: { role: 'petugas' } });
	});

	it('deactivation ends the sessions: the token stops working; reactivation lets them log in again', async () => {
		const u = await buildUser(db);
		const login = await call('POST', '/api/v1/auth/login', { body: { email: u.email, password: TEST_PASSWORD } });
		expect((await call('GET', '/api/v1/me', { token: login.body.token })).status).toBe(200);
		const off = await call('PATCH', `/api/v1/admin/users/${u.id}`, { as: admin, body: { is_active: false } });
		expect(off).toMatchObject({ status: 200, body: { is_active: false } });
		expect((await call('GET', '/api/v1/me', { token: login.body.token })).status).toBe(401);
		expect(await db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0);
		expect((await call('POST', '/api/v1/auth/login', { body: { email: u.email, password: TEST_PASSWORD } })).status).toBe(403);
		const on = await call('PATCH', `/api/v1/admin/users/${u.id}`, { as: admin, body: { is_active: true } });
		expect(on.body.is_active).toBe(true);
		expect((await call('POST', '/api/v1/auth/login', { body: { email: u.email, password: TEST_PASSWORD } })).status).toBe(200);
		expect((await auditOf(u.id)).map((e) => e.action)).toEqual(['user.reactivate', 'user.deactivate']);
	});

	it('an admin cannot demote or deactivate themselves, so the last admin remains', async () => {
		const onlyAdmins = await db.select().from(users).where(and(eq(users.role, 'admin'), eq(users.isActive, true)));
		expect(onlyAdmins.map((u) => u.id)).toEqual([admin.id]);
		const demote = await call('PATCH', `/api/v1/admin/users/${admin.id}`, { as: admin, body: { role: 'warga' } });
		expect(demote.status).toBe(403);
		const off = await call('PATCH', `/api/v1/admin/users/${admin.id}`, { as: admin, body: { is_active: false } });
		expect(off.status).toBe(403);
		const [row] = await db.select().from(users).where(eq(users.id, admin.id));
		expect(row).toMatchObject({ role: 'admin', isActive: true });
		expect(await auditOf(admin.id)).toHaveLength(0);
	});

	it('refuses non-admins with nothing changed, unknown ids with 404 and bad input with 400', async () => {
		const u = await buildUser(db);
		expect((await call('PATCH', `/api/v1/admin/users/${u.id}`, { body: { role: 'admin' } })).status).toBe(401);
		expect((await call('PATCH', `/api/v1/admin/users/${u.id}`, { as: petugas, body: { role: 'admin' } })).status).toBe(403);
		expect((await call('PATCH', `/api/v1/admin/users/${petugas.id}`, { as: petugas, body: { role: 'admin' } })).status).toBe(403);
		const [row] = await db.select().from(users).where(eq(users.id, u.id));
		expect(row.role).toBe('warga');
		expect(await auditOf(u.id)).toHaveLength(0);
		expect((await call('PATCH', '/api/v1/admin/users/00000000-0000-4000-8000-000000000000', { as: admin, body: { role: 'petugas' } })).status).toBe(404);
		const bad = await call('PATCH', `/api/v1/admin/users/${u.id}`, { as: admin, body: { role: 'raja' } });
		expect(bad.status).toBe(400);
		expect(bad.body.errors[0].path).toBe('role');
	});
});

describe('POST /api/v1/admin/users', () => {
	it('creates a petugas without a password and queues an invitation that sets one', async () => {
		const before = (await db.select().from(outbox)).length;
		const res = await call('POST', '/api/v1/admin/users', { as: admin, body: { email: 'Petugas.Baru@Contoh.id', name: 'Petugas Baru', role: 'petugas' } });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ email: 'petugas.baru@contoh.id', role: 'petugas', has_password: false });
		const mails = (await db.select().from(outbox)).slice(before);
		expect(mails).toHaveLength(1);
		const mail = mails[0].payload as { to: string; subject: string; text: string };
		expect(mail.to).toBe('petugas.baru@contoh.id');
		expect(mail.text).toContain('Petugas');
		const token = decodeURIComponent(mail.text.match(/token=([^\s]+)/)![1]);
		const set = await call('POST', '/api/v1/auth/password/reset', { body: { token, password: 'sandi-petugas-1' } });
		expect(set.status).toBe(200);
		const login = await call('POST', '/api/v1/auth/login', { body: { email: 'petugas.baru@contoh.id', password: 'sandi-petugas-1' } });
		expect(login.body.user.roles).toContain('petugas');
		const entry = (await auditOf(res.body.id)).find((e) => e.action === 'user.create')!;
		expect(entry).toMatchObject({ actorId: admin.id, after: { role: 'petugas', invited: true } });
		expect(entry.after).not.toHaveProperty('passwordHash');
	});

	it('creates an admin with a password and no mail', async () => {
		const before = (await db.select().from(outbox)).length;
		const res = await call('POST', '/api/v1/admin/users', { as: admin, body: { email: 'admin2@contoh.id', name: 'Admin Dua', role: 'admin', password: 'sandi-admin-22' } });
		expect(res.body).toMatchObject({ role: 'admin', has_password: true });
		expect((await db.select().from(outbox)).length).toBe(before);
		expect((await call('POST', '/api/v1/auth/login', { body: { email: 'admin2@contoh.id', password: 'sandi-admin-22' } })).status).toBe(200);
	});

	it('refuses a taken email (409 on email), a warga role and short passwords (400), and non-admins', async () => {
		const taken = await call('POST', '/api/v1/admin/users', { as: admin, body: { email: warga.email.toUpperCase(), name: 'X', role: 'petugas' } });
		expect(taken.status).toBe(409);
		expect(taken.body.errors).toEqual([{ path: 'email', message: expect.stringContaining('sudah dipakai') }]);
		const bad = await call('POST', '/api/v1/admin/users', { as: admin, body: { email: 'x@contoh.id', name: '', role: 'warga', password: 'pendek' } });
		expect(bad.status).toBe(400);
		expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['name', 'password', 'role']);
		const count = (await db.select().from(users)).length;
		expect((await call('POST', '/api/v1/admin/users', { as: petugas, body: { email: 'y@contoh.id', name: 'Y', role: 'admin' } })).status).toBe(403);
		expect((await call('POST', '/api/v1/admin/users', { body: { email: 'y@contoh.id', name: 'Y', role: 'admin' } })).status).toBe(401);
		expect((await db.select().from(users)).length).toBe(count);
	});
});

describe('the system path (CLI)', () => {
	it('createUserAsSystem runs with no actor, audited as system; createStaffUser refuses no actor', async () => {
		const user = await createUserAsSystem(ctxFor(db, null), { email: 'cli@contoh.id', name: 'Dari CLI', role: 'warga', password: 'sandi-cli-123' });
		expect(user).toMatchObject({ email: 'cli@contoh.id', role: 'warga' });
		const [entry] = await auditOf(user.id);
		expect(entry).toMatchObject({ actorId: null, actorLabel: 'system', action: 'user.create' });
		await expect(createStaffUser(ctxFor(db, null), { email: 'z@contoh.id', name: 'Z', role: 'admin' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		await expect(createUserAsSystem(ctxFor(db, null), { email: 'bukan', name: 'Z', role: 'admin' })).rejects.toThrow();
	});
});
