import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireActor, runLoad } from '$lib/server/http/form';
import { trackingPageData } from '$lib/server/aduan/aduan.page';
import { formatClaimCode } from '$lib/server/aduan/aduan.filing.rules';
import { CLAIM_COOKIE } from '../../claim-cookie';
import { getLocale } from '$lib/paraglide/runtime';

/** The confirmation after filing: for the filer only. An assisted filing's claim code is shown once. */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const page = await runLoad(event, () => trackingPageData(event.locals.ctx, event.params.tracking, getLocale()));
	if (!page.isFiler) error(404);
	const cookie = event.cookies.get(CLAIM_COOKIE);
	let claimCode: string | null = null;
	if (cookie) {
		const [tracking, code] = cookie.split(':');
		if (tracking === page.view.tracking_id && code) claimCode = formatClaimCode(code);
		event.cookies.delete(CLAIM_COOKIE, { path: '/aduan/terkirim' });
	}
	return { page, claimCode, trackingUrl: `${event.locals.ctx.publicUrl}/aduan/${page.view.tracking_id}` };
};
