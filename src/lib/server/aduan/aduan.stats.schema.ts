import { z } from '@hono/zod-openapi';
import { optionalIsoDate } from '../validation';

export const AduanStatsQuerySchema = z.object({
	from: optionalIsoDate().openapi({ description: 'First day of filing (WIB), inclusive. Default: the first day of the month 11 months before `to`' }),
	to: optionalIsoDate().openapi({ description: 'Last day of filing (WIB), inclusive. Default: today (WIB)' })
});
export type AduanStatsQuery = z.infer<typeof AduanStatsQuerySchema>;
