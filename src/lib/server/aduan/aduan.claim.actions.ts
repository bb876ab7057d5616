import { eq, sql } from 'drizzle-orm';
import { timingSafeEqual } from 'node:crypto';
import { AppError, invalid } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { aduan } from '../db/schema';
import { m } from '../../paraglide/messages.js';
import { notify } from '../notifications/notify';
import { canClaim } from './aduan.policy';
import { FAILED_CLAIMS_WINDOW_MS, hashClaimCode, MAX_FAILED_CLAIMS, MAX_FAILED_CLAIMS_PER_ADUAN } from './aduan.filing.rules';
import { countFailedClaims, insertAduanEvent, lockAduanByTracking, recordFailedClaim, type Aduan } from './aduan.queries';
import { aduanNotFound, normaliseTrackingId } from './aduan.read.actions';

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * A resident claims an aduan a KIM member filed for them, with the code the member gave them:
 * they become its reporter (claimed_at, a 'claim' event, audit, a notice to the member).
 * Unknown → 404; not an assisted filing or already claimed → 409; a wrong code → 400, recorded.
 * Within 24 hours, after MAX_FAILED_CLAIMS wrong codes by one claimant, or
 * MAX_FAILED_CLAIMS_PER_ADUAN by anyone, that claimant's (everyone's) attempts are refused (429).
 * Counting and recording happen under a lock in one transaction, so parallel guesses add up.
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
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`aduan-claim:${a.id}:${actor.userId}`}))`);
		const since = new Date(now.getTime() - FAILED_CLAIMS_WINDOW_MS);
		if ((await countFailedClaims(tx, a.id, since, actor.userId)) >= MAX_FAILED_CLAIMS || (await countFailedClaims(tx, a.id, since)) >= MAX_FAILED_CLAIMS_PER_ADUAN) {
			throw new AppError('RATE_LIMITED', m.aduan_err_claim_limit(), { retryAfter: FAILED_CLAIMS_WINDOW_MS / 1000 });
		}
		if (!sameHash(a.claimCodeHash, hashClaimCode(code))) {
			// Recorded in this (committed) transaction, under the lock; the 400 is thrown after it.
			await recordFailedClaim(tx, actor, a.id, now);
			return { ok: false as const, aduan: a };
		}
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
	if (!result.ok) throw invalid([{ path: 'code', message: m.aduan_err_claim_wrong() }]);
	return result.aduan;
}
