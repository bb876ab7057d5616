import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { notifications, outbox } from '../db/schema';
import type { Db } from '../db/client';
import { buildHandlingWorld, type HandlingWorld } from './aduan.api.world';

let db: Db;
let { call, petugas, dpupr, reporterOf, forwarded } = {} as HandlingWorld;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	({ call, petugas, dpupr, reporterOf, forwarded } = await buildHandlingWorld(db));
});

describe('messages, internal notes and the thread', () => {
	it('internal notes reach staff only, never the reporter’s thread', async () => {
		const a = await forwarded('dpupr', { privacy: 'anonymous' });
		const reporter = await reporterOf(a);
		const secret = 'CATATAN-RAHASIA-42';
		const note = await call('POST', `/api/v1/aduan/${a.id}/messages`, { as: dpupr, body: { body: secret, internal: true } });
		expect(note.status).toBe(201);
		expect(note.body).toMatchObject({ kind: 'note', internal: true, author_role: 'unit' });
		const msg = await call('POST', `/api/v1/aduan/${a.id}/messages`, { as: dpupr, body: { body: 'Mohon kirim foto tambahan' } });
		expect(msg.body.kind).toBe('message');
		const reply = await call('POST', `/api/v1/aduan/${a.id}/messages`, { as: reporter, body: { body: 'Baik, saya kirim' } });
		expect(reply.status).toBe(201);
		expect(reply.body.author_role).toBe('reporter');
		expect((await call('POST', `/api/v1/aduan/${a.id}/messages`, { as: reporter, body: { body: 'x', internal: true } })).status).toBe(403);
		expect((await call('POST', `/api/v1/aduan/${a.id}/messages`, { as: reporter, body: { body: '' } })).status).toBe(400);

		const mine = await call('GET', `/api/v1/aduan/${a.id}/thread`, { as: reporter });
		expect(mine.status).toBe(200);
		expect(JSON.stringify(mine.body)).not.toContain(secret);
		expect(mine.body.events.map((e: { kind: string }) => e.kind)).toEqual(['status', 'status', 'message', 'message']);
		const staff = await call('GET', `/api/v1/aduan/${a.id}/thread`, { as: dpupr });
		expect(JSON.stringify(staff.body)).toContain(secret);
		// The reporter hears of the staff message only; the unit of the reporter's reply; nobody of the note.
		const toReporter = await db.select().from(notifications).where(and(eq(notifications.userId, reporter.id), like(notifications.dedupeKey, `aduan:${a.id}:%`)));
		expect(toReporter.map((n) => n.body).join()).not.toContain(secret);
		expect(toReporter.some((n) => n.body.includes('foto tambahan'))).toBe(true);
		const toUnit = await db.select().from(notifications).where(and(eq(notifications.userId, dpupr.userId), eq(notifications.kind, 'aduan_message'), like(notifications.dedupeKey, `aduan:${a.id}:%`)));
		expect(toUnit).toHaveLength(1);
		const mails = await db.select().from(outbox).where(like(outbox.dedupeKey, `%aduan:${a.id}:%`));
		expect(JSON.stringify(mails)).not.toContain(secret);
	});

	it('the public tracking view never shows internal notes', async () => {
		const a = await forwarded();
		const secret = 'INTERNAL-TIDAK-PUBLIK';
		await call('POST', `/api/v1/aduan/${a.id}/messages`, { as: petugas, body: { body: secret, internal: true } });
		const pub = await call('GET', `/api/v1/aduan/${a.trackingId}`);
		expect(pub.status).toBe(200);
		expect(JSON.stringify(pub.body)).not.toContain(secret);
		const asReporter = await call('GET', `/api/v1/aduan/${a.trackingId}`, { as: await reporterOf(a) });
		expect(JSON.stringify(asReporter.body)).not.toContain(secret);
	});
});
