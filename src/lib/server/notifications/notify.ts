/**
 * Notifications: one in-app row per user (the bell) and, when asked, one email through the outbox —
 * written in the caller's transaction, so a notification exists exactly when its cause does.
 * `dedupeKey` names the event (e.g. `assignment:<id>:created`); notifying the same key twice is a
 * no-op, which makes sweeps, retries and restarted workers harmless.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notifications, users } from '../db/schema';
import { enqueueMail } from '../mail/mail';

export type Notice = {
	kind: string;
	title: string;
	body?: string;
	/** Site path the notification opens, e.g. `/kim/kim-a/tugas`. */
	url?: string;
	dedupeKey: string;
	/** Also email it (to active users). */
	email?: boolean;
};

/** Notifies each of `userIds` once per `notice.dedupeKey`; returns the users newly notified. */
export async function notify(db: Db, userIds: string[], notice: Notice, publicUrl: string): Promise<string[]> {
	const ids = [...new Set(userIds)];
	if (!ids.length) return [];
	const inserted = await db
		.insert(notifications)
		.values(ids.map((userId) => ({ userId, kind: notice.kind, title: notice.title, body: notice.body ?? '', url: notice.url, dedupeKey: notice.dedupeKey })))
		.onConflictDoNothing()
		.returning({ userId: notifications.userId });
	const fresh = inserted.map((r) => r.userId);
	if (notice.email && fresh.length) {
		const recipients = await db
			.select({ id: users.id, email: users.email })
			.from(users)
			.where(and(inArray(users.id, fresh), eq(users.isActive, true)));
		const link = notice.url ? `\n\n${publicUrl}${notice.url}` : '';
		for (const r of recipients) {
			await enqueueMail(db, { to: r.email, subject: notice.title, text: `${notice.body ?? ''}${link}`.trim() }, `notice:${r.id}:${notice.dedupeKey}`);
		}
	}
	return fresh;
}
