import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Api, ApiEnv } from '../http/api-env';
import { HTTP_STATUS, toAppError } from '../http/problem';
import { AppError } from '../errors';
import { m } from '../../paraglide/messages.js';
import { splitFormat, type Format } from './open311.rules';
import {
	checkJurisdiction, getRequest, getServiceDefinition, getToken, jurisdictionOf, listRequests, listServices, submitRequest
} from './open311.actions';
import {
	discoveryXml, open311Error, presentDiscovery, requestsXml, respond, serviceDefinitionXml, servicesXml
} from './open311.present';
import { fieldsOf, el, xmlDocument } from './open311.xml';
import { apiKeyRoutes } from './open311.keys.api';
import { registerOpen311Docs } from './open311.docs';

type C = Context<ApiEnv>;
const BASE = '/open311/v2';
/** A POST body larger than this is refused before it is read. */
const MAX_BODY = 64 * 1024;

const notFound = () => new AppError('NOT_FOUND', m.err_not_found());

/** Every error in the Open311 form `[{code, description}]`, in the format the path asked for. */
function errorResponse(err: unknown, format: Format) {
	const app = toAppError(err);
	if (!app) {
		console.error('[open311] unexpected error', err);
		return open311Error(format, 500, [m.err_server()]);
	}
	// GeoReport answers a missing or bad api_key with 403.
	const status = app.code === 'UNAUTHENTICATED' ? 403 : HTTP_STATUS[app.code];
	const descriptions = app.details.errors?.length ? app.details.errors.map((e) => `${e.path}: ${e.message}`) : [app.message];
	return open311Error(format, status, descriptions);
}

/** Runs a handler for `<name>.<format>`; an unknown extension is a 404 in JSON. */
function handle(file: (c: C) => string, run: (c: C, name: string, format: Format) => Promise<Response>) {
	return async (c: C) => {
		const split = splitFormat(file(c));
		if (!split) return errorResponse(notFound(), 'json');
		try {
			return await run(c, split.name, split.format);
		} catch (err) {
			return errorResponse(err, split.format);
		}
	};
}

/** The request's parameters: the query string, overridden by a form-encoded, multipart or JSON body. */
async function paramsOf(c: C): Promise<Record<string, string | undefined>> {
	const params: Record<string, string | undefined> = { ...c.req.query() };
	if (c.req.method !== 'POST') return params;
	const type = c.req.header('content-type') ?? '';
	let body: Record<string, unknown> = {};
	if (type.includes('application/json')) {
		const parsed = await c.req.json().catch(() => {
			throw new AppError('INVALID', m.open311_err_body());
		});
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
	} else if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
		// A form that cannot be parsed (no boundary, truncated) is the client's error, not a 500.
		body = await c.req.parseBody().catch(() => {
			throw new AppError('INVALID', m.open311_err_body());
		});
	}
	for (const [k, v] of Object.entries(body)) {
		if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') params[k] = String(v);
	}
	return params;
}

const requestsResponse = (format: Format, rows: Record<string, string | number | null>[]) =>
	respond(format, 200, rows, () => requestsXml(rows));

/** Open311 GeoReport v2 at /open311/v2/ (issue 5), and the admin API for its keys. */
export function open311Routes(app: Api) {
	apiKeyRoutes(app);
	registerOpen311Docs(app);

	app.get(`${BASE}/:file`, handle((c) => c.req.param('file') ?? '', async (c, name, format) => {
		const ctx = c.get('ctx');
		const query = c.req.query();
		await checkJurisdiction(ctx.db, query.jurisdiction_id);
		if (name === 'discovery') {
			const d = presentDiscovery(ctx.publicUrl, new Date('2026-11-28T00:00:00+07:00'), m.open311_contact({ jurisdiction: await jurisdictionOf(ctx.db) }), m.open311_key_service());
			return respond(format, 200, d, () => discoveryXml(d));
		}
		if (name === 'services') {
			const services = await listServices(ctx);
			return respond(format, 200, services, () => servicesXml(services));
		}
		if (name === 'requests') return requestsResponse(format, await listRequests(ctx, query));
		throw notFound();
	}));

	app.use(`${BASE}/requests.*`, bodyLimit({ maxSize: MAX_BODY, onError: () => open311Error('json', 413, [m.open311_err_body()]) }));
	app.post(`${BASE}/:file`, handle((c) => c.req.param('file') ?? '', async (c, name, format) => {
		if (name !== 'requests') throw notFound();
		const result = await submitRequest(c.get('ctx'), await paramsOf(c));
		return respond(format, 200, [result], () =>
			xmlDocument(el('service_requests', [el('request', [...fieldsOf(result), el('account_id', null)])])));
	}));

	app.get(`${BASE}/services/:file`, handle((c) => c.req.param('file') ?? '', async (c, code, format) => {
		const ctx = c.get('ctx');
		await checkJurisdiction(ctx.db, c.req.query('jurisdiction_id'));
		const definition = await getServiceDefinition(ctx, code);
		return respond(format, 200, definition, () => serviceDefinitionXml(definition));
	}));

	// The spec says requests/{id}; the community Swagger file says request/{id}: answer both.
	for (const prefix of ['requests', 'request']) {
		app.get(`${BASE}/${prefix}/:file`, handle((c) => c.req.param('file') ?? '', async (c, id, format) => {
			const ctx = c.get('ctx');
			await checkJurisdiction(ctx.db, c.req.query('jurisdiction_id'));
			return requestsResponse(format, [await getRequest(ctx, id)]);
		}));
	}

	app.get(`${BASE}/tokens/:file`, handle((c) => c.req.param('file') ?? '', async (c, token, format) => {
		const ctx = c.get('ctx');
		await checkJurisdiction(ctx.db, c.req.query('jurisdiction_id'));
		const found = await getToken(ctx, token);
		return respond(format, 200, [found], () => requestsXml([found]));
	}));

	// Anything else under /open311: an Open311 404, not problem+json.
	app.all('/open311/*', (c) => {
		const last = c.req.path.split('/').pop() ?? '';
		return errorResponse(notFound(), splitFormat(last)?.format ?? 'json');
	});
}
