/**
 * Reliable delivery of notification emails over real SMTP (an in-process smtp-server): a worker
 * stopped mid-batch hands back what it has not sent, a new worker sends the rest promptly, and
 * every notification's email arrives exactly once; a rejecting server leads to retries with
 * backoff and finally a failed row the admin sees and can retry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildUser, ctxFor, PUBLIC_URL } from '../../../../tests/factories';
import { outbox } from '../db/schema';
import type { Db } from '../db/client';
import { notify } from '../notifications/notify';
import { listOutbox, retryOutbox } from '../admin/admin.actions';
import { backoffMs, mailDeliverer, MAX_ATTEMPTS, outboxMessageId, processOutbox, startOutboxWorker, type OutboxWorker } from './outbox-worker';

let db: Db;
type Received = { to: string[]; messageId: string; subject: string };
const received: Received[] = [];
const rejected: Received[] = [];
let rejecting = false;
let onReceived: ((r: Received) => void) | undefined;
const header = (data: string, name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'mi').exec(data)?.[1].trim() ?? '';

const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	onData(stream, session, callback) {
		let data = '';
		stream.on('data', (c) => (data += c));
		stream.on('end', () => {
			const r = { to: session.envelope.rcptTo.map((x) => x.address), messageId: header(data, 'Message-ID'), subject: header(data, 'Subject') };
			if (rejecting) {
				rejected.push(r);
				const err = new Error('mailbox unavailable') as Error & { responseCode: number };
				err.responseCode = 550;
				return callback(err);
			}
			received.push(r);
			onReceived?.(r);
			callback();
		});
	}
});
let deliver: ReturnType<typeof mailDeliverer>;

beforeAll(async () => {
	db = (await createTestDatabase()).db;
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	deliver = mailDeliverer(`smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, 'Simpul <no-reply@simpul.test>');
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

async function waitFor(check: () => Promise<boolean> | boolean, ms = 15_000) {
	const deadline = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 25));
	}
}

describe('notification emails through a restarted worker', () => {
	it('stopped mid-batch: the in-flight mail completes, the rest is handed back, a new worker sends each exactly once', async () => {
		const N = 6;
		const users = await Promise.all(Array.from({ length: N }, () => buildUser(db)));
		for (const [i, u] of users.entries()) {
			await notify(db, [u.id], { kind: 'test', title: `Tugas ${i}`, body: 'Isi', url: '/tugas', dedupeKey: `restart:${i}`, email: true }, PUBLIC_URL);
		}
		const rows = await db.select().from(outbox);
		expect(rows).toHaveLength(N);

		// Worker A (one lane, so the order is known) claims all six in one batch; it is told to stop while the SMTP server takes the 2nd.
		let stopping: Promise<void> | undefined;
		let a: OutboxWorker | undefined;
		onReceived = () => {
			if (received.length === 2) stopping = a!.stop();
		};
		a = startOutboxWorker(db, deliver, { intervalMs: 20, batch: 20, concurrency: 1 });
		await waitFor(() => stopping !== undefined);
		await stopping;
		onReceived = undefined;

		const afterStop = await db.select().from(outbox);
		expect(received).toHaveLength(2);
		expect(afterStop.filter((r) => r.status === 'sent')).toHaveLength(2); // the one in flight was recorded
		const handedBack = afterStop.filter((r) => r.status === 'pending');
		expect(handedBack).toHaveLength(N - 2);
		// Handed back at once: due now, not leased for minutes.
		for (const r of handedBack) expect(r.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
		expect(handedBack.every((r) => r.attempts === 0)).toBe(true);

		// A new worker sends the rest promptly.
		const b = startOutboxWorker(db, deliver, { intervalMs: 20 });
		await waitFor(async () => (await db.select().from(outbox).where(eq(outbox.status, 'sent'))).length === N);
		await b.stop();

		expect(received).toHaveLength(N);
		const ids = received.map((r) => r.messageId);
		expect(new Set(ids).size).toBe(N);
		expect(ids.sort()).toEqual(rows.map((r) => outboxMessageId(r.id, 'simpul.test')).sort());
		expect(received.flatMap((r) => r.to).sort()).toEqual(users.map((u) => u.email).sort());
		expect(received.map((r) => r.subject).sort()).toEqual(users.map((_, i) => `Tugas ${i}`).sort());
		const final = await db.select().from(outbox);
		expect(final.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
	});

	it('several lanes over pooled connections: each of many mails is sent exactly once', async () => {
		const N = 60;
		const users = await Promise.all(Array.from({ length: N }, () => buildUser(db)));
		for (const [i, u] of users.entries()) {
			await notify(db, [u.id], { kind: 'test', title: `Lane ${i}`, body: 'Isi', url: '/tugas', dedupeKey: `lanes:${i}`, email: true }, PUBLIC_URL);
		}
		const before = received.length;
		const w = startOutboxWorker(db, deliver, { intervalMs: 20, batch: 25, concurrency: 4 });
		await waitFor(async () => (await db.select().from(outbox).where(eq(outbox.status, 'pending'))).length === 0);
		await w.stop();
		const mine = received.slice(before).filter((r) => r.subject.startsWith('Lane '));
		expect(mine).toHaveLength(N);
		expect(new Set(mine.map((r) => r.messageId)).size).toBe(N);
	});

	it('a stop with nothing in flight resolves promptly and leaves nothing leased', async () => {
		const w = startOutboxWorker(db, deliver, { intervalMs: 20 });
		await new Promise((r) => setTimeout(r, 60));
		await w.stop();
		const leased = (await db.select().from(outbox)).filter((r) => r.status === 'pending');
		expect(leased).toEqual([]);
	});

	it('periodic tasks run from the loop at most once per interval', async () => {
		let runs = 0;
		const w = startOutboxWorker(db, deliver, { intervalMs: 10, tasks: [{ name: 't', everyMs: 60_000, run: async () => void runs++ }] });
		await new Promise((r) => setTimeout(r, 300));
		await w.stop();
		expect(runs).toBe(1);
	});

	it('a server that rejects: retried with backoff under the same Message-ID, then failed; the admin sees it and retries', async () => {
		await db.delete(outbox);
		const user = await buildUser(db);
		await notify(db, [user.id], { kind: 'test', title: 'Ditolak', dedupeKey: 'reject:1', email: true }, PUBLIC_URL);
		const [row] = await db.select().from(outbox);
		rejecting = true;
		let now = new Date(Date.now() + 1000);
		for (let i = 1; i <= MAX_ATTEMPTS; i++) {
			expect(await processOutbox(db, deliver, 20, now)).toMatchObject({ claimed: 1, delivered: 0 });
			const [r] = await db.select().from(outbox).where(eq(outbox.id, row.id));
			expect(r.attempts).toBe(i);
			expect(r.lastError).toContain('550');
			if (i < MAX_ATTEMPTS) {
				expect(r).toMatchObject({ status: 'pending' });
				expect(r.nextAttemptAt.getTime()).toBe(now.getTime() + backoffMs(i));
				// Not due before its backoff ends.
				expect((await processOutbox(db, deliver, 20, new Date(now.getTime() + backoffMs(i) - 1000))).claimed).toBe(0);
			} else {
				expect(r.status).toBe('failed');
			}
			now = new Date(now.getTime() + backoffMs(i));
		}
		expect(rejected).toHaveLength(MAX_ATTEMPTS);
		expect(new Set(rejected.map((r) => r.messageId))).toEqual(new Set([outboxMessageId(row.id, 'simpul.test')]));
		// Failed rows are never picked up again on their own.
		expect((await processOutbox(db, deliver, 20, new Date(now.getTime() + 86_400_000))).claimed).toBe(0);

		const admin = ctxFor(db, await buildActor(db, 'admin'));
		const view = await listOutbox(admin, {});
		expect(view.counts.failed).toBe(1);
		expect(view.messages[0]).toMatchObject({ id: row.id, status: 'failed', attempts: MAX_ATTEMPTS });

		rejecting = false;
		await retryOutbox(admin, row.id);
		const before = received.length;
		expect(await processOutbox(db, deliver, 20, new Date(Date.now() + 1000))).toMatchObject({ claimed: 1, delivered: 1 });
		expect(received.slice(before).map((r) => r.messageId)).toEqual([outboxMessageId(row.id, 'simpul.test')]);
		expect((await db.select().from(outbox).where(inArray(outbox.id, [row.id])))[0].status).toBe('sent');
	});
});
