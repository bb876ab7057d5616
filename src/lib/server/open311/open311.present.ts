import { dueOf } from '../aduan/aduan.rules';
import { isoWib, open311Status, type Format } from './open311.rules';
import { el, fieldsOf, xmlDocument, type XmlText } from './open311.xml';
import type { listServiceCategories, RequestRow } from './open311.queries';

type Category = Awaited<ReturnType<typeof listServiceCategories>>[number];
type Flat = Record<string, XmlText>;

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** A category as an Open311 service: no extra attributes (metadata false), handled in real time. */
export const presentService = (c: Category) => ({
	service_code: c.code,
	service_name: c.name,
	description: c.description || null,
	metadata: false,
	type: 'realtime' as const,
	keywords: c.keywords.length ? c.keywords.join(',') : null,
	group: c.groupName
});

/** Our categories ask nothing beyond the standard fields. */
export const presentServiceDefinition = (code: string) => ({ service_code: code, attributes: [] as never[] });

/**
 * An aduan as a GeoReport request. Never a reporter field (the row has none); the point only
 * for a public aduan; the address is the kelurahan. `expected_datetime` is the deadline the
 * aduan is working towards (verification or the unit's plan), when there is one.
 */
export function presentRequest(r: RequestRow, now: Date) {
	const due = dueOf(r, now);
	const isPublic = r.privacy === 'public';
	return {
		service_request_id: r.trackingId,
		status: open311Status(r.status),
		status_notes: r.status === 'rejected' ? r.rejectReason : null,
		service_name: r.categoryName,
		service_code: r.categoryCode,
		description: r.description.slice(0, 4000),
		agency_responsible: r.unitName,
		service_notice: null,
		requested_datetime: isoWib(r.createdAt),
		updated_datetime: isoWib(r.updatedAt),
		expected_datetime: due && due.stage !== 'close' ? isoWib(due.dueAt) : null,
		address: r.kelurahanName ?? null,
		address_id: null,
		zipcode: null,
		lat: isPublic ? r.lat : null,
		long: isPublic ? r.lng : null,
		media_url: null
	};
}
export type Open311Request = ReturnType<typeof presentRequest>;

export function presentDiscovery(baseUrl: string, changeset: Date, contact: string, keyService: string) {
	return {
		changeset: isoWib(changeset),
		contact,
		key_service: keyService,
		endpoints: [{ specification: SPECIFICATION, url: `${baseUrl}/open311/v2`, changeset: isoWib(changeset), type: 'production', formats: ['application/json', 'text/xml'] }]
	};
}
type Discovery = ReturnType<typeof presentDiscovery>;

// --- XML ---

const list = (root: string, item: string, rows: Flat[]) => xmlDocument(el(root, rows.map((r) => el(item, fieldsOf(r)))));

export const servicesXml = (services: ReturnType<typeof presentService>[]) => list('services', 'service', services);

export const serviceDefinitionXml = (d: ReturnType<typeof presentServiceDefinition>) =>
	xmlDocument(el('service_definition', [el('service_code', d.service_code), el('attributes', [])]));

export const requestsXml = (rows: Flat[]) => list('service_requests', 'request', rows);

export const discoveryXml = (d: Discovery) =>
	xmlDocument(el('discovery', [
		el('changeset', d.changeset), el('contact', d.contact), el('key_service', d.key_service),
		el('endpoints', d.endpoints.map((e) => el('endpoint', [
			el('specification', e.specification), el('url', e.url), el('changeset', e.changeset), el('type', e.type),
			el('formats', e.formats.map((f) => el('format', f)))
		])))
	]));

export const errorsXml = (errors: { code: number; description: string }[]) => list('errors', 'error', errors);

/** JSON as is, or the XML rendering, with the right content type. */
export function respond(format: Format, status: number, json: unknown, xml: () => string) {
	return format === 'json'
		? new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json; charset=utf-8' } })
		: new Response(xml(), { status, headers: { 'content-type': 'text/xml; charset=utf-8' } });
}

/** The Open311 error form `[{code, description}]` (code = the HTTP status), in either format. */
export const open311Error = (format: Format, status: number, descriptions: string[]) => {
	const errors = descriptions.map((description) => ({ code: status, description }));
	return respond(format, status, errors, () => errorsXml(errors));
};
