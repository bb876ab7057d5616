import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { listRegions } from './regions.queries';
import { adminOnly } from '../admin/admin-only';
import { AddRegencySchema, ImportPopulationSchema, UpdateRegionSchema } from './regions.schema';
import { addRegencyAsAdmin, importPopulationAsAdmin, updateRegion } from './regions.actions';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const RegionOut = z
	.object({
		code: z.string().openapi({ example: '33.71.01.1003' }),
		name: z.string(),
		level: z.enum(['provinsi', 'kota', 'kabupaten', 'kecamatan', 'kelurahan', 'desa']),
		parent_code: z.string().nullable(),
		population: z.number().int().nullable(),
		area_km2: z.number().nullable()
	})
	.openapi('Region');

export const presentRegion = (r: Awaited<ReturnType<typeof listRegions>>[number]) => ({
	code: r.code,
	name: r.name,
	level: r.level as z.infer<typeof RegionOut>['level'],
	parent_code: r.parentCode,
	population: r.population,
	area_km2: r.areaKm2
});

export function regionRoutes(app: Api) {
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/regions', tags: ['regions'],
			summary: 'Regions (Kemendagri codes); level=kelurahan includes desa',
			request: {
				query: z.object({
					level: z.enum(['provinsi', 'kota', 'kabupaten', 'kecamatan', 'kelurahan', 'desa']).optional(),
					parent: z.string().max(20).optional()
				})
			},
			responses: { 200: { description: 'Regions', content: { 'application/json': { schema: z.object({ data: z.array(RegionOut) }) } } }, ...problemResponses(400) }
		}),
		async (c) => {
			const rows = await listRegions(c.get('ctx').db, c.req.valid('query'));
			return c.json({ data: rows.map(presentRegion) }, 200);
		}
	);

	adminRegionRoutes(app);
}

/** Admin: edit region data, import populations, load another kota/kabupaten. */
function adminRegionRoutes(app: Api) {
	app.on(['PATCH', 'POST'], '/api/v1/regions/*', adminOnly);

	app.openapi(
		createRoute({
			method: 'patch', path: '/api/v1/regions/{code}', tags: ['regions'],
			summary: 'Fix a region\'s name, population or area (admin); null clears a figure',
			request: { params: z.object({ code: z.string().max(20).openapi({ example: '33.71.01.1003' }) }), body: { ...json(UpdateRegionSchema), required: true } },
			responses: { 200: { description: 'The region after the change', ...json(RegionOut) }, ...problemResponses(400, 401, 403, 404) }
		}),
		async (c) => {
			const row = await updateRegion(c.get('ctx'), c.req.valid('param').code, c.req.valid('json'));
			return c.json(presentRegion(row), 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/regions/import', tags: ['regions'],
			summary: 'Import populations (and areas) from CSV text with columns code,population[,area_km2] (admin)',
			description: 'All or nothing: every bad line is reported as an error on `csv` naming its line number, and nothing is written.',
			request: { body: { ...json(ImportPopulationSchema), required: true } },
			responses: {
				200: { description: 'Imported', ...json(z.object({ updated: z.number().int(), rows: z.number().int() })) },
				...problemResponses(400, 401, 403)
			}
		}),
		async (c) => c.json(await importPopulationAsAdmin(c.get('ctx'), c.req.valid('json')), 200)
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/regions/regencies', tags: ['regions'],
			summary: 'Load another kota/kabupaten (with its province, kecamatan and desa/kelurahan) from idn-area-data (admin)',
			request: { body: { ...json(AddRegencySchema), required: true } },
			responses: {
				201: { description: 'Loaded', ...json(z.object({ code: z.string(), name: z.string(), inserted: z.number().int() })) },
				...problemResponses(400, 401, 403, 409)
			}
		}),
		async (c) => c.json(await addRegencyAsAdmin(c.get('ctx'), c.req.valid('json')), 201)
	);
}
