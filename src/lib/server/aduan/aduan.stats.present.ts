import { z } from '@hono/zod-openapi';
import { ADUAN_STATUSES } from './aduan.rules';
import type { AduanStats } from './aduan.stats.actions';

const Count = z.number().int().min(0);
const Named = z.object({ code: z.string(), name: z.string(), count: Count });

export const AduanStatsOut = z
	.object({
		from: z.string().openapi({ format: 'date' }),
		to: z.string().openapi({ format: 'date' }),
		total: Count,
		by_status: z.object(Object.fromEntries(ADUAN_STATUSES.map((s) => [s, Count])) as Record<(typeof ADUAN_STATUSES)[number], typeof Count>),
		by_category: z.array(Named.openapi('AduanStatsCategory')),
		by_kelurahan: z.array(Named.openapi('AduanStatsKelurahan')),
		by_month: z.array(z.object({ month: z.string().openapi({ example: '2026-11' }), count: Count })),
		median_hours_to_verify: z.number().nullable(),
		median_hours_to_resolve: z.number().nullable(),
		within_service_level_ratio: z.number().min(0).max(1).nullable(),
		service_level: z.object({ met: Count, missed: Count })
	})
	.openapi('AduanStats');

/** The public shape: counts and durations only, never a title, id or person. */
export const presentAduanStats = (s: AduanStats): z.infer<typeof AduanStatsOut> => ({
	from: s.range.from,
	to: s.range.to,
	total: s.total,
	by_status: s.byStatus,
	by_category: s.byCategory,
	by_kelurahan: s.byKelurahan,
	by_month: s.byMonth,
	median_hours_to_verify: s.medianHoursToVerify,
	median_hours_to_resolve: s.medianHoursToResolve,
	within_service_level_ratio: s.withinServiceLevelRatio,
	service_level: s.serviceLevel
});
