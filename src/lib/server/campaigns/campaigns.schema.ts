import { z } from '@hono/zod-openapi';
import { isoDate, regionCode } from '../validation';
import { m } from '../../paraglide/messages.js';
import { MIN_DECLINE_REASON, PRIORITIES, TARGET_KINDS } from './campaigns.rules';

const NO_NUL = (s: string) => !s.includes('\0');
const tooLong = (max: number) => () => m.campaign_err_too_long({ max });
const required = (max: number, message: () => string) =>
	z.string({ error: message }).trim().min(1, { error: message }).max(max, { error: tooLong(max) }).refine(NO_NUL, { error: () => m.err_invalid() });
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const MAX_KEY_MESSAGES = 10;
export const MAX_POSTS = 10;
export const MAX_TARGET_ITEMS = 500;
export const MAX_TARGET_REACH = 10_000_000;

const keyMessages = () =>
	z
		.array(required(300, () => m.campaign_err_key_messages()), { error: () => m.campaign_err_key_messages() })
		.min(1, { error: () => m.campaign_err_key_messages() })
		.max(MAX_KEY_MESSAGES, { error: () => m.campaign_err_key_messages_max({ max: MAX_KEY_MESSAGES }) })
		.openapi({ type: 'array', items: { type: 'string' }, example: ['Vaksin gratis untuk balita', 'Bawa buku KIA'] });

const postIds = () =>
	z
		.array(z.uuid({ error: () => m.campaign_err_posts() }), { error: () => m.campaign_err_posts() })
		.min(1, { error: () => m.campaign_err_posts() })
		.max(MAX_POSTS, { error: () => m.campaign_err_posts_max({ max: MAX_POSTS }) })
		.refine((ids) => new Set(ids).size === ids.length, { error: () => m.campaign_err_posts_duplicate() })
		.openapi({ type: 'array', items: { type: 'string', format: 'uuid' }, description: 'Existing posts; the first is the main post the share links point to' });

const targetReach = () =>
	z.preprocess(
		(v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
		z
			.number({ error: () => m.campaign_err_target_reach() })
			.int({ error: () => m.campaign_err_target_reach() })
			.min(1, { error: () => m.campaign_err_target_reach() })
			.max(MAX_TARGET_REACH, { error: () => m.campaign_err_target_reach() })
	).openapi({ type: 'integer', minimum: 1, example: 5000, description: 'People the agency wants to reach' });

export const TargetSchema = z
	.object({
		kind: z.enum(TARGET_KINDS, { error: () => m.campaign_err_target_kind() }),
		codes: z.array(regionCode(), { error: () => m.campaign_err_target_codes() }).max(MAX_TARGET_ITEMS).optional(),
		kim_ids: z.array(z.uuid({ error: () => m.campaign_err_target_kims() }), { error: () => m.campaign_err_target_kims() }).max(MAX_TARGET_ITEMS).optional()
	})
	.superRefine((t, ctx) => {
		if (t.kind === 'kelurahan' && !t.codes?.length) ctx.addIssue({ code: 'custom', path: ['codes'], message: m.campaign_err_target_codes() });
		if (t.kind === 'kims' && !t.kim_ids?.length) ctx.addIssue({ code: 'custom', path: ['kim_ids'], message: m.campaign_err_target_kims() });
	})
	.openapi('CampaignTarget', {
		description: 'all: every verified KIM; kelurahan: verified KIMs of these kelurahan (codes of the home city); kims: these KIMs (ids)',
		example: { kind: 'kelurahan', codes: ['33.71.01.1011'] }
	});
export type TargetInput = z.infer<typeof TargetSchema>;

const fields = {
	title: required(200, () => m.campaign_err_title()).openapi({ example: 'Imunisasi balita November' }),
	objective: required(2000, () => m.campaign_err_objective()).openapi({ example: 'Semua orang tua balita tahu jadwal imunisasi di posyandu.' }),
	key_messages: keyMessages(),
	post_ids: postIds(),
	whatsapp_template: required(1000, () => m.campaign_err_template()).openapi({
		description: 'Bahasa Indonesia; {judul} is replaced by the main post title and {tautan} by the member’s personal link',
		example: 'Info penting: {judul}. Baca di {tautan}'
	}),
	priority: z.preprocess(blankToUndefined, z.enum(PRIORITIES, { error: () => m.campaign_err_priority() }).default('medium')).openapi({ type: 'string', enum: [...PRIORITIES], default: 'medium' }),
	starts_on: isoDate(),
	ends_on: isoDate(),
	due_on: z.preprocess(blankToNull, isoDate().nullable().optional()).openapi({ type: 'string', format: 'date', description: 'Assignments are due on this date (≤ ends_on); default ends_on' }),
	target: TargetSchema,
	target_reach: targetReach()
};

export const CreateCampaignSchema = z.object(fields).openapi('CreateCampaignInput');
export type CreateCampaign = z.infer<typeof CreateCampaignSchema>;

/** PATCH: absent fields stay (drafts only); due_on null clears it. Date order is checked on the merged campaign. */
export const UpdateCampaignSchema = z
	.object({
		title: fields.title.optional(),
		objective: fields.objective.optional(),
		key_messages: fields.key_messages.optional(),
		post_ids: fields.post_ids.optional(),
		whatsapp_template: fields.whatsapp_template.optional(),
		priority: z.enum(PRIORITIES, { error: () => m.campaign_err_priority() }).optional(),
		starts_on: isoDate().optional(),
		ends_on: isoDate().optional(),
		due_on: fields.due_on,
		target: TargetSchema.optional(),
		target_reach: z.preprocess(blankToUndefined, fields.target_reach.optional())
	})
	.openapi('UpdateCampaignInput');
export type UpdateCampaign = z.infer<typeof UpdateCampaignSchema>;

export const IdParam = z.object({
	id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' }, example: '0b9f6c1e-0000-4000-8000-000000000000' })
});

export const DeclineSchema = z
	.object({
		reason: z
			.string({ error: () => m.campaign_err_decline_reason({ min: MIN_DECLINE_REASON }) })
			.trim()
			.min(MIN_DECLINE_REASON, { error: () => m.campaign_err_decline_reason({ min: MIN_DECLINE_REASON }) })
			.max(1000, { error: tooLong(1000) })
			.refine(NO_NUL, { error: () => m.err_invalid() })
			.openapi({ example: 'Pengurus sedang mengurus acara 17-an, belum ada tenaga.' })
	})
	.openapi('DeclineAssignmentInput');
export type DeclineInput = z.infer<typeof DeclineSchema>;

export const HandSchema = z
	.object({
		user_ids: z
			.array(z.uuid({ error: () => m.campaign_err_hand_members() }), { error: () => m.campaign_err_hand_members() })
			.min(1, { error: () => m.campaign_err_hand_members() })
			.max(200)
			.openapi({ type: 'array', items: { type: 'string', format: 'uuid' } }),
		note: z.preprocess(blankToNull, z.string().trim().max(500, { error: tooLong(500) }).refine(NO_NUL, { error: () => m.err_invalid() }).nullable().optional()).openapi({ type: 'string', example: 'Tolong bagikan di grup RT 02.' })
	})
	.openapi('HandAssignmentInput');
export type HandInput = z.infer<typeof HandSchema>;

export const InboxQuerySchema = z.object({
	kim_id: z.preprocess(blankToUndefined, z.uuid({ error: () => m.err_invalid() }).optional()).openapi({ type: 'string', format: 'uuid', description: 'Only this KIM’s tasks' })
});

/** One uploaded file in the multipart field `file` (content checks happen in files.inspect). */
export const CampaignUploadSchema = z
	.object({ file: z.instanceof(File, { error: () => m.kim_file_empty() }).openapi({ type: 'string', format: 'binary', description: 'Poster: JPEG/PNG/WebP ≤ 5 MB; leaflet: PDF ≤ 10 MB' }) })
	.openapi('CampaignUploadInput');

/** The form of the planning page: flat fields → the API input (lists from lines and checkboxes). */
const lines = (v: unknown) => (typeof v === 'string' ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : v);
const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function campaignFromForm(v: unknown) {
	if (!v || typeof v !== 'object') return v;
	const f = v as Record<string, unknown>;
	const main = typeof f.main_post_id === 'string' && f.main_post_id ? [f.main_post_id] : [];
	const others = list(f.other_post_ids).filter((id) => !main.includes(id as string));
	const kind = f.target_kind;
	return {
		title: f.title,
		objective: f.objective,
		key_messages: lines(f.key_messages),
		post_ids: [...main, ...others],
		whatsapp_template: f.whatsapp_template,
		priority: f.priority,
		starts_on: f.starts_on,
		ends_on: f.ends_on,
		due_on: f.due_on,
		target: {
			kind,
			...(kind === 'kelurahan' ? { codes: list(f.target_codes) } : {}),
			...(kind === 'kims' ? { kim_ids: list(f.target_kim_ids) } : {})
		},
		target_reach: f.target_reach
	};
}

export const CampaignFormSchema = z.preprocess(campaignFromForm, CreateCampaignSchema);

/** API error paths → the planning form's field names. */
export function formFieldPath(path: string): string {
	const head = path.split('.')[0];
	if (path.startsWith('target.codes')) return 'target_codes';
	if (path.startsWith('target.kim_ids')) return 'target_kim_ids';
	if (path === 'target' || path.startsWith('target.')) return 'target_kind';
	if (head === 'post_ids') return 'main_post_id';
	return head;
}
