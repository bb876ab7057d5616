import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { intQuery } from '../validation';
import { getCampaignStats, STATS_ROWS } from './stats.actions';
import { CampaignStatsOut, csvHeaders, presentStats, statsCsv } from './stats.present';

const tags = ['campaigns'];
const CampaignIdParam = z.object({ id: z.string().max(100).openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) });
const StatsQuery = z.object({
	limit: intQuery(1, 1000, STATS_ROWS).openapi({ param: { name: 'limit', in: 'query' }, description: `At most this many rows in by_kim (best-reaching first) and by_kelurahan (targeted first, then best-reaching; listed by code). Default ${STATS_ROWS}; the CSV has every row.` })
});

const WHO =
	'Staff (petugas, admin) see the whole campaign. A pengurus of a KIM assigned to it sees only their KIM’s part: by_kim only theirs, ' +
	'by_kelurahan from their KIM’s reports and clicks, totals from their KIM (scope.whole = false). Anyone else: 403; a draft is 404 for non-staff.';
const DEFINITIONS =
	'kelurahan_targeted: target kind "kelurahan" → its codes, "all" → every kelurahan of the city, "kims" → the targeted KIMs’ kelurahan ' +
	'(a kecamatan-level KIM targets every kelurahan of its kecamatan). kelurahan_reached: targeted kelurahan with at least one report ' +
	'linked to the campaign with audience > 0. assignments: an assignment past its due_on (WIB today; due today is not past) that is ' +
	'still new or accepted counts as overdue INSTEAD of its status, so the five numbers add up to the number of assignments. ' +
	'clicks: clicks on the campaign’s share links; unique_visitors: distinct visitor keys per day, summed over days (per KIM: over that ' +
	'KIM’s links; per kelurahan: links of KIMs of that kelurahan). reported_audience: the sum of audience_count of reports linked to the campaign. ' +
	'daily: one entry per day from the start (at most the last 120 days). feedback: the newest 100 reports with feedback or questions, ' +
	'with KIM and kelurahan, never the reporter.';

/** Campaign reach statistics and the CSV export. */
export function statsRoutes(app: Api) {
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/campaigns/{id}/stats', tags,
			summary: 'A campaign’s reach: kelurahan targeted and reached, assignments by status, reported audience, clicks and unique visitors, per KIM, per kelurahan and per day',
			description: `${WHO}\n\n${DEFINITIONS}`,
			request: { params: CampaignIdParam, query: StatsQuery },
			responses: { 200: { description: 'Reach statistics', content: { 'application/json': { schema: CampaignStatsOut } } }, ...problemResponses(401, 403, 404) }
		}),
		async (c) => c.json(presentStats(await getCampaignStats(c.get('ctx'), c.req.valid('param').id, { limit: c.req.valid('query').limit })), 200)
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/campaigns/{id}/stats.csv', tags,
			summary: 'The reach as CSV (UTF-8 with BOM for Excel): a total row, one row per KIM, one per kelurahan. Cells that start with = + - @ are prefixed with \'',
			description: WHO,
			request: { params: CampaignIdParam },
			responses: { 200: { description: 'CSV file', content: { 'text/csv': { schema: z.string() } } }, ...problemResponses(401, 403, 404) }
		}),
		async (c) => {
			const csv = statsCsv(await getCampaignStats(c.get('ctx'), c.req.valid('param').id));
			return c.body(csv.body, 200, csvHeaders(csv.filename));
		}
	);
}
