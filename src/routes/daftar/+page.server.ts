import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { RegisterSchema } from '$lib/server/auth/auth.schema';
import { register } from '$lib/server/auth/auth.actions';
import { runForm } from '$lib/server/http/form';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import { getConfig } from '$lib/server/config';
import { listRegions } from '$lib/server/regions/regions.queries';
import { REF_COOKIE } from '$lib/server/reach/reach.rules';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.actor) redirect(303, '/akun');
	const kelurahan = await listRegions(locals.ctx.db, { level: 'kelurahan' });
	return { kelurahan: kelurahan.map((r) => ({ value: r.code, label: r.name })) };
};

export const actions: Actions = {
	default: async (event) => {
		const config = getConfig();
		const result = await runForm(event, RegisterSchema, (input) => register(event.locals.ctx, input, config.SESSION_DAYS, event.cookies.get(REF_COOKIE)));
		if (!('token' in result)) return result;
		setSessionCookie(event.cookies, result, config.secureCookies);
		redirect(303, '/akun?baru=1');
	}
};
