import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { toAppError, zodFieldErrors } from '$lib/server/http/problem';
import type { FieldError } from '$lib/server/errors';
import { AduanStatsQuerySchema } from '$lib/server/aduan/aduan.stats.schema';
import { getAduanStats, type AduanStats } from '$lib/server/aduan/aduan.stats.actions';
import { presentAduanStats } from '$lib/server/aduan/aduan.stats.present';
import { PLAN_WITHIN_DAYS, VERIFY_WITHIN_DAYS } from '$lib/server/aduan/aduan.rules';

/** Public aduan statistics; a bad date filter shows its errors above the figures of the default range. */
export const load: PageServerLoad = async (event) => {
	const values = { from: event.url.searchParams.get('from') ?? '', to: event.url.searchParams.get('to') ?? '' };
	let errors: FieldError[] = [];
	let stats: AduanStats | undefined;
	const parsed = AduanStatsQuerySchema.safeParse(values);
	if (!parsed.success) errors = zodFieldErrors(parsed.error);
	else {
		try {
			stats = await getAduanStats(event.locals.ctx, parsed.data);
		} catch (err) {
			const app = toAppError(err);
			if (app?.code !== 'INVALID') throw err;
			errors = app.details.errors ?? [];
		}
	}
	stats ??= await getAduanStats(event.locals.ctx, { from: null, to: null });
	const s = presentAduanStats(stats);
	return {
		stats: s,
		errors,
		values: errors.length ? values : { from: s.from, to: s.to },
		apiUrl: `/api/v1/aduan/stats?${new URLSearchParams({ from: s.from, to: s.to })}`,
		verifyDays: VERIFY_WITHIN_DAYS,
		planDays: PLAN_WITHIN_DAYS,
		locale: getLocale()
	};
};
