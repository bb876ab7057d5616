import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { listRegions } from './regions.queries';

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
}
