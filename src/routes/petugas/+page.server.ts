import type { PageServerLoad } from './$types';
import { requireActor, runLoad } from '$lib/server/http/form';
import { getDashboard } from '$lib/server/dashboard/dashboard.actions';
import { presentDashboard } from '$lib/server/dashboard/dashboard.present';

/** The agency dashboard (petugas, admin). Others get the 403 page; anonymous visitors the login page. */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	return { dash: presentDashboard(await runLoad(event, () => getDashboard(event.locals.ctx))) };
};
