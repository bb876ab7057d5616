import type { Handle } from '@sveltejs/kit';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * SvelteKit's cross-site form check, with one exception: Open311 (`/open311/…`). GeoReport
 * clients POST form-encoded bodies from their servers, without an Origin header, which SvelteKit's
 * built-in check refuses. Open311 ignores the session cookie for writes (the api_key authorizes,
 * the aduan is filed with no actor), so a forged cross-site form gains nothing there.
 * Everything else: a form-type write whose Origin is not ours → 403, as SvelteKit does.
 */
export function isForbiddenCrossSiteForm(request: Request, url: URL): boolean {
	if (url.pathname === '/open311' || url.pathname.startsWith('/open311/')) return false;
	if (!WRITES.includes(request.method)) return false;
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	return FORM_TYPES.includes(type) && request.headers.get('origin') !== url.origin;
}

/** The hook that applies it (with `csrf: { checkOrigin: false }` in svelte.config.js). */
export const csrfHandle: Handle = ({ event, resolve }) => {
	if (isForbiddenCrossSiteForm(event.request, event.url)) {
		const message = `Cross-site ${event.request.method} form submissions are forbidden`;
		return event.request.headers.get('accept') === 'application/json'
			? Response.json({ message }, { status: 403 })
			: new Response(message, { status: 403 });
	}
	return resolve(event);
};
