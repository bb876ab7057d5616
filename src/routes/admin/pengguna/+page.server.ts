import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isFormFailure, requireAdminPage } from '$lib/server/admin/guard';
import { runForm } from '$lib/server/http/form';
import { CreateStaffSchema, ListUsersQuerySchema, UpdateUserFormSchema } from '$lib/server/users/users.schema';
import { createStaffUser, listUsers, updateUser } from '$lib/server/users/users.actions';
import { presentAdminUser } from '$lib/server/users/users.present';

export const load: PageServerLoad = async (event) => {
	const actor = requireAdminPage(event);
	const parsed = ListUsersQuerySchema.safeParse(Object.fromEntries(event.url.searchParams));
	const query = parsed.success ? parsed.data : ListUsersQuerySchema.parse({});
	const result = await listUsers(event.locals.ctx, query);
	const p = event.url.searchParams;
	return {
		users: result.users.map(presentAdminUser),
		hasMore: result.hasMore,
		query: { q: query.q ?? '', role: query.role ?? '', active: query.active === undefined ? '' : String(query.active), page: query.page },
		selfId: actor.userId,
		done: p.get('selesai'),
		who: p.get('akun'),
		invited: p.has('undangan')
	};
};

/** Back to the list with the same filters and a note of what was done. */
function back(event: RequestEvent, done: string, who: string, extra: Record<string, string> = {}): never {
	const params = new URLSearchParams(event.url.searchParams);
	for (const key of [...params.keys()]) if (key.startsWith('/') || ['selesai', 'akun', 'undangan'].includes(key)) params.delete(key);
	params.set('selesai', done);
	params.set('akun', who);
	for (const [k, v] of Object.entries(extra)) params.set(k, v);
	redirect(303, `/admin/pengguna?${params}`);
}

export const actions: Actions = {
	role: async (event) => {
		const result = await runForm(event, UpdateUserFormSchema.pick({ id: true, role: true }), (input) =>
			updateUser(event.locals.ctx, input.id, { role: input.role })
		);
		if (isFormFailure(result)) return result;
		back(event, 'peran', result.email);
	},
	active: async (event) => {
		const result = await runForm(event, UpdateUserFormSchema.pick({ id: true, is_active: true }), (input) =>
			updateUser(event.locals.ctx, input.id, { is_active: input.is_active })
		);
		if (isFormFailure(result)) return result;
		back(event, result.isActive ? 'aktif' : 'nonaktif', result.email);
	},
	create: async (event) => {
		const result = await runForm(event, CreateStaffSchema, (input) => createStaffUser(event.locals.ctx, input));
		if (isFormFailure(result)) return result;
		back(event, 'dibuat', result.email, result.passwordHash ? {} : { undangan: '1' });
	}
};
