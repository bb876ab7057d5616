import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { logout } from '$lib/server/auth/auth.actions';
import { SESSION_COOKIE } from '$lib/server/http/session-cookie';

export const load = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionToken) await logout(locals.ctx.db, locals.sessionToken);
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/?keluar=1');
	}
};
