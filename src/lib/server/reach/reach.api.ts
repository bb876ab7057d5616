import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { CampaignIdParam, ShareKitQuerySchema } from './reach.schema';
import { ShareKitOut } from './reach.present';
import { getShareKit } from './reach.actions';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

/**
 * Share kits, short links and attribution. The short links themselves (/s/<code>, its QR codes and
 * poster) are public pages of the site, not API routes: src/routes/s/[code].
 */
export function reachRoutes(app: Api) {
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/campaigns/{id}/share-kit', tags: ['campaigns'],
			summary:
				'The actor’s share kit for a launched (active or finished) campaign: a personal short link, the filled WhatsApp message and link, QR codes and an A4 poster. ' +
				'For members (any position) of a KIM assigned to the campaign (not declined); kim_id may be left out when the actor belongs to exactly one such KIM. ' +
				'The link is created on the first request and the same one is answered afterwards. Staff who are not members get 403 (a personal link counts for a KIM); a draft is 404 for non-staff, 409 for staff',
			request: { params: CampaignIdParam, query: ShareKitQuerySchema },
			responses: { 200: { description: 'The share kit', ...json(ShareKitOut) }, ...problemResponses(400, 401, 403, 404, 409) }
		}),
		async (c) => c.json(await getShareKit(c.get('ctx'), c.req.valid('param').id, c.req.valid('query').kim_id), 200)
	);
}
