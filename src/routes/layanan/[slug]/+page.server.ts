import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http/form';
import { isStaff } from '$lib/server/auth/actor';
import { getService } from '$lib/server/layanan/layanan.read.actions';
import { contactParts } from '$lib/server/layanan/layanan.rules';
import { pageMetaTags, serviceDescription, serviceJsonLd } from '$lib/server/layanan/layanan.seo';
import { regionNames } from '$lib/server/regions/regions.queries';
import { findCity } from '$lib/server/site';
import { jsonLdScript, whatsappShareUrl } from '$lib/server/portal/seo';

/** A service's public page (a draft is 404 for everyone but staff). */
export const load: PageServerLoad = async (event) => {
	const { ctx } = event.locals;
	const service = await runLoad(event, () => getService(ctx, event.params.slug));
	const [city, names] = await Promise.all([findCity(ctx.db), regionNames(ctx.db, service.kelurahan_codes)]);
	const siteName = `Simpul ${city.name}`;
	const description = serviceDescription(service);
	return {
		service,
		description,
		contact: service.contact ? contactParts(service.contact) : [],
		kelurahanNames: service.kelurahan_codes.map((c) => names.get(c) ?? c),
		meta: pageMetaTags({ title: service.name, description, url: service.url }, siteName),
		jsonLd: jsonLdScript(serviceJsonLd(service, { publicUrl: ctx.publicUrl, cityName: city.name })),
		share: whatsappShareUrl(service.name, service.url),
		canManage: isStaff(ctx.actor)
	};
};
