import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { adminOnly } from '../admin/admin-only';
import { CreateStaffSchema, ListUsersQuerySchema, UpdateUserSchema } from './users.schema';
import { createStaffUser, listUsers, updateUser } from './users.actions';
import { AdminUserOut, presentAdminUser } from './users.present';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

/** Admin: accounts and system roles. */
export function adminUserRoutes(app: Api) {
	app.use('/api/v1/admin/users', adminOnly);
	app.use('/api/v1/admin/users/*', adminOnly);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/admin/users', tags: ['admin'],
			summary: 'Search accounts by name/email, system role and active flag (50 per page, by name)',
			request: { query: ListUsersQuerySchema },
			responses: {
				200: { description: 'Accounts with their KIM positions', ...json(z.object({ data: z.array(AdminUserOut), has_more: z.boolean() })) },
				...problemResponses(400, 401, 403)
			}
		}),
		async (c) => {
			const result = await listUsers(c.get('ctx'), c.req.valid('query'));
			return c.json({ data: result.users.map(presentAdminUser), has_more: result.hasMore }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'patch', path: '/api/v1/admin/users/{id}', tags: ['admin'],
			summary: 'Change an account\'s system role and/or deactivate or reactivate it (deactivation ends its sessions)',
			description: 'An admin cannot change their own account, and the last active admin cannot be demoted or deactivated (409).',
			request: { params: z.object({ id: z.uuid() }), body: { ...json(UpdateUserSchema), required: true } },
			responses: { 200: { description: 'The account after the change', ...json(AdminUserOut) }, ...problemResponses(400, 401, 403, 404, 409) }
		}),
		async (c) => {
			const row = await updateUser(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'));
			return c.json(presentAdminUser(row), 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/admin/users', tags: ['admin'],
			summary: 'Create a staff account (petugas or admin); without a password an invitation link is emailed',
			request: { body: { ...json(CreateStaffSchema), required: true } },
			responses: { 201: { description: 'Created', ...json(AdminUserOut) }, ...problemResponses(400, 401, 403, 409) }
		}),
		async (c) => {
			const row = await createStaffUser(c.get('ctx'), c.req.valid('json'));
			return c.json(presentAdminUser(row), 201);
		}
	);
}
