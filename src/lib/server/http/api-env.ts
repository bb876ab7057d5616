import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Ctx } from '../context';

export type ApiDeps = { publicUrl: string; secureCookies: boolean; sessionDays: number };
export type ApiEnv = { Variables: { ctx: Ctx; token?: string; deps: ApiDeps } };
export type Api = OpenAPIHono<ApiEnv>;

/** Standard error response documentation for OpenAPI routes. */
export const problemResponses = (...statuses: number[]) =>
	Object.fromEntries(
		statuses.map((s) => [
			s,
			{
				description: { 400: 'Invalid input', 401: 'Not logged in', 403: 'Not allowed', 404: 'Not found', 409: 'Conflict', 429: 'Too many requests' }[s] ?? 'Error',
				content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
			}
		])
	);
