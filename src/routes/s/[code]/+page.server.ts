import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http/form';
import { followLink } from '$lib/server/reach/reach.actions';
import { REF_COOKIE, REF_COOKIE_MAX_AGE } from '$lib/server/reach/reach.rules';
import { getConfig } from '$lib/server/config';

/**
 * A member's short link: 302 to the campaign's main post at once. The click is recorded without
 * awaiting it — the visitor should not wait on a database write for a page they did not ask to
 * see; a failed insert is logged (followLink) and costs one uncounted click, never the redirect.
 * People (not link-preview bots) get the 7-day first-party `simpul_ref` cookie for attribution.
 */
export const load: PageServerLoad = async (event) => {
	const link = await runLoad(event, () => followLink(event.locals.ctx, event.params.code, { method: event.request.method }));
	if (link.counted) {
		event.cookies.set(REF_COOKIE, link.code, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: getConfig().secureCookies,
			maxAge: REF_COOKIE_MAX_AGE
		});
	}
	void link.recorded;
	// Each visit must reach the server to be counted: no cache may answer it.
	event.setHeaders({ 'cache-control': 'no-store' });
	redirect(302, link.url);
};
