import { z } from '@hono/zod-openapi';
import { m } from '../../paraglide/messages.js';
import { ACTIVITY_TYPES, type ActivityType } from './reports.rules';
import type { ReportRow } from './reports.queries';

/** Indonesian (or English) label and hint per activity type. */
export const ACTIVITY_TYPE_TEXT: Record<ActivityType, { label: () => string; hint: () => string }> = {
	meeting: { label: () => m.report_type_meeting(), hint: () => m.report_type_meeting_hint() },
	door_to_door: { label: () => m.report_type_door_to_door(), hint: () => m.report_type_door_to_door_hint() },
	social_media: { label: () => m.report_type_social_media(), hint: () => m.report_type_social_media_hint() },
	whatsapp_group: { label: () => m.report_type_whatsapp_group(), hint: () => m.report_type_whatsapp_group_hint() },
	banner: { label: () => m.report_type_banner(), hint: () => m.report_type_banner_hint() },
	community_radio: { label: () => m.report_type_community_radio(), hint: () => m.report_type_community_radio_hint() },
	bulletin: { label: () => m.report_type_bulletin(), hint: () => m.report_type_bulletin_hint() },
	other: { label: () => m.report_type_other(), hint: () => m.report_type_other_hint() }
};
export const activityTypeLabel = (t: string) => ACTIVITY_TYPE_TEXT[t as ActivityType]?.label() ?? t;

/** Where a report's photo is served (scoped to those who may read the report). */
export const reportPhotoUrl = (fileId: string) => `/laporan/foto/${fileId}`;

export const ReportOut = z
	.object({
		id: z.uuid(),
		kim: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
		campaign: z.object({ id: z.uuid(), title: z.string() }).nullable(),
		type: z.enum(ACTIVITY_TYPES),
		type_label: z.string(),
		held_on: z.string(),
		kelurahan: z.object({ code: z.string(), name: z.string() }),
		rw: z.string().nullable(),
		rt: z.string().nullable(),
		audience_count: z.number().int(),
		women_count: z.number().int().nullable(),
		youth_count: z.number().int().nullable(),
		notes: z.string().nullable(),
		questions: z.string().nullable(),
		feedback: z.string().nullable(),
		reporter: z.object({ id: z.uuid(), name: z.string() }).nullable(),
		photos: z.array(z.object({ id: z.uuid(), url: z.string() })),
		created_at: z.string()
	})
	.openapi('ActivityReport');
export type ReportView = z.infer<typeof ReportOut>;

/** A report row (with its names) and its photo ids → the API/page shape. */
export function presentReport(row: ReportRow, photoIds: string[] = []): ReportView {
	const r = row.report;
	return {
		id: r.id,
		kim: { id: r.kimId, name: row.kimName, slug: row.kimSlug },
		campaign: r.campaignId && row.campaignTitle ? { id: r.campaignId, title: row.campaignTitle } : null,
		type: r.type,
		type_label: activityTypeLabel(r.type),
		held_on: r.heldOn,
		kelurahan: { code: r.kelurahanCode, name: row.kelurahanName ?? r.kelurahanCode },
		rw: r.rw,
		rt: r.rt,
		audience_count: r.audienceCount,
		women_count: r.womenCount,
		youth_count: r.youthCount,
		notes: r.notes,
		questions: r.questions,
		feedback: r.feedback,
		reporter: r.reporterId && row.reporterName ? { id: r.reporterId, name: row.reporterName } : null,
		photos: photoIds.map((id) => ({ id, url: reportPhotoUrl(id) })),
		created_at: r.createdAt.toISOString()
	};
}
