import { z } from '@hono/zod-openapi';
import type { Dashboard } from './dashboard.actions';

const int = () => z.number().int();
const percent = () => z.number().int().nullable();
const day = () => z.string().openapi({ format: 'date' });
const Window = z.object({ from: day(), to: day(), reports: int(), audience: int() });

export const DashboardOut = z
	.object({
		today: day(),
		kims: z.object({
			verified: int(),
			waiting: int().openapi({ description: 'KIMs registered and waiting for verification' }),
			active_members: int().openapi({ description: 'distinct active accounts that are members of a verified KIM' }),
			kelurahan_covered: int().openapi({ description: 'kelurahan/desa of the city with at least one verified KIM based in it' }),
			kelurahan_total: int(),
			coverage_percent: percent()
		}),
		campaigns: z.object({
			active: int(),
			ending_within_7_days: int().openapi({ description: 'active campaigns whose end date is from today through ending_until' }),
			ending_until: day(),
			list: z.array(
				z.object({
					id: z.uuid(), title: z.string(), starts_on: day(), ends_on: day(), target_reach: int(),
					reports: int(), reported_audience: int(), percent_of_target: percent(), clicks: int(), unique_visitors: int(),
					assignments_overdue: int(), assignments_total: int()
				})
			)
		}),
		activity: z.object({
			last_30_days: Window,
			previous_30_days: Window,
			reports_change_percent: percent(),
			audience_change_percent: percent()
		}),
		aduan: z.object({
			received: int(), verified: int(), in_progress: int(),
			due_today: int(), overdue: int(),
			resolved_since: day(),
			resolved: int().openapi({ description: 'aduan resolved since resolved_since (WIB) until now' }),
			median_resolution_hours: z.number().nullable().openapi({ description: 'median hours from filing to resolution of those; null without any' })
		}),
		clicks: z.object({ from: day(), to: day(), total: int(), by_day: z.array(z.object({ day: day(), clicks: int() })) })
	})
	.openapi('Dashboard');

/** The dashboard as the API answers it. */
export function presentDashboard(d: Dashboard): z.infer<typeof DashboardOut> {
	const window = (w: Dashboard['activity']['current']) => ({ from: w.from, to: w.to, reports: w.reports, audience: w.audience });
	return {
		today: d.today,
		kims: {
			verified: d.kims.verified, waiting: d.kims.waiting, active_members: d.kims.members,
			kelurahan_covered: d.kims.covered, kelurahan_total: d.kims.villages, coverage_percent: d.kims.coveragePercent
		},
		campaigns: {
			active: d.campaigns.active,
			ending_within_7_days: d.campaigns.endingSoon,
			ending_until: d.campaigns.endingUntil,
			list: d.campaigns.list.map((c) => ({
				id: c.id, title: c.title, starts_on: c.startsOn, ends_on: c.endsOn, target_reach: c.targetReach,
				reports: c.reports, reported_audience: c.reportedAudience, percent_of_target: c.percentOfTarget, clicks: c.clicks, unique_visitors: c.uniqueVisitors,
				assignments_overdue: c.assignments.overdue,
				assignments_total: Object.values(c.assignments).reduce((s, n) => s + n, 0)
			}))
		},
		activity: {
			last_30_days: window(d.activity.current),
			previous_30_days: window(d.activity.previous),
			reports_change_percent: d.activity.reportsChange,
			audience_change_percent: d.activity.audienceChange
		},
		aduan: {
			received: d.aduan.received, verified: d.aduan.verified, in_progress: d.aduan.inProgress,
			due_today: d.aduan.dueToday, overdue: d.aduan.overdue,
			resolved_since: d.aduan.since, resolved: d.aduan.resolved,
			median_resolution_hours: d.aduan.medianResolutionHours === null ? null : Math.round(d.aduan.medianResolutionHours * 10) / 10
		},
		clicks: { from: d.clicks.from, to: d.clicks.to, total: d.clicks.total, by_day: d.clicks.byDay }
	};
}
