import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { adminOnly } from './admin-only';
import { OutboxIdSchema, OutboxQuerySchema, OUTBOX_STATUSES } from './admin.schema';
import { listOutbox, retryOutbox } from './admin.actions';
import { OutboxMessageOut, presentOutboxMessage } from './admin.present';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const Counts = z.object(Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof OUTBOX_STATUSES)[number], z.ZodNumber>);

/** Admin: the mail outbox. */
export function adminOutboxRoutes(app: Api) {
	app.use('/api/v1/admin/outbox', adminOnly);
	app.use('/api/v1/admin/outbox/*', adminOnly);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/admin/outbox', tags: ['admin'],
			summary: 'Recent outbox messages (newest first, 50 per page) and the count per status; bodies are never shown',
			request: { query: OutboxQuerySchema },
			responses: {
				200: {
					description: 'Messages',
					...json(z.object({ data: z.array(OutboxMessageOut), counts: Counts, next_before_id: z.number().int().nullable() }))
				},
				...problemResponses(400, 401, 403)
			}
		}),
		async (c) => {
			const r = await listOutbox(c.get('ctx'), c.req.valid('query'));
			const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, r.counts[s] ?? 0])) as z.infer<typeof Counts>;
			return c.json({ data: r.messages.map(presentOutboxMessage), counts, next_before_id: r.nextBeforeId }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/admin/outbox/{id}/retry', tags: ['admin'],
			summary: 'Queue a failed message again (status pending, due now)',
			request: { params: OutboxIdSchema },
			responses: { 200: { description: 'Queued again', ...json(OutboxMessageOut) }, ...problemResponses(401, 403, 404, 409) }
		}),
		async (c) => c.json(presentOutboxMessage(await retryOutbox(c.get('ctx'), c.req.valid('param').id)), 200)
	);
}
