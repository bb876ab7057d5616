import type { Actions } from './$types';
import { ForgotPasswordSchema } from '$lib/server/auth/auth.schema';
import { requestPasswordReset } from '$lib/server/auth/auth.actions';
import { runForm } from '$lib/server/http/form';

export const actions: Actions = {
	default: async (event) => {
		const result = await runForm(event, ForgotPasswordSchema, (input) => requestPasswordReset(event.locals.ctx, input.email).then(() => ({ sent: true as const })));
		return result;
	}
};
