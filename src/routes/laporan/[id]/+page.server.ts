import type { PageServerLoad } from './$types';
import { requireActor, runLoad } from '$lib/server/http/form';
import { getReport } from '$lib/server/reports/reports.read.actions';

/** One report (staff, or a member of its KIM); `?terkirim=1` is the confirmation after sending it. */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const report = await runLoad(event, () => getReport(event.locals.ctx, event.params.id));
	return { report, sent: event.url.searchParams.get('terkirim') === '1' };
};
