/** Reading the directory: the public sees published items, staff see drafts too. */
import type { Ctx } from '../context';
import { canViewItem, layananScope } from './layanan.policy';
import { findFacility, findService, listEmergencyRows, listUnits, searchFacilities, searchServices } from './layanan.queries';
import { presentEmergency, presentFacility, presentService, type EmergencyView, type FacilityView, type ServiceView } from './layanan.present';
import type { FacilityQuery, ServiceQuery } from './layanan.schema';
import { orderEmergency } from './layanan.rules';
import { facilityNotFound, serviceNotFound } from './layanan.guard';

/** Services matching the query (search, category, kelurahan), best match first when searching. */
export async function listServices(ctx: Ctx, query: ServiceQuery): Promise<ServiceView[]> {
	const rows = await searchServices(ctx.db, layananScope(ctx.actor), { q: query.q, category: query.category, kelurahanCode: query.kelurahan_code });
	return rows.map((r) => presentService(r, ctx.publicUrl));
}

/** One service by slug (or id); a draft is NOT_FOUND for everyone but staff. */
export async function getService(ctx: Ctx, ref: string): Promise<ServiceView> {
	const row = await findService(ctx.db, ref);
	if (!row || !canViewItem(ctx.actor, row)) throw serviceNotFound();
	return presentService(row, ctx.publicUrl);
}

/** Facilities matching the query; with a kelurahan, the ones in it first, then its kecamatan's. */
export async function listFacilities(ctx: Ctx, query: FacilityQuery): Promise<FacilityView[]> {
	const rows = await searchFacilities(ctx.db, layananScope(ctx.actor), { q: query.q, kind: query.kind, kelurahanCode: query.kelurahan_code });
	return rows.map((r) => presentFacility(r, ctx.publicUrl));
}

export async function getFacility(ctx: Ctx, ref: string): Promise<FacilityView> {
	const row = await findFacility(ctx.db, ref);
	if (!row || !canViewItem(ctx.actor, row)) throw facilityNotFound();
	return presentFacility(row, ctx.publicUrl);
}

/** Every emergency number, 112 first. */
export async function listEmergencyNumbers(ctx: Ctx): Promise<EmergencyView[]> {
	return orderEmergency(await listEmergencyRows(ctx.db)).map(presentEmergency);
}

/** Units (OPD) for the service form's select. */
export const unitOptions = (ctx: Ctx) => listUnits(ctx.db);

/** The directory's public pages for sitemap.xml: /layanan, then every published service and facility. */
export async function layananSitemapEntries(ctx: Ctx): Promise<{ loc: string; lastmod?: Date }[]> {
	const publicCtx = { ...ctx, actor: null };
	const [services, facilities] = await Promise.all([listServices(publicCtx, {}), listFacilities(publicCtx, {})]);
	return [
		{ loc: `${ctx.publicUrl}/layanan` },
		...services.map((s) => ({ loc: s.url, lastmod: new Date(s.updated_at) })),
		...facilities.map((f) => ({ loc: f.url, lastmod: new Date(f.updated_at) }))
	];
}
