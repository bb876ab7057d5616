import type { ZodError } from 'zod';
import { HTTPException } from 'hono/http-exception';
import { AppError, type ErrorCode, type FieldError } from '../errors';
import { m } from '../../paraglide/messages.js';

/** The only map from error codes to HTTP statuses. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
	INVALID: 400,
	UNAUTHENTICATED: 401,
	FORBIDDEN: 403,
	NOT_FOUND: 404,
	CONFLICT: 409,
	RATE_LIMITED: 429
};

export const zodFieldErrors = (error: ZodError): FieldError[] =>
	error.issues.map((i) => ({ path: i.path.join('.') || '_', message: i.message }));

/** Turns anything thrown into an AppError, or undefined for an unexpected failure. */
export function toAppError(err: unknown): AppError | undefined {
	if (err instanceof AppError) return err;
	if (err && typeof err === 'object' && 'issues' in err && Array.isArray((err as ZodError).issues)) {
		const errors = zodFieldErrors(err as ZodError);
		return new AppError('INVALID', errors[0]?.message ?? m.err_invalid(), { errors });
	}
	// Hono's validators refuse a body they cannot parse (malformed JSON or form: 400) or a content
	// type the route does not take (415) before any schema runs: the client's input, so INVALID.
	if (err instanceof HTTPException && (err.status === 400 || err.status === 415)) {
		const message = err.status === 415 ? m.err_media_type() : m.err_body_unreadable();
		return new AppError('INVALID', message, { errors: [{ path: '_', message }] });
	}
	const sqlState = pgErrorCode(err);
	// A unique index refused a row another request wrote first (e.g. the same email twice at once).
	if (sqlState === '23505') return new AppError('CONFLICT', m.err_conflict());
	// Class 22 (data exception): a value the schemas let through but PostgreSQL refuses, such as a
	// NUL byte or an out-of-range date. It is the client's input, so 400, not 500.
	if (sqlState?.startsWith('22')) return new AppError('INVALID', m.err_invalid());
	return undefined;
}

/** The SQLSTATE of a database error, also when the driver or Drizzle wrapped it. */
function pgErrorCode(err: unknown): string | undefined {
	for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
		if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
	}
	return undefined;
}

/** RFC 9457 problem+json for an error; unexpected errors become a logged 500 without details. */
export function problemResponse(err: unknown): Response {
	const app = toAppError(err);
	if (!app) console.error('[http] unexpected error', err);
	const status = app ? HTTP_STATUS[app.code] : 500;
	const body = {
		type: 'about:blank',
		status,
		code: app?.code ?? 'INTERNAL',
		title: app?.message ?? m.err_server(),
		...(app?.details.errors ? { errors: app.details.errors } : {})
	};
	const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
	if (app?.details.retryAfter) headers['retry-after'] = String(app.details.retryAfter);
	return new Response(JSON.stringify(body), { status, headers });
}
