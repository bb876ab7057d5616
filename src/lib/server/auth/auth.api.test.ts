import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildUser, testApi, TEST_PASSWORD, buildKim, ctxFor } from '../../../../tests/factories';
import { requestPasswordReset, RESET_THROTTLE_MS } from './auth.actions';
import { auditLog, outbox, sessions } from '../db/schema';
import type { Db } from '../db/client';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
});

describe('register and login', () => {
	it('registers a warga, sets an HttpOnly SameSite cookie, and /me answers', async () => {
		const res = await call('POST', '/api/v1/auth/register', { body: { name: 'Sri Rahayu', email: 'Sri@Contoh.id', password: 'kata-sandi-1', kelurahan_code: '33.71.01.1011' } });
		expect(res.status).toBe(201);
		expect(res.body.user).toMatchObject({ email: 'sri@contoh.id', name: 'Sri Rahayu', roles: ['warga'] });
		const cookie = res.headers.get('set-cookie')!;
		expect(cookie).toMatch(/simpul_session=.+; Path=\/; HttpOnly; SameSite=Lax/);
		const me = await call('GET', '/api/v1/me', { token: res.body.token });
		expect(me.body).toMatchObject({ email: 'sri@contoh.id', roles: ['warga'], kims: [] });
		const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'user.register'));
		expect(entry.after).not.toHaveProperty('passwordHash');
	});

	it('refuses a duplicate email (any case) with a field error', async () => {
		await buildUser(db, { email: 'dup@contoh.id' });
		const res = await call('POST', '/api/v1/auth/register', { body: { name: 'X', email: 'DUP@contoh.id', password: 'kata-sandi-1' } });
		expect(res.status).toBe(409);
		expect(res.body.errors).toEqual([{ path: 'email', message: expect.stringContaining('sudah terdaftar') }]);
	});

	it('answers bad input with problem+json field errors in Indonesian', async () => {
		const res = await call('POST', '/api/v1/auth/register', { body: { name: '', email: 'bukan-surel', password: 'pendek', kelurahan_code: '99.99.99.9999' } });
		expect(res.status).toBe(400);
		expect(res.headers.get('content-type')).toContain('application/problem+json');
		expect(res.body.code).toBe('INVALID');
		const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
		expect(paths).toEqual(['email', 'name', 'password']);
		expect(res.body.errors.find((e: { path: string }) => e.path === 'password').message).toBe('Kata sandi minimal 8 karakter');
	});

	it('refuses an unknown kelurahan code', async () => {
		const res = await call('POST', '/api/v1/auth/register', { body: { name: 'A', email: 'a@contoh.id', password: 'kata-sandi-1', kelurahan_code: '33.71.09.1001' } });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].path).toBe('kelurahan_code');
	});

	it('logs in with roles from KIM positions; wrong password is 401', async () => {
		const user = await buildUser(db, { email: 'ketua@contoh.id' });
		const kim = await buildKim(db, { members: [[user.id, 'ketua']] });
		const ok = await call('POST', '/api/v1/auth/login', { body: { email: 'ketua@contoh.id', password: TEST_PASSWORD } });
		expect(ok.status).toBe(200);
		expect(ok.body.user.roles.sort()).toEqual(['pengurus', 'warga']);
		const me = await call('GET', '/api/v1/me', { token: ok.body.token });
		expect(me.body.kims).toEqual([{ id: kim.id, position: 'ketua' }]);
		const bad = await call('POST', '/api/v1/auth/login', { body: { email: 'ketua@contoh.id', password: 'salah-sekali' } });
		expect(bad.status).toBe(401);
		const unknown = await call('POST', '/api/v1/auth/login', { body: { email: 'siapa@contoh.id', password: 'salah-sekali' } });
		expect(unknown.status).toBe(401);
		expect(unknown.body.title).toBe(bad.body.title);
	});

	it('rate limits repeated failures for one account with 429 and Retry-After', async () => {
		await buildUser(db, { email: 'target@contoh.id' });
		for (let i = 0; i < 5; i++) {
			expect((await call('POST', '/api/v1/auth/login', { body: { email: 'target@contoh.id', password: 'salah-sekali' } })).status).toBe(401);
		}
		const blocked = await call('POST', '/api/v1/auth/login', { body: { email: 'target@contoh.id', password: TEST_PASSWORD } });
		expect(blocked.status).toBe(429);
		expect(blocked.headers.get('retry-after')).toBe('900');
	});

	it('holds the limit against parallel guesses', async () => {
		await buildUser(db, { email: 'paralel@contoh.id' });
		const results = await Promise.all(
			Array.from({ length: 20 }, () => call('POST', '/api/v1/auth/login', { body: { email: 'paralel@contoh.id', password: 'salah-sekali' } }))
		);
		const statuses = results.map((r) => r.status);
		expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
	});

	it('refuses a disabled account', async () => {
		await buildUser(db, { email: 'off@contoh.id', isActive: false });
		const res = await call('POST', '/api/v1/auth/login', { body: { email: 'off@contoh.id', password: TEST_PASSWORD } });
		expect(res.status).toBe(403);
	});

	it('logout ends the session', async () => {
		const user = await buildUser(db);
		const login = await call('POST', '/api/v1/auth/login', { body: { email: user.email, password: TEST_PASSWORD } });
		expect((await call('POST', '/api/v1/auth/logout', { token: login.body.token })).status).toBe(200);
		expect((await call('GET', '/api/v1/me', { token: login.body.token })).status).toBe(401);
		expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
	});
});

describe('password reset', () => {
	it('answers the same for unknown emails and queues mail only for real accounts', async () => {
		const user = await buildUser(db, { email: 'lupa@contoh.id' });
		const before = (await db.select().from(outbox)).length;
		const a = await call('POST', '/api/v1/auth/password/forgot', { body: { email: 'lupa@contoh.id' } });
		const b = await call('POST', '/api/v1/auth/password/forgot', { body: { email: 'tidak-ada@contoh.id' } });
		expect(a).toMatchObject({ status: 202, body: { ok: true } });
		expect(b).toMatchObject({ status: 202, body: { ok: true } });
		const mails = (await db.select().from(outbox)).slice(before);
		expect(mails).toHaveLength(1);
		const mail = mails[0].payload as { to: string; text: string };
		expect(mail.to).toBe('lupa@contoh.id');
		const token = decodeURIComponent(mail.text.match(/token=([^\s]+)/)![1]);

		const oldLogin = await call('POST', '/api/v1/auth/login', { body: { email: user.email, password: TEST_PASSWORD } });
		const reset = await call('POST', '/api/v1/auth/password/reset', { body: { token, password: 'sandi-baru-123', password_confirm: 'sandi-baru-123' } });
		expect(reset.status).toBe(200);
		expect((await call('GET', '/api/v1/me', { token: oldLogin.body.token })).status).toBe(401);
		expect((await call('POST', '/api/v1/auth/login', { body: { email: user.email, password: 'sandi-baru-123' } })).status).toBe(200);
		const again = await call('POST', '/api/v1/auth/password/reset', { body: { token, password: 'sandi-lain-123' } });
		expect(again.status).toBe(400);
		expect(again.body.errors[0].path).toBe('token');
		const entries = await db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
		expect(entries.map((e) => [e.action, e.actorLabel])).toEqual(
			expect.arrayContaining([['user.password_reset_requested', 'anonymous'], ['user.password_reset', 'self'], ['user.login', user.email]])
		);
	});

	it('sends at most one reset mail per account every few minutes, and a reset voids every other link', async () => {
		const user = await buildUser(db, { email: 'banjir@contoh.id' });
		const mailsTo = async () => (await db.select().from(outbox)).filter((r) => (r.payload as { to: string }).to === user.email);
		const tokenOf = (row: { payload: unknown }) => decodeURIComponent((row.payload as { text: string }).text.match(/token=([^\s]+)/)![1]);
		for (let i = 0; i < 5; i++) await call('POST', '/api/v1/auth/password/forgot', { body: { email: user.email } });
		expect(await mailsTo()).toHaveLength(1);
		const first = tokenOf((await mailsTo())[0]);

		// Later, a second link replaces the first.
		await requestPasswordReset(ctxFor(db, null, { now: new Date(Date.now() + RESET_THROTTLE_MS + 1000) }), user.email);
		const mails = await mailsTo();
		expect(mails).toHaveLength(2);
		expect((await call('POST', '/api/v1/auth/password/reset', { body: { token: first, password: 'sandi-baru-123' } })).status).toBe(400);
		expect((await call('POST', '/api/v1/auth/password/reset', { body: { token: tokenOf(mails[1]), password: 'sandi-baru-123' } })).status).toBe(200);
	});
});
