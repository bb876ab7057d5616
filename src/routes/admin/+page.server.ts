import type { PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/admin/guard';
import { loadAdminOverview } from '$lib/server/admin/admin.actions';

export const load: PageServerLoad = async (event) => {
	requireAdminPage(event);
	return { overview: await loadAdminOverview(event.locals.ctx) };
};
