import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Api, ApiEnv } from '../http/api-env';
import { authorizeManage } from './layanan.guard';
import { problemResponses } from '../http/api-env';
import {
	CreateEmergencySchema, CreateFacilitySchema, CreateServiceSchema, FacilityQuerySchema, IdParam, ServiceQuerySchema, SlugParam,
	UpdateEmergencySchema, UpdateFacilitySchema, UpdateServiceSchema
} from './layanan.schema';
import { getFacility, getService, listEmergencyNumbers, listFacilities, listServices } from './layanan.read.actions';
import { createService, deleteService, updateService } from './layanan.services.actions';
import { createFacility, deleteFacility, updateFacility } from './layanan.facilities.actions';
import { createEmergency, deleteEmergency, updateEmergency } from './layanan.emergency.actions';
import { EmergencyOut, FacilityOut, ServiceOut, presentEmergency } from './layanan.present';

/**
 * Refuses writes by non-staff (401 anonymous, 403 others) before input validation, so a
 * stranger's answer never depends on what they sent. The actions check again.
 */
const staffWrites: MiddlewareHandler<ApiEnv> = async (c, next) => {
	if (c.req.method !== 'GET' && c.req.method !== 'HEAD') authorizeManage(c.get('ctx'));
	await next();
};

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const STAFF = ' (petugas/admin; others 403)';
const PUBLIC = 'Unpublished items are visible to staff only (404 for others)';

/** Public-service directory: services, facilities, emergency numbers (issue 5). */
export function layananRoutes(app: Api) {
	for (const path of ['/api/v1/services', '/api/v1/services/*', '/api/v1/facilities', '/api/v1/facilities/*', '/api/v1/emergency-numbers', '/api/v1/emergency-numbers/*']) {
		app.use(path, staffWrites);
	}
	serviceRoutes(app);
	facilityRoutes(app);
	emergencyRoutes(app);
}

function serviceRoutes(app: Api) {
	const tags = ['layanan'];
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/services', tags,
			summary: `Public services: Indonesian full-text search with stemming and typo tolerance (q), by category, and offered city-wide or at a kelurahan. ${PUBLIC}`,
			request: { query: ServiceQuerySchema },
			responses: { 200: { description: 'Services, best match first when searching, else by name', ...json(z.object({ data: z.array(ServiceOut) })) }, ...problemResponses(400) }
		}),
		async (c) => c.json({ data: await listServices(c.get('ctx'), c.req.valid('query')) }, 200)
	);
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/services/{slug}', tags, summary: `One service by slug (or id). ${PUBLIC}`,
			request: { params: SlugParam },
			responses: { 200: { description: 'The service', ...json(ServiceOut) }, ...problemResponses(404) }
		}),
		async (c) => c.json(await getService(c.get('ctx'), c.req.valid('param').slug), 200)
	);
	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/services', tags, summary: `Add a service${STAFF}. Published unless is_published is false; a slug is made from the name when left out`,
			request: { body: { ...json(CreateServiceSchema), required: true } },
			responses: { 201: { description: 'Added', ...json(ServiceOut) }, ...problemResponses(400, 401, 403) }
		}),
		async (c) => {
			const row = await createService(c.get('ctx'), c.req.valid('json'));
			return c.json(await getService(c.get('ctx'), row.id), 201);
		}
	);
	app.openapi(
		createRoute({
			method: 'patch', path: '/api/v1/services/{slug}', tags, summary: `Change a service's fields, e.g. {"is_published": false}${STAFF}`,
			request: { params: SlugParam, body: { ...json(UpdateServiceSchema), required: true } },
			responses: { 200: { description: 'Changed', ...json(ServiceOut) }, ...problemResponses(400, 401, 403, 404) }
		}),
		async (c) => {
			const row = await updateService(c.get('ctx'), c.req.valid('param').slug, c.req.valid('json'));
			return c.json(await getService(c.get('ctx'), row.id), 200);
		}
	);
	app.openapi(
		createRoute({
			method: 'delete', path: '/api/v1/services/{slug}', tags, summary: `Delete a service${STAFF}`,
			request: { params: SlugParam },
			responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404) }
		}),
		async (c) => {
			await deleteService(c.get('ctx'), c.req.valid('param').slug);
			return c.body(null, 204);
		}
	);
}

function facilityRoutes(app: Api) {
	const tags = ['layanan'];
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/facilities', tags,
			summary: `Facilities (puskesmas, kantor kelurahan, …) by kind, search (q) and kelurahan (the ones in it first, then the rest of its kecamatan). ${PUBLIC}`,
			request: { query: FacilityQuerySchema },
			responses: { 200: { description: 'Facilities', ...json(z.object({ data: z.array(FacilityOut) })) }, ...problemResponses(400) }
		}),
		async (c) => c.json({ data: await listFacilities(c.get('ctx'), c.req.valid('query')) }, 200)
	);
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/facilities/{slug}', tags, summary: `One facility by slug (or id). ${PUBLIC}`,
			request: { params: SlugParam },
			responses: { 200: { description: 'The facility', ...json(FacilityOut) }, ...problemResponses(404) }
		}),
		async (c) => c.json(await getFacility(c.get('ctx'), c.req.valid('param').slug), 200)
	);
	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/facilities', tags, summary: `Add a facility${STAFF}; lat/lng (both or neither) must lie inside the city`,
			request: { body: { ...json(CreateFacilitySchema), required: true } },
			responses: { 201: { description: 'Added', ...json(FacilityOut) }, ...problemResponses(400, 401, 403) }
		}),
		async (c) => {
			const row = await createFacility(c.get('ctx'), c.req.valid('json'));
			return c.json(await getFacility(c.get('ctx'), row.id), 201);
		}
	);
	app.openapi(
		createRoute({
			method: 'patch', path: '/api/v1/facilities/{slug}', tags, summary: `Change a facility's fields${STAFF}`,
			request: { params: SlugParam, body: { ...json(UpdateFacilitySchema), required: true } },
			responses: { 200: { description: 'Changed', ...json(FacilityOut) }, ...problemResponses(400, 401, 403, 404) }
		}),
		async (c) => {
			const row = await updateFacility(c.get('ctx'), c.req.valid('param').slug, c.req.valid('json'));
			return c.json(await getFacility(c.get('ctx'), row.id), 200);
		}
	);
	app.openapi(
		createRoute({
			method: 'delete', path: '/api/v1/facilities/{slug}', tags, summary: `Delete a facility${STAFF}`,
			request: { params: SlugParam },
			responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404) }
		}),
		async (c) => {
			await deleteFacility(c.get('ctx'), c.req.valid('param').slug);
			return c.body(null, 204);
		}
	);
}

function emergencyRoutes(app: Api) {
	const tags = ['layanan'];
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/emergency-numbers', tags, summary: 'Emergency numbers, 112 first, each with its tel: link',
			responses: { 200: { description: 'Numbers', ...json(z.object({ data: z.array(EmergencyOut) })) } }
		}),
		async (c) => c.json({ data: await listEmergencyNumbers(c.get('ctx')) }, 200)
	);
	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/emergency-numbers', tags, summary: `Add an emergency number${STAFF}`,
			request: { body: { ...json(CreateEmergencySchema), required: true } },
			responses: { 201: { description: 'Added', ...json(EmergencyOut) }, ...problemResponses(400, 401, 403) }
		}),
		async (c) => c.json(presentEmergency(await createEmergency(c.get('ctx'), c.req.valid('json'))), 201)
	);
	app.openapi(
		createRoute({
			method: 'patch', path: '/api/v1/emergency-numbers/{id}', tags, summary: `Change an emergency number${STAFF}`,
			request: { params: IdParam, body: { ...json(UpdateEmergencySchema), required: true } },
			responses: { 200: { description: 'Changed', ...json(EmergencyOut) }, ...problemResponses(400, 401, 403, 404) }
		}),
		async (c) => c.json(presentEmergency(await updateEmergency(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'))), 200)
	);
	app.openapi(
		createRoute({
			method: 'delete', path: '/api/v1/emergency-numbers/{id}', tags, summary: `Delete an emergency number${STAFF}`,
			request: { params: IdParam },
			responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404) }
		}),
		async (c) => {
			await deleteEmergency(c.get('ctx'), c.req.valid('param').id);
			return c.body(null, 204);
		}
	);
}
