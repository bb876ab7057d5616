import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { isFormFailure, requireAdminPage } from '$lib/server/admin/guard';
import { runForm } from '$lib/server/http/form';
import { ApiKeyIdSchema, CreateApiKeySchema, createApiKey, listApiKeys, revokeApiKey } from '$lib/server/open311/open311.keys';

/** Admin: Open311 API keys. A new key is shown once, in the answer to the form that issued it. */
export const load: PageServerLoad = async (event) => {
	requireAdminPage(event);
	return {
		keys: await listApiKeys(event.locals.ctx),
		revoked: event.url.searchParams.get('dicabut'),
		endpoint: `${event.locals.ctx.publicUrl}/open311/v2/requests.json`,
		locale: getLocale()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const result = await runForm(event, CreateApiKeySchema, (input) => createApiKey(event.locals.ctx, input));
		if (isFormFailure(result)) return result;
		return { issued: { name: result.apiKey.name, key: result.key } };
	},
	revoke: async (event) => {
		const result = await runForm(event, ApiKeyIdSchema, (input) => revokeApiKey(event.locals.ctx, input.id));
		if (isFormFailure(result)) return result;
		redirect(303, `/admin/kunci-api?${new URLSearchParams({ dicabut: result.name })}`);
	}
};
