import type { PageServerLoad } from './$types';
import { requireActor } from '$lib/server/http/form';
import { rolesOf } from '$lib/server/auth/actor';
import { findProfile, listMembershipsOf } from '$lib/server/users/users.queries';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = event.locals.ctx;
	const [profile, kims] = await Promise.all([findProfile(db, actor.userId), listMembershipsOf(db, actor.userId)]);
	return { profile, kims, roles: rolesOf(actor), welcome: event.url.searchParams.has('baru') };
};
