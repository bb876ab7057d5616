import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isFormFailure, requireAdminPage } from '$lib/server/admin/guard';
import { runForm } from '$lib/server/http/form';
import { findRegion, listRegions } from '$lib/server/regions/regions.queries';
import { UpdateRegionSchema } from '$lib/server/regions/regions.schema';
import { updateRegion } from '$lib/server/regions/regions.actions';
import { m } from '$lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	requireAdminPage(event);
	const { db } = event.locals.ctx;
	const region = await findRegion(db, event.params.code);
	if (!region) error(404, m.err_not_found());
	const [parent, children] = await Promise.all([
		region.parentCode ? findRegion(db, region.parentCode) : undefined,
		listRegions(db, { parent: region.code })
	]);
	return { region, parent: parent ? { code: parent.code, name: parent.name, level: parent.level } : null, childCount: children.length };
};

export const actions: Actions = {
	default: async (event) => {
		const result = await runForm(event, UpdateRegionSchema, (input) => updateRegion(event.locals.ctx, event.params.code, input));
		if (isFormFailure(result)) return result;
		redirect(303, `/admin/wilayah?diubah=${encodeURIComponent(result.code)}#w-${result.code}`);
	}
};
