import type { PageServerLoad } from './$types';
import { homeStats } from '$lib/server/site';

export const load: PageServerLoad = async ({ locals, url }) => ({
	stats: await homeStats(locals.ctx.db),
	loggedOut: url.searchParams.has('keluar')
});
