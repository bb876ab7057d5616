import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, ctxFor } from '../../../../tests/factories';
import { getBoard } from './aduan.handling.read';
import { notifications } from '../db/schema';
import type { Db } from '../db/client';
import { buildAduan } from './aduan.factories';
import { buildHandlingWorld, type HandlingWorld } from './aduan.api.world';

let db: Db;
let { call, petugas, dpupr, dlh, row, events, move, forwarded } = {} as HandlingWorld;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	({ call, petugas, dpupr, dlh, row, events, move, forwarded } = await buildHandlingWorld(db));
});

describe('scoping between units', () => {
	it('a unit cannot see or act on another unit’s aduan, confidential ones included', async () => {
		await forwarded('dpupr'); // dpupr's own aduan: its board is not empty, so the checks below mean something
		const secretOne = await forwarded('dlh', { privacy: 'confidential', categoryCode: 'sampah', title: 'Rahasia DLH' });
		expect((await call('GET', `/api/v1/aduan/${secretOne.id}/thread`, { as: dpupr })).status).toBe(403);
		expect((await call('POST', `/api/v1/aduan/${secretOne.id}/messages`, { as: dpupr, body: { body: 'hai' } })).status).toBe(403);
		expect((await move(secretOne.id, dpupr, { to: 'in_progress', note: 'x' })).status).toBe(403);
		expect((await call('GET', `/api/v1/aduan/${secretOne.id}/thread`, { as: dlh })).status).toBe(200);
		const board = await getBoard(ctxFor(db, dpupr), {});
		expect(board.length).toBeGreaterThan(0);
		expect(board.every((r) => r.unit_code === 'dpupr')).toBe(true);
		expect(JSON.stringify(board)).not.toContain('Rahasia DLH');
		// Asking for another unit's board gives nothing, not their aduan.
		expect(await getBoard(ctxFor(db, dpupr), { unit: 'dlh' })).toEqual([]);
		// The unit does not see aduan that were not forwarded to it yet.
		const fresh = await buildAduan(db, { title: 'Belum diverifikasi' });
		expect(JSON.stringify(await getBoard(ctxFor(db, dpupr), {}))).not.toContain(fresh.id);
		expect((await call('GET', `/api/v1/aduan/${fresh.id}/thread`, { as: dpupr })).status).toBe(403);
		// The agency sees everything.
		const all = JSON.stringify(await getBoard(ctxFor(db, petugas), {}));
		expect(all).toContain(secretOne.id);
		expect(all).toContain(fresh.id);
	});

	it('the board is for staff only; overdue first, then due today; filters by due', async () => {
		await expect(getBoard(ctxFor(db, await buildActor(db, 'warga')), {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(getBoard(ctxFor(db, null), {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		const late = await buildAduan(db, { verifyBy: new Date(Date.now() - 3 * 86_400_000), title: 'Terlambat' });
		const soon = await buildAduan(db, { verifyBy: new Date(Date.now() + 30 * 86_400_000), title: 'Masih lama' });
		const data = await getBoard(ctxFor(db, petugas), {});
		const ids = data.map((r) => r.id);
		expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(soon.id));
		expect(data[0].due!.overdue).toBe(true);
		expect(data.find((r) => r.id === late.id)!.due!.words).toMatch(/terlambat/);
		const overdue = await getBoard(ctxFor(db, petugas), { due: 'overdue' });
		expect(overdue.map((r) => r.id)).toContain(late.id);
		expect(overdue.map((r) => r.id)).not.toContain(soon.id);
	});

	it('GET /api/v1/aduan/board answers over HTTP (not taken for a tracking id)', async () => {
		const res = await call('GET', '/api/v1/aduan/board', { as: dpupr });
		expect(res.status).toBe(200);
		expect(res.body.data.every((r: { unit_code: string }) => r.unit_code === 'dpupr')).toBe(true);
		expect((await call('GET', '/api/v1/aduan/board', { as: await buildActor(db, 'warga') })).status).toBe(403);
		expect((await call('GET', '/api/v1/aduan/board')).status).toBe(401);
		expect((await call('GET', '/api/v1/aduan/board?due=kemarin', { as: petugas })).status).toBe(400);
	});
});

describe('reassign', () => {
	it('the agency hands an aduan to another unit: plan deadline restarts, new unit notified', async () => {
		const a = await forwarded();
		expect((await call('POST', `/api/v1/aduan/${a.id}/reassign`, { as: dpupr, body: { unit_code: 'dlh', note: 'bukan kami' } })).status).toBe(403);
		expect((await call('POST', `/api/v1/aduan/${a.id}/reassign`, { as: petugas, body: { unit_code: 'dpupr', note: 'sama' } })).status).toBe(400);
		expect((await call('POST', `/api/v1/aduan/${a.id}/reassign`, { as: petugas, body: { unit_code: 'tidak-ada', note: 'x' } })).status).toBe(400);
		expect((await call('POST', `/api/v1/aduan/${a.id}/reassign`, { as: petugas, body: { unit_code: 'dlh' } })).status).toBe(400);
		const res = await call('POST', `/api/v1/aduan/${a.id}/reassign`, { as: petugas, body: { unit_code: 'dlh', note: 'Sampah, bukan jalan' } });
		expect(res.status).toBe(200);
		expect(res.body.unit_code).toBe('dlh');
		const r = await row(a.id);
		expect(r.planBy!.getTime()).toBeGreaterThanOrEqual(a.planBy!.getTime());
		const [e] = (await events(a.id)).filter((x) => x.kind === 'reassign');
		expect(e).toMatchObject({ fromUnit: 'dpupr', toUnit: 'dlh', body: 'Sampah, bukan jalan' });
		expect(await db.select().from(notifications).where(and(eq(notifications.userId, dlh.userId), like(notifications.dedupeKey, `aduan:${a.id}:%`)))).toHaveLength(1);
		// dpupr lost it; dlh has it.
		expect((await call('GET', `/api/v1/aduan/${a.id}/thread`, { as: dpupr })).status).toBe(403);
		expect((await call('GET', `/api/v1/aduan/${a.id}/thread`, { as: dlh })).status).toBe(200);
		const closed = await buildAduan(db, { status: 'closed' });
		expect((await call('POST', `/api/v1/aduan/${closed.id}/reassign`, { as: petugas, body: { unit_code: 'dlh', note: 'x' } })).status).toBe(409);
	});
});
