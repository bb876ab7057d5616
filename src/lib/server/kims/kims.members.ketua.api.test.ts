import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, testApi } from '../../../../tests/factories';
import { auditLog, kimMembers, users } from '../db/schema';
import type { Db } from '../db/client';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
});

const membersOf = async (kimId: string) =>
	(await db.select().from(kimMembers).where(eq(kimMembers.kimId, kimId))).map((x) => [x.userId, x.position]).sort();
const auditCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(sql`${auditLog.action} <> 'user.login'`))[0].n;

async function board() {
	const kim = await buildKim(db);
	const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
	const sek = await buildActor(db, 'warga', { kimId: kim.id, position: 'sekretaris' });
	const bend = await buildActor(db, 'warga', { kimId: kim.id, position: 'bendahara' });
	const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
	return { kim, ketua, sek, bend, anggota };
}

describe('the ketua position is for a ketua or staff', () => {
	it('a sekretaris or bendahara cannot take over: no self-promotion, no demoting or removing the ketua, no new ketua; nothing changes', async () => {
		const { kim, ketua, sek, bend, anggota } = await board();
		const before = await membersOf(kim.id);
		const audits = await auditCount();
		for (const who of [sek, bend]) {
			const promote = await call('PATCH', `/api/v1/kims/${kim.id}/members/${who.userId}`, { as: who, body: { position: 'ketua' } });
			expect(promote.status).toBe(403);
			expect(promote.body.errors).toEqual([{ path: 'position', message: 'Hanya ketua KIM atau petugas yang dapat mengangkat, menurunkan atau mengeluarkan ketua.' }]);
			expect((await call('PATCH', `/api/v1/kims/${kim.id}/members/${anggota.userId}`, { as: who, body: { position: 'ketua' } })).status).toBe(403);
			expect((await call('PATCH', `/api/v1/kims/${kim.id}/members/${ketua.userId}`, { as: who, body: { position: 'anggota' } })).status).toBe(403);
			expect((await call('DELETE', `/api/v1/kims/${kim.id}/members/${ketua.userId}`, { as: who })).status).toBe(403);
			const add = await call('POST', `/api/v1/kims/${kim.id}/members`, { as: who, body: { email: `ketua-${who.userId}@contoh.id`, name: 'Ketua Baru', position: 'ketua' } });
			expect(add.status).toBe(403);
			expect(add.body.errors[0].path).toBe('position');
		}
		expect(await membersOf(kim.id)).toEqual(before);
		expect(await db.select().from(users).where(eq(users.email, `ketua-${sek.userId}@contoh.id`))).toEqual([]);
		expect(await auditCount()).toBe(audits);
	});

	it('a sekretaris or bendahara still manages the other positions', async () => {
		const { kim, sek, bend, anggota } = await board();
		expect((await call('PATCH', `/api/v1/kims/${kim.id}/members/${anggota.userId}`, { as: sek, body: { position: 'seksi' } })).status).toBe(200);
		expect((await call('PATCH', `/api/v1/kims/${kim.id}/members/${sek.userId}`, { as: bend, body: { position: 'anggota' } })).status).toBe(200);
		expect((await call('POST', `/api/v1/kims/${kim.id}/members`, { as: bend, body: { email: 'seksi.baru@contoh.id', name: 'Seksi Baru', position: 'seksi' } })).status).toBe(201);
		expect((await call('DELETE', `/api/v1/kims/${kim.id}/members/${anggota.userId}`, { as: bend })).status).toBe(204);
	});

	it('a ketua hands over: promotes another, who may then remove the old ketua', async () => {
		const { kim, ketua, sek } = await board();
		expect((await call('PATCH', `/api/v1/kims/${kim.id}/members/${sek.userId}`, { as: ketua, body: { position: 'ketua' } })).status).toBe(200);
		expect((await call('DELETE', `/api/v1/kims/${kim.id}/members/${ketua.userId}`, { as: sek })).status).toBe(204);
		expect((await membersOf(kim.id)).filter(([, p]) => p === 'ketua')).toEqual([[sek.userId, 'ketua']]);
		const added = await call('POST', `/api/v1/kims/${kim.id}/members`, { as: sek, body: { email: 'wakil@contoh.id', name: 'Ketua Kedua', position: 'ketua' } });
		expect(added.status).toBe(201);
	});

	it('a petugas or admin may name, demote and remove a ketua', async () => {
		const { kim, ketua, sek } = await board();
		const petugas = await buildActor(db, 'petugas');
		expect((await call('PATCH', `/api/v1/kims/${kim.id}/members/${sek.userId}`, { as: petugas, body: { position: 'ketua' } })).status).toBe(200);
		expect((await call('PATCH', `/api/v1/kims/${kim.id}/members/${ketua.userId}`, { as: await buildActor(db, 'admin'), body: { position: 'anggota' } })).status).toBe(200);
		expect((await call('DELETE', `/api/v1/kims/${kim.id}/members/${ketua.userId}`, { as: petugas })).status).toBe(204);
	});
});
