import { z } from '@hono/zod-openapi';
import { regionCode } from '../validation';
import { m } from '../../paraglide/messages.js';
import { CITY_BBOX, isInCity } from './aduan.rules';

/**
 * Inputs of aduan filing and claiming, shared by the API (JSON) and the /aduan/baru form
 * (strings: numbers may come as text, empty strings mean "not given"). Rules that need the
 * database (category, kelurahan, membership) run in the action.
 */
export const ADUAN_TYPES = ['complaint', 'aspiration', 'information_request'] as const;
export const ADUAN_PRIVACIES = ['public', 'anonymous', 'confidential'] as const;
export type AduanType = (typeof ADUAN_TYPES)[number];
export type AduanPrivacy = (typeof ADUAN_PRIVACIES)[number];

export const TITLE_MIN = 5;
export const TITLE_MAX = 150;
export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 5000;

const NO_NUL = (s: string) => !s.includes('\0');
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const toNumber = (v: unknown) => {
	const b = blankToUndefined(v);
	if (typeof b === 'string') {
		const n = Number(b.trim().replace(',', '.'));
		return Number.isFinite(n) ? n : b;
	}
	return b;
};
const coordinate = (message: () => string) =>
	z.preprocess(toNumber, z.number({ error: message }).min(-180, { error: message }).max(180, { error: message }).nullable().optional())
		.transform((v) => v ?? null);

const phone = () =>
	z.preprocess(
		blankToUndefined,
		z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, { error: () => m.aduan_err_phone() }).nullable().optional()
	).transform((v) => v ?? null);

export const OnBehalfSchema = z
	.object({
		name: z.string({ error: () => m.aduan_err_behalf_name() }).trim().min(2, { error: () => m.aduan_err_behalf_name() }).max(120, { error: () => m.aduan_err_behalf_name() }).refine(NO_NUL, { error: () => m.err_invalid() }),
		phone: phone().openapi({ type: 'string', example: '081234567890' }),
		consent: z.literal(true, { error: () => m.aduan_err_consent() }).openapi({ description: 'The resident agreed to have this filed on their behalf' })
	})
	.openapi('AduanOnBehalfOf');

export const CreateAduanSchema = z
	.object({
		type: z.enum(ADUAN_TYPES, { error: () => m.aduan_err_type() }).openapi({ example: 'complaint' }),
		category_code: z.string({ error: () => m.aduan_err_category() }).trim().min(1, { error: () => m.aduan_err_category() }).max(60, { error: () => m.aduan_err_category() })
			.openapi({ example: 'jalan-rusak', description: 'An active aduan category (Open311 service_code)' }),
		title: z.string({ error: () => m.aduan_err_title() }).trim().min(TITLE_MIN, { error: () => m.aduan_err_title() }).max(TITLE_MAX, { error: () => m.aduan_err_title_long({ max: TITLE_MAX }) }).refine(NO_NUL, { error: () => m.err_invalid() })
			.openapi({ example: 'Jalan berlubang di depan SD Tidar 1' }),
		description: z.string({ error: () => m.aduan_err_description({ min: DESCRIPTION_MIN }) }).trim()
			.min(DESCRIPTION_MIN, { error: () => m.aduan_err_description({ min: DESCRIPTION_MIN }) })
			.max(DESCRIPTION_MAX, { error: () => m.aduan_err_description_long({ max: DESCRIPTION_MAX }) })
			.refine(NO_NUL, { error: () => m.err_invalid() })
			.openapi({ description: `At least ${DESCRIPTION_MIN} characters` }),
		kelurahan_code: z.preprocess(blankToUndefined, regionCode()).openapi({ type: 'string', example: '33.71.01.1011', description: 'A kelurahan of the city' }),
		lat: coordinate(() => m.aduan_err_point()).openapi({ type: 'number', example: -7.4797, description: 'With lng, inside the city' }),
		lng: coordinate(() => m.aduan_err_point()).openapi({ type: 'number', example: 110.2177 }),
		privacy: z.enum(ADUAN_PRIVACIES, { error: () => m.aduan_err_privacy() }).openapi({ example: 'public', description: 'public: shown with the name; anonymous: shown without it; confidential: never public' }),
		on_behalf_of: OnBehalfSchema.nullable().optional().transform((v) => v ?? null)
			.openapi({ description: 'A KIM member (anggota/pengurus) files for a resident without internet, with their consent' })
	})
	.superRefine((v, ctx) => {
		if ((v.lat === null) !== (v.lng === null)) {
			ctx.addIssue({ code: 'custom', path: [v.lat === null ? 'lat' : 'lng'], message: m.aduan_err_point_pair() });
		} else if (v.lat !== null && v.lng !== null && !isInCity(v.lat, v.lng, CITY_BBOX)) {
			ctx.addIssue({ code: 'custom', path: ['lat'], message: m.aduan_err_point_outside() });
		}
	})
	.openapi('CreateAduanInput');
export type CreateAduan = z.infer<typeof CreateAduanSchema>;

/** A client's Idempotency-Key: 1–255 visible ASCII characters. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export const TrackingParam = z.object({
	tracking_id: z.string().max(40, { error: () => m.aduan_not_found() })
		.openapi({ param: { name: 'tracking_id', in: 'path' }, example: 'MGL-2026-000123' })
});

export const ClaimSchema = z
	.object({
		code: z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase().replace(/[\s-]/g, '') : v), z.string({ error: () => m.aduan_err_claim_code() }).regex(/^[A-Z0-9]{6,16}$/, { error: () => m.aduan_err_claim_code() }))
			.openapi({ type: 'string', example: 'K7M2Q9XD' })
	})
	.openapi('ClaimAduanInput');
export type ClaimAduan = z.infer<typeof ClaimSchema>;

/** Photos in the multipart field `file` (content checks happen in files.inspect). */
export const AduanPhotosSchema = z
	.object({
		file: z
			.union([z.instanceof(File), z.array(z.instanceof(File))], { error: () => m.kim_file_empty() })
			.transform((v) => (Array.isArray(v) ? v : [v]))
			.openapi({ type: 'array', items: { type: 'string', format: 'binary' }, description: 'JPEG/PNG/WebP ≤ 5 MB each; repeat the field for several' })
	})
	.openapi('AduanPhotosInput');
