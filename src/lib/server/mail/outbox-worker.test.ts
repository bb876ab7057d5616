import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestDatabase } from '../../../../tests/db';
import { outbox } from '../db/schema';
import type { Db } from '../db/client';
import { enqueueMail } from './mail';
import { backoffMs, LEASE_MS, mailDeliverer, MAX_ATTEMPTS, processOutbox, RECORD_GROUP } from './outbox-worker';

let db: Db;
const received: { to: string[]; data: string }[] = [];
let rejectNext = 0;
const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	onData(stream, session, callback) {
		let data = '';
		stream.on('data', (c) => (data += c));
		stream.on('end', () => {
			if (rejectNext > 0) {
				rejectNext--;
				return callback(new Error('mailbox busy'));
			}
			received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
			callback();
		});
	}
});
let smtpUrl = '';

beforeAll(async () => {
	db = (await createTestDatabase()).db;
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

describe('outbox worker', () => {
	it('delivers queued mail over real SMTP exactly once', async () => {
		await enqueueMail(db, { to: 'warga@contoh.id', subject: 'Uji coba', text: 'Halo dari Simpul' });
		const deliver = mailDeliverer(smtpUrl, 'Simpul <no-reply@simpul.test>');
		const soon = new Date(Date.now() + 1000);
		expect(await processOutbox(db, deliver, 20, soon)).toMatchObject({ claimed: 1, delivered: 1 });
		expect(await processOutbox(db, deliver, 20, soon)).toMatchObject({ claimed: 0, delivered: 0 });
		expect(received).toHaveLength(1);
		expect(received[0].to).toEqual(['warga@contoh.id']);
		expect(received[0].data).toContain('Halo dari Simpul');
		const [row] = await db.select().from(outbox);
		expect(row).toMatchObject({ status: 'sent', attempts: 1 });
	});

	it('claims the oldest due rows first (a retry due earlier before a newer mail), one batch at a time', async () => {
		await db.delete(outbox);
		received.length = 0;
		const now = Date.now();
		await enqueueMail(db, { to: 'baru@contoh.id', subject: 'Baru', text: 'x' });
		await enqueueMail(db, { to: 'ulang@contoh.id', subject: 'Ulang', text: 'x' });
		await enqueueMail(db, { to: 'nanti@contoh.id', subject: 'Nanti', text: 'x' });
		const [newer, retry, later] = await db.select().from(outbox).orderBy(outbox.id);
		await db.update(outbox).set({ nextAttemptAt: new Date(now - 60_000) }).where(eq(outbox.id, newer.id));
		await db.update(outbox).set({ nextAttemptAt: new Date(now - 120_000), attempts: 1 }).where(eq(outbox.id, retry.id));
		await db.update(outbox).set({ nextAttemptAt: new Date(now + 60_000) }).where(eq(outbox.id, later.id));
		const deliver = mailDeliverer(smtpUrl, 'Simpul <no-reply@simpul.test>');
		expect(await processOutbox(db, deliver, 1, new Date(now))).toMatchObject({ claimed: 1, delivered: 1 });
		expect(await processOutbox(db, deliver, 1, new Date(now))).toMatchObject({ claimed: 1, delivered: 1 });
		expect(await processOutbox(db, deliver, 1, new Date(now))).toMatchObject({ claimed: 0 });
		expect(received.map((r) => r.to[0])).toEqual(['ulang@contoh.id', 'baru@contoh.id']);
	});

	it('records a batch delivered by several lanes in groups: every row sent once, failures kept for retry', async () => {
		await db.delete(outbox);
		received.length = 0;
		const n = 2 * RECORD_GROUP + 7;
		for (let i = 0; i < n; i++) await enqueueMail(db, { to: `anggota${i}@contoh.id`, subject: `Penugasan ${i}`, text: 'x' });
		rejectNext = 2;
		const deliver = mailDeliverer(smtpUrl, 'Simpul <no-reply@simpul.test>');
		expect(await processOutbox(db, deliver, 100, new Date(Date.now() + 1000), () => false, 4)).toMatchObject({ claimed: n, delivered: n - 2 });
		deliver.close?.();
		const rows = await db.select().from(outbox);
		expect(rows.filter((r) => r.status === 'sent' && r.attempts === 1 && r.processedAt !== null)).toHaveLength(n - 2);
		expect(rows.filter((r) => r.status === 'pending' && r.attempts === 1 && r.lastError?.includes('mailbox busy'))).toHaveLength(2);
		expect(new Set(received.map((m) => m.to[0])).size).toBe(n - 2);
	});

	it('without SMTP writes the mail to the log and keeps it in the outbox', async () => {
		await db.delete(outbox);
		await enqueueMail(db, { to: 'a@contoh.id', subject: 'Tautan', text: 'isi surel' });
		const lines: string[] = [];
		await processOutbox(db, mailDeliverer(undefined, 'x', (s) => lines.push(s)), 20, new Date(Date.now() + 1000));
		expect(lines.join()).toContain('isi surel');
		const [row] = await db.select().from(outbox);
		expect(row.status).toBe('logged');
	});

	it('retries with backoff after a failure, then gives up as failed', async () => {
		await db.delete(outbox);
		await enqueueMail(db, { to: 'b@contoh.id', subject: 'Coba lagi', text: 'x' });
		rejectNext = 1;
		const deliver = mailDeliverer(smtpUrl, 'Simpul <no-reply@simpul.test>');
		const t0 = new Date(Date.now() + 1000);
		await processOutbox(db, deliver, 20, t0);
		let [row] = await db.select().from(outbox);
		expect(row).toMatchObject({ status: 'pending', attempts: 1 });
		expect(row.lastError).toContain('mailbox busy');
		expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + backoffMs(1));
		// not due yet: nothing happens
		expect((await processOutbox(db, deliver, 20, t0)).claimed).toBe(0);
		await processOutbox(db, deliver, 20, new Date(t0.getTime() + backoffMs(1)));
		[row] = await db.select().from(outbox).where(eq(outbox.id, row.id));
		expect(row).toMatchObject({ status: 'sent', attempts: 2 });

		await enqueueMail(db, { to: 'c@contoh.id', subject: 'Gagal', text: 'x' });
		const failing = async () => { throw new Error('down'); };
		// A second ahead: PostgreSQL stamps rows in microseconds, JavaScript dates stop at milliseconds.
		let now = new Date(Date.now() + 1000);
		for (let i = 0; i < MAX_ATTEMPTS; i++) {
			await processOutbox(db, failing, 20, now);
			now = new Date(now.getTime() + 3600_000 * 2);
		}
		const [last] = await db.select().from(outbox).where(eq(outbox.status, 'failed'));
		expect(last).toMatchObject({ attempts: MAX_ATTEMPTS, lastError: 'down' });
	});

	it('does not hold a transaction while delivering: other queries go on meanwhile', async () => {
		await db.delete(outbox);
		await enqueueMail(db, { to: 'd@contoh.id', subject: 'Lambat', text: 'x' });
		let release!: () => void;
		const slow = () => new Promise<'sent'>((resolve) => (release = () => resolve('sent')));
		const soon = new Date(Date.now() + 1000);
		const running = processOutbox(db, slow, 20, soon);
		await new Promise((r) => setTimeout(r, 100));
		// A second worker sees nothing to claim (leased), and reads still answer while delivery waits.
		expect((await processOutbox(db, slow, 20, soon)).claimed).toBe(0);
		const [row] = await db.select().from(outbox);
		expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + LEASE_MS - 60_000);
		release();
		expect(await running).toMatchObject({ claimed: 1, delivered: 1 });
	});

	it('backoff grows and is capped at one hour', () => {
		expect([1, 2, 3].map(backoffMs)).toEqual([30_000, 60_000, 120_000]);
		expect(backoffMs(20)).toBe(3600_000);
	});
});
