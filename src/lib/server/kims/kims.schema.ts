import { z } from '@hono/zod-openapi';
import { email, isoDate, regionCode, todayWib } from '../validation';
import { dateProblems, type DateProblem } from './kims.rules';
import { KIM_FOCUS, KIM_POSITIONS, KIM_STATUSES, type KimFocus } from '../../shared/roles';
import { m } from '../../paraglide/messages.js';

/**
 * An optional field with PATCH semantics: absent → `undefined` (leave as is), empty string or
 * null → `null` (clear), otherwise the parsed value.
 */
const clearable = <T extends z.ZodType>(schema: T) =>
	z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable().optional());

const optText = (max: number) => clearable(z.string().trim().max(max, { error: () => m.kim_err_too_long({ max }) }));
const optDate = () => clearable(isoDate());

const SOCIAL_SITES = {
	website: { hosts: [] as string[], label: 'situs web', example: 'https://kimcerdas.id' },
	instagram: { hosts: ['instagram.com'], label: 'Instagram', example: 'https://www.instagram.com/kimcerdas' },
	facebook: { hosts: ['facebook.com', 'fb.com', 'fb.me'], label: 'Facebook', example: 'https://www.facebook.com/kimcerdas' },
	youtube: { hosts: ['youtube.com', 'youtu.be'], label: 'YouTube', example: 'https://www.youtube.com/@kimcerdas' },
	tiktok: { hosts: ['tiktok.com'], label: 'TikTok', example: 'https://www.tiktok.com/@kimcerdas' }
} as const;
export type SocialSite = keyof typeof SOCIAL_SITES;
export const SOCIAL_KEYS = Object.keys(SOCIAL_SITES) as SocialSite[];

/** An http(s) URL; for a social network, one on that network's domain. */
function isSiteUrl(value: string, hosts: readonly string[]) {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return false;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
	const host = url.hostname.toLowerCase();
	return hosts.length === 0 ? host.includes('.') : hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

const socialUrl = (site: SocialSite) => {
	const { hosts, label, example } = SOCIAL_SITES[site];
	const message = () => m.kim_err_url({ site: label, example });
	return clearable(z.string({ error: message }).trim().max(300, { error: message }).refine((v) => isSiteUrl(v, hosts), { error: message }));
};

const focus = () =>
	z
		.array(z.string(), { error: () => m.kim_err_focus() })
		.min(1, { error: () => m.kim_err_focus() })
		.refine((list) => list.every((f) => (KIM_FOCUS as readonly string[]).includes(f)), { error: () => m.kim_err_focus() })
		.transform((list) => [...new Set(list)] as KimFocus[])
		.openapi({ type: 'array', items: { type: 'string', enum: [...KIM_FOCUS] }, example: ['literasi'] });

const optRegion = () => clearable(regionCode());

const kimFields = {
	name: z.string({ error: () => m.kim_err_name() }).trim().min(1, { error: () => m.kim_err_name() }).max(120, { error: () => m.kim_err_too_long({ max: 120 }) }).openapi({ example: 'KIM Tidar Selatan Cerdas' }),
	kelurahan_code: optRegion().openapi({ type: 'string', example: '33.71.01.1011', description: 'Kelurahan/desa code; omit and give kecamatan_code for a kecamatan-level KIM' }),
	kecamatan_code: optRegion().openapi({ type: 'string', example: '33.71.01', description: 'Only for a kecamatan-level KIM (derived from kelurahan_code otherwise)' }),
	founded_on: optDate().openapi({ type: 'string', format: 'date' }),
	sk_number: z.string({ error: () => m.kim_err_sk_number() }).trim().min(1, { error: () => m.kim_err_sk_number() }).max(100).openapi({ example: '100/KEP/2024' }),
	sk_date: isoDate(),
	term_starts_on: optDate().openapi({ type: 'string', format: 'date' }),
	term_ends_on: optDate().openapi({ type: 'string', format: 'date' }),
	focus: focus(),
	description: optText(2000).openapi({ type: 'string' }),
	contact_phone: clearable(
		z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, { error: () => m.kim_err_phone() })
	).openapi({ type: 'string', example: '081234567890' }),
	contact_email: clearable(email()).openapi({ type: 'string', format: 'email' }),
	address: optText(300).openapi({ type: 'string' }),
	website: socialUrl('website').openapi({ type: 'string', format: 'uri' }),
	instagram: socialUrl('instagram').openapi({ type: 'string', format: 'uri' }),
	facebook: socialUrl('facebook').openapi({ type: 'string', format: 'uri' }),
	youtube: socialUrl('youtube').openapi({ type: 'string', format: 'uri' }),
	tiktok: socialUrl('tiktok').openapi({ type: 'string', format: 'uri' })
};

export const DATE_MESSAGE: Record<DateProblem['field'], () => string> = {
	founded_on: () => m.kim_err_founded_future(),
	sk_date: () => m.kim_err_sk_future(),
	term_ends_on: () => m.kim_err_term_order()
};

/**
 * Early date checks so a form shows them together with the other field errors. The actions
 * check again with the request's clock and the stored dates (kims.guard assertDates).
 */
const checkDates = (v: { founded_on?: string | null; sk_date?: string | null; term_starts_on?: string | null; term_ends_on?: string | null }, ctx: z.RefinementCtx) => {
	const dates = { foundedOn: v.founded_on ?? null, skDate: v.sk_date ?? null, termStartsOn: v.term_starts_on ?? null, termEndsOn: v.term_ends_on ?? null };
	for (const p of dateProblems(dates, todayWib())) ctx.addIssue({ code: 'custom', path: [p.field], message: DATE_MESSAGE[p.field]() });
};

export const CreateKimSchema = z
	.object({
		...kimFields,
		ketua_email: clearable(email()).openapi({ type: 'string', format: 'email', description: 'Staff only: the ketua to invite or link (ignored for residents, who become the ketua)' }),
		ketua_name: optText(120).openapi({ type: 'string', description: 'Staff only: the ketua’s name, required with ketua_email (names a new account; an existing one keeps its own)' })
	})
	.superRefine((v, ctx) => {
		if (v.ketua_email && !v.ketua_name) ctx.addIssue({ code: 'custom', path: ['ketua_name'], message: m.kim_err_member_name() });
		if (!v.kelurahan_code && !v.kecamatan_code) {
			ctx.addIssue({ code: 'custom', path: ['kelurahan_code'], message: m.err_kelurahan_unknown() });
		}
		checkDates(v, ctx);
	})
	.openapi('CreateKimInput');
export type CreateKim = z.infer<typeof CreateKimSchema>;

export const UpdateKimSchema = z.object(kimFields).partial().superRefine(checkDates).openapi('UpdateKimInput');
export type UpdateKim = z.infer<typeof UpdateKimSchema>;

const KECAMATAN_CODE = /^\d{2}\.\d{2}\.\d{2}$/;
/**
 * Web forms have one "wilayah" select named kelurahan_code whose options also hold kecamatan
 * codes (kecamatan-level KIMs); this moves such a value to kecamatan_code.
 */
const splitRegion = (v: unknown) => {
	if (!v || typeof v !== 'object') return v;
	const o = v as Record<string, unknown>;
	if (typeof o.kelurahan_code === 'string' && KECAMATAN_CODE.test(o.kelurahan_code.trim())) {
		return { ...o, kecamatan_code: o.kelurahan_code, kelurahan_code: null };
	}
	return 'kelurahan_code' in o ? { ...o, kecamatan_code: null } : o;
};
export const CreateKimFormSchema = z.preprocess(splitRegion, CreateKimSchema);
export const UpdateKimFormSchema = z.preprocess(splitRegion, UpdateKimSchema);

export const ReturnKimSchema = z
	.object({ reason: z.string({ error: () => m.kim_err_reason() }).trim().min(1, { error: () => m.kim_err_reason() }).max(1000) })
	.openapi('ReturnKimInput');
export type ReturnKim = z.infer<typeof ReturnKimSchema>;

const position = () =>
	z.enum(KIM_POSITIONS, { error: () => m.kim_err_position() }).openapi({ example: 'anggota' });

export const AddMemberSchema = z
	.object({
		email: email(),
		name: z
			.string({ error: () => m.kim_err_member_name() })
			.trim()
			.min(1, { error: () => m.kim_err_member_name() })
			.max(120, { error: () => m.kim_err_too_long({ max: 120 }) })
			.openapi({ description: 'Always required. Names a new account; an existing account is linked and keeps its own name', example: 'Siti Rahayu' }),
		position: position()
	})
	.openapi('AddKimMemberInput');
export type AddMember = z.infer<typeof AddMemberSchema>;

export const ChangePositionSchema = z.object({ position: position() }).openapi('ChangeKimPositionInput');
export type ChangePosition = z.infer<typeof ChangePositionSchema>;

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
export const ListKimsQuerySchema = z.object({
	kelurahan: z.preprocess(emptyToUndefined, regionCode().optional()).openapi({ type: 'string', example: '33.71.01.1011' }),
	kecamatan: z.preprocess(emptyToUndefined, regionCode().optional()).openapi({ type: 'string', example: '33.71.01' }),
	status: z.preprocess(emptyToUndefined, z.enum(KIM_STATUSES).optional()).openapi({ type: 'string', enum: [...KIM_STATUSES] })
});
export type ListKimsQuery = z.infer<typeof ListKimsQuerySchema>;

export const KimIdParam = z.object({
	id: z.string().min(1).max(120).openapi({ param: { name: 'id', in: 'path' }, description: 'KIM id (uuid) or slug', example: '0b9f6c1e-0000-4000-8000-000000000000' })
});

/** One uploaded file in the multipart field `file` (content checks happen in files.inspect). */
export const UploadSchema = z
	.object({
		file: z
			.instanceof(File, { error: () => m.kim_file_empty() })
			.openapi({ type: 'string', format: 'binary', description: 'PDF/JPEG/PNG/WebP ≤ 5 MB (decree) or JPEG/PNG/WebP ≤ 2 MB (logo)' })
	})
	.openapi('KimUploadInput');

/* Web form inputs that name a record in a hidden field (the API has these in the path). */
const hiddenId = () => z.uuid({ error: () => m.err_invalid() });
export const MemberPositionFormSchema = z.object({ user_id: hiddenId(), position: position() });
export const MemberRefFormSchema = z.object({ user_id: hiddenId() });
export const KimRefFormSchema = z.object({ id: hiddenId() });
export const ReturnKimFormSchema = ReturnKimSchema.extend({ id: hiddenId() });
export const DeactivateKimFormSchema = z.object({
	id: hiddenId(),
	reason: z.string().trim().max(1000).optional().transform((v) => v || null)
});
