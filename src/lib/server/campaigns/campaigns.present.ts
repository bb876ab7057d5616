import { z } from '@hono/zod-openapi';
import { publicPath } from '../posts/posts.rules';
import { POST_STATUSES } from '../posts/posts.rules';
import {
	ASSIGNMENT_EVENTS, ASSIGNMENT_STATUSES, assignmentDueOn, CAMPAIGN_STATUSES, EFFECTIVE_STATUSES, effectiveStatus, PRIORITIES, TARGET_KINDS,
	type AssignmentEvent
} from './campaigns.rules';
import type { Assignment, Campaign, CampaignPostRow, HandedRow } from './campaigns.queries';

export const fileUrl = (id: string) => `/berkas/${id}`;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

const MaterialOut = z.object({ id: z.uuid(), url: z.string(), mime: z.string(), size: z.number().int(), name: z.string().nullable() }).nullable();
type FileFacts = { id: string; mime: string; size: number; originalName: string | null };
const material = (id: string | null, files: Map<string, FileFacts>) => {
	const f = id ? files.get(id) : undefined;
	return f ? { id: f.id, url: fileUrl(f.id), mime: f.mime, size: f.size, name: f.originalName } : null;
};

export const CampaignOut = z
	.object({
		id: z.uuid(),
		title: z.string(),
		objective: z.string(),
		key_messages: z.array(z.string()),
		whatsapp_template: z.string(),
		priority: z.enum(PRIORITIES),
		status: z.enum(CAMPAIGN_STATUSES),
		starts_on: z.string(),
		ends_on: z.string(),
		due_on: z.string().nullable(),
		assignments_due_on: z.string().openapi({ description: 'due_on, else ends_on' }),
		target: z.object({ kind: z.enum(TARGET_KINDS), codes: z.array(z.string()), kim_ids: z.array(z.string()) }),
		target_reach: z.number().int(),
		posts: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.enum(POST_STATUSES), url: z.string(), is_main: z.boolean() })),
		main_post_url: z.string().nullable().openapi({ description: 'Absolute URL of the main post (the share links point to it)' }),
		materials: z.object({ poster: MaterialOut, leaflet: MaterialOut }),
		launched_at: z.string().nullable(),
		finished_at: z.string().nullable(),
		created_at: z.string(),
		updated_at: z.string()
	})
	.openapi('Campaign');

export function presentCampaign(c: Campaign, extra: { posts: CampaignPostRow[]; files: Map<string, FileFacts>; publicUrl: string }) {
	const posts = extra.posts.map((p, i) => ({ id: p.id, title: p.title, status: p.status, url: `${extra.publicUrl}${publicPath(p.slug)}`, is_main: i === 0 }));
	return {
		id: c.id,
		title: c.title,
		objective: c.objective,
		key_messages: c.keyMessages,
		whatsapp_template: c.whatsappTemplate,
		priority: c.priority,
		status: c.status,
		starts_on: c.startsOn,
		ends_on: c.endsOn,
		due_on: c.dueOn,
		assignments_due_on: assignmentDueOn(c),
		target: { kind: c.targetKind, codes: c.targetCodes, kim_ids: c.targetKimIds },
		target_reach: c.targetReach,
		posts,
		main_post_url: posts[0]?.url ?? null,
		materials: { poster: material(c.posterFileId, extra.files), leaflet: material(c.leafletFileId, extra.files) },
		launched_at: iso(c.launchedAt),
		finished_at: iso(c.finishedAt),
		created_at: c.createdAt.toISOString(),
		updated_at: c.updatedAt.toISOString()
	};
}
export type CampaignView = ReturnType<typeof presentCampaign>;

export const CampaignSummaryOut = z
	.object({
		id: z.uuid(),
		title: z.string(),
		status: z.enum(CAMPAIGN_STATUSES),
		priority: z.enum(PRIORITIES),
		starts_on: z.string(),
		ends_on: z.string(),
		target: z.object({ kind: z.enum(TARGET_KINDS), count: z.number().int().openapi({ description: 'Kelurahan or KIMs chosen (0 for all)' }) }),
		target_reach: z.number().int(),
		assignments: z.object({ total: z.number().int(), done: z.number().int() })
	})
	.openapi('CampaignSummary');

export function presentCampaignSummary(row: { campaign: Campaign; total: number; done: number }) {
	const c = row.campaign;
	return {
		id: c.id,
		title: c.title,
		status: c.status,
		priority: c.priority,
		starts_on: c.startsOn,
		ends_on: c.endsOn,
		target: { kind: c.targetKind, count: c.targetKind === 'kelurahan' ? c.targetCodes.length : c.targetKind === 'kims' ? c.targetKimIds.length : 0 },
		target_reach: c.targetReach,
		assignments: { total: row.total, done: row.done }
	};
}

export const AssignmentOut = z
	.object({
		id: z.uuid(),
		campaign_id: z.uuid(),
		kim_id: z.uuid(),
		kim_name: z.string(),
		status: z.enum(ASSIGNMENT_STATUSES),
		effective_status: z.enum(EFFECTIVE_STATUSES).openapi({ description: "'overdue' when past due_on (WIB) and not done or declined" }),
		due_on: z.string(),
		decline_reason: z.string().nullable(),
		responded_at: z.string().nullable(),
		done_at: z.string().nullable(),
		members: z.array(z.object({ user_id: z.uuid(), name: z.string(), note: z.string().nullable() })).openapi({ description: 'Members the pengurus handed the task to' }),
		can: z.object({ events: z.array(z.enum(ASSIGNMENT_EVENTS)), hand: z.boolean() }).openapi({ description: 'What the caller may do now' })
	})
	.openapi('Assignment');

export function presentAssignment(
	a: Assignment,
	extra: { kimName: string; today: string; members: HandedRow[]; events: AssignmentEvent[]; hand: boolean }
) {
	return {
		id: a.id,
		campaign_id: a.campaignId,
		kim_id: a.kimId,
		kim_name: extra.kimName,
		status: a.status,
		effective_status: effectiveStatus(a, extra.today),
		due_on: a.dueOn,
		decline_reason: a.declineReason,
		responded_at: iso(a.respondedAt),
		done_at: iso(a.doneAt),
		members: extra.members.filter((x) => x.assignmentId === a.id).map((x) => ({ user_id: x.userId, name: x.name, note: x.note })),
		can: { events: extra.events, hand: extra.hand }
	};
}
export type AssignmentView = ReturnType<typeof presentAssignment>;
