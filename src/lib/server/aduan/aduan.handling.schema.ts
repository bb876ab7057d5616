import { z } from '@hono/zod-openapi';
import { email, isoDate, optionalText } from '../validation';
import { m } from '../../paraglide/messages.js';
import { ADUAN_STATUSES } from './aduan.rules';

/**
 * Inputs of aduan handling, shared by the API (JSON) and the pages' forms (strings): empty strings
 * mean "not given"; checkboxes come as "on". Rules needing the database run in the actions.
 */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const checkbox = (v: unknown) => (v === 'on' || v === 'true' || v === '1' ? true : v === 'false' || v === '0' || v === '' ? false : v);
const unitCode = () => z.preprocess(blankToUndefined, z.string().trim().max(40).optional());
const note = (max = 4000) => z.preprocess(blankToUndefined, optionalText(max));

export const AduanIdParam = z.object({ id: z.uuid({ error: () => m.aduan_desk_err_not_found() }).openapi({ param: { name: 'id', in: 'path' } }) });

export const TransitionSchema = z
	.object({
		to: z.enum(ADUAN_STATUSES, { error: () => m.aduan_desk_err_status() }).openapi({ example: 'verified' }),
		note: note().openapi({ type: 'string', description: 'Required for rejected (the reason), in_progress from verified (the follow-up plan) and resolved (the response)' }),
		unit_code: unitCode().openapi({ type: 'string', description: 'With to = verified: forward to this unit (default: the current one)', example: 'dpupr' })
	})
	.openapi('AduanTransition');
export type TransitionInput = z.infer<typeof TransitionSchema>;

export const ReassignSchema = z
	.object({
		unit_code: z.preprocess(blankToUndefined, z.string({ error: () => m.aduan_desk_err_unit() }).trim().max(40)).openapi({ type: 'string', example: 'dlh' }),
		note: z.preprocess(blankToUndefined, z.string({ error: () => m.aduan_desk_err_reassign_note() }).trim().min(1).max(2000)).openapi({ type: 'string' })
	})
	.openapi('AduanReassign');
export type ReassignInput = z.infer<typeof ReassignSchema>;

export const MessageSchema = z
	.object({
		body: z.preprocess(blankToUndefined, z.string({ error: () => m.aduan_thread_err_body() }).trim().min(1, { error: () => m.aduan_thread_err_body() }).max(4000, { error: () => m.aduan_thread_err_body_long({ max: 4000 }) }))
			.openapi({ type: 'string' }),
		internal: z.preprocess(checkbox, z.boolean().optional()).transform((v) => v ?? false)
			.openapi({ type: 'boolean', description: 'An internal note: handling staff only, never shown to the reporter or the public' })
	})
	.openapi('AduanMessage');
export type MessageInput = z.infer<typeof MessageSchema>;

export const RatingSchema = z
	.object({
		rating: z.preprocess((v) => (typeof v === 'string' && /^\d$/.test(v) ? Number(v) : v), z.number({ error: () => m.aduan_thread_err_rating() }).int({ error: () => m.aduan_thread_err_rating() }).min(1, { error: () => m.aduan_thread_err_rating() }).max(5, { error: () => m.aduan_thread_err_rating() }))
			.openapi({ type: 'integer', minimum: 1, maximum: 5 }),
		comment: note(1000).openapi({ type: 'string' })
	})
	.openapi('AduanRating');
export type RatingInput = z.infer<typeof RatingSchema>;

export const BOARD_DUE = ['today', 'overdue'] as const;
export const BoardQuerySchema = z.object({
	unit: unitCode().openapi({ type: 'string' }),
	status: z.preprocess(blankToUndefined, z.enum(ADUAN_STATUSES, { error: () => m.aduan_desk_err_status() }).optional()),
	due: z.preprocess(blankToUndefined, z.enum(BOARD_DUE).optional()),
	category: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
	kelurahan: z.preprocess(blankToUndefined, z.string().trim().max(20).optional())
});
export type BoardQuery = z.infer<typeof BoardQuerySchema>;

export const HOLIDAY_KINDS = ['national', 'cuti_bersama', 'local'] as const;
export const HolidaySchema = z
	.object({
		day: z.preprocess(blankToUndefined, isoDate()).openapi({ type: 'string', format: 'date', example: '2026-12-24' }),
		name: z.preprocess(blankToUndefined, z.string({ error: () => m.aduan_desk_err_holiday_name() }).trim().min(1).max(120)).openapi({ type: 'string', example: 'Cuti bersama Natal' }),
		kind: z.preprocess(blankToUndefined, z.enum(HOLIDAY_KINDS, { error: () => m.aduan_desk_err_holiday_kind() }).optional()).transform((v) => v ?? 'cuti_bersama'),
		is_off: z.preprocess(checkbox, z.boolean().optional()).transform((v) => v ?? true)
			.openapi({ type: 'boolean', description: 'false marks a seeded holiday as a working day' })
	})
	.openapi('Holiday');
export type HolidayInput = z.infer<typeof HolidaySchema>;
export const HolidayDayParam = z.object({ day: isoDate().openapi({ param: { name: 'day', in: 'path' } }) });
export const HolidaysQuerySchema = z.object({ year: z.preprocess((v) => (typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : blankToUndefined(v)), z.number().int().min(2000).max(2100).optional()) });

export const MemberSchema = z
	.object({
		email: email().openapi({ type: 'string', format: 'email' }),
		is_supervisor: z.preprocess(checkbox, z.boolean().optional()).transform((v) => v ?? false).openapi({ type: 'boolean' })
	})
	.openapi('UnitMemberInput');
export type MemberInput = z.infer<typeof MemberSchema>;
export const UnitCodeParam = z.object({ code: z.string().min(1).max(40).openapi({ param: { name: 'code', in: 'path' } }) });
export const MemberParam = z.object({
	code: z.string().min(1).max(40).openapi({ param: { name: 'code', in: 'path' } }),
	user_id: z.uuid().openapi({ param: { name: 'user_id', in: 'path' } })
});
