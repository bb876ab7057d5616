import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import type { Actor } from '../auth/actor';

const HIDDEN = new Set(['passwordHash', 'password', 'token']);

/** Drops secrets and turns Dates into ISO strings so before/after are safe to show. */
function clean(value: unknown): unknown {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value)) return value.map(clean);
	if (typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>)
				.filter(([k]) => !HIDDEN.has(k))
				.map(([k, v]) => [k, clean(v)])
		);
	}
	return value;
}

/**
 * Records one write in the audit log. Call it inside the use case's transaction so the record
 * and the change commit (or roll back) together.
 */
export async function audit(
	db: Db,
	actor: Actor,
	action: string,
	entity: { type: string; id?: string | null },
	change: { before?: unknown; after?: unknown } = {},
	/** Who acted when there is no actor: 'system' (CLI, start-up), 'anonymous' or 'self' (a visitor acting on their own account by link). */
	anonymousLabel: 'system' | 'anonymous' | 'self' = 'system'
): Promise<void> {
	await db.insert(auditLog).values({
		actorId: actor?.userId ?? null,
		actorLabel: actor ? actor.email : anonymousLabel,
		action,
		entityType: entity.type,
		entityId: entity.id ?? null,
		before: clean(change.before),
		after: clean(change.after)
	});
}
