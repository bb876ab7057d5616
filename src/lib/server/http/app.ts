import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../db/client';
import { findActorBySessionToken } from '../auth/auth.queries';
import { authRoutes } from '../auth/auth.api';
import { regionRoutes } from '../regions/regions.api';
import { kimRoutes } from '../kims/kims.api';
import { adminUserRoutes } from '../users/users.api';
import { auditRoutes } from '../audit/audit.api';
import { adminOutboxRoutes } from '../admin/admin.api';
import { postRoutes } from '../posts/posts.api';
import { campaignRoutes } from '../campaigns/campaigns.api';
import { reachRoutes } from '../reach/reach.api';
import { reportRoutes } from '../reports/reports.api';
import { statsRoutes } from '../stats/stats.api';
import { notificationRoutes } from '../notifications/notifications.api';
import { aduanStatsRoutes } from '../aduan/aduan.stats.api';
import { aduanRoutes } from '../aduan/aduan.api';
import { aduanHandlingRoutes } from '../aduan/aduan.handling.api';
import { open311Routes } from '../open311/open311.api';
import { layananRoutes } from '../layanan/layanan.api';
import { surveyRoutes } from '../surveys/surveys.api';
import { dashboardRoutes } from '../dashboard/dashboard.api';
import { AppError, invalid } from '../errors';
import { m } from '../../paraglide/messages.js';
import type { ApiDeps, ApiEnv } from './api-env';
import { problemResponse, zodFieldErrors } from './problem';
import { tokenFromHeaders } from './session-cookie';
import { limitBody } from './body-limit';

/** Every feature's routes; add a feature by adding its `xxxRoutes` here. */
const FEATURES = [authRoutes, regionRoutes, kimRoutes, adminUserRoutes, auditRoutes, adminOutboxRoutes, postRoutes,
	campaignRoutes, reachRoutes, reportRoutes, statsRoutes, notificationRoutes, aduanStatsRoutes, aduanRoutes, aduanHandlingRoutes,
	open311Routes, layananRoutes, surveyRoutes, dashboardRoutes];

/** Largest body of a JSON or urlencoded request (the population CSV import is 2 MB at most). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Largest multipart body: the biggest photo set (5 report photos of 5 MB) and its form overhead. */
export const MAX_MULTIPART_BYTES = 26 * 1024 * 1024;

export type ApiOptions = ApiDeps & {
	db: Db;
	/** The client IP for a request (rate limiting); the SvelteKit adapter supplies it. */
	clientIp?: (req: Request) => string | undefined;
};

/**
 * The REST API (Hono). Resolves the actor from the bearer token or session cookie, validates
 * input with the routes' zod schemas and answers errors as problem+json.
 */
export function createApi(opts: ApiOptions) {
	const app = new OpenAPIHono<ApiEnv>({
		defaultHook: (result) => {
			if (!result.success) throw invalid(zodFieldErrors(result.error));
		}
	});
	const deps: ApiDeps = { publicUrl: opts.publicUrl, secureCookies: opts.secureCookies, sessionDays: opts.sessionDays };

	// Refuse an oversized body before anything reads it (the session lookup included); routes
	// with uploads keep their own, tighter limits.
	app.use('*', limitBody((type) => (type.startsWith('multipart/') ? MAX_MULTIPART_BYTES : MAX_BODY_BYTES)));

	app.use('*', async (c, next) => {
		const token = tokenFromHeaders(c.req.raw.headers);
		const actor = token ? await findActorBySessionToken(opts.db, token) : null;
		c.set('token', token);
		c.set('deps', deps);
		c.set('ctx', {
			db: opts.db,
			actor,
			publicUrl: opts.publicUrl,
			ip: opts.clientIp?.(c.req.raw) ?? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? 'local',
			userAgent: c.req.header('user-agent')
		});
		await next();
	});
	app.onError((err) => problemResponse(err));
	app.notFound(() => problemResponse(new AppError('NOT_FOUND', m.err_not_found())));

	for (const register of FEATURES) register(app);

	app.openAPIRegistry.registerComponent('schemas', 'Problem', {
		type: 'object',
		required: ['status', 'title', 'code'],
		properties: {
			type: { type: 'string' },
			status: { type: 'integer' },
			title: { type: 'string' },
			code: { type: 'string', enum: ['INVALID', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'TOO_LARGE', 'RATE_LIMITED', 'INTERNAL'] },
			errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } }
		}
	});
	app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
	app.openAPIRegistry.registerComponent('securitySchemes', 'cookie', { type: 'apiKey', in: 'cookie', name: 'simpul_session' });
	app.doc31('/api/openapi.json', {
		openapi: '3.1.0',
		info: {
			title: 'Simpul API',
			version: '1',
			description: 'Errors are application/problem+json with status, title, code and errors[{path,message}]. Lists are {"data": [...]}. Authenticate with the session cookie or Authorization: Bearer <token> from POST /api/v1/auth/login.'
		},
		security: [{ bearer: [] }, { cookie: [] }]
	});
	app.get('/api/docs', (c) => c.html(DOCS_HTML));
	app.get('/api/docs/:file{swagger-ui\\.css|swagger-ui-bundle\\.js}', (c) => {
		const file = c.req.param('file');
		return c.body(readSwaggerAsset(file), 200, {
			'content-type': file.endsWith('.css') ? 'text/css' : 'text/javascript',
			'cache-control': 'public, max-age=86400'
		});
	});
	return app;
}

const assets = new Map<string, Buffer>();
function readSwaggerAsset(file: string) {
	if (!assets.has(file)) {
		const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
		assets.set(file, readFileSync(join(dir, file)));
	}
	return new Uint8Array(assets.get(file)!);
}

const DOCS_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Simpul API</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head><body><div id="ui"></div><script src="/api/docs/swagger-ui-bundle.js"></script><script>window.ui=SwaggerUIBundle({url:'/api/openapi.json',dom_id:'#ui'})</script></body></html>`;
