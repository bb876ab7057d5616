import { z } from '@hono/zod-openapi';
import { optionalIsoDate } from '../validation';

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalText = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional()).openapi({ type: 'string' });

export const AuditQuerySchema = z.object({
	action: optionalText(80).openapi({ description: 'Exact action, or a prefix without a dot (user → user.*)', example: 'user.role_change' }),
	entity_type: optionalText(40).openapi({ example: 'user' }),
	entity_id: optionalText(80),
	actor: optionalText(254).openapi({ description: 'Part of the actor\'s email, or "system"' }),
	from: optionalIsoDate().openapi({ description: 'First day (WIB), inclusive' }),
	to: optionalIsoDate().openapi({ description: 'Last day (WIB), inclusive' }),
	before_id: z.preprocess(blank, z.coerce.number().int().positive().optional()).openapi({ type: 'integer', description: 'Keyset: entries older than this id (next_before_id of the previous page)' })
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const OUTBOX_STATUSES = ['pending', 'sent', 'logged', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const OutboxQuerySchema = z.object({
	status: z.preprocess(blank, z.enum(OUTBOX_STATUSES).optional()).openapi({ type: 'string', enum: [...OUTBOX_STATUSES] }),
	before_id: z.preprocess(blank, z.coerce.number().int().positive().optional()).openapi({ type: 'integer' })
});
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;

export const OutboxIdSchema = z.object({ id: z.coerce.number().int().positive().openapi({ type: 'integer' }) });
