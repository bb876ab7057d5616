import { z } from '@hono/zod-openapi';
import { emptyToUndefined, intQuery, isoDate, regionCode } from '../validation';
import { m } from '../../paraglide/messages.js';
import { ACTIVITY_TYPES, isRwRt } from './reports.rules';

/**
 * Inputs of the activity-report feature, shared by the API (JSON) and the /lapor form (strings):
 * numbers may come as digit strings and empty strings mean "not given". Rules that need the
 * database or the clock (kelurahan population, campaign, date range) run in the action.
 */
const NO_NUL = (s: string) => !s.includes('\0');
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const digitsToNumber = (v: unknown) => (typeof v === 'string' && /^\s*-?\d{1,12}\s*$/.test(v) ? Number(v) : blankToUndefined(v));

const count = (message: () => string) =>
	z.number({ error: message }).int({ error: message }).min(-1_000_000_000, { error: message }).max(1_000_000_000, { error: message });
const optionalCount = () =>
	z.preprocess(digitsToNumber, count(() => m.report_err_count()).min(0, { error: () => m.report_err_count() }).nullable().optional()).openapi({ type: 'integer', minimum: 0 });
const longText = (max: number) =>
	z.preprocess(
		blankToUndefined,
		z.string().trim().max(max, { error: () => m.report_err_too_long({ max }) }).refine(NO_NUL, { error: () => m.err_invalid() }).nullable().optional()
	).transform((v) => v || null);
const rwRt = (message: () => string) =>
	z.preprocess(blankToUndefined, z.string({ error: message }).trim().refine(isRwRt, { error: message }).nullable().optional()).transform((v) => v ?? null);

export const CreateReportSchema = z
	.object({
		kim_id: z.uuid({ error: () => m.report_err_kim() }).openapi({ description: 'A KIM the reporter is a member of' }),
		campaign_id: z.preprocess(blankToUndefined, z.uuid({ error: () => m.report_err_campaign() }).nullable().optional())
			.transform((v) => v ?? null)
			.openapi({ type: 'string', format: 'uuid', description: 'An active or finished campaign with an assignment for the KIM' }),
		type: z.enum(ACTIVITY_TYPES, { error: () => m.report_err_type() }).openapi({ example: 'meeting' }),
		held_on: z.preprocess(blankToUndefined, isoDate())
			.openapi({ type: 'string', format: 'date', description: 'WIB date, not in the future, at most one year ago', example: '2026-11-28' }),
		kelurahan_code: z.preprocess(blankToUndefined, regionCode())
			.openapi({ type: 'string', description: 'A kelurahan of the city (Kemendagri code)', example: '33.71.01.1011' }),
		rw: rwRt(() => m.report_err_rw()).openapi({ type: 'string', example: '005' }),
		rt: rwRt(() => m.report_err_rt()).openapi({ type: 'string', example: '002' }),
		audience_count: z.preprocess(digitsToNumber, count(() => m.report_err_audience()))
			.openapi({ type: 'integer', minimum: 1, description: 'At most the kelurahan’s population, or 100,000 when unknown', example: 25 }),
		women_count: optionalCount(),
		youth_count: optionalCount(),
		notes: longText(2000).openapi({ type: 'string' }),
		questions: longText(2000).openapi({ type: 'string', description: 'Residents’ questions raised during the activity' }),
		feedback: longText(2000).openapi({ type: 'string', description: 'Residents’ feedback' })
	})
	.openapi('CreateActivityReportInput');
export type CreateReport = z.infer<typeof CreateReportSchema>;

/** A client's Idempotency-Key: 1–255 visible ASCII characters. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export const ListReportsQuerySchema = z.object({
	kim_id: z.preprocess(emptyToUndefined, z.uuid({ error: () => m.report_err_kim() }).optional()).openapi({ type: 'string', format: 'uuid' }),
	campaign_id: z.preprocess(emptyToUndefined, z.uuid({ error: () => m.report_err_campaign() }).optional()).openapi({ type: 'string', format: 'uuid' }),
	limit: intQuery(1, 200, 50),
	offset: intQuery(0, 100_000, 0)
});
export type ListReportsQuery = z.infer<typeof ListReportsQuerySchema>;

export const ReportIdParam = z.object({
	id: z.uuid({ error: () => m.report_not_found() }).openapi({ param: { name: 'id', in: 'path' }, example: '0b9f6c1e-0000-4000-8000-000000000000' })
});

/** One or more photos in the multipart field `file` (content checks happen in files.inspect). */
export const ReportPhotosSchema = z
	.object({
		file: z
			.union([z.instanceof(File), z.array(z.instanceof(File))], { error: () => m.kim_file_empty() })
			.transform((v) => (Array.isArray(v) ? v : [v]))
			.openapi({ type: 'array', items: { type: 'string', format: 'binary' }, description: 'JPEG/PNG/WebP ≤ 5 MB each; repeat the field for several' })
	})
	.openapi('ActivityReportPhotosInput');
