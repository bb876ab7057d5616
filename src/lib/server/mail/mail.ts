import type { Db } from '../db/client';
import { outbox } from '../db/schema';

export type MailMessage = { to: string; subject: string; text: string };

/**
 * Queues an email in the outbox inside the caller's transaction; the worker delivers it by SMTP
 * (SMTP_URL) or writes it to the log, so a message is never silently lost. With `dedupeKey`,
 * queuing the same message twice (a re-run sweep, a retried request) queues it once.
 */
export async function enqueueMail(db: Db, message: MailMessage, dedupeKey?: string): Promise<void> {
	// A dedupe key already queued means this exact message was sent (or is on its way): do nothing.
	await db.insert(outbox).values({ topic: 'email', payload: message, dedupeKey }).onConflictDoNothing();
}
