import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runForm } from '$lib/server/http/form';
import { createCampaign } from '$lib/server/campaigns/campaigns.plan.actions';
import { CampaignFormSchema } from '$lib/server/campaigns/campaigns.schema';
import { FORM_ARRAYS, formOptions, requireStaff, toFormPaths } from '../campaign-form.server';

/** Plan a new campaign (a draft). */
export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	return { options: await formOptions(event.locals.ctx) };
};

export const actions: Actions = {
	default: async (event) => {
		requireStaff(event);
		const result = await runForm(event, CampaignFormSchema, (input) => createCampaign(event.locals.ctx, input), { arrays: FORM_ARRAYS });
		if ('id' in result) redirect(303, `/petugas/kampanye/${result.id}?ok=created`);
		return toFormPaths(result);
	}
};
