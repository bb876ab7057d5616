import type { PageServerLoad } from './$types';
import { requireActor, runLoad } from '$lib/server/http/form';
import { listMine } from '$lib/server/aduan/aduan.read.actions';

/** The person's own aduan and those they (a KIM member) filed for others. */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	return { items: await runLoad(event, () => listMine(event.locals.ctx)) };
};
