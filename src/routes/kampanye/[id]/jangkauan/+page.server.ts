import type { PageServerLoad } from './$types';
import { requireActor, runLoad } from '$lib/server/http/form';
import { getLocale } from '$lib/paraglide/runtime';
import { getCampaignStats, FEEDBACK_LIMIT, STATS_ROWS } from '$lib/server/stats/stats.actions';
import { presentStats } from '$lib/server/stats/stats.present';

/** A campaign's reach: staff see all of it, a pengurus of an assigned KIM their KIM's part (stats.policy). */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const stats = await runLoad(event, () => getCampaignStats(event.locals.ctx, event.params.id, { limit: STATS_ROWS }));
	return {
		stats: presentStats(stats),
		campaign: stats.campaign,
		map: stats.map,
		feedbackLimit: FEEDBACK_LIMIT,
		locale: getLocale()
	};
};
