import type { PageServerLoad } from './$types';
import { kimAreaOptions } from '$lib/server/kims/kims.read.actions';
import { listEmergencyNumbers, listFacilities, listServices } from '$lib/server/layanan/layanan.read.actions';
import { SERVICE_CATEGORIES, groupByKind } from '$lib/server/layanan/layanan.rules';
import { categoryLabel } from '$lib/layanan-labels';
import { ServiceQuerySchema } from '$lib/server/layanan/layanan.schema';

/**
 * The directory: emergency numbers (112 first), then services and facilities, filtered by a GET
 * form (q, kategori, kelurahan). A filter value that does not parse is ignored, not an error page.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { ctx } = locals;
	const areas = await kimAreaOptions(ctx);
	const kelurahan = areas.flatMap((a) => a.kelurahan);
	const raw = { q: url.searchParams.get('q') ?? '', category: url.searchParams.get('kategori') ?? '', kelurahan_code: url.searchParams.get('kelurahan') ?? '' };
	const parsed = ServiceQuerySchema.safeParse(raw);
	const filter = parsed.success ? parsed.data : {};
	const kelurahanCode = filter.kelurahan_code && kelurahan.some((k) => k.code === filter.kelurahan_code) ? filter.kelurahan_code : undefined;
	const [emergency, services, facilities] = await Promise.all([
		listEmergencyNumbers(ctx),
		listServices(ctx, { ...filter, kelurahan_code: kelurahanCode }),
		// A category narrows services only; facilities follow the words and the kelurahan.
		listFacilities(ctx, { q: filter.q, kelurahan_code: kelurahanCode })
	]);
	const published = facilities.filter((f) => f.is_published);
	return {
		emergency,
		services: services.filter((s) => s.is_published),
		facilityGroups: groupByKind(published),
		facilityCount: published.length,
		filter: { q: filter.q ?? '', kategori: filter.category ?? '', kelurahan: kelurahanCode ?? '' },
		filtered: Boolean(filter.q || filter.category || kelurahanCode),
		kelurahanName: kelurahan.find((k) => k.code === kelurahanCode)?.name ?? null,
		categoryOptions: SERVICE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) })),
		kelurahanGroups: areas.map((a) => ({ name: a.name, options: a.kelurahan.map((k) => ({ value: k.code, label: k.name })) }))
	};
};
