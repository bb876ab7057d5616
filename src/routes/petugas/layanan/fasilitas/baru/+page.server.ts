import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runForm } from '$lib/server/http/form';
import { createFacility } from '$lib/server/layanan/layanan.facilities.actions';
import { FacilityFormSchema } from '$lib/server/layanan/layanan.schema';
import { formOptions, requireLayananStaff, toFormPaths } from '../../layanan-form.server';

/** Add a facility; its point must lie inside the city. */
export const load: PageServerLoad = async (event) => {
	requireLayananStaff(event);
	return { options: await formOptions(event.locals.ctx) };
};

export const actions: Actions = {
	default: async (event) => {
		requireLayananStaff(event);
		const result = await runForm(event, FacilityFormSchema, (input) => createFacility(event.locals.ctx, input));
		if ('id' in result) redirect(303, `/petugas/layanan?ok=created#fasilitas`);
		return toFormPaths(result);
	}
};
