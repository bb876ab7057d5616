import type { RequestHandler } from './$types';
import { sitemapEntries } from '$lib/server/portal/feed.queries';
import { buildSitemap } from '$lib/server/portal/feeds';
import { layananSitemapEntries } from '$lib/server/layanan/layanan.read.actions';

/** Published posts, KIM and kelurahan pages, and the service directory. */
export const GET: RequestHandler = async ({ locals }) => {
	const ctx = { ...locals.ctx, actor: null };
	const entries = [...(await sitemapEntries(ctx)), ...(await layananSitemapEntries(ctx))];
	return new Response(buildSitemap(entries), {
		headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});
};
