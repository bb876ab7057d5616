import { eq } from 'drizzle-orm';
import { timingSafeEqual } from 'node:crypto';
import { AppError, invalid } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { aduan } from '../db/schema';
import { m } from '../../paraglide/messages.js';
import { notify } from '../notifications/notify';
import { canClaim } from './aduan.policy';
import { hashClaimCode, MAX_FAILED_CLAIMS } from './aduan.filing.rules';
import { countFailedClaims, insertAduanEvent, lockAduanByTracking, type Aduan } from './aduan.queries';
import { aduanNotFound, normaliseTrackingId } from './aduan.read.actions';

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * A resident claims an aduan a KIM member filed for them, with the code the member gave them:
 * they become its reporter (claimed_at, a 'claim' event, audit, a notice to the member).
 * Unknown → 404; not an assisted filing or already claimed → 409; a wrong code → 400, recorded,
 * and after MAX_FAILED_CLAIMS wrong codes every attempt is refused (429).
 */
export async function claimAduan(ctx: Ctx, trackingId: string, code: string): Promise<Aduan> {
	const actor = ctx.actor;
	if (!actor) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	const id = normaliseTrackingId(trackingId);
	if (!id) throw aduanNotFound();
	const now = nowOf(ctx);
	const result = await ctx.db.transaction(async (tx) => {
		const a = await lockAduanByTracking(tx, id);
		if (!a) throw aduanNotFound();
		if (!a.claimCodeHash) throw new AppError('CONFLICT', m.aduan_err_claim_none());
		if (a.reporterId || a.claimedAt) throw new AppError('CONFLICT', m.aduan_err_claim_taken());
		if (!canClaim(actor, a)) throw new AppError('FORBIDDEN', m.err_forbidden());
		if ((await countFailedClaims(tx, a.id)) >= MAX_FAILED_CLAIMS) throw new AppError('RATE_LIMITED', m.aduan_err_claim_limit(), { retryAfter: 86_400 });
		if (!sameHash(a.claimCodeHash, hashClaimCode(code))) return { ok: false as const, aduan: a };
		const [row] = await tx.update(aduan).set({ reporterId: actor.userId, claimedAt: now, updatedAt: now }).where(eq(aduan.id, a.id)).returning();
		await insertAduanEvent(tx, { aduanId: a.id, kind: 'claim', authorId: actor.userId, authorRole: 'reporter', createdAt: now });
		await audit(tx, actor, 'aduan.claim', { type: 'aduan', id: a.id }, { before: { reporterId: null }, after: { reporterId: actor.userId, claimedAt: now } });
		if (a.assistedBy) {
			await notify(tx, [a.assistedBy], {
				kind: 'aduan_claimed',
				title: m.aduan_notice_claimed_title({ id: a.trackingId }),
				body: m.aduan_notice_claimed_body(),
				url: `/aduan/saya/${a.trackingId}`,
				dedupeKey: `aduan:${a.id}:claimed`
			}, ctx.publicUrl);
		}
		return { ok: true as const, aduan: row };
	});
	if (!result.ok) {
		// Recorded outside the refused transaction so the guesses add up.
		await audit(ctx.db, actor, 'aduan.claim_failed', { type: 'aduan', id: result.aduan.id });
		throw invalid([{ path: 'code', message: m.aduan_err_claim_wrong() }]);
	}
	return result.aduan;
}
