import type { RequestHandler } from './$types';
import { sitemapEntries } from '$lib/server/portal/feed.queries';
import { buildSitemap } from '$lib/server/portal/feeds';

export const GET: RequestHandler = async ({ locals }) =>
	new Response(buildSitemap(await sitemapEntries({ ...locals.ctx, actor: null })), {
		headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});
