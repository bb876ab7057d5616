import { createRoute } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { AduanStatsQuerySchema } from './aduan.stats.schema';
import { getAduanStats } from './aduan.stats.actions';
import { AduanStatsOut, presentAduanStats } from './aduan.stats.present';
import { MAX_RANGE_DAYS } from './aduan.stats.rules';

const DEFINITIONS =
	'Counts the aduan FILED in the range (WIB dates, both inclusive; default the last 12 months, at most ' + MAX_RANGE_DAYS + ' days), ' +
	'public, anonymous and confidential alike; nothing else about them is returned. median_hours_*: the median (percentile_cont 0.5) of ' +
	'the hours from filing to verified_at / resolved_at, over the aduan that reached that point; null without any. ' +
	'within_service_level_ratio = met / (met + missed), null when nothing is decided yet. Stage 1 (verification, due verify_by = 3 working days) ' +
	'is done at the first of verified/rejected; stage 2 (the unit\u2019s follow-up, due plan_by = 5 working days, when plan_by is set) at the first ' +
	'of plan posted/resolved/rejected. A stage is decided when done or past its deadline; an aduan is missed when a decided stage was late or ' +
	'not done, met when every stage that applies was done in time, and pending (not counted) otherwise. service_level gives the two counts.';

/** Public aduan statistics (issue 5). Registered before aduanRoutes so /api/v1/aduan/stats is not taken for a tracking id. */
export function aduanStatsRoutes(app: Api) {
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/aduan/stats', tags: ['aduan'], security: [],
			summary: 'Public statistics of aduan: counts by status, category, kelurahan and month, median hours to verify and to resolve, share handled within the service levels',
			description: DEFINITIONS,
			request: { query: AduanStatsQuerySchema },
			responses: { 200: { description: 'Statistics', content: { 'application/json': { schema: AduanStatsOut } } }, ...problemResponses(400) }
		}),
		async (c) => c.json(presentAduanStats(await getAduanStats(c.get('ctx'), c.req.valid('query'))), 200)
	);
}
