import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runForm, runLoad } from '$lib/server/http/form';
import { getService } from '$lib/server/layanan/layanan.read.actions';
import { deleteService, updateService } from '$lib/server/layanan/layanan.services.actions';
import { ServiceFormSchema } from '$lib/server/layanan/layanan.schema';
import { SERVICE_ARRAYS, formOptions, requireLayananStaff, serviceFormValues, toFormPaths } from '../layanan-form.server';

/** Edit a service; delete it after a confirmation step (?hapus=1), without JavaScript. */
export const load: PageServerLoad = async (event) => {
	requireLayananStaff(event);
	const { ctx } = event.locals;
	const service = await runLoad(event, () => getService(ctx, event.params.id));
	return { service, values: serviceFormValues(service), options: await formOptions(ctx), confirmDelete: event.url.searchParams.has('hapus') };
};

export const actions: Actions = {
	save: async (event) => {
		requireLayananStaff(event);
		const result = await runForm(event, ServiceFormSchema, (input) => updateService(event.locals.ctx, event.params.id, input), { arrays: SERVICE_ARRAYS });
		if ('id' in result) redirect(303, `/petugas/layanan?ok=saved#layanan`);
		return toFormPaths(result);
	},
	delete: async (event) => {
		requireLayananStaff(event);
		await runLoad(event, () => deleteService(event.locals.ctx, event.params.id));
		redirect(303, '/petugas/layanan?ok=deleted#layanan');
	}
};
