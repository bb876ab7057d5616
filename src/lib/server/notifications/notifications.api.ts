import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { NotificationIdSchema, NotificationListQuerySchema } from './notifications.schema';
import { listNotifications, readAllNotifications, readNotification, unreadCount } from './notifications.actions';
import { NotificationOut, presentNotification } from './notifications.present';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['notifications'];

/** In-app notifications (the bell): each user sees and marks only their own. */
export function notificationRoutes(app: Api) {
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/notifications', tags,
			summary: 'Your notifications, newest first (50 per page), and how many are unread',
			request: { query: NotificationListQuerySchema },
			responses: {
				200: {
					description: 'Notifications',
					...json(z.object({ data: z.array(NotificationOut), unread_count: z.number().int(), next_before_id: z.number().int().nullable() }))
				},
				...problemResponses(400, 401)
			}
		}),
		async (c) => {
			const r = await listNotifications(c.get('ctx'), c.req.valid('query'));
			return c.json({ data: r.items.map(presentNotification), unread_count: r.unread, next_before_id: r.nextBeforeId }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/notifications/read-all', tags,
			summary: 'Mark all your notifications read',
			responses: { 200: { description: 'All read', ...json(z.object({ updated: z.number().int(), unread_count: z.number().int() })) }, ...problemResponses(401) }
		}),
		async (c) => {
			const ctx = c.get('ctx');
			const { updated } = await readAllNotifications(ctx);
			return c.json({ updated, unread_count: await unreadCount(ctx) }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/notifications/{id}/read', tags,
			summary: 'Mark one of your notifications read (another user’s is 404)',
			request: { params: NotificationIdSchema },
			responses: { 200: { description: 'Read', ...json(NotificationOut) }, ...problemResponses(400, 401, 404) }
		}),
		async (c) => c.json(presentNotification(await readNotification(c.get('ctx'), c.req.valid('param').id)), 200)
	);
}
