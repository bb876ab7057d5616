export type ErrorCode =
	| 'NOT_FOUND'
	| 'FORBIDDEN'
	| 'UNAUTHENTICATED'
	| 'INVALID'
	| 'CONFLICT'
	| 'RATE_LIMITED';

export type FieldError = { path: string; message: string };

/** The one error type of the application; mapped to HTTP in http/problem.ts only. */
export class AppError extends Error {
	constructor(
		public code: ErrorCode,
		message: string,
		public details: { errors?: FieldError[]; retryAfter?: number } = {}
	) {
		super(message);
	}
}

export const invalid = (errors: FieldError[], message = errors[0]?.message ?? 'Invalid input') =>
	new AppError('INVALID', message, { errors });
