import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { adminOnly } from '../admin/admin-only';
import { AuditQuerySchema } from '../admin/admin.schema';
import { browseAudit } from '../admin/admin.actions';
import { AuditEntryOut, presentAuditEntry } from '../admin/admin.present';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

/** Admin: browse the audit log. */
export function auditRoutes(app: Api) {
	app.use('/api/v1/audit', adminOnly);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/audit', tags: ['admin'],
			summary: 'The audit log, newest first, 50 per page (keyset: pass next_before_id as before_id)',
			request: { query: AuditQuerySchema },
			responses: {
				200: { description: 'Entries with the changed keys', ...json(z.object({ data: z.array(AuditEntryOut), next_before_id: z.number().int().nullable() })) },
				...problemResponses(400, 401, 403)
			}
		}),
		async (c) => {
			const r = await browseAudit(c.get('ctx'), c.req.valid('query'));
			return c.json({ data: r.entries.map(presentAuditEntry), next_before_id: r.nextBeforeId }, 200);
		}
	);
}
