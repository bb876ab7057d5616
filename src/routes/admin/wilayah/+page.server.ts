import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isFormFailure, requireAdminPage } from '$lib/server/admin/guard';
import { runForm } from '$lib/server/http/form';
import { findRegion, listRegions } from '$lib/server/regions/regions.queries';
import { buildRegionTree } from '$lib/server/admin/region-tree';
import { AddRegencySchema, ImportPopulationSchema } from '$lib/server/regions/regions.schema';
import { addRegencyAsAdmin, importPopulationAsAdmin } from '$lib/server/regions/regions.actions';

export const load: PageServerLoad = async (event) => {
	requireAdminPage(event);
	const p = event.url.searchParams;
	const edited = p.get('diubah');
	return {
		tree: buildRegionTree(await listRegions(event.locals.ctx.db)),
		imported: p.get('diimpor'),
		added: p.get('dimuat'),
		addedCount: p.get('jumlah'),
		edited: edited ? ((await findRegion(event.locals.ctx.db, edited)) ?? null) : null
	};
};

export const actions: Actions = {
	import: async (event) => {
		// The CSV comes from the file input when one is chosen, otherwise from the textarea.
		const file = (await event.request.clone().formData()).get('file');
		const extra = file instanceof File && file.size > 0 ? { csv: await file.text() } : {};
		const result = await runForm(event, ImportPopulationSchema, (input) => importPopulationAsAdmin(event.locals.ctx, input), { extra });
		if (isFormFailure(result)) return result;
		redirect(303, `/admin/wilayah?diimpor=${result.updated}#impor`);
	},
	regency: async (event) => {
		const result = await runForm(event, AddRegencySchema, (input) => addRegencyAsAdmin(event.locals.ctx, input));
		if (isFormFailure(result)) return result;
		redirect(303, `/admin/wilayah?dimuat=${encodeURIComponent(result.name)}&jumlah=${result.inserted}`);
	}
};
