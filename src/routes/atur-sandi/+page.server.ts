import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ResetPasswordSchema } from '$lib/server/auth/auth.schema';
import { resetPassword } from '$lib/server/auth/auth.actions';
import { runForm } from '$lib/server/http/form';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
	default: async (event) => {
		const result = await runForm(event, ResetPasswordSchema, (input) => resetPassword(event.locals.ctx, input));
		if (result && typeof result === 'object' && 'status' in result) return result;
		redirect(303, '/masuk?sandi-baru=1');
	}
};
