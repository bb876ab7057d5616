/** Shared steps of the KIM use cases: load-or-404, authorize, region and date checks. */
import { AppError, invalid } from '../errors';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { assertKelurahan, findRegion } from '../regions/regions.queries';
import { dateProblems, type KimDates } from './kims.rules';
import { DATE_MESSAGE } from './kims.schema';
import { isUuid } from '../../shared/slug';
import { canViewKim } from './kims.policy';
import { findKimById, findKimBySlug, lockKim } from './kims.queries';

/** Throws UNAUTHENTICATED for an anonymous visitor and FORBIDDEN for anyone else not `allowed`. */
export function authorize(ctx: Ctx, allowed: boolean) {
	if (allowed) return;
	if (!ctx.actor) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	throw new AppError('FORBIDDEN', m.err_forbidden());
}

export const kimNotFound = () => new AppError('NOT_FOUND', m.kim_not_found());

/**
 * The KIM by id or slug, or NOT_FOUND. A UUID-shaped key is an id first; slugify never makes
 * such slugs, but one stored before that rule is still found by its slug.
 */
export async function loadKim(db: Db, idOrSlug: string) {
	const kim = (isUuid(idOrSlug) ? await findKimById(db, idOrSlug) : undefined) ?? (await findKimBySlug(db, idOrSlug));
	if (!kim) throw kimNotFound();
	return kim;
}

/**
 * The KIM a write is aimed at, as its caller may know it: NOT_FOUND when the actor may not see
 * it (so a write reveals no more than GET does), then UNAUTHENTICATED for an anonymous visitor.
 * No lock is taken; the caller still authorizes the write itself.
 */
export async function loadKimToWrite(ctx: Ctx, db: Db, idOrSlug: string) {
	const kim = await loadKim(db, idOrSlug);
	if (!canViewKim(ctx.actor, kim)) throw kimNotFound();
	if (!ctx.actor) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	return kim;
}

/**
 * Like loadKimToWrite, then locks the row for the rest of the transaction (serialises changes of
 * one KIM) and returns it as locked. Anonymous visitors and those who may not see the KIM are
 * refused before any lock is taken. The caller authorizes the write.
 */
export async function loadKimForUpdate(ctx: Ctx, tx: Db, idOrSlug: string) {
	const seen = await loadKimToWrite(ctx, tx, idOrSlug);
	const kim = await lockKim(tx, { id: seen.id });
	if (!kim || !canViewKim(ctx.actor, kim)) throw kimNotFound();
	return kim;
}

/**
 * Resolves the KIM's area: a kelurahan (its kecamatan derived), or a kecamatan alone for a
 * kecamatan-level KIM. Unknown codes are field errors.
 */
export async function resolveArea(db: Db, kelurahanCode: string | null | undefined, kecamatanCode: string | null | undefined) {
	if (kelurahanCode) {
		const village = await assertKelurahan(db, kelurahanCode, 'kelurahan_code');
		if (kecamatanCode && kecamatanCode !== village.parentCode) {
			throw invalid([{ path: 'kecamatan_code', message: m.kim_err_area_mismatch() }]);
		}
		return { kelurahanCode: village.code, kecamatanCode: village.parentCode! };
	}
	if (kecamatanCode) {
		const region = await findRegion(db, kecamatanCode);
		if (region?.level !== 'kecamatan') throw invalid([{ path: 'kecamatan_code', message: m.kim_err_kecamatan_unknown() }]);
		return { kelurahanCode: null, kecamatanCode: region.code };
	}
	throw invalid([{ path: 'kelurahan_code', message: m.err_kelurahan_unknown() }]);
}

/** Throws field errors for dates in the future or a term that ends before it starts. */
export function assertDates(dates: KimDates, today: string) {
	const problems = dateProblems(dates, today);
	if (problems.length) throw invalid(problems.map((p) => ({ path: p.field, message: DATE_MESSAGE[p.field]() })));
}

/**
 * The change that sends a verified KIM back to the petugas (kims.rules reverificationFields): it
 * is `registered` again, off the public directory, and no longer counts as verified before (so a
 * later reactivation does not skip the new verification).
 */
export const reverificationPatch = () => ({ status: 'registered' as const, statusReason: null, verifiedAt: null, verifiedBy: null });
