import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http/form';
import { getKimPage } from '$lib/server/kims/kims.read.actions';
import { presentKim } from '$lib/server/kims/kims.present';
import { listPosts } from '$lib/server/posts/posts.read.actions';
import { feedHref } from '$lib/server/portal/filters';

/** A KIM's public page; non-verified KIMs only for staff and members (404 for others). */
export const load: PageServerLoad = async (event) => {
	const view = await runLoad(event, () => getKimPage(event.locals.ctx, event.params.slug));
	const kim = presentKim(view.kim, view);
	// The KIM's latest public posts (as the public sees them, whoever looks).
	const posts = (await listPosts({ ...event.locals.ctx, actor: null }, { kim_id: view.kim.id, limit: 6 })).filter((p) => p.is_public);
	return {
		posts,
		feed: feedHref({ kim: kim.slug }),
		atom: feedHref({ kim: kim.slug }, 'atom'),
		kim,
		board: view.board.map((x) => ({ name: x.name, position: x.position })),
		canManage: view.can.manage,
		url: `${event.locals.ctx.publicUrl}/kim/${kim.slug}`,
		ogImage: kim.logo_url ? `${event.locals.ctx.publicUrl}${kim.logo_url}` : null
	};
};
