import { createRoute } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { getDashboard } from './dashboard.actions';
import { DashboardOut, presentDashboard } from './dashboard.present';

const DEFINITIONS =
	'Staff only (petugas, admin): anonymous 401, anyone else 403. Dates are WIB. activity: every activity report (with a campaign or not) ' +
	'by the day it was held — last_30_days is today and the 29 days before, previous_30_days the 30 days before those; *_change_percent is ' +
	'the change in whole percent, null when the earlier window is 0. campaigns.list: the active campaigns ending soonest first (at most 20; ' +
	'campaigns.active counts them all), with the figures of GET /api/v1/campaigns/{id}/stats (reported_audience, clicks, unique_visitors, ' +
	'assignments overdue = past due_on and still new or accepted). aduan: open aduan by status; due_today and overdue follow the service-level ' +
	'deadline each aduan is working towards (verification when received, the follow-up plan when verified or in progress without a plan, the ' +
	'automatic close when resolved), as the staff board\u2019s due filter does. clicks: clicks on every share link per day, days without clicks as 0.';

/** The agency dashboard. */
export function dashboardRoutes(app: Api) {
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/dashboard', tags: ['dashboard'],
			summary: 'The agency dashboard: KIM network, active campaigns, reporting activity, open aduan and share-link clicks',
			description: DEFINITIONS,
			responses: { 200: { description: 'Dashboard figures', content: { 'application/json': { schema: DashboardOut } } }, ...problemResponses(401, 403) }
		}),
		async (c) => c.json(presentDashboard(await getDashboard(c.get('ctx'))), 200)
	);
}
