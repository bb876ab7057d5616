import type { LayoutServerLoad } from './$types';
import { rolesOf } from '$lib/server/auth/actor';
import { findCity, hasDemoData } from '$lib/server/site';
import { getLocale } from '$lib/paraglide/runtime';

export const load: LayoutServerLoad = async ({ locals }) => {
	const { actor, ctx } = locals;
	const [city, demo] = await Promise.all([findCity(ctx.db), hasDemoData(ctx.db)]);
	return {
		user: actor ? { name: actor.name, email: actor.email, roles: rolesOf(actor) } : null,
		city,
		demo,
		locale: getLocale()
	};
};
