import type { PageServerLoad } from './$types';
import { isStaff } from '$lib/server/auth/actor';
import { requireActor, runLoad } from '$lib/server/http/form';
import { listReports, reportFilterOptions } from '$lib/server/reports/reports.read.actions';
import { ListReportsQuerySchema } from '$lib/server/reports/reports.schema';

const PAGE = 20;

/** Reports of the actor's KIMs (members) or of all KIMs (staff), newest first, filtered by KIM and campaign. */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { ctx } = event.locals;
	const q = event.url.searchParams;
	const page = Math.max(1, Math.min(500, Number.parseInt(q.get('halaman') ?? '1', 10) || 1));
	return runLoad(event, async () => {
		const query = ListReportsQuerySchema.parse({ kim_id: q.get('kim') ?? undefined, campaign_id: q.get('kampanye') ?? undefined, limit: PAGE + 1, offset: (page - 1) * PAGE });
		const [reports, facets] = await Promise.all([listReports(ctx, query), reportFilterOptions(ctx)]);
		return {
			reports: reports.slice(0, PAGE),
			hasMore: reports.length > PAGE,
			page,
			facets,
			filter: { kim: query.kim_id ?? '', kampanye: query.campaign_id ?? '' },
			staff: isStaff(actor),
			canReport: actor.kims.length > 0
		};
	});
};
