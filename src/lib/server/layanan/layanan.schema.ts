import { z } from '@hono/zod-openapi';
import { regionCode } from '../validation';
import { m } from '../../paraglide/messages.js';
import {
	FACILITY_KINDS, MAX_ITEM_LENGTH, MAX_LIST_ITEMS, SERVICE_CATEGORIES, isPhoneNumber, isSlug, parseFee, parseLines
} from './layanan.rules';

/**
 * Inputs of the directory, shared by the API (JSON) and the /petugas/layanan forms (strings:
 * one-per-line textareas, "on" checkboxes, "Rp 15.000" fees). Create schemas require what a new
 * item needs; PATCH schemas are the same fields, all optional. Rules that need the database
 * (unit exists, kelurahan of the city) or the merged row (point in the city) run in the actions.
 */
const NO_NUL = (s: string) => !s.includes('\0');
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const required = (max: number, message: () => string) =>
	z.string({ error: message }).trim().min(1, { error: message })
		.max(max, { error: () => m.layanan_err_too_long({ max }) }).refine(NO_NUL, { error: () => m.err_invalid() });
const optional = (max: number) =>
	z.preprocess(
		blankToUndefined,
		z.string({ error: () => m.err_invalid() }).trim().max(max, { error: () => m.layanan_err_too_long({ max }) }).refine(NO_NUL, { error: () => m.err_invalid() }).nullable().optional()
	).transform((v) => v || null);

const lines = (message: () => string) =>
	z.preprocess(
		(v) => (typeof v === 'string' || Array.isArray(v) ? parseLines(v as string | string[]) : v),
		z.array(z.string().max(MAX_ITEM_LENGTH, { error: () => m.layanan_err_item_too_long({ max: MAX_ITEM_LENGTH }) }).refine(NO_NUL, { error: () => m.err_invalid() }), { error: message })
			.max(MAX_LIST_ITEMS, { error: () => m.layanan_err_too_many_items({ max: MAX_LIST_ITEMS }) })
	).openapi({ type: 'array', items: { type: 'string' }, description: 'A list; forms send one item per line' });

const bool = () =>
	z.preprocess(
		(v) => (v === 'on' || v === 'true' || v === '1' ? true : v === 'false' || v === '0' || v === '' ? false : v),
		z.boolean({ error: () => m.err_invalid() })
	).openapi({ type: 'boolean' });

const slug = () =>
	z.preprocess(blankToUndefined, z.string().trim().toLowerCase().refine(isSlug, { error: () => m.layanan_err_slug() }).optional())
		.openapi({ type: 'string', description: 'URL name; made from the name when left out', example: 'akta-kelahiran' });

const fee = () =>
	z.union([z.string(), z.number()], { error: () => m.layanan_err_fee() })
		.transform((v, c) => {
			const n = parseFee(v);
			if (n === null) {
				c.addIssue({ code: 'custom', message: m.layanan_err_fee() });
				return z.NEVER;
			}
			return n;
		})
		.openapi({ type: 'integer', minimum: 0, description: 'Integer rupiah; 0 = free (Gratis). Forms accept "Rp 15.000" and "gratis"', example: 15000 });

const coordinate = (message: () => string, min: number, max: number) =>
	z.preprocess(
		(v) => (typeof v === 'string' ? (v.trim() === '' ? null : Number(v.trim().replace(',', '.'))) : v),
		z.number({ error: message }).refine(Number.isFinite, { error: message }).min(min, { error: message }).max(max, { error: message }).nullable().optional()
	).openapi({ type: 'number' });

const phone = () =>
	z.preprocess(blankToUndefined, z.string().trim().max(40, { error: () => m.layanan_err_phone() }).refine(isPhoneNumber, { error: () => m.layanan_err_phone() }).nullable().optional())
		.transform((v) => v ?? null)
		.openapi({ type: 'string', example: '(0293) 362345' });

const url = () =>
	z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, error: () => m.layanan_err_url() }).max(500, { error: () => m.layanan_err_url() }).nullable().optional())
		.transform((v) => v ?? null)
		.openapi({ type: 'string', format: 'uri' });

const kelurahanCodes = () =>
	z.preprocess(
		(v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
		z.array(regionCode()).max(100)
	).openapi({ type: 'array', items: { type: 'string' }, description: 'Kelurahan where the service is offered at the kelurahan office; empty = city-wide' });

const serviceFields = {
	name: required(200, () => m.layanan_err_name()).openapi({ example: 'Akta Kelahiran' }),
	slug: slug(),
	unit_code: required(60, () => m.layanan_err_unit()).openapi({ description: 'The responsible unit (OPD)', example: 'disdukcapil' }),
	category: z.enum(SERVICE_CATEGORIES, { error: () => m.layanan_err_category() }).openapi({ example: 'kependudukan' }),
	description: optional(2000).openapi({ type: 'string' }),
	requirements: lines(() => m.err_invalid()),
	steps: lines(() => m.err_invalid()),
	fee: fee(),
	fee_note: optional(300).openapi({ type: 'string', description: 'E.g. the legal basis of the fee' }),
	service_time: required(200, () => m.layanan_err_service_time()).openapi({ example: '1 hari kerja' }),
	location: required(300, () => m.layanan_err_location()).openapi({ example: 'Mal Pelayanan Publik, Jl. Sudirman' }),
	hours: required(200, () => m.layanan_err_hours()).openapi({ example: 'Senin–Jumat 08.00–15.00' }),
	contact: optional(300).openapi({ type: 'string', description: 'Phone numbers and e-mail addresses, free text' }),
	online_url: url(),
	kelurahan_codes: kelurahanCodes(),
	is_published: bool()
};

export const CreateServiceSchema = z
	.object({
		...serviceFields,
		requirements: serviceFields.requirements.default([]),
		steps: serviceFields.steps.default([]),
		fee: z.preprocess((v) => (v === undefined ? 0 : v), serviceFields.fee),
		kelurahan_codes: serviceFields.kelurahan_codes.default([]),
		is_published: z.preprocess((v) => (v === undefined ? true : v), serviceFields.is_published)
	})
	.openapi('CreatePublicServiceInput');
export type CreateService = z.infer<typeof CreateServiceSchema>;

/** A form posts no field for an unticked checkbox: there, a missing `is_published` means no. */
const uncheckedIsFalse = <S extends z.ZodType>(schema: S) =>
	z.preprocess((v) => (v && typeof v === 'object' && !('is_published' in v) ? { ...v, is_published: false } : v), schema);
export const ServiceFormSchema = uncheckedIsFalse(CreateServiceSchema);

export const UpdateServiceSchema = z.object(serviceFields).partial().openapi('UpdatePublicServiceInput');
export type UpdateService = z.infer<typeof UpdateServiceSchema>;

const facilityFields = {
	name: required(200, () => m.layanan_err_name()).openapi({ example: 'Puskesmas Magelang Selatan' }),
	slug: slug(),
	kind: z.enum(FACILITY_KINDS, { error: () => m.layanan_err_kind() }).openapi({ example: 'puskesmas' }),
	address: required(300, () => m.layanan_err_address()).openapi({ example: 'Jl. Jend. Sudirman No. 1' }),
	kelurahan_code: z.preprocess(blankToUndefined, regionCode()).openapi({ type: 'string', example: '33.71.01.1011' }),
	lat: coordinate(() => m.layanan_err_lat(), -90, 90),
	lng: coordinate(() => m.layanan_err_lng(), -180, 180),
	opening_hours: optional(300).openapi({ type: 'string', example: 'Senin–Kamis 07.30–14.00, Jumat 07.30–11.00' }),
	phone: phone(),
	description: optional(1000).openapi({ type: 'string' }),
	is_published: bool()
};

export const CreateFacilitySchema = z
	.object({ ...facilityFields, is_published: z.preprocess((v) => (v === undefined ? true : v), facilityFields.is_published) })
	.openapi('CreateFacilityInput');
export type CreateFacility = z.infer<typeof CreateFacilitySchema>;
export const FacilityFormSchema = uncheckedIsFalse(CreateFacilitySchema);

export const UpdateFacilitySchema = z.object(facilityFields).partial().openapi('UpdateFacilityInput');
export type UpdateFacility = z.infer<typeof UpdateFacilitySchema>;

const emergencyFields = {
	label: required(100, () => m.layanan_err_label()).openapi({ example: 'Layanan darurat' }),
	number: z.string({ error: () => m.layanan_err_phone() }).trim().max(40, { error: () => m.layanan_err_phone() })
		.refine(isPhoneNumber, { error: () => m.layanan_err_phone() }).openapi({ example: '112' }),
	description: optional(300).openapi({ type: 'string' }),
	position: z.preprocess(
		(v) => (v === undefined || v === '' ? undefined : typeof v === 'string' && /^\s*\d{1,4}\s*$/.test(v) ? Number(v) : v),
		z.number({ error: () => m.layanan_err_position() }).int({ error: () => m.layanan_err_position() }).min(0, { error: () => m.layanan_err_position() }).max(999, { error: () => m.layanan_err_position() })
	).openapi({ type: 'integer', minimum: 0, maximum: 999, description: 'Order in the list (112 is always shown first)' })
};

export const CreateEmergencySchema = z
	.object({ ...emergencyFields, position: z.preprocess((v) => (v === undefined || v === '' ? 0 : v), emergencyFields.position) })
	.openapi('CreateEmergencyNumberInput');
export type CreateEmergency = z.infer<typeof CreateEmergencySchema>;
export const UpdateEmergencySchema = z.object(emergencyFields).partial().openapi('UpdateEmergencyNumberInput');
export type UpdateEmergency = z.infer<typeof UpdateEmergencySchema>;

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const q = () => z.preprocess(emptyToUndefined, z.string().trim().max(200, { error: () => m.layanan_err_too_long({ max: 200 }) }).refine(NO_NUL, { error: () => m.err_invalid() }).optional());
const kelurahanFilter = () => z.preprocess(emptyToUndefined, regionCode().optional()).openapi({ type: 'string', example: '33.71.01.1011' });

export const ServiceQuerySchema = z.object({
	q: q().openapi({ type: 'string', description: 'Indonesian full-text search with typo tolerance', example: 'akta kelahiran' }),
	category: z.preprocess(emptyToUndefined, z.enum(SERVICE_CATEGORIES, { error: () => m.layanan_err_category() }).optional()).openapi({ type: 'string', enum: [...SERVICE_CATEGORIES] }),
	kelurahan_code: kelurahanFilter().openapi({ description: 'Services offered city-wide or at this kelurahan' })
});
export type ServiceQuery = z.infer<typeof ServiceQuerySchema>;

export const FacilityQuerySchema = z.object({
	q: q().openapi({ type: 'string', example: 'puskesmas' }),
	kind: z.preprocess(emptyToUndefined, z.enum(FACILITY_KINDS, { error: () => m.layanan_err_kind() }).optional()).openapi({ type: 'string', enum: [...FACILITY_KINDS] }),
	kelurahan_code: kelurahanFilter().openapi({ description: 'Facilities in this kelurahan first, then the rest of its kecamatan' })
});
export type FacilityQuery = z.infer<typeof FacilityQuerySchema>;

export const SlugParam = z.object({
	slug: z.string().max(200).openapi({ param: { name: 'slug', in: 'path' }, example: 'akta-kelahiran' })
});
export const IdParam = z.object({
	id: z.uuid({ error: () => m.err_not_found() }).openapi({ param: { name: 'id', in: 'path' }, example: '0b9f6c1e-0000-4000-8000-000000000000' })
});
