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
	const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
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

/**
 * Delivers up to `batch` due outbox rows. Rows are claimed with FOR UPDATE SKIP LOCKED inside a
 * transaction, so several workers never deliver the same row, and a row whose transaction dies
 * with its process returns to the queue.
 */
export async function processOutbox(db: Db, deliver: Deliver, batch = 20, now = new Date()) {
	return db.transaction(async (tx) => {
		const rows = await tx
			.select()
			.from(outbox)
			.where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
			.orderBy(asc(outbox.id))
			.limit(batch)
			.for('update', { skipLocked: true });
		let delivered = 0;
		for (const row of rows) {
			try {
				const status = await deliver(row.topic, row.payload);
				await tx.update(outbox).set({ status, attempts: row.attempts + 1, processedAt: new Date(), lastError: null }).where(eq(outbox.id, row.id));
				delivered++;
			} catch (err) {
				const attempts = row.attempts + 1;
				await tx
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
	});
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
