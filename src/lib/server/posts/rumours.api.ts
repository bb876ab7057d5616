import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { ConvertRumourSchema, DismissRumourSchema, FlagRumourSchema, ListRumoursQuerySchema } from './posts.schema';
import { convertRumourToClarification, dismissRumour, flagRumour, listRumours } from './rumours.actions';
import { presentRumour, RumourOut } from './posts.present';
import { findKimById } from '../kims/kims.queries';
import type { Ctx } from '../context';
import type { Rumour } from './rumours.queries';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['rumours'];
const RumourId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '0b9f6c1e-0000-4000-8000-000000000000' }) });

async function rumourBody(ctx: Ctx, rumour: Rumour) {
	const kim = await findKimById(ctx.db, rumour.kimId);
	return presentRumour({ ...rumour, kimName: kim?.name ?? null, reporterName: null });
}

/** Rumours flagged by KIM members, handled by the agency. */
export function rumourRoutes(app: Api) {
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/rumours', tags,
			summary: 'Rumours, newest first: staff see all, a KIM’s members their KIM’s',
			request: { query: ListRumoursQuerySchema },
			responses: { 200: { description: 'Rumours', ...json(z.object({ data: z.array(RumourOut) })) }, ...problemResponses(400, 401, 403) }
		}),
		async (c) => c.json({ data: (await listRumours(c.get('ctx'), c.req.valid('query'))).map(presentRumour) }, 200)
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/rumours', tags,
			summary: 'Flag a rumour heard in the neighbourhood (a KIM’s members, for their KIM)',
			request: { body: { ...json(FlagRumourSchema), required: true } },
			responses: { 201: { description: 'Flagged', ...json(RumourOut) }, ...problemResponses(400, 401, 403) }
		}),
		async (c) => {
			const ctx = c.get('ctx');
			return c.json(await rumourBody(ctx, await flagRumour(ctx, c.req.valid('json'))), 201);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/rumours/{id}/convert', tags,
			summary: 'Turn an open rumour into a draft clarification with the claim prefilled (petugas, admin)',
			request: { params: RumourId, body: { ...json(ConvertRumourSchema), required: false } },
			responses: {
				201: { description: 'Clarification drafted', ...json(z.object({ rumour: RumourOut, post: z.object({ id: z.uuid(), status: z.literal('draft') }) }).openapi('ConvertedRumour')) },
				...problemResponses(400, 401, 403, 404, 409)
			}
		}),
		async (c) => {
			const ctx = c.get('ctx');
			const body = (c.req.valid('json') as z.infer<typeof ConvertRumourSchema> | undefined) ?? {};
			const { rumour, post } = await convertRumourToClarification(ctx, c.req.valid('param').id, body);
			return c.json({ rumour: await rumourBody(ctx, rumour), post: { id: post.id, status: 'draft' as const } }, 201);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/rumours/{id}/dismiss', tags,
			summary: 'Close an open rumour without a clarification, with an optional reason (petugas, admin)',
			request: { params: RumourId, body: { ...json(DismissRumourSchema), required: false } },
			responses: { 200: { description: 'Dismissed', ...json(RumourOut) }, ...problemResponses(400, 401, 403, 404, 409) }
		}),
		async (c) => {
			const ctx = c.get('ctx');
			const body = (c.req.valid('json') as z.infer<typeof DismissRumourSchema> | undefined) ?? {};
			return c.json(await rumourBody(ctx, await dismissRumour(ctx, c.req.valid('param').id, body.reason ?? null)), 200);
		}
	);
}
