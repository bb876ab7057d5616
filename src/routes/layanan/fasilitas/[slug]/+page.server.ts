import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http/form';
import { isStaff } from '$lib/server/auth/actor';
import { getFacility } from '$lib/server/layanan/layanan.read.actions';
import { telHref } from '$lib/server/layanan/layanan.rules';
import { facilityDescription, facilityJsonLd, pageMetaTags } from '$lib/server/layanan/layanan.seo';
import { findCity } from '$lib/server/site';
import { jsonLdScript, whatsappShareUrl } from '$lib/server/portal/seo';

/** A facility's public page with an OpenStreetMap link at its point (no map library). */
export const load: PageServerLoad = async (event) => {
	const { ctx } = event.locals;
	const facility = await runLoad(event, () => getFacility(ctx, event.params.slug));
	const city = await findCity(ctx.db);
	const description = facilityDescription(facility);
	return {
		facility,
		description,
		tel: facility.phone ? telHref(facility.phone) : null,
		meta: pageMetaTags({ title: facility.name, description, url: facility.url }, `Simpul ${city.name}`),
		jsonLd: jsonLdScript(facilityJsonLd(facility, { cityName: city.name })),
		share: whatsappShareUrl(facility.name, facility.url),
		canManage: isStaff(ctx.actor)
	};
};
