import { z } from '@hono/zod-openapi';
import { m } from '../../paraglide/messages.js';
import { aduanStatusLabel } from '../../aduan-labels';
import type { Actor } from '../auth/actor';
import { ADUAN_STATUSES, dueOf, type AduanStatus } from './aduan.rules';
import { ADUAN_PRIVACIES, ADUAN_TYPES } from './aduan.schema';
import { canSeeLocation, canSeeReporter, canViewContent, showsBehalfNamePublicly, showsReporterPublicly } from './aduan.policy';
import type { Aduan } from './aduan.queries';

export const TYPE_TEXT: Record<string, { label: () => string; hint: () => string }> = {
	complaint: { label: () => m.aduan_type_complaint(), hint: () => m.aduan_type_complaint_hint() },
	aspiration: { label: () => m.aduan_type_aspiration(), hint: () => m.aduan_type_aspiration_hint() },
	information_request: { label: () => m.aduan_type_information_request(), hint: () => m.aduan_type_information_request_hint() }
};
export const PRIVACY_TEXT: Record<string, { label: () => string; hint: () => string }> = {
	public: { label: () => m.aduan_privacy_public(), hint: () => m.aduan_privacy_public_hint() },
	anonymous: { label: () => m.aduan_privacy_anonymous(), hint: () => m.aduan_privacy_anonymous_hint() },
	confidential: { label: () => m.aduan_privacy_confidential(), hint: () => m.aduan_privacy_confidential_hint() }
};
export const typeLabel = (t: string) => TYPE_TEXT[t]?.label() ?? t;

/** Where an aduan photo is served (after the aduan's policy). */
export const aduanPhotoUrl = (fileId: string) => `/aduan/foto/${fileId}`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const AduanPublicOut = z
	.object({
		id: z.uuid(),
		tracking_id: z.string(),
		type: z.enum(ADUAN_TYPES),
		type_label: z.string(),
		status: z.enum(ADUAN_STATUSES),
		status_label: z.string(),
		privacy: z.enum(ADUAN_PRIVACIES),
		title: z.string(),
		description: z.string().nullable().openapi({ description: 'Null when the caller may not see the content' }),
		category: z.object({ code: z.string(), name: z.string() }),
		unit: z.object({ code: z.string(), name: z.string() }),
		kelurahan: z.object({ code: z.string(), name: z.string() }),
		location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
		photos: z.array(z.object({ id: z.uuid(), url: z.string() })),
		assisted: z.boolean(),
		created_at: z.string(),
		due: z.object({
			verify_by: z.string(),
			plan_by: z.string().nullable(),
			auto_close_at: z.string().nullable(),
			current: z.object({ stage: z.enum(['verify', 'plan', 'close']), due_at: z.string(), overdue: z.boolean() }).nullable()
		}),
		history: z.array(z.object({ status: z.enum(ADUAN_STATUSES), status_label: z.string(), at: z.string(), note: z.string().nullable() })),
		reject_reason: z.string().nullable(),
		rating: z.number().int().nullable(),
		reporter: z
			.object({ name: z.string().nullable(), email: z.string().nullable().optional(), phone: z.string().nullable().optional() })
			.nullable()
			.openapi({ description: 'Public aduan: the name only. Email and phone only for the filer and the handling staff. Null for anonymous and confidential aduan, except for those' }),
		on_behalf_of: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }).nullable()
	})
	.openapi('AduanPublic');
export type AduanPublicView = z.infer<typeof AduanPublicOut>;

export type AduanDetail = {
	aduan: Aduan;
	labels: { categoryName: string; unitName: string; kelurahanName: string };
	history: { toStatus: AduanStatus | null; createdAt: Date; body: string | null }[];
	photoIds: string[];
	reporter?: { name: string; email: string; phone: string | null };
};

/**
 * The public view of an aduan as `actor` may see it: the reporter's name only for public aduan,
 * contact details only for the filer and the handling staff; confidential content only for them.
 */
export function presentAduan(actor: Actor, d: AduanDetail, now = new Date()): AduanPublicView {
	const a = d.aduan;
	const privileged = canSeeReporter(actor, a);
	const content = canViewContent(actor, a);
	const due = dueOf(a, now);
	const behalfName = showsBehalfNamePublicly(a) ? (a.onBehalfName ?? null) : null;
	let reporter: AduanPublicView['reporter'] = null;
	if (privileged) {
		reporter = d.reporter ? { name: d.reporter.name, email: d.reporter.email, phone: d.reporter.phone } : null;
	} else if (showsReporterPublicly(a)) {
		reporter = { name: d.reporter?.name ?? behalfName };
	}
	return {
		id: a.id,
		tracking_id: a.trackingId,
		type: a.type,
		type_label: typeLabel(a.type),
		status: a.status,
		status_label: aduanStatusLabel(a.status),
		privacy: a.privacy,
		title: a.title,
		description: content ? a.description : null,
		category: { code: a.categoryCode, name: d.labels.categoryName },
		unit: { code: a.unitCode, name: d.labels.unitName },
		kelurahan: { code: a.kelurahanCode, name: d.labels.kelurahanName },
		location: content && canSeeLocation(actor, a) && a.lat !== null && a.lng !== null ? { lat: a.lat, lng: a.lng } : null,
		photos: content ? d.photoIds.map((id) => ({ id, url: aduanPhotoUrl(id) })) : [],
		assisted: a.source === 'assisted',
		created_at: a.createdAt.toISOString(),
		due: {
			verify_by: a.verifyBy.toISOString(),
			plan_by: iso(a.planBy),
			auto_close_at: iso(a.autoCloseAt),
			current: due ? { stage: due.stage, due_at: due.dueAt.toISOString(), overdue: due.overdue } : null
		},
		history: d.history
			.filter((h) => h.toStatus)
			.map((h) => ({ status: h.toStatus!, status_label: aduanStatusLabel(h.toStatus!), at: h.createdAt.toISOString(), note: h.toStatus === 'rejected' ? h.body : null })),
		reject_reason: a.rejectReason,
		rating: a.rating,
		reporter,
		on_behalf_of: privileged && (a.onBehalfName || a.onBehalfPhone || a.onBehalfEmail)
			? { name: a.onBehalfName, phone: a.onBehalfPhone, email: a.onBehalfEmail }
			: null
	};
}

export const AduanCreatedOut = z
	.object({
		id: z.uuid(),
		tracking_id: z.string(),
		status: z.literal('received'),
		due: z.object({ verify_by: z.string() }),
		claim_code: z.string().optional().openapi({ description: 'Assisted filing only, shown once: give it to the resident so they can claim the aduan' })
	})
	.openapi('AduanCreated');

export const AduanMineOut = z
	.object({
		tracking_id: z.string(),
		title: z.string(),
		type: z.enum(ADUAN_TYPES),
		status: z.enum(ADUAN_STATUSES),
		status_label: z.string(),
		privacy: z.enum(ADUAN_PRIVACIES),
		category: z.string(),
		kelurahan: z.string(),
		created_at: z.string(),
		filed_for_other: z.boolean().openapi({ description: 'Filed by you (a KIM member) for another resident' }),
		on_behalf_name: z.string().nullable()
	})
	.openapi('AduanMine');
export type AduanMineView = z.infer<typeof AduanMineOut>;

export function presentMine(userId: string, r: { aduan: Aduan; categoryName: string; kelurahanName: string | null }): AduanMineView {
	const a = r.aduan;
	const forOther = a.assistedBy === userId && a.reporterId !== userId;
	return {
		tracking_id: a.trackingId,
		title: a.title,
		type: a.type,
		status: a.status,
		status_label: aduanStatusLabel(a.status),
		privacy: a.privacy,
		category: r.categoryName,
		kelurahan: r.kelurahanName ?? a.kelurahanCode,
		created_at: a.createdAt.toISOString(),
		filed_for_other: forOther,
		on_behalf_name: forOther ? a.onBehalfName : null
	};
}
