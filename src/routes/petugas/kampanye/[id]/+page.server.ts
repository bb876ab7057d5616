import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { runForm, runLoad } from '$lib/server/http/form';
import { getFileStorage } from '$lib/server/files/storage';
import { declaredSizeProblem } from '$lib/server/files/files.rules';
import { countLaunchTargets, getCampaign, listCampaignAssignments } from '$lib/server/campaigns/campaigns.read.actions';
import { updateCampaign } from '$lib/server/campaigns/campaigns.plan.actions';
import { finishCampaign, launchCampaign } from '$lib/server/campaigns/campaigns.launch.actions';
import { CAMPAIGN_UPLOAD_KINDS, uploadMaterial, type MaterialSlot } from '$lib/server/campaigns/campaigns.files.actions';
import { CampaignFormSchema, CampaignUploadSchema } from '$lib/server/campaigns/campaigns.schema';
import { FORM_ARRAYS, formOptions, formValues, requireStaff, toFormPaths } from '../campaign-form.server';

/** One campaign for the agency: edit while a draft, materials, launch, finish, the assignments. */
export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const { ctx } = event.locals;
	const campaign = await runLoad(event, () => getCampaign(ctx, event.params.id));
	const assignments = await runLoad(event, () => listCampaignAssignments(ctx, campaign.id));
	const draft = campaign.status === 'draft';
	return {
		campaign,
		assignments,
		values: formValues(campaign),
		options: draft ? await formOptions(ctx) : null,
		launchCount: draft ? await countLaunchTargets(ctx, campaign.id) : 0,
		done: event.url.searchParams.get('ok')
	};
};

const done = (event: RequestEvent, what: string) => redirect(303, `/petugas/kampanye/${event.params.id}?ok=${what}`);

async function handle<S extends z.ZodType>(event: RequestEvent, form: string, schema: S, action: (input: z.infer<S>) => Promise<unknown>, arrays: string[] = []) {
	requireStaff(event);
	const result = await runForm(event, schema, async (input) => ({ ok: true as const, value: await action(input) }), { arrays, extra: { form } });
	if (!('ok' in result)) return toFormPaths(result);
	done(event, form);
}

const upload = (slot: MaterialSlot) => async (event: RequestEvent) => {
	requireStaff(event);
	const tooBig = declaredSizeProblem(event.request.headers.get('content-length'), CAMPAIGN_UPLOAD_KINDS[slot]);
	if (tooBig) return fail(400, { message: tooBig, errors: [{ path: `${slot}-file`, message: tooBig }], values: { form: slot } });
	const result = await handle(event, slot, CampaignUploadSchema, async (input) =>
		uploadMaterial(event.locals.ctx, getFileStorage(), event.params.id!, slot, { bytes: new Uint8Array(await input.file.arrayBuffer()), name: input.file.name })
	);
	// Field ids are prefixed per upload form.
	if (result && 'data' in result) result.data.errors = result.data.errors.map((e) => ({ ...e, path: `${slot}-file` }));
	return result;
};

export const actions: Actions = {
	edit: (event) => handle(event, 'edit', CampaignFormSchema, (input) => updateCampaign(event.locals.ctx, event.params.id, input), FORM_ARRAYS),
	launch: (event) => handle(event, 'launch', z.object({}), () => launchCampaign(event.locals.ctx, event.params.id)),
	finish: (event) => handle(event, 'finish', z.object({}), () => finishCampaign(event.locals.ctx, event.params.id)),
	poster: upload('poster'),
	leaflet: upload('leaflet')
};
