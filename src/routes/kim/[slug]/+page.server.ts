import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http/form';
import { getKimPage } from '$lib/server/kims/kims.read.actions';
import { presentKim } from '$lib/server/kims/kims.present';

/** A KIM's public page; non-verified KIMs only for staff and members (404 for others). */
export const load: PageServerLoad = async (event) => {
	const view = await runLoad(event, () => getKimPage(event.locals.ctx, event.params.slug));
	const kim = presentKim(view.kim, view);
	return {
		kim,
		board: view.board.map((x) => ({ name: x.name, position: x.position })),
		canManage: view.can.manage,
		url: `${event.locals.ctx.publicUrl}/kim/${kim.slug}`,
		ogImage: kim.logo_url ? `${event.locals.ctx.publicUrl}${kim.logo_url}` : null
	};
};
