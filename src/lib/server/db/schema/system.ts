import {
	pgTable, uuid, text, jsonb, timestamp, bigserial, integer, index, uniqueIndex
} from 'drizzle-orm/pg-core';
import { users } from './users';

/** Every write: who, what, when, before/after. Written only through audit/audit.ts. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
		actorLabel: text('actor_label'),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id'),
		before: jsonb('before'),
		after: jsonb('after'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('audit_created_idx').on(t.createdAt),
		index('audit_entity_idx').on(t.entityType, t.entityId),
		index('audit_actor_idx').on(t.actorId)
	]
);

/**
 * Transactional outbox: rows are written in the same transaction as the change that causes them
 * and delivered by the worker (`FOR UPDATE SKIP LOCKED`). status: pending | sent | logged | failed.
 */
export const outbox = pgTable(
	'outbox',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		topic: text('topic').notNull(),
		/** Set when the same message must never be queued twice (e.g. one reminder per assignment and user). */
		dedupeKey: text('dedupe_key'),
		payload: jsonb('payload').notNull(),
		status: text('status').notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		lastError: text('last_error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		processedAt: timestamp('processed_at', { withTimezone: true })
	},
	(t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt, t.id), uniqueIndex('outbox_dedupe_uq').on(t.dedupeKey)]
);

/** Small key/value facts about this installation (e.g. when it was first initialised). */
export const appState = pgTable('app_state', {
	key: text('key').primaryKey(),
	value: jsonb('value').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
