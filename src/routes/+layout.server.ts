import type { LayoutServerLoad } from './$types';
import { isStaff, rolesOf } from '$lib/server/auth/actor';
import { findCity, hasDemoData } from '$lib/server/site';
import { unreadCount } from '$lib/server/notifications/notifications.actions';
import { getLocale } from '$lib/paraglide/runtime';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const { actor, ctx } = locals;
	// For logged-in users the bell's count is refreshed on every navigation (one indexed count).
	if (actor) void url.pathname;
	const [city, demo, unread] = await Promise.all([findCity(ctx.db), hasDemoData(ctx.db), unreadCount(ctx)]);
	return {
		user: actor ? { name: actor.name, email: actor.email, roles: rolesOf(actor), handlesAduan: isStaff(actor) || actor.units.length > 0 } : null,
		unread,
		city,
		demo,
		locale: getLocale()
	};
};
