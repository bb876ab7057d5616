import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { normaliseTrackingId } from '$lib/server/aduan/aduan.read.actions';
import { TYPE_TEXT } from '$lib/server/aduan/aduan.present';
import { ADUAN_TYPES } from '$lib/server/aduan/aduan.schema';

/** The aduan landing page; `?nomor=` (the lookup form, works without JavaScript) goes to that tracking page. */
export const load: PageServerLoad = async (event) => {
	const raw = event.url.searchParams.get('nomor');
	let lookupError = false;
	if (raw !== null) {
		const id = normaliseTrackingId(raw);
		if (id) redirect(303, `/aduan/${id}`);
		lookupError = true;
	}
	return {
		types: ADUAN_TYPES.map((t) => ({ value: t, label: TYPE_TEXT[t].label(), hint: TYPE_TEXT[t].hint() })),
		lookup: raw ?? '',
		lookupError,
		loggedIn: !!event.locals.actor
	};
};
