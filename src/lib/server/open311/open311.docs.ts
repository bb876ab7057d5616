import type { Api } from '../http/api-env';

const format = { name: 'format', in: 'path' as const, required: true, schema: { type: 'string' as const, enum: ['json', 'xml'] } };
const jurisdiction = { name: 'jurisdiction_id', in: 'query' as const, required: false, schema: { type: 'string' as const, example: '33.71' } };
const q = (name: string, description: string) => ({ name, in: 'query' as const, required: false, description, schema: { type: 'string' as const } });
const path = (name: string) => ({ name, in: 'path' as const, required: true, schema: { type: 'string' as const } });
const ok = (description: string) => ({
	200: { description, content: { 'application/json': { schema: {} }, 'text/xml': { schema: {} } } },
	400: { description: 'Bad input: [{code: 400, description}]' },
	404: { description: 'Not found: [{code: 404, description}]' }
});

/**
 * Documents the GeoReport v2 endpoints in the OpenAPI document (they are plain Hono routes: the
 * answers follow the Open311 specification, not this API's problem+json conventions).
 */
export function registerOpen311Docs(app: Api) {
	const tags = ['open311'];
	const reg = app.openAPIRegistry;
	reg.registerPath({ method: 'get', path: '/open311/v2/discovery.{format}', tags, summary: 'Open311 GeoReport v2 discovery', request: {}, responses: ok('Discovery'), parameters: [format] } as never);
	reg.registerPath({ method: 'get', path: '/open311/v2/services.{format}', tags, summary: 'The services: one per active aduan category (service_code = category code)', responses: ok('Services'), parameters: [format, jurisdiction] } as never);
	reg.registerPath({ method: 'get', path: '/open311/v2/services/{service_code}.{format}', tags, summary: 'A service definition (no extra attributes: attributes is empty)', responses: ok('Service definition'), parameters: [path('service_code'), format, jurisdiction] } as never);
	reg.registerPath({
		method: 'get', path: '/open311/v2/requests.{format}', tags,
		summary: 'Requests (aduan that are not confidential), newest first, at most 1000. service_request_id wins over the other filters; without dates the last 90 days; a range may span 90 days at most',
		responses: ok('Requests'),
		parameters: [format, jurisdiction, q('service_request_id', 'Comma-delimited tracking ids'), q('service_code', 'Comma-delimited'), q('start_date', 'ISO 8601'), q('end_date', 'ISO 8601'), q('status', 'open, closed or both comma-delimited')]
	} as never);
	reg.registerPath({
		method: 'post', path: '/open311/v2/requests.{format}', tags,
		summary: 'File an aduan (form-encoded or JSON). api_key required (403 without a live one). service_code, description (≥ 20 characters), lat+long (inside the city) and/or address_string naming the kelurahan '
			+ '(or the extension kelurahan_code); first_name, last_name, email, phone are kept as the contact and never shown; extension privacy = public | anonymous (default) | confidential; media_url is ignored. '
			+ 'Answers 200 [{service_request_id, token, service_notice}]',
		responses: { ...ok('Created'), 403: { description: 'No or invalid api_key' } },
		parameters: [format]
	} as never);
	reg.registerPath({ method: 'get', path: '/open311/v2/requests/{service_request_id}.{format}', tags, summary: 'One request (a list of one); confidential → 404', responses: ok('Request'), parameters: [path('service_request_id'), format, jurisdiction] } as never);
	reg.registerPath({ method: 'get', path: '/open311/v2/tokens/{token}.{format}', tags, summary: 'The service_request_id behind a token from POST requests', responses: ok('Token'), parameters: [path('token'), format, jurisdiction] } as never);
}
