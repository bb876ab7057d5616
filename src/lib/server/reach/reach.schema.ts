import { z } from '@hono/zod-openapi';
import { m } from '../../paraglide/messages.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The campaign id in a path; any string, so a malformed id is a 404 like an unknown one. */
export const CampaignIdParam = z.object({
	id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' })
});

/** Which KIM the member shares for; optional when they belong to exactly one KIM carrying the campaign. */
export const ShareKitQuerySchema = z.object({
	kim_id: z
		.preprocess(
			(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
			z.string({ error: () => m.reach_err_kim_id() }).trim().regex(UUID, { error: () => m.reach_err_kim_id() }).optional()
		)
		.openapi({ param: { name: 'kim_id', in: 'query' }, type: 'string', format: 'uuid' })
});
export type ShareKitQuery = z.infer<typeof ShareKitQuerySchema>;
