import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isFormFailure, requireAdminPage } from '$lib/server/admin/guard';
import { runForm } from '$lib/server/http/form';
import { OutboxIdSchema, OutboxQuerySchema, OUTBOX_STATUSES } from '$lib/server/admin/admin.schema';
import { listOutbox, retryOutbox } from '$lib/server/admin/admin.actions';
import { presentOutboxMessage } from '$lib/server/admin/admin.present';

export const load: PageServerLoad = async (event) => {
	requireAdminPage(event);
	const parsed = OutboxQuerySchema.safeParse(Object.fromEntries(event.url.searchParams));
	const query = parsed.success ? parsed.data : OutboxQuerySchema.parse({});
	const result = await listOutbox(event.locals.ctx, query);
	return {
		messages: result.messages.map(presentOutboxMessage),
		counts: Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, result.counts[s] ?? 0])) as Record<(typeof OUTBOX_STATUSES)[number], number>,
		status: query.status ?? '',
		isFirstPage: !query.before_id,
		nextBeforeId: result.nextBeforeId,
		retried: event.url.searchParams.get('dikirim-ulang')
	};
};

export const actions: Actions = {
	retry: async (event) => {
		const result = await runForm(event, OutboxIdSchema, (input) => retryOutbox(event.locals.ctx, input.id));
		if (isFormFailure(result)) return result;
		const status = event.url.searchParams.get('status');
		redirect(303, `/admin/surel?${new URLSearchParams({ ...(status ? { status } : {}), 'dikirim-ulang': String(result.id) })}`);
	}
};
