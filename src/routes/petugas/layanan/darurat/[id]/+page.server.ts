import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runForm, runLoad } from '$lib/server/http/form';
import { deleteEmergency, getEmergency, updateEmergency } from '$lib/server/layanan/layanan.emergency.actions';
import { CreateEmergencySchema } from '$lib/server/layanan/layanan.schema';
import { emergencyFormValues, requireLayananStaff } from '../../layanan-form.server';

/** Edit an emergency number; delete it after a confirmation step (?hapus=1). */
export const load: PageServerLoad = async (event) => {
	requireLayananStaff(event);
	const row = await runLoad(event, () => getEmergency(event.locals.ctx, event.params.id));
	return { row: { id: row.id, label: row.label, number: row.number }, values: emergencyFormValues(row), confirmDelete: event.url.searchParams.has('hapus') };
};

export const actions: Actions = {
	save: async (event) => {
		requireLayananStaff(event);
		const result = await runForm(event, CreateEmergencySchema, (input) => updateEmergency(event.locals.ctx, event.params.id, input));
		if ('id' in result) redirect(303, `/petugas/layanan?ok=saved#darurat`);
		return result;
	},
	delete: async (event) => {
		requireLayananStaff(event);
		await runLoad(event, () => deleteEmergency(event.locals.ctx, event.params.id));
		redirect(303, '/petugas/layanan?ok=deleted#darurat');
	}
};
