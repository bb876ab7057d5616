import { z } from '@hono/zod-openapi';

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const flag = z.preprocess(
	(v) => (typeof v === 'string' ? (['true', '1', 'yes'].includes(v.toLowerCase()) ? true : ['false', '0', 'no', ''].includes(v.toLowerCase()) ? false : v) : v),
	z.boolean().optional()
);

export const NotificationListQuerySchema = z.object({
	unread: flag.openapi({ type: 'boolean', description: 'Only unread notifications (true/1)' }),
	before_id: z.preprocess(blank, z.coerce.number().int().positive().optional()).openapi({ type: 'integer', description: 'Keyset: notifications older than this id (next_before_id of the previous page)' }),
	limit: z.preprocess(blank, z.coerce.number().int().min(1).max(100).default(50)).openapi({ type: 'integer', minimum: 1, maximum: 100, default: 50 })
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

export const NotificationIdSchema = z.object({ id: z.coerce.number().int().positive().openapi({ type: 'integer' }) });
