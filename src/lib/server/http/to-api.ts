import type { RequestHandler } from '@sveltejs/kit';
import { getRuntime } from '../runtime';

/** Hands a request to the Hono app (src/lib/server/http/app.ts) with the client address SvelteKit saw. */
export const handToApi: RequestHandler = async ({ request, getClientAddress }) => {
	const { api } = await getRuntime();
	const headers = new Headers(request.headers);
	headers.set('x-forwarded-for', getClientAddress());
	return api.fetch(new Request(request, { headers }));
};
