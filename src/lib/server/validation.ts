import { z } from '@hono/zod-openapi';
import { m } from '../paraglide/messages.js';

/**
 * Field builders shared by every feature's schema. Messages are functions so they are rendered
 * in the request's language at parse time (Paraglide reads it from the request scope).
 */
const NO_NUL = (s: string) => !s.includes('\0');

/** A query parameter left empty (`?limit=`) is a parameter not given. */
export const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
/** An integer query parameter from `min` through `max`, `fallback` when absent or empty. */
export const intQuery = (min: number, max: number, fallback: number) =>
	z
		.preprocess(emptyToUndefined, z.coerce.number({ error: () => m.err_invalid() }).int({ error: () => m.err_invalid() }).min(min, { error: () => m.err_invalid() }).max(max, { error: () => m.err_invalid() }).default(fallback))
		.openapi({ type: 'integer', minimum: min, maximum: max, default: fallback });

export const text = (max = 200) =>
	z
		.string({ error: () => m.err_required() })
		.trim()
		.min(1, { error: () => m.err_required() })
		.max(max)
		.refine(NO_NUL, { error: () => m.err_invalid() });

export const optionalText = (max = 500) =>
	z
		.string()
		.trim()
		.max(max)
		.refine(NO_NUL, { error: () => m.err_invalid() })
		.optional()
		.nullable()
		.transform((v) => (v ? v : null));

export const email = () =>
	z
		.string({ error: () => m.err_email() })
		.trim()
		.toLowerCase()
		.pipe(z.email({ error: () => m.err_email() }).max(254));

export const password = () =>
	z
		.string({ error: () => m.err_password_short() })
		.min(8, { error: () => m.err_password_short() })
		.max(200, { error: () => m.err_password_long() });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => {
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && d.getUTCFullYear() >= 1900;
};

/** A calendar date `YYYY-MM-DD`. */
export const isoDate = () =>
	z
		.string({ error: () => m.err_date() })
		.trim()
		.regex(ISO_DATE, { error: () => m.err_date() })
		.refine(isRealDate, { error: () => m.err_date() })
		.openapi({ format: 'date', example: '2026-11-28' });

export const optionalIsoDate = () =>
	z
		.union([isoDate(), z.literal(''), z.null()])
		.optional()
		.transform((v) => (v ? v : null))
		.openapi({ type: 'string', format: 'date' });

export const regionCode = () =>
	z
		.string({ error: () => m.err_kelurahan_unknown() })
		.trim()
		.regex(/^\d{2}(\.\d{2}){1,2}(\.\d{4})?$/, { error: () => m.err_kelurahan_unknown() });

/** Today's date in WIB as YYYY-MM-DD. */
export const todayWib = (now = new Date()) =>
	new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** The instant a WIB date starts; `days` later for an exclusive end. */
export const startOfWibDay = (ymd: string, days = 0) => new Date(Date.parse(`${ymd}T00:00:00+07:00`) + days * 86_400_000);

/** The date `n` days after `ymd` (negative: before), as YYYY-MM-DD. */
export const addDays = (ymd: string, n: number) => new Date(Date.parse(`${ymd}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
