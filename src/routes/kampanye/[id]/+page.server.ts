import type { PageServerLoad } from './$types';
import { requireActor, runLoad } from '$lib/server/http/form';
import { isStaff } from '$lib/server/auth/actor';
import { getCampaign, listCampaignAssignments } from '$lib/server/campaigns/campaigns.read.actions';

/** The campaign brief: staff, and members of an assigned KIM once launched (404 for anyone else). */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { ctx } = event.locals;
	const campaign = await runLoad(event, () => getCampaign(ctx, event.params.id));
	const assignments = await runLoad(event, () => listCampaignAssignments(ctx, campaign.id));
	const own = new Set(actor.kims.map((k) => k.kimId));
	return { campaign, mine: assignments.filter((a) => own.has(a.kim_id)), staff: isStaff(actor) };
};
