import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';
import type { MailMessage } from './mail';

export type Deliver = (topic: string, payload: unknown) => Promise<'sent' | 'logged'>;

/** Retry delay after `attempts` failures: 30 s, 1 min, 2 min … capped at 1 hour. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
export const MAX_ATTEMPTS = 8;

/** Delivery by SMTP when `smtpUrl` is set; otherwise the mail is written to the log. */
export function mailDeliverer(smtpUrl: string | undefined, from: string, log = console.info): Deliver {
	// Short timeouts: a hung mail server must not hold rows (or the process) for minutes.
	const transport = smtpUrl
		? nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
		: undefined;
	return async (topic, payload) => {
		if (topic !== 'email') throw new Error(`unknown outbox topic ${topic}`);
		const mail = payload as MailMessage;
		if (!transport) {
			log(`[mail] SMTP_URL not set; mail to ${mail.to}: ${mail.subject}\n${mail.text}`);
			return 'logged';
		}
		await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
		return 'sent';
	};
}

/** How long a claimed row stays hidden from other workers while it is being delivered. */
export const LEASE_MS = 5 * 60_000;

/**
 * Delivers up to `batch` due outbox rows. Rows are claimed in a short transaction
 * (FOR UPDATE SKIP LOCKED, then leased by moving next_attempt_at forward), delivered outside any
 * transaction, and their result recorded one by one. Several workers never take the same row; a
 * worker that dies mid-delivery leaves its rows to be retried when the lease ends.
 */
export async function processOutbox(db: Db, deliver: Deliver, batch = 20, now = new Date()) {
	const rows = await db.transaction(async (tx) => {
		const due = await tx
			.select()
			.from(outbox)
			.where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
			.orderBy(asc(outbox.id))
			.limit(batch)
			.for('update', { skipLocked: true });
		if (due.length) {
			await tx
				.update(outbox)
				.set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
				.where(inArray(outbox.id, due.map((r) => r.id)));
		}
		return due;
	});
	let delivered = 0;
	for (const row of rows) {
		const attempts = row.attempts + 1;
		try {
			const status = await deliver(row.topic, row.payload);
			await db.update(outbox).set({ status, attempts, processedAt: new Date(), lastError: null }).where(eq(outbox.id, row.id));
			delivered++;
		} catch (err) {
			await db
				.update(outbox)
				.set({
					attempts,
					lastError: String((err as Error).message ?? err).slice(0, 1000),
					status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
					nextAttemptAt: new Date(now.getTime() + backoffMs(attempts))
				})
				.where(eq(outbox.id, row.id));
		}
	}
	return { claimed: rows.length, delivered };
}

/** Counts per status, for the admin page. */
export async function outboxCounts(db: Db) {
	const rows = await db
		.select({ status: outbox.status, n: sql<number>`count(*)::int` })
		.from(outbox)
		.where(inArray(outbox.status, ['pending', 'sent', 'logged', 'failed']))
		.groupBy(outbox.status);
	return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
}

/** Runs the outbox loop until `stop()` is called; polls every `intervalMs`. */
export function startOutboxWorker(db: Db, deliver: Deliver, intervalMs = 2000) {
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	const tick = async () => {
		try {
			while (!stopped && (await processOutbox(db, deliver)).claimed > 0);
		} catch (err) {
			console.error('[worker] outbox error', (err as Error).message);
		}
		if (!stopped) timer = setTimeout(tick, intervalMs);
	};
	timer = setTimeout(tick, 100);
	return () => {
		stopped = true;
		clearTimeout(timer);
	};
}
