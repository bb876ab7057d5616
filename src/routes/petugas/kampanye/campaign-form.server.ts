import { error, type RequestEvent } from '@sveltejs/kit';
import type { Ctx } from '$lib/server/context';
import { isStaff } from '$lib/server/auth/actor';
import { requireActor } from '$lib/server/http/form';
import { kimAreaOptions } from '$lib/server/kims/kims.read.actions';
import { listPostChoices, listVerifiedKims } from '$lib/server/campaigns/campaigns.queries';
import { formFieldPath } from '$lib/server/campaigns/campaigns.schema';
import type { CampaignView } from '$lib/server/campaigns/campaigns.present';
import { m } from '$lib/paraglide/messages.js';

/** The planning pages are for staff: anonymous → login, anyone else → 403. */
export function requireStaff(event: RequestEvent) {
	const actor = requireActor(event);
	if (!isStaff(actor)) error(403, m.campaign_forbidden());
	return actor;
}

/** Choices for the planning form: posts, kelurahan by kecamatan, verified KIMs. */
export async function formOptions(ctx: Ctx) {
	const [posts, areas, kims] = await Promise.all([listPostChoices(ctx.db), kimAreaOptions(ctx), listVerifiedKims(ctx.db)]);
	return { posts, areas, kims: kims.map((k) => ({ id: k.id, name: k.name })) };
}

/** Form fields of the checkbox groups (FormData → arrays even with one box ticked). */
export const FORM_ARRAYS = ['other_post_ids', 'target_codes', 'target_kim_ids'];

/** A campaign as the planning form's values. */
export function formValues(c: CampaignView) {
	return {
		title: c.title,
		objective: c.objective,
		key_messages: c.key_messages.join('\n'),
		main_post_id: c.posts[0]?.id ?? '',
		other_post_ids: c.posts.slice(1).map((p) => p.id),
		whatsapp_template: c.whatsapp_template,
		priority: c.priority,
		starts_on: c.starts_on,
		ends_on: c.ends_on,
		due_on: c.due_on ?? '',
		target_kind: c.target.kind,
		target_codes: c.target.codes,
		target_kim_ids: c.target.kim_ids,
		target_reach: c.target_reach
	};
}

/** API error paths ("target.codes", "key_messages.2") → the form's field names, without repeats. */
export function toFormPaths<T>(result: T): T {
	const data = (result as { data?: { errors?: { path: string; message: string }[] } })?.data;
	if (data?.errors) {
		const seen = new Set<string>();
		data.errors = data.errors
			.map((e) => ({ ...e, path: formFieldPath(e.path) }))
			.filter((e) => !seen.has(e.path) && seen.add(e.path));
	}
	return result;
}
