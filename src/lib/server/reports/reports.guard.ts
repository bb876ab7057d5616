/** Shared steps of the report use cases: authorize, load-or-404. */
import { AppError } from '../errors';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { canViewReport } from './reports.policy';
import { findReportById, lockReport } from './reports.queries';

/** Throws UNAUTHENTICATED for an anonymous visitor and FORBIDDEN for anyone else not `allowed`. */
export function authorize(ctx: Ctx, allowed: boolean) {
	if (allowed) return;
	if (!ctx.actor) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	throw new AppError('FORBIDDEN', m.err_forbidden());
}

export const reportNotFound = () => new AppError('NOT_FOUND', m.report_not_found());

/**
 * The report a write is aimed at: unknown → NOT_FOUND, anonymous → UNAUTHENTICATED, another
 * KIM's report → FORBIDDEN. With `lock`, the row is locked for the rest of the transaction.
 * The caller authorizes the write itself.
 */
export async function loadReportToWrite(ctx: Ctx, db: Db, id: string, lock = false) {
	const report = lock ? await lockReport(db, id) : await findReportById(db, id);
	if (!report) throw reportNotFound();
	authorize(ctx, canViewReport(ctx.actor, report));
	return report;
}
