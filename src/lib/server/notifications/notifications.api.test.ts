import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, buildUser, PUBLIC_URL, testApi } from '../../../../tests/factories';
import { auditLog, notifications, outbox } from '../db/schema';
import type { Db } from '../db/client';
import { notify } from './notify';
import { sameSitePath } from './notifications.present';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
});

const notice = (key: string, over: Record<string, unknown> = {}) => ({ kind: 'test', title: `Judul ${key}`, body: 'Isi', url: '/tugas', dedupeKey: key, ...over });

describe('notifications API', () => {
	it('lists only one’s own notifications, newest first, with the unread count', async () => {
		const [me, other] = [await buildActor(db), await buildActor(db)];
		await notify(db, [me.userId], notice('a'), PUBLIC_URL);
		await notify(db, [me.userId, other.userId], notice('b'), PUBLIC_URL);
		await notify(db, [other.userId], notice('c'), PUBLIC_URL);

		const res = await call('GET', '/api/v1/notifications', { as: me });
		expect(res.status).toBe(200);
		expect(res.body.unread_count).toBe(2);
		expect(res.body.data.map((n: { title: string }) => n.title)).toEqual(['Judul b', 'Judul a']);
		expect(res.body.data[0]).toEqual({
			id: expect.any(Number), kind: 'test', title: 'Judul b', body: 'Isi', url: '/tugas', created_at: expect.any(String), read_at: null
		});
		expect((await call('GET', '/api/v1/notifications', { as: other })).body.unread_count).toBe(2);
		expect((await call('GET', '/api/v1/notifications')).status).toBe(401);
	});

	it('marks one read (own only: another user’s id is 404), then all; ?unread filters', async () => {
		const [me, other] = [await buildActor(db), await buildActor(db)];
		for (const k of ['x', 'y', 'z']) await notify(db, [me.userId], notice(k), PUBLIC_URL);
		await notify(db, [other.userId], notice('theirs'), PUBLIC_URL);
		const mine = (await call('GET', '/api/v1/notifications', { as: me })).body.data as { id: number; title: string }[];
		const theirs = (await call('GET', '/api/v1/notifications', { as: other })).body.data[0] as { id: number };

		const denied = await call('POST', `/api/v1/notifications/${theirs.id}/read`, { as: me });
		expect(denied.status).toBe(404);
		expect(denied.headers.get('content-type')).toContain('application/problem+json');
		expect((await db.select().from(notifications).where(eq(notifications.id, theirs.id)))[0].readAt).toBeNull();
		expect((await call('POST', `/api/v1/notifications/${mine[0].id}/read`)).status).toBe(401);
		expect((await call('POST', '/api/v1/notifications/abc/read', { as: me })).status).toBe(400);
		expect((await call('POST', '/api/v1/notifications/999999/read', { as: me })).status).toBe(404);

		const read = await call('POST', `/api/v1/notifications/${mine[0].id}/read`, { as: me });
		expect(read.status).toBe(200);
		expect(read.body).toMatchObject({ id: mine[0].id, read_at: expect.any(String) });
		// Reading again changes nothing.
		const again = await call('POST', `/api/v1/notifications/${mine[0].id}/read`, { as: me });
		expect(again.body.read_at).toBe(read.body.read_at);

		const unread = await call('GET', '/api/v1/notifications?unread=true', { as: me });
		expect(unread.body.unread_count).toBe(2);
		expect(unread.body.data.map((n: { id: number }) => n.id)).toEqual([mine[1].id, mine[2].id]);
		expect((await call('GET', '/api/v1/notifications?unread=0', { as: me })).body.data).toHaveLength(3);
		expect((await call('GET', '/api/v1/notifications?unread=maybe', { as: me })).status).toBe(400);

		const all = await call('POST', '/api/v1/notifications/read-all', { as: me });
		expect(all.body).toEqual({ updated: 2, unread_count: 0 });
		expect((await call('GET', '/api/v1/notifications?unread=1', { as: me })).body.data).toEqual([]);
		// The other user's notification is untouched.
		expect((await call('GET', '/api/v1/notifications', { as: other })).body.unread_count).toBe(1);

		const audited = await db.select().from(auditLog).where(and(eq(auditLog.actorId, me.userId), sql`${auditLog.action} like 'notification.%'`));
		expect(audited.map((a) => a.action).sort()).toEqual(['notification.read', 'notification.read_all']);
	});

	it('pages with before_id', async () => {
		const me = await buildActor(db);
		for (let i = 0; i < 5; i++) await notify(db, [me.userId], notice(`p${i}`), PUBLIC_URL);
		const first = await call('GET', '/api/v1/notifications?limit=2', { as: me });
		expect(first.body.data.map((n: { title: string }) => n.title)).toEqual(['Judul p4', 'Judul p3']);
		const second = await call('GET', `/api/v1/notifications?limit=2&before_id=${first.body.next_before_id}`, { as: me });
		expect(second.body.data.map((n: { title: string }) => n.title)).toEqual(['Judul p2', 'Judul p1']);
		const last = await call('GET', `/api/v1/notifications?limit=2&before_id=${second.body.next_before_id}`, { as: me });
		expect(last.body).toMatchObject({ next_before_id: null, data: [{ title: 'Judul p0' }] });
	});

	it('notify writes one bell row and one email per user and key, only to active users', async () => {
		const active = await buildUser(db);
		const inactive = await buildUser(db, { isActive: false });
		const n = notice('mail-once', { email: true });
		expect(await notify(db, [active.id, inactive.id, active.id], n, PUBLIC_URL)).toHaveLength(2);
		expect(await notify(db, [active.id, inactive.id], n, PUBLIC_URL)).toEqual([]);
		const mails = await db.select().from(outbox).where(sql`${outbox.dedupeKey} like ${'%:mail-once'}`);
		expect(mails.map((r) => (r.payload as { to: string }).to)).toEqual([active.email]);
		expect((mails[0].payload as { text: string }).text).toContain(`${PUBLIC_URL}/tugas`);
	});

	it('only same-site paths are offered as links', async () => {
		expect(sameSitePath('/kampanye/1/jangkauan')).toBe('/kampanye/1/jangkauan');
		for (const bad of ['https://evil.test/', '//evil.test', '/\\evil.test', 'javascript:alert(1)', '', null, '/a\nb']) expect(sameSitePath(bad)).toBeNull();
		const me = await buildActor(db);
		await notify(db, [me.userId], notice('evil', { url: '//evil.test/x' }), PUBLIC_URL);
		expect((await call('GET', '/api/v1/notifications', { as: me })).body.data[0].url).toBeNull();
	});

	it('is scoped even for staff: an admin cannot read a member’s notification either', async () => {
		const kim = await buildKim(db);
		const pengurus = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const admin = await buildActor(db, 'admin');
		await notify(db, [pengurus.userId], notice('own'), PUBLIC_URL);
		const [row] = await db.select().from(notifications).where(eq(notifications.userId, pengurus.userId));
		expect((await call('POST', `/api/v1/notifications/${row.id}/read`, { as: admin })).status).toBe(404);
		expect((await call('GET', '/api/v1/notifications', { as: admin })).body.data).toEqual([]);
	});
});
