/** Shared steps of the aduan handling use cases: authorize, load-or-404, labels, notices. */
import { AppError } from '../errors';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { notify } from '../notifications/notify';
import { formatDateTime } from '../../shared/format';
import { canReadThread } from './aduan.handling.policy';
import { findAduanById, listUnitStaffIds, lockAduan, type Aduan } from './aduan.handling.queries';

/** Notices go out in Bahasa Indonesia: the recipients' language is not stored. */
export const ID = { locale: 'id' } as const;

/** Throws UNAUTHENTICATED for an anonymous visitor and FORBIDDEN for anyone else not `allowed`. */
export function authorize(ctx: Ctx, allowed: boolean) {
	if (allowed) return;
	if (!ctx.actor) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	throw new AppError('FORBIDDEN', m.err_forbidden());
}

export const aduanNotFound = () => new AppError('NOT_FOUND', m.aduan_desk_err_not_found());

/**
 * The aduan a use case is aimed at: unknown → NOT_FOUND, anonymous → UNAUTHENTICATED, someone
 * who is neither handling staff nor its reporter → FORBIDDEN (another unit's aduan included).
 * With `lock` the row is locked for the rest of the transaction.
 */
export async function loadAduan(ctx: Ctx, db: Db, id: string, lock = false): Promise<Aduan> {
	const a = lock ? await lockAduan(db, id) : await findAduanById(db, id);
	if (!a) throw aduanNotFound();
	authorize(ctx, canReadThread(ctx.actor, a));
	return a;
}


/** The reporter's private page of an aduan. */
export const reporterUrl = (a: Pick<Aduan, 'trackingId'>) => `/aduan/saya/${a.trackingId}`;
export const staffUrl = (a: Pick<Aduan, 'id'>) => `/petugas/aduan/${a.id}`;

/** Tells the reporter (in-app and email, with the link to their page) about an event. */
export async function notifyReporter(ctx: Ctx, tx: Db, a: Aduan, eventId: number, title: string, body: string) {
	if (!a.reporterId || a.reporterId === ctx.actor?.userId) return;
	await notify(tx, [a.reporterId], { kind: 'aduan_update', title, body, url: reporterUrl(a), dedupeKey: `aduan:${a.id}:event:${eventId}`, email: true }, ctx.publicUrl);
}

/** Tells the staff of `unitCode` (in-app and email) that an aduan is now theirs. */
export async function notifyUnitForwarded(ctx: Ctx, tx: Db, a: Aduan, unitCode: string, eventId: number) {
	const staff = (await listUnitStaffIds(tx, unitCode)).filter((id) => id !== ctx.actor?.userId);
	const due = a.planBy ? formatDateTime(a.planBy, 'id') : '';
	await notify(
		tx,
		staff,
		{ kind: 'aduan_forwarded', title: m.aduan_desk_notice_forwarded_title({ tracking: a.trackingId }, ID), body: m.aduan_desk_notice_forwarded_body({ title: a.title, due }, ID), url: staffUrl(a), dedupeKey: `aduan:${a.id}:event:${eventId}:unit`, email: true },
		ctx.publicUrl
	);
}
