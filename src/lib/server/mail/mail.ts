import type { Db } from '../db/client';
import { outbox } from '../db/schema';

export type MailMessage = { to: string; subject: string; text: string };

/**
 * Queues an email in the outbox inside the caller's transaction; the worker delivers it by SMTP
 * (SMTP_URL) or writes it to the log, so a message is never silently lost.
 */
export async function enqueueMail(db: Db, message: MailMessage): Promise<void> {
	await db.insert(outbox).values({ topic: 'email', payload: message });
}
