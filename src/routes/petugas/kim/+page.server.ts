import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireActor, runForm, runLoad } from '$lib/server/http/form';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDate } from '$lib/shared/format';
import { KIM_STATUSES, type KimStatus } from '$lib/shared/roles';
import { listRegistry } from '$lib/server/kims/kims.read.actions';
import { transitionKim } from '$lib/server/kims/kims.actions';
import { presentWarning } from '$lib/server/kims/kims.present';
import type { KimEvent } from '$lib/server/kims/kims.rules';
import { DeactivateKimFormSchema, KimRefFormSchema, ReturnKimFormSchema } from '$lib/server/kims/kims.schema';

/** The staff registry. Residents and KIM members get a 403 page; anonymous visitors the login page. */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const param = event.url.searchParams.get('status');
	const status = KIM_STATUSES.includes(param as KimStatus) ? (param as KimStatus) : undefined;
	const rows = await runLoad(event, () => listRegistry(event.locals.ctx, { status }));
	const locale = getLocale();
	return {
		status: status ?? '',
		kims: rows.map((r) => ({
			id: r.id,
			slug: r.slug,
			name: r.name,
			status: r.status,
			reason: r.statusReason,
			area: r.kelurahanName ?? r.kecamatanName,
			isKecamatan: !r.kelurahanCode,
			members: r.memberCount,
			registeredOn: formatDate(r.createdAt, locale),
			warnings: r.warnings.map((w) => presentWarning(w, (d) => formatDate(d, locale))),
			events: r.events
		})),
		done: event.url.searchParams.get('ok'),
		doneKim: event.url.searchParams.get('kim')
	};
};

/** Runs one review action and returns to the same filtered list with a confirmation. */
async function review<S extends z.ZodType<{ id: string; reason?: string | null }>>(
	event: RequestEvent,
	kimEvent: KimEvent,
	schema: S
) {
	requireActor(event);
	const result = await runForm(event, schema, (input) => transitionKim(event.locals.ctx, input.id, kimEvent, input.reason ?? null), { extra: { event: kimEvent } });
	if (!('slug' in result)) return result;
	const params = new URLSearchParams(event.url.searchParams);
	for (const key of [...params.keys()]) if (key.startsWith('/')) params.delete(key);
	params.set('ok', kimEvent);
	params.set('kim', result.name);
	redirect(303, `/petugas/kim?${params}`);
}

export const actions: Actions = {
	verify: (event) => review(event, 'verify', KimRefFormSchema),
	return: (event) => review(event, 'return', ReturnKimFormSchema),
	deactivate: (event) => review(event, 'deactivate', DeactivateKimFormSchema),
	reactivate: (event) => review(event, 'reactivate', KimRefFormSchema)
};
