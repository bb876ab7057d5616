import type { PageServerLoad } from './$types';
import { requireActor, runLoad } from '$lib/server/http/form';
import { getBoard, getBoardFilters } from '$lib/server/aduan/aduan.handling.read';
import { BoardQuerySchema } from '$lib/server/aduan/aduan.handling.schema';

/**
 * The aduan board for the agency (everything) and unit staff (their unit's forwarded aduan).
 * Residents get a 403 page; anonymous visitors the login page.
 */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const parsed = BoardQuerySchema.safeParse(Object.fromEntries(event.url.searchParams));
	const query = parsed.success ? parsed.data : {};
	const [rows, filters] = await runLoad(event, () => Promise.all([getBoard(event.locals.ctx, query), getBoardFilters(event.locals.ctx)]));
	return { rows, filters, query: { unit: '', status: '', due: '', category: '', kelurahan: '', ...query } };
};
