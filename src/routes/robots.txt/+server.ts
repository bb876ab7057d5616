import type { RequestHandler } from './$types';
import { buildRobots } from '$lib/server/portal/feeds';

export const GET: RequestHandler = ({ locals }) =>
	new Response(buildRobots(locals.ctx.publicUrl), { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=86400' } });
