/** Shared steps of the directory's use cases: authorize staff, field checks that need the database. */
import { inArray } from 'drizzle-orm';
import { AppError, type FieldError } from '../errors';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { regions } from '../db/schema';
import { m } from '../../paraglide/messages.js';
import { VILLAGE_LEVELS, type RegionLevel } from '../regions/regions.rules';
import { canManageLayanan } from './layanan.policy';
import { findUnit, takenSlugs } from './layanan.queries';
import { pointProblem, slugify, uniqueSlug } from './layanan.rules';

/** Anonymous → UNAUTHENTICATED; anyone but petugas/admin → FORBIDDEN. Checked before any lookup. */
export function authorizeManage(ctx: Ctx) {
	if (canManageLayanan(ctx.actor)) return;
	if (!ctx.actor) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	throw new AppError('FORBIDDEN', m.layanan_forbidden());
}

export const serviceNotFound = () => new AppError('NOT_FOUND', m.layanan_service_not_found());
export const facilityNotFound = () => new AppError('NOT_FOUND', m.layanan_facility_not_found());
export const emergencyNotFound = () => new AppError('NOT_FOUND', m.layanan_emergency_not_found());

/** Field errors for kelurahan codes that are not a kelurahan/desa of the loaded regions. */
export async function kelurahanProblems(db: Db, codes: string[], field: string): Promise<FieldError[]> {
	const unique = [...new Set(codes)];
	if (unique.length === 0) return [];
	const rows = await db.select({ code: regions.code, level: regions.level }).from(regions).where(inArray(regions.code, unique));
	const ok = new Set(rows.filter((r) => VILLAGE_LEVELS.includes(r.level as RegionLevel)).map((r) => r.code));
	return unique.some((c) => !ok.has(c)) ? [{ path: field, message: m.err_kelurahan_unknown() }] : [];
}

/** A field error unless `code` is an active unit (OPD). */
export async function unitProblems(db: Db, code: string): Promise<FieldError[]> {
	const unit = await findUnit(db, code);
	return unit?.isActive ? [] : [{ path: 'unit_code', message: m.layanan_err_unit() }];
}

/** Field errors for a facility's point: both coordinates or neither, inside the city. */
export function pointProblems(lat: number | null | undefined, lng: number | null | undefined): FieldError[] {
	const p = pointProblem(lat, lng);
	if (p === 'incomplete') return [{ path: lat === null || lat === undefined ? 'lat' : 'lng', message: m.layanan_err_point_incomplete() }];
	if (p === 'outside') return [{ path: 'lat', message: m.layanan_err_point_outside() }];
	return [];
}

/**
 * The slug to store: an explicit one must be free (else a field error), otherwise one is made
 * from the name and numbered until free.
 */
export async function resolveSlug(
	tx: Db, table: 'services' | 'facilities', explicit: string | undefined, name: string, exceptId?: string
): Promise<{ slug: string; errors: FieldError[] }> {
	if (explicit) {
		const taken = await takenSlugs(tx, table, explicit, exceptId);
		return { slug: explicit, errors: taken.includes(explicit) ? [{ path: 'slug', message: m.layanan_err_slug_taken() }] : [] };
	}
	const base = slugify(name);
	return { slug: uniqueSlug(base, await takenSlugs(tx, table, base, exceptId)), errors: [] };
}
