/** Shared steps of the KIM use cases: load-or-404, authorize, region and date checks. */
import { AppError, invalid } from '../errors';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { assertKelurahan, findRegion } from '../regions/regions.queries';
import { dateProblems, type KimDates } from './kims.rules';
import { DATE_MESSAGE } from './kims.schema';
import { findKimById, findKimBySlug, lockKim } from './kims.queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/** Throws UNAUTHENTICATED for an anonymous visitor and FORBIDDEN for anyone else not `allowed`. */
export function authorize(ctx: Ctx, allowed: boolean) {
	if (allowed) return;
	if (!ctx.actor) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	throw new AppError('FORBIDDEN', m.err_forbidden());
}

export const kimNotFound = () => new AppError('NOT_FOUND', m.kim_not_found());

/** The KIM by id or slug, or NOT_FOUND. */
export async function loadKim(db: Db, idOrSlug: string) {
	const kim = isUuid(idOrSlug) ? await findKimById(db, idOrSlug) : await findKimBySlug(db, idOrSlug);
	if (!kim) throw kimNotFound();
	return kim;
}

/** The KIM by id or slug, locked for the transaction, or NOT_FOUND. */
export async function loadKimForUpdate(tx: Db, idOrSlug: string) {
	const kim = await lockKim(tx, isUuid(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug });
	if (!kim) throw kimNotFound();
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
