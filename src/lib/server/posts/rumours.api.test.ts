import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, testApi, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import { auditLog, posts, rumours } from '../db/schema';
import type { Db } from '../db/client';
import { buildRumour } from './posts.factories';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
});

const auditCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(sql`${auditLog.action} <> 'user.login'`))[0].n;

async function setup() {
	const kim = await buildKim(db);
	const other = await buildKim(db, { kelurahanCode: WATES, kecamatanCode: '33.71.02' });
	return {
		kim,
		other,
		anggota: await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' }),
		otherPengurus: await buildActor(db, 'warga', { kimId: other.id, position: 'ketua' }),
		petugas: await buildActor(db, 'petugas'),
		warga: await buildActor(db, 'warga')
	};
}

describe('rumours', () => {
	it('a member flags a rumour; the KIM and staff see it, others do not', async () => {
		const s = await setup();
		const res = await call('POST', '/api/v1/rumours', { as: s.anggota, body: { text: 'Katanya air PDAM\nberacun minggu ini', where_heard: 'Grup WA RW 05' } });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ status: 'open', kim_id: s.kim.id, kim_name: s.kim.name, kelurahan_code: TIDAR_SELATAN, where_heard: 'Grup WA RW 05', post_id: null });
		const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, res.body.id));
		expect(entry).toMatchObject({ action: 'rumour.flag', actorId: s.anggota.userId });

		const ids = async (who?: { email: string }) => (await call('GET', '/api/v1/rumours', { as: who })).body.data?.map((r: { id: string }) => r.id);
		expect(await ids(s.anggota)).toEqual([res.body.id]);
		expect(await ids(s.petugas)).toContain(res.body.id);
		expect(await ids(s.otherPengurus)).toEqual([]);
		expect((await call('GET', '/api/v1/rumours', { as: s.warga })).status).toBe(403);
		expect((await call('GET', '/api/v1/rumours')).status).toBe(401);
	});

	it('refuses flags from outside the KIM, and bad input with field errors', async () => {
		const s = await setup();
		const audits = await auditCount();
		expect((await call('POST', '/api/v1/rumours', { as: s.warga, body: { text: 'x' } })).status).toBe(403);
		expect((await call('POST', '/api/v1/rumours', { as: s.petugas, body: { text: 'x', kim_id: s.kim.id } })).status).toBe(403);
		expect((await call('POST', '/api/v1/rumours', { as: s.otherPengurus, body: { text: 'x', kim_id: s.kim.id } })).status).toBe(403);
		expect((await call('POST', '/api/v1/rumours', { body: { text: 'x' } })).status).toBe(401);
		const bad = await call('POST', '/api/v1/rumours', { as: s.anggota, body: { text: '  ', kelurahan_code: 'bukan' } });
		expect(bad.status).toBe(400);
		expect(bad.body.errors).toEqual([
			{ path: 'text', message: 'Tulis kabar yang beredar' },
			{ path: 'kelurahan_code', message: 'Pilih kelurahan yang ada dalam daftar' }
		]);
		expect(await auditCount()).toBe(audits);
		// A member of two KIMs names which one reports it.
		const both = await buildActor(db, 'warga', { kimId: s.kim.id, position: 'anggota' });
		await db.execute(sql`insert into kim_members (kim_id, user_id, position) values (${s.other.id}, ${both.userId}, 'anggota')`);
		const which = await call('POST', '/api/v1/rumours', { as: both, body: { text: 'Kabar' } });
		expect(which.body.errors).toEqual([{ path: 'kim_id', message: 'Pilih KIM Anda yang melaporkan kabar ini' }]);
		expect((await call('POST', '/api/v1/rumours', { as: both, body: { text: 'Kabar', kim_id: s.other.id } })).body.kelurahan_code).toBe(WATES);
	});

	it('a petugas turns a rumour into a draft clarification with the claim prefilled', async () => {
		const s = await setup();
		const rumour = await buildRumour(db, s.kim.id, { text: 'Bantuan sembako hanya untuk\npemegang kartu baru', kelurahanCode: TIDAR_SELATAN });
		expect((await call('POST', `/api/v1/rumours/${rumour.id}/convert`, { as: s.anggota })).status).toBe(403);
		expect((await call('POST', `/api/v1/rumours/${rumour.id}/convert`)).status).toBe(401);
		const res = await call('POST', `/api/v1/rumours/${rumour.id}/convert`, { as: s.petugas });
		expect(res.status).toBe(201);
		expect(res.body.rumour).toMatchObject({ status: 'converted', post_id: res.body.post.id });
		expect(res.body.post.status).toBe('draft');
		const [post] = await db.select().from(posts).where(eq(posts.id, res.body.post.id));
		expect(post).toMatchObject({
			kind: 'clarification', status: 'draft', kimId: null, kelurahanCode: TIDAR_SELATAN, authorId: s.petugas.userId,
			title: 'Klarifikasi: Bantuan sembako hanya untuk pemegang kartu baru',
			details: { claim: 'Bantuan sembako hanya untuk\npemegang kartu baru' }
		});
		expect(post.body).toContain('> Bantuan sembako hanya untuk\n> pemegang kartu baru');
		// The petugas completes and publishes it.
		const edit = await call('PATCH', `/api/v1/posts/${post.id}`, { as: s.petugas, body: { verdict: 'hoax', sources: ['https://www.kemensos.go.id/'] } });
		expect(edit.body).toMatchObject({ claim: 'Bantuan sembako hanya untuk\npemegang kartu baru', verdict: 'hoax', sources: ['https://www.kemensos.go.id/'] });
		expect((await call('POST', `/api/v1/posts/${post.id}/publish`, { as: s.petugas })).status).toBe(200);
		// A rumour is handled once.
		expect((await call('POST', `/api/v1/rumours/${rumour.id}/convert`, { as: s.petugas })).status).toBe(409);
		expect((await call('POST', `/api/v1/rumours/${rumour.id}/dismiss`, { as: s.petugas })).status).toBe(409);
		const actions = (await db.select({ a: auditLog.action }).from(auditLog).where(sql`${auditLog.entityId} in (${rumour.id}, ${post.id})`).orderBy(auditLog.id)).map((r) => r.a);
		expect(actions).toEqual(['post.create', 'rumour.convert', 'post.update', 'post.publish']);
	});

	it('a petugas dismisses a rumour with a reason', async () => {
		const s = await setup();
		const rumour = await buildRumour(db, s.kim.id);
		expect((await call('POST', `/api/v1/rumours/${rumour.id}/dismiss`, { as: s.otherPengurus, body: { reason: 'x' } })).status).toBe(403);
		const res = await call('POST', `/api/v1/rumours/${rumour.id}/dismiss`, { as: s.petugas, body: { reason: 'Bukan kabar bohong, hanya salah paham.' } });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ status: 'dismissed', dismiss_reason: 'Bukan kabar bohong, hanya salah paham.', resolved_at: expect.any(String) });
		expect((await db.select().from(rumours).where(eq(rumours.id, rumour.id)))[0].resolvedBy).toBe(s.petugas.userId);
		expect((await call('POST', '/api/v1/rumours/00000000-0000-4000-8000-000000000000/dismiss', { as: s.petugas })).status).toBe(404);
		expect((await call('GET', '/api/v1/rumours?status=dismissed', { as: s.anggota })).body.data.map((r: { id: string }) => r.id)).toEqual([rumour.id]);
	});
});
