/**
 * The two hottest anonymous requests answered before SvelteKit (scripts/server.js asks here
 * first): a public page already in the anonymous page cache, and a short link's redirect. Both
 * give exactly the answer the SvelteKit route would — same bytes and headers for a cached page,
 * same redirect, cookie and click for a short link — only without the framework's per-request
 * work. Anything else, and anything unusual (HEAD, a session, an unknown code), goes on to SvelteKit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Runtime } from '../runtime';
import { AppError } from '../errors';
import { followLink } from '../reach/reach.actions';
import { REF_COOKIE, REF_COOKIE_MAX_AGE } from '../reach/reach.rules';
import { SESSION_COOKIE } from './session-cookie';
import { anonymousPages, contentGeneration, negotiate, pageKey } from './page-cache';
import { cookieName as LOCALE_COOKIE } from '../../paraglide/runtime.js';

export type FastPaths = { serve(req: IncomingMessage, res: ServerResponse): Promise<boolean> | false };
const FAST_PATHS = Symbol.for('simpul.fastPaths');

const SHORT_LINK = /^\/s\/([^/?#]+)$/;
const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin', 'x-frame-options': 'DENY' };

function cookieValue(header: string | undefined, name: string) {
	if (!header) return undefined;
	const at = header.indexOf(`${name}=`);
	if (at < 0 || (at > 0 && header[at - 1] !== ' ' && header[at - 1] !== ';')) return undefined;
	const end = header.indexOf(';', at);
	return header.slice(at + name.length + 1, end < 0 ? undefined : end);
}

/**
 * The client's address as adapter-node's getClientAddress would give it (ADDRESS_HEADER,
 * XFF_DEPTH, read once: process.env is slow to read on every redirect).
 */
function clientAddressOf(env: NodeJS.ProcessEnv): (req: IncomingMessage) => string {
	const header = env.ADDRESS_HEADER?.toLowerCase();
	const depth = Number(env.XFF_DEPTH ?? 1);
	if (!header) return (req) => req.socket.remoteAddress ?? 'unknown';
	return (req) => {
		const value = String(req.headers[header] ?? '');
		if (header !== 'x-forwarded-for') return value || 'unknown';
		const hops = value.split(',').map((v) => v.trim());
		return hops[hops.length - depth] ?? 'unknown';
	};
}

export function createFastPaths(runtime: Pick<Runtime, 'config' | 'database'>): FastPaths {
	const { db } = runtime.database;
	const { publicUrl, secureCookies } = runtime.config;
	const generation = contentGeneration(db);
	const clientAddress = clientAddressOf(process.env);

	async function cachedPage(req: IncomingMessage, res: ServerResponse, key: string) {
		const hit = anonymousPages.get(key, await generation.read());
		if (!hit) return false;
		const { body, headers } = negotiate(hit, req.headers['accept-encoding']);
		res.statusCode = hit.status;
		for (const [name, value] of headers) res.setHeader(name, value);
		res.end(body);
		return true;
	}

	async function shortLink(req: IncomingMessage, res: ServerResponse, code: string) {
		let link;
		try {
			link = await followLink({ db, actor: null, publicUrl, ip: clientAddress(req), userAgent: req.headers['user-agent'] }, decodeURIComponent(code), { method: 'GET' });
		} catch (err) {
			if (err instanceof AppError || err instanceof URIError) return false; // SvelteKit renders the not-found page
			throw err;
		}
		const headers: Record<string, string> = { ...SECURITY_HEADERS, location: link.url, 'cache-control': 'no-store' };
		if (link.counted) {
			headers['set-cookie'] = `${REF_COOKIE}=${link.code}; Max-Age=${REF_COOKIE_MAX_AGE}; Path=/; HttpOnly; SameSite=Lax${secureCookies ? '; Secure' : ''}`;
		}
		res.writeHead(302, headers);
		res.end();
		return true;
	}

	return {
		serve(req, res) {
			if (req.method !== 'GET' || !req.url) return false;
			const cookies = req.headers.cookie;
			if (req.headers.authorization || cookieValue(cookies, SESSION_COOKIE)) {
				return false;
			}
			const queryAt = req.url.indexOf('?');
			const path = queryAt < 0 ? req.url : req.url.slice(0, queryAt);
			const link = SHORT_LINK.exec(path);
			if (link) return shortLink(req, res, link[1]);
			const key = pageKey(cookieValue(cookies, LOCALE_COOKIE), req.url);
			return anonymousPages.has(key) ? cachedPage(req, res, key) : false;
		}
	};
}

/** Makes the fast paths available to scripts/server.js (outside the bundle) once the runtime is up. */
export function installFastPaths(runtime: Pick<Runtime, 'config' | 'database'>) {
	(globalThis as Record<symbol, unknown>)[FAST_PATHS] = createFastPaths(runtime);
}
