import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { notifications } from '../db/schema';
import type { Db } from '../db/client';
import { buildHandlingWorld, errorsOf, type HandlingWorld } from './aduan.api.world';

let db: Db;
let { call, petugas, dpupr, reporterOf, row, events, move, forwarded, resolved } = {} as HandlingWorld;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	({ call, petugas, dpupr, reporterOf, row, events, move, forwarded, resolved } = await buildHandlingWorld(db));
});

describe('reopen, close and rating', () => {
	it('the reporter reopens once; the second time is 409', async () => {
		const a = await resolved();
		const reporter = await reporterOf(a);
		const res = await move(a.id, reporter, { to: 'in_progress', note: 'Lubang muncul lagi' });
		expect(res.status).toBe(200);
		expect(await row(a.id)).toMatchObject({ status: 'in_progress', reopenCount: 1, autoCloseAt: null });
		expect((await move(a.id, dpupr, { to: 'resolved', note: 'Ditambal ulang' })).status).toBe(200);
		const again = await move(a.id, reporter, { to: 'in_progress' });
		expect(again.status).toBe(409);
		expect(again.body.title).toMatch(/sekali/);
		// Staff may not reopen at all.
		expect((await move(a.id, petugas, { to: 'in_progress' })).status).toBe(403);
	});

	it('the reporter closes a resolved aduan; others cannot rate it', async () => {
		const a = await resolved();
		const reporter = await reporterOf(a);
		expect((await call('POST', `/api/v1/aduan/${a.id}/rating`, { as: dpupr, body: { rating: 5 } })).status).toBe(403);
		expect((await move(a.id, reporter, { to: 'closed' })).body.status).toBe('closed');
		expect((await row(a.id)).closedAt).not.toBeNull();
		const rate = await call('POST', `/api/v1/aduan/${a.id}/rating`, { as: reporter, body: { rating: 4, comment: 'Cepat' } });
		expect(rate.status).toBe(200);
		expect(await row(a.id)).toMatchObject({ status: 'closed', rating: 4, ratingComment: 'Cepat' });
	});

	it('rating: only when resolved or closed, 1-5, once; rating a resolved aduan closes it', async () => {
		const open = await forwarded();
		const reporter0 = await reporterOf(open);
		expect((await call('POST', `/api/v1/aduan/${open.id}/rating`, { as: reporter0, body: { rating: 5 } })).status).toBe(409);
		const a = await resolved();
		const reporter = await reporterOf(a);
		const bad = await call('POST', `/api/v1/aduan/${a.id}/rating`, { as: reporter, body: { rating: 6 } });
		expect(bad.status).toBe(400);
		expect(errorsOf(bad).rating).toBeTruthy();
		const ok = await call('POST', `/api/v1/aduan/${a.id}/rating`, { as: reporter, body: { rating: 5 } });
		expect(ok.status).toBe(200);
		expect(ok.body.status).toBe('closed');
		expect(await row(a.id)).toMatchObject({ status: 'closed', rating: 5 });
		expect((await events(a.id)).slice(-2).map((e) => e.kind)).toEqual(['status', 'rating']);
		expect((await call('POST', `/api/v1/aduan/${a.id}/rating`, { as: reporter, body: { rating: 1 } })).status).toBe(409);
		const [n] = await db.select().from(notifications).where(and(eq(notifications.userId, dpupr.userId), eq(notifications.kind, 'aduan_rated'), like(notifications.dedupeKey, `aduan:${a.id}:%`)));
		expect(n.title).toContain('5/5');
	});
});
