import { z } from '@hono/zod-openapi';
import type { AuditEntry } from '../audit/audit.queries';
import { diffChange } from './audit-diff';
import { OUTBOX_STATUSES } from './admin.schema';
import type { OutboxRow } from './admin.queries';

export const AuditEntryOut = z
	.object({
		id: z.number().int(),
		created_at: z.string(),
		actor_id: z.uuid().nullable(),
		actor: z.string().openapi({ description: 'Email of who acted, or "system"' }),
		action: z.string(),
		entity_type: z.string(),
		entity_id: z.string().nullable(),
		entity_label: z.string().nullable(),
		changes: z.array(z.object({ key: z.string(), before: z.string().nullable(), after: z.string().nullable() })).openapi({ description: 'Changed keys only' }),
		before: z.unknown(),
		after: z.unknown()
	})
	.openapi('AuditEntry');
export type AuditEntryView = z.infer<typeof AuditEntryOut>;

export function presentAuditEntry(e: AuditEntry): AuditEntryView {
	return {
		id: e.id,
		created_at: e.createdAt.toISOString(),
		actor_id: e.actorId,
		actor: e.actorLabel ?? 'system',
		action: e.action,
		entity_type: e.entityType,
		entity_id: e.entityId,
		entity_label: e.entityLabel,
		changes: diffChange(e.before, e.after),
		before: e.before,
		after: e.after
	};
}

export const OutboxMessageOut = z
	.object({
		id: z.number().int(),
		topic: z.string(),
		to: z.string().nullable(),
		subject: z.string().nullable(),
		status: z.enum(OUTBOX_STATUSES),
		attempts: z.number().int(),
		last_error: z.string().nullable(),
		next_attempt_at: z.string(),
		created_at: z.string(),
		processed_at: z.string().nullable()
	})
	.openapi('OutboxMessage');
export type OutboxMessageView = z.infer<typeof OutboxMessageOut>;

/** A queued message without its body: mail bodies carry one-time password links. */
export function presentOutboxMessage(r: OutboxRow): OutboxMessageView {
	const payload = (r.payload ?? {}) as { to?: unknown; subject?: unknown };
	return {
		id: r.id,
		topic: r.topic,
		to: typeof payload.to === 'string' ? payload.to : null,
		subject: typeof payload.subject === 'string' ? payload.subject : null,
		status: r.status as OutboxMessageView['status'],
		attempts: r.attempts,
		last_error: r.lastError,
		next_attempt_at: r.nextAttemptAt.toISOString(),
		created_at: r.createdAt.toISOString(),
		processed_at: r.processedAt?.toISOString() ?? null
	};
}
