import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireActor, runForm } from '$lib/server/http/form';
import { isStaff } from '$lib/server/auth/actor';
import { CreateKimFormSchema } from '$lib/server/kims/kims.schema';
import { registerKim } from '$lib/server/kims/kims.actions';
import { kimAreaOptions } from '$lib/server/kims/kims.read.actions';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { areas: await kimAreaOptions(event.locals.ctx), isStaff: isStaff(actor) };
};

export const actions: Actions = {
	default: async (event) => {
		requireActor(event);
		const result = await runForm(event, CreateKimFormSchema, (input) => registerKim(event.locals.ctx, input), { arrays: ['focus'] });
		if (!('slug' in result)) return result;
		redirect(303, `/kim/${result.slug}/kelola?baru=1`);
	}
};
