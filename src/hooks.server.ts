import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getRuntime } from '$lib/server/runtime';
import { findActorBySessionToken } from '$lib/server/auth/auth.queries';
import { tokenFromHeaders } from '$lib/server/http/session-cookie';
import { m } from '$lib/paraglide/messages.js';
import { csrfHandle } from '$lib/server/open311/open311.csrf';
import { CACHED_API_PATHS, CACHED_ROUTES, anonymousPages, contentGeneration, negotiate, pageKey } from '$lib/server/http/page-cache';
import { installFastPaths } from '$lib/server/http/fast-path';
import { cookieName as LOCALE_COOKIE } from '$lib/paraglide/runtime';

export const init: ServerInit = async () => {
	installFastPaths(await getRuntime());
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});

/** Resolves the session to `locals.actor` for pages; /api requests are resolved by the API. */
const session: Handle = async ({ event, resolve }) => {
	// A NUL byte is never meaningful in a URL and PostgreSQL refuses it in text: answer 400 here.
	if (/%00/.test(event.url.pathname + event.url.search)) {
		return new Response(JSON.stringify({ type: 'about:blank', status: 400, code: 'INVALID', title: m.err_invalid() }), {
			status: 400,
			headers: { 'content-type': 'application/problem+json' }
		});
	}
	const { database, config } = await getRuntime();
	const isApi = event.url.pathname.startsWith('/api/');
	const token = isApi ? undefined : tokenFromHeaders(event.request.headers);
	const actor = token ? await findActorBySessionToken(database.db, token) : null;
	event.locals.actor = actor;
	event.locals.sessionToken = token;
	event.locals.ctx = {
		db: database.db,
		actor,
		publicUrl: config.publicUrl,
		ip: safeClientAddress(event),
		userAgent: event.request.headers.get('user-agent') ?? undefined
	};
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	if (!isApi) response.headers.set('x-frame-options', 'DENY');
	return response;
};

function safeClientAddress(event: Parameters<Handle>[0]['event']) {
	try {
		return event.getClientAddress();
	} catch {
		return 'local';
	}
}

/**
 * Anonymous GETs of the public pages (page-cache CACHED_ROUTES) are answered from the process's
 * cache while the content generation is unchanged. Anything with a session or a cookie set in
 * the answer is never cached; `x-cache` says HIT or MISS.
 */
const pageCache: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	const generation = contentGeneration((await getRuntime()).database.db);
	if (request.method !== 'GET' && request.method !== 'HEAD') {
		// A write by this process: its own visitors see it at once (others within a second).
		const response = await resolve(event);
		generation.expire();
		return response;
	}
	const anonymous = !tokenFromHeaders(request.headers) && !request.headers.has('authorization');
	// Client-side navigations (__data.json) are few and vary by what they invalidate: not cached.
	const cacheable = CACHED_ROUTES.has(event.route.id ?? '') || CACHED_API_PATHS.has(url.pathname);
	if (request.method !== 'GET' || event.isDataRequest || !anonymous || !cacheable) {
		return resolve(event);
	}
	const current = await generation.read();
	const key = pageKey(event.cookies.get(LOCALE_COOKIE), url.pathname + url.search);
	const hit = anonymousPages.get(key, current);
	if (hit) {
		const { body, headers } = negotiate(hit, request.headers.get('accept-encoding'));
		return new Response(body, { status: hit.status, headers });
	}
	const response = await resolve(event);
	if (response.status !== 200 || response.headers.has('set-cookie')) return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = [...response.headers];
	anonymousPages.set(key, { body, status: 200, headers, generation: current });
	return new Response(body, { status: 200, headers: [...headers, ['x-cache', 'MISS']] });
};

export const handle = sequence(csrfHandle, pageCache, i18n, session);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status >= 500) console.error('[page] unexpected error', error);
	return { message: status === 404 ? m.err_not_found() : m.err_server() };
};
