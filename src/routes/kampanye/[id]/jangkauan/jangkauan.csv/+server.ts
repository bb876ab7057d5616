import type { RequestHandler } from './$types';
import { requireActor, runLoad } from '$lib/server/http/form';
import { getCampaignStats } from '$lib/server/stats/stats.actions';
import { csvHeaders, statsCsv } from '$lib/server/stats/stats.present';

/** "Unduh CSV": the same figures and the same scope as the page. */
export const GET: RequestHandler = async (event) => {
	requireActor(event);
	const csv = statsCsv(await runLoad(event, () => getCampaignStats(event.locals.ctx, event.params.id)));
	return new Response(csv.body, { headers: csvHeaders(csv.filename) });
};
