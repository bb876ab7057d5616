import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http/form';
import { trackingPageData } from '$lib/server/aduan/aduan.page';
import { getLocale } from '$lib/paraglide/runtime';

/** The public tracking page: confidential aduan are 404 for everyone but the filer and the handling staff. */
export const load: PageServerLoad = async (event) => {
	const page = await runLoad(event, () => trackingPageData(event.locals.ctx, event.params.tracking, getLocale()));
	return { page };
};
