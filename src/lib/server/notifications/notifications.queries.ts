import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notifications } from '../db/schema';

export type NotificationRow = typeof notifications.$inferSelect;

/** A user's notifications, newest first; every query here is scoped to `userId`. */
export async function listUserNotifications(db: Db, userId: string, filter: { unread?: boolean; beforeId?: number }, limit: number) {
	const conds = [eq(notifications.userId, userId)];
	if (filter.unread) conds.push(isNull(notifications.readAt));
	if (filter.beforeId) conds.push(lt(notifications.id, filter.beforeId));
	return db.select().from(notifications).where(and(...conds)).orderBy(desc(notifications.id)).limit(limit);
}

/** Unread notifications of a user: one count on the (user_id, created_at) index; for the bell. */
export async function countUnread(db: Db, userId: string) {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(notifications)
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
	return row?.n ?? 0;
}

/** One of the user's notifications, or undefined (also when it is someone else's). */
export async function findUserNotification(db: Db, userId: string, id: number) {
	const [row] = await db.select().from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId))).limit(1);
	return row;
}

/** Marks one of the user's notifications read (if unread); returns the row as it is now. */
export async function markNotificationRead(db: Db, userId: string, id: number, now: Date) {
	const [updated] = await db
		.update(notifications)
		.set({ readAt: now })
		.where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
		.returning();
	return updated;
}

/** Marks all the user's unread notifications read; returns how many changed. */
export async function markAllNotificationsRead(db: Db, userId: string, now: Date) {
	const rows = await db
		.update(notifications)
		.set({ readAt: now })
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
		.returning({ id: notifications.id });
	return rows.length;
}
