import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { clearSessionCookie, sessionCookie } from '../http/session-cookie';
import { AppError } from '../errors';
import { m } from '../../paraglide/messages.js';
import { ForgotPasswordSchema, LoginSchema, RegisterSchema, ResetPasswordSchema } from './auth.schema';
import { login, logout, register, requestPasswordReset, resetPassword } from './auth.actions';
import { refFromCookieHeader } from '../reach/reach.rules';
import { MeOut, UserOut, presentMe, presentUser } from './auth.present';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const SessionOut = z.object({ user: UserOut, token: z.string() }).openapi('Session');
const Ok = z.object({ ok: z.boolean() });

export function authRoutes(app: Api) {
	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/auth/login', tags: ['auth'], summary: 'Log in with email and password',
			request: { body: { ...json(LoginSchema), required: true } },
			responses: { 200: { description: 'Logged in; also sets the session cookie', ...json(SessionOut) }, ...problemResponses(400, 401, 403, 429) }
		}),
		async (c) => {
			const deps = c.get('deps');
			const s = await login(c.get('ctx'), c.req.valid('json'), deps.sessionDays);
			c.header('set-cookie', sessionCookie(s.token, s.expiresAt, deps.secureCookies));
			return c.json({ user: presentUser(s.actor), token: s.token }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/auth/register', tags: ['auth'], summary: 'Register a resident (warga) account. A simpul_ref cookie from a share link clicked in the last 7 days attributes the registration to that link',
			request: { body: { ...json(RegisterSchema), required: true } },
			responses: { 201: { description: 'Registered and logged in', ...json(SessionOut) }, ...problemResponses(400, 409) }
		}),
		async (c) => {
			const deps = c.get('deps');
			const s = await register(c.get('ctx'), c.req.valid('json'), deps.sessionDays, refFromCookieHeader(c.req.header('cookie')));
			c.header('set-cookie', sessionCookie(s.token, s.expiresAt, deps.secureCookies));
			return c.json({ user: presentUser(s.actor), token: s.token }, 201);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/auth/logout', tags: ['auth'], summary: 'End the current session',
			responses: { 200: { description: 'Logged out', ...json(Ok) } }
		}),
		async (c) => {
			const token = c.get('token');
			if (token) await logout(c.get('ctx').db, token);
			c.header('set-cookie', clearSessionCookie(c.get('deps').secureCookies));
			return c.json({ ok: true }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/auth/password/forgot', tags: ['auth'], summary: 'Email a password reset link (same answer whether or not the email exists)',
			request: { body: { ...json(ForgotPasswordSchema), required: true } },
			responses: { 202: { description: 'Accepted', ...json(Ok) }, ...problemResponses(400) }
		}),
		async (c) => {
			await requestPasswordReset(c.get('ctx'), c.req.valid('json').email);
			return c.json({ ok: true }, 202);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/auth/password/reset', tags: ['auth'], summary: 'Set a new password with the emailed token',
			request: { body: { ...json(ResetPasswordSchema), required: true } },
			responses: { 200: { description: 'Password changed; all sessions ended', ...json(Ok) }, ...problemResponses(400) }
		}),
		async (c) => {
			await resetPassword(c.get('ctx'), c.req.valid('json'));
			return c.json({ ok: true }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/me', tags: ['auth'], summary: 'The logged-in user with roles and KIM positions',
			responses: { 200: { description: 'Current user', ...json(MeOut) }, ...problemResponses(401) }
		}),
		(c) => {
			const actor = c.get('ctx').actor;
			if (!actor) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
			return c.json(presentMe(actor), 200);
		}
	);
}
