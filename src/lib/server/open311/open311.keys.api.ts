import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { adminOnly } from '../admin/admin-only';
import { ApiKeyIdSchema, createApiKey, CreateApiKeySchema, listApiKeys, revokeApiKey } from './open311.keys';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['open311'];
const ApiKeyOut = z.object({
	id: z.uuid(), name: z.string(), created_at: z.string(), last_used_at: z.string().nullable(), revoked_at: z.string().nullable()
}).openapi('ApiKey');
type KeyFields = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };
const presentKey = (k: KeyFields) => ({
	id: k.id, name: k.name, created_at: k.createdAt.toISOString(), last_used_at: k.lastUsedAt?.toISOString() ?? null, revoked_at: k.revokedAt?.toISOString() ?? null
});

/** Admin: issue, list and revoke the API keys Open311 clients POST requests with. */
export function apiKeyRoutes(app: Api) {
	app.use('/api/v1/admin/api-keys', adminOnly);
	app.use('/api/v1/admin/api-keys/*', adminOnly);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/admin/api-keys', tags,
			summary: 'Issue an Open311 API key (admin). The key is in this answer only; it is stored as its SHA-256',
			request: { body: { ...json(CreateApiKeySchema), required: true } },
			responses: { 201: { description: 'Issued', ...json(ApiKeyOut.extend({ key: z.string() }).openapi('IssuedApiKey')) }, ...problemResponses(400, 401, 403) }
		}),
		async (c) => {
			const { key, apiKey } = await createApiKey(c.get('ctx'), c.req.valid('json'));
			return c.json({ ...presentKey(apiKey), key }, 201);
		}
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/admin/api-keys', tags,
			summary: 'Every Open311 API key, live ones first (admin); never the key itself',
			responses: { 200: { description: 'Keys', ...json(z.object({ data: z.array(ApiKeyOut) })) }, ...problemResponses(401, 403) }
		}),
		async (c) => c.json({ data: (await listApiKeys(c.get('ctx'))).map(presentKey) }, 200)
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/admin/api-keys/{id}/revoke', tags,
			summary: 'Revoke a key at once (admin); revoking again changes nothing',
			request: { params: ApiKeyIdSchema },
			responses: { 200: { description: 'Revoked', ...json(ApiKeyOut) }, ...problemResponses(401, 403, 404) }
		}),
		async (c) => c.json(presentKey(await revokeApiKey(c.get('ctx'), c.req.valid('param').id)), 200)
	);
}
