import type { MiddlewareHandler } from 'hono';
import { isAdmin } from '../auth/actor';
import type { ApiEnv } from '../http/api-env';
import { authorize } from './admin.policy';

/**
 * API middleware: refuses non-admins (401 anonymous, 403 others) before input validation, so a
 * stranger's answer never depends on what they sent. The actions check again.
 */
export const adminOnly: MiddlewareHandler<ApiEnv> = async (c, next) => {
	authorize(c.get('ctx').actor, isAdmin);
	await next();
};
