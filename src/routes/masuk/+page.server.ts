import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { LoginSchema } from '$lib/server/auth/auth.schema';
import { login } from '$lib/server/auth/auth.actions';
import { runForm } from '$lib/server/http/form';
import { safeNext, setSessionCookie } from '$lib/server/http/session-cookie';
import { getConfig } from '$lib/server/config';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next')));
	return { reset: url.searchParams.has('sandi-baru') };
};

export const actions: Actions = {
	default: async (event) => {
		const config = getConfig();
		const result = await runForm(event, LoginSchema, (input) => login(event.locals.ctx, input, config.SESSION_DAYS));
		if (!('token' in result)) return result;
		setSessionCookie(event.cookies, result, config.secureCookies);
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};
