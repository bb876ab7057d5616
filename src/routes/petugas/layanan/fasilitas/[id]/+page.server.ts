import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runForm, runLoad } from '$lib/server/http/form';
import { getFacility } from '$lib/server/layanan/layanan.read.actions';
import { deleteFacility, updateFacility } from '$lib/server/layanan/layanan.facilities.actions';
import { FacilityFormSchema } from '$lib/server/layanan/layanan.schema';
import { facilityFormValues, formOptions, requireLayananStaff, toFormPaths } from '../../layanan-form.server';

/** Edit a facility; delete it after a confirmation step (?hapus=1). */
export const load: PageServerLoad = async (event) => {
	requireLayananStaff(event);
	const { ctx } = event.locals;
	const facility = await runLoad(event, () => getFacility(ctx, event.params.id));
	return { facility, values: facilityFormValues(facility), options: await formOptions(ctx), confirmDelete: event.url.searchParams.has('hapus') };
};

export const actions: Actions = {
	save: async (event) => {
		requireLayananStaff(event);
		const result = await runForm(event, FacilityFormSchema, (input) => updateFacility(event.locals.ctx, event.params.id, input));
		if ('id' in result) redirect(303, `/petugas/layanan?ok=saved#fasilitas`);
		return toFormPaths(result);
	},
	delete: async (event) => {
		requireLayananStaff(event);
		await runLoad(event, () => deleteFacility(event.locals.ctx, event.params.id));
		redirect(303, '/petugas/layanan?ok=deleted#fasilitas');
	}
};
