import { AppError } from '../errors';
import { nowOf, type Ctx } from '../context';
import { audit } from '../audit/audit';
import { m } from '../../paraglide/messages.js';
import { canUseNotifications } from './notifications.policy';
import {
	countUnread, findUserNotification, listUserNotifications, markAllNotificationsRead, markNotificationRead
} from './notifications.queries';
import type { NotificationListQuery } from './notifications.schema';

function requireUser(ctx: Ctx) {
	if (!canUseNotifications(ctx.actor)) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	return ctx.actor;
}

const notFound = () => new AppError('NOT_FOUND', m.notif_not_found());

/** The actor's own notifications (newest first, keyset paged) and their unread count. Logged-in users. */
export async function listNotifications(ctx: Ctx, q: NotificationListQuery) {
	const actor = requireUser(ctx);
	const [rows, unread] = await Promise.all([
		listUserNotifications(ctx.db, actor.userId, { unread: q.unread, beforeId: q.before_id }, q.limit + 1),
		countUnread(ctx.db, actor.userId)
	]);
	const items = rows.slice(0, q.limit);
	return { items, unread, nextBeforeId: rows.length > q.limit ? items[items.length - 1].id : null };
}

/** The bell's number: 0 for anonymous visitors. */
export async function unreadCount(ctx: Ctx) {
	return ctx.actor ? countUnread(ctx.db, ctx.actor.userId) : 0;
}

/**
 * Marks one of the actor's notifications read and returns it; someone else's is NOT_FOUND.
 * Reading an already read one changes nothing (and audits nothing).
 */
export async function readNotification(ctx: Ctx, id: number) {
	const actor = requireUser(ctx);
	return ctx.db.transaction(async (tx) => {
		const found = await findUserNotification(tx, actor.userId, id);
		if (!found) throw notFound();
		if (found.readAt) return found;
		const updated = (await markNotificationRead(tx, actor.userId, id, nowOf(ctx))) ?? found;
		await audit(tx, actor, 'notification.read', { type: 'notification', id: String(id) }, { before: { readAt: null }, after: { readAt: updated.readAt } });
		return updated;
	});
}

/** Marks all the actor's unread notifications read; returns how many. */
export async function readAllNotifications(ctx: Ctx) {
	const actor = requireUser(ctx);
	return ctx.db.transaction(async (tx) => {
		const updated = await markAllNotificationsRead(tx, actor.userId, nowOf(ctx));
		if (updated > 0) await audit(tx, actor, 'notification.read_all', { type: 'user', id: actor.userId }, { after: { read: updated } });
		return { updated };
	});
}
