import type { RequestHandler } from './$types';
import { getRuntime } from '$lib/server/runtime';

/** Every /open311 request (GeoReport v2) goes to the Hono app (src/lib/server/http/app.ts). */
const handle: RequestHandler = async ({ request, getClientAddress }) => {
	const { api } = await getRuntime();
	const headers = new Headers(request.headers);
	headers.set('x-forwarded-for', getClientAddress());
	return api.fetch(new Request(request, { headers }));
};

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
