import { eq } from 'drizzle-orm';
import { AppError } from '../errors';
import { outbox } from '../db/schema';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { countAuditSince, listAuditEntries } from '../audit/audit.queries';
import { outboxCounts } from '../mail/outbox-worker';
import { countUsers } from '../users/users.queries';
import { m } from '../../paraglide/messages.js';
import { authorize, canReadAudit, canRetryOutbox, canViewAdminOverview, canViewOutbox } from './admin.policy';
import { countRegionsByLevel, findOutboxRow, listOutboxRows } from './admin.queries';
import type { AuditQuery, OutboxQuery } from './admin.schema';

export const AUDIT_PAGE_SIZE = 50;
export const OUTBOX_PAGE_SIZE = 50;

/** A page of the audit log, newest first, with the id to continue from. Admins only. */
export async function browseAudit(ctx: Ctx, q: AuditQuery) {
	authorize(ctx.actor, canReadAudit);
	const rows = await listAuditEntries(
		ctx.db,
		{ action: q.action, entityType: q.entity_type, entityId: q.entity_id, actor: q.actor, from: q.from ?? undefined, to: q.to ?? undefined, beforeId: q.before_id },
		AUDIT_PAGE_SIZE + 1
	);
	const entries = rows.slice(0, AUDIT_PAGE_SIZE);
	return { entries, nextBeforeId: rows.length > AUDIT_PAGE_SIZE ? entries[entries.length - 1].id : null };
}

/** Recent outbox messages and the count per status. Admins only. */
export async function listOutbox(ctx: Ctx, q: OutboxQuery) {
	authorize(ctx.actor, canViewOutbox);
	const [rows, counts] = await Promise.all([
		listOutboxRows(ctx.db, { status: q.status, beforeId: q.before_id }, OUTBOX_PAGE_SIZE + 1),
		outboxCounts(ctx.db)
	]);
	const messages = rows.slice(0, OUTBOX_PAGE_SIZE);
	return { messages, counts, nextBeforeId: rows.length > OUTBOX_PAGE_SIZE ? messages[messages.length - 1].id : null };
}

/**
 * Puts a failed message back in the queue (pending, due now). The worker tries it once more; if
 * that fails too it is failed again, since its attempts are already at the limit. Admins only.
 */
export async function retryOutbox(ctx: Ctx, id: number) {
	authorize(ctx.actor, canRetryOutbox);
	return ctx.db.transaction(async (tx) => {
		const row = await findOutboxRow(tx, id, { lock: true });
		if (!row) throw new AppError('NOT_FOUND', m.err_not_found());
		if (row.status !== 'failed') throw new AppError('CONFLICT', m.admin_err_outbox_not_failed());
		const [updated] = await tx
			.update(outbox)
			.set({ status: 'pending', nextAttemptAt: nowOf(ctx) })
			.where(eq(outbox.id, id))
			.returning();
		await audit(tx, ctx.actor, 'outbox.retry', { type: 'outbox', id: String(id) }, {
			before: { status: row.status, lastError: row.lastError },
			after: { status: updated.status }
		});
		return updated;
	});
}

/** Figures for the admin index page. Admins only. */
export async function loadAdminOverview(ctx: Ctx) {
	authorize(ctx.actor, canViewAdminOverview);
	const since = new Date(nowOf(ctx).getTime() - 7 * 86400_000);
	const [users, regions, audit7d, outbox] = await Promise.all([
		countUsers(ctx.db),
		countRegionsByLevel(ctx.db),
		countAuditSince(ctx.db, since),
		outboxCounts(ctx.db)
	]);
	return { users, regions, audit7d, outbox };
}
