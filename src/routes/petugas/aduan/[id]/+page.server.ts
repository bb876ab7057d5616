import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireActor, runForm, runLoad } from '$lib/server/http/form';
import { isFormFailure } from '$lib/server/admin/guard';
import { getStaffAduan } from '$lib/server/aduan/aduan.handling.read';
import { reassignAduan, transitionAduan } from '$lib/server/aduan/aduan.handling.transition';
import { postMessage } from '$lib/server/aduan/aduan.handling.thread';
import { MessageSchema, ReassignSchema, TransitionSchema } from '$lib/server/aduan/aduan.handling.schema';

/** One aduan for its handling staff (the agency, or the unit it was forwarded to); others 403. */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const view = await runLoad(event, () => getStaffAduan(event.locals.ctx, event.params.id));
	const a = view.aduan;
	return {
		a: {
			id: a.id, trackingId: a.trackingId, title: a.title, description: a.description, status: a.status, privacy: a.privacy, type: a.type,
			unitCode: a.unitCode, lat: a.lat, lng: a.lng, createdAt: a.createdAt.toISOString(), rejectReason: a.rejectReason, rating: a.rating,
			ratingComment: a.ratingComment, reopenCount: a.reopenCount, onBehalfName: a.onBehalfName, onBehalfPhone: a.onBehalfPhone, source: a.source
		},
		names: view.names,
		photos: view.photos,
		due: view.due,
		dueWords: view.dueWords,
		events: view.events,
		moves: view.moves,
		canReassign: view.canReassign,
		units: view.units.map((u) => ({ code: u.code, name: u.shortName })),
		done: event.url.searchParams.get('ok')
	};
};

const back = (event: RequestEvent, what: string) => redirect(303, `/petugas/aduan/${event.params.id}?ok=${what}#hasil`);

export const actions: Actions = {
	transition: async (event) => {
		requireActor(event);
		const result = await runForm(event, TransitionSchema, (input) => transitionAduan(event.locals.ctx, event.params.id!, input));
		if (isFormFailure(result)) return result;
		back(event, result.status);
	},
	reassign: async (event) => {
		requireActor(event);
		const result = await runForm(event, ReassignSchema, (input) => reassignAduan(event.locals.ctx, event.params.id!, input), { extra: { form: 'reassign' } });
		if (isFormFailure(result)) return result;
		back(event, 'reassign');
	},
	message: async (event) => {
		requireActor(event);
		const result = await runForm(event, MessageSchema, (input) => postMessage(event.locals.ctx, event.params.id!, input), { extra: { form: 'message' } });
		if (isFormFailure(result)) return result;
		back(event, result.internal ? 'note' : 'message');
	}
};
