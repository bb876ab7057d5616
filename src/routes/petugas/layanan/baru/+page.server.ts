import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runForm } from '$lib/server/http/form';
import { createService } from '$lib/server/layanan/layanan.services.actions';
import { ServiceFormSchema } from '$lib/server/layanan/layanan.schema';
import { SERVICE_ARRAYS, formOptions, requireLayananStaff, toFormPaths } from '../layanan-form.server';

/** Add a service to the directory. */
export const load: PageServerLoad = async (event) => {
	requireLayananStaff(event);
	return { options: await formOptions(event.locals.ctx) };
};

export const actions: Actions = {
	default: async (event) => {
		requireLayananStaff(event);
		const result = await runForm(event, ServiceFormSchema, (input) => createService(event.locals.ctx, input), { arrays: SERVICE_ARRAYS });
		if ('id' in result) redirect(303, `/petugas/layanan?ok=created#layanan`);
		return toFormPaths(result);
	}
};
