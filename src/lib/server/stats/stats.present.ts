import { z } from '@hono/zod-openapi';
import { m } from '../../paraglide/messages.js';
import { slugify } from '../../shared/slug';
import { ASSIGNMENT_BUCKETS } from './stats.rules';
import type { CampaignStats } from './stats.actions';
import { toCsv } from './stats.csv';

const int = () => z.number().int();
const ConversionsOut = z.object({ register: int(), subscribe: int(), complaint: int() }).openapi('Conversions');

export const CampaignStatsOut = z
	.object({
		campaign_id: z.uuid(),
		title: z.string(),
		status: z.enum(['draft', 'active', 'finished']),
		scope: z.object({
			whole: z.boolean().openapi({ description: 'false: the figures are only those of `kims` (a pengurus sees their own KIM’s part)' }),
			kims: z.array(z.object({ id: z.uuid(), name: z.string() }))
		}),
		kelurahan_targeted: int().openapi({ description: 'Targeted kelurahan (in scope)' }),
		kelurahan_reached: int().openapi({ description: 'Targeted kelurahan with at least one report with audience > 0' }),
		kims_targeted: int().openapi({ description: 'KIMs with an assignment; for a draft, the verified KIMs its target would reach' }),
		assignments: z.object({ new: int(), accepted: int(), declined: int(), done: int(), overdue: int() }),
		reach: z.object({
			reported_audience: int(),
			target_reach: int(),
			percent_of_target: int().nullable().openapi({ description: 'Reported audience as whole percent of target_reach, rounded down' }),
			reports: int(),
			clicks: int(),
			unique_visitors: int(),
			clicks_without_kelurahan: int().openapi({ description: 'Clicks on links of kecamatan-level KIMs (not in by_kelurahan)' }),
			conversions: ConversionsOut
		}),
		by_kim: z.array(
			z.object({
				kim_id: z.uuid(), name: z.string(), area_name: z.string().nullable(),
				assignment: z.enum(ASSIGNMENT_BUCKETS).nullable(),
				reports: int(), reported_audience: int(), clicks: int(), unique_visitors: int(), conversions: ConversionsOut
			})
		),
		by_kim_total: int().openapi({ description: 'KIMs in the breakdown; by_kim holds the first `limit` of them' }),
		by_kelurahan: z.array(
			z.object({
				code: z.string(), name: z.string(), kecamatan_name: z.string().nullable(), population: int().nullable(),
				targeted: z.boolean(), reached: z.boolean(), reports: int(), reported_audience: int(), clicks: int(), unique_visitors: int()
			})
		),
		by_kelurahan_total: int().openapi({ description: 'Kelurahan in the breakdown; by_kelurahan holds `limit` of them' }),
		daily: z.array(z.object({ day: z.string(), clicks: int(), unique_visitors: int(), reported_audience: int() })),
		feedback: z.array(
			z.object({
				report_id: z.uuid(), held_on: z.string(), type: z.string(), kim_id: z.uuid(), kim_name: z.string(),
				kelurahan_code: z.string(), kelurahan_name: z.string(), feedback: z.string().nullable(), questions: z.string().nullable()
			})
		)
	})
	.openapi('CampaignStats');
export type CampaignStatsJson = z.infer<typeof CampaignStatsOut>;

/** The API shape of a campaign's reach. */
export function presentStats(s: CampaignStats): CampaignStatsJson {
	return {
		campaign_id: s.campaign.id,
		title: s.campaign.title,
		status: s.campaign.status,
		scope: s.scope,
		kelurahan_targeted: s.kelurahanTargeted,
		kelurahan_reached: s.kelurahanReached,
		kims_targeted: s.kimsTargeted,
		assignments: s.assignments,
		reach: {
			reported_audience: s.reach.reportedAudience,
			target_reach: s.reach.targetReach,
			percent_of_target: s.reach.percentOfTarget,
			reports: s.reach.reports,
			clicks: s.reach.clicks,
			unique_visitors: s.reach.uniqueVisitors,
			clicks_without_kelurahan: s.reach.clicksWithoutKelurahan,
			conversions: s.reach.conversions
		},
		by_kim: s.byKim.map((k) => ({
			kim_id: k.kimId, name: k.name, area_name: k.areaName, assignment: k.assignment,
			reports: k.reports, reported_audience: k.reportedAudience, clicks: k.clicks, unique_visitors: k.uniqueVisitors, conversions: k.conversions
		})),
		by_kim_total: s.byKimTotal,
		by_kelurahan: s.byKelurahan.map((k) => ({
			code: k.code, name: k.name, kecamatan_name: k.kecamatanName, population: k.population, targeted: k.targeted, reached: k.reached,
			reports: k.reports, reported_audience: k.reportedAudience, clicks: k.clicks, unique_visitors: k.uniqueVisitors
		})),
		by_kelurahan_total: s.byKelurahanTotal,
		daily: s.series.map((d) => ({ day: d.day, clicks: d.clicks, unique_visitors: d.uniqueVisitors, reported_audience: d.reportedAudience })),
		feedback: s.feedback.map((f) => ({
			report_id: f.id, held_on: f.heldOn, type: f.type, kim_id: f.kimId, kim_name: f.kimName,
			kelurahan_code: f.kelurahanCode, kelurahan_name: f.kelurahanName, feedback: f.feedback, questions: f.questions
		}))
	};
}

/** The CSV export: a total row, one row per KIM and one per kelurahan, with headers in the user's language. */
export function statsCsv(s: CampaignStats) {
	const header = [
		m.stats_csv_section(), m.stats_csv_code(), m.stats_csv_name(), m.stats_csv_area(), m.stats_csv_assignment(), m.stats_csv_reports(),
		m.stats_csv_audience(), m.stats_csv_clicks(), m.stats_csv_visitors(), m.stats_csv_register(), m.stats_csv_subscribe(), m.stats_csv_complaint()
	];
	const r = s.reach;
	const rows: (string | number | null)[][] = [
		header,
		[m.stats_csv_total(), s.campaign.id, s.campaign.title, null, null, r.reports, r.reportedAudience, r.clicks, r.uniqueVisitors, r.conversions.register, r.conversions.subscribe, r.conversions.complaint],
		...s.byKim.map((k) => [
			m.stats_csv_kim(), k.kimId, k.name, k.areaName, k.assignment ? bucketLabel(k.assignment) : null, k.reports, k.reportedAudience, k.clicks, k.uniqueVisitors,
			k.conversions.register, k.conversions.subscribe, k.conversions.complaint
		]),
		...s.byKelurahan.map((k) => [m.stats_csv_kelurahan(), k.code, k.name, k.kecamatanName, null, k.reports, k.reportedAudience, k.clicks, k.uniqueVisitors, null, null, null])
	];
	return { filename: `jangkauan-${slugify(s.campaign.title)}-${s.today}.csv`, body: toCsv(rows) };
}

/** Download headers for the CSV (the API's and the page's). */
export const csvHeaders = (filename: string) => ({
	'content-type': 'text/csv; charset=utf-8',
	'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
	'cache-control': 'private, no-store'
});

const BUCKET: Record<(typeof ASSIGNMENT_BUCKETS)[number], () => string> = {
	new: () => m.campaign_asg_new(),
	accepted: () => m.campaign_asg_accepted(),
	declined: () => m.campaign_asg_declined(),
	done: () => m.campaign_asg_done(),
	overdue: () => m.campaign_asg_overdue()
};
/** The word for an assignment state, as the page and the CSV show it. */
export const bucketLabel = (b: (typeof ASSIGNMENT_BUCKETS)[number]) => BUCKET[b]();
