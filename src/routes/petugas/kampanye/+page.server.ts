import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http/form';
import { listCampaigns } from '$lib/server/campaigns/campaigns.read.actions';
import { requireStaff } from './campaign-form.server';

/** Every campaign for the agency, active first. */
export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	return { campaigns: await runLoad(event, () => listCampaigns(event.locals.ctx)) };
};
