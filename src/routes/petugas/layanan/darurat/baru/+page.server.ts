import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runForm } from '$lib/server/http/form';
import { createEmergency } from '$lib/server/layanan/layanan.emergency.actions';
import { CreateEmergencySchema } from '$lib/server/layanan/layanan.schema';
import { requireLayananStaff } from '../../layanan-form.server';

/** Add an emergency number. */
export const load: PageServerLoad = async (event) => {
	requireLayananStaff(event);
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		requireLayananStaff(event);
		const result = await runForm(event, CreateEmergencySchema, (input) => createEmergency(event.locals.ctx, input));
		if ('id' in result) redirect(303, `/petugas/layanan?ok=created#darurat`);
		return result;
	}
};
