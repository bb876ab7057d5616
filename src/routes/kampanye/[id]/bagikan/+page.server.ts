import type { PageServerLoad } from './$types';
import { requireActor, runLoad } from '$lib/server/http/form';
import { getShareKit, shareKitChoices } from '$lib/server/reach/reach.actions';

/**
 * The member's share kit. With several KIMs carrying the campaign and none chosen (`?kim=`), the
 * page asks which one first. Who may see it is decided by the reach actions (403/404 pages).
 */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const { ctx } = event.locals;
	const chosen = event.url.searchParams.get('kim')?.trim() || undefined;
	const { campaign, kims } = await runLoad(event, () => shareKitChoices(ctx, event.params.id));
	const base = { campaign: { id: campaign.id, title: campaign.title }, kims: kims.map((k) => ({ id: k.id, name: k.name })) };
	if (!chosen && kims.length > 1) return { ...base, kit: null };
	return { ...base, kit: await runLoad(event, () => getShareKit(ctx, campaign.id, chosen)) };
};
