import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { requireActor, runForm, runLoad } from '$lib/server/http/form';
import { isFormFailure } from '$lib/server/admin/guard';
import { getReporterAduan } from '$lib/server/aduan/aduan.handling.read';
import { transitionAduan } from '$lib/server/aduan/aduan.handling.transition';
import { postMessage, rateAduan } from '$lib/server/aduan/aduan.handling.thread';
import { MessageSchema, RatingSchema, TransitionSchema } from '$lib/server/aduan/aduan.handling.schema';
import { listUnits } from '$lib/server/aduan/aduan.handling.queries';

/** The reporter's private page of their aduan: status, the public thread, reply, rate, reopen or close. */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const view = await runLoad(event, () => getReporterAduan(event.locals.ctx, event.params.tracking));
	const a = view.aduan;
	const units = await listUnits(event.locals.ctx.db);
	return {
		a: {
			id: a.id, trackingId: a.trackingId, title: a.title, description: a.description, status: a.status, privacy: a.privacy,
			createdAt: a.createdAt.toISOString(), rating: a.rating, ratingComment: a.ratingComment, rejectReason: a.rejectReason
		},
		names: { category: view.names.category?.name ?? '', unit: view.names.unit?.name ?? a.unitCode, kelurahan: view.names.kelurahan },
		photos: view.photos,
		due: view.due,
		events: view.events,
		canReopen: view.canReopen,
		canClose: view.canClose,
		canRate: view.canRate,
		unitNames: Object.fromEntries(units.map((u) => [u.code, u.shortName])),
		done: event.url.searchParams.get('ok')
	};
};

/** The aduan's id behind the tracking id (the reporter's own; 404 otherwise). */
async function idOf(event: RequestEvent) {
	requireActor(event);
	return (await runLoad(event, () => getReporterAduan(event.locals.ctx, event.params.tracking!))).aduan.id;
}
const back = (event: RequestEvent, what: string) => redirect(303, `/aduan/saya/${event.params.tracking}?ok=${what}#hasil`);
const ReopenSchema = TransitionSchema.pick({ note: true });

export const actions: Actions = {
	reply: async (event) => {
		const id = await idOf(event);
		const result = await runForm(event, MessageSchema, (input) => postMessage(event.locals.ctx, id, { body: input.body, internal: false }), { extra: { form: 'reply' } });
		if (isFormFailure(result)) return result;
		back(event, 'reply');
	},
	rate: async (event) => {
		const id = await idOf(event);
		const result = await runForm(event, RatingSchema, (input) => rateAduan(event.locals.ctx, id, input), { extra: { form: 'rate' } });
		if (isFormFailure(result)) return result;
		back(event, 'rate');
	},
	reopen: async (event) => {
		const id = await idOf(event);
		const result = await runForm(event, ReopenSchema, (input) => transitionAduan(event.locals.ctx, id, { to: 'in_progress', note: input.note, unit_code: undefined }), { extra: { form: 'reopen' } });
		if (isFormFailure(result)) return result;
		back(event, 'reopen');
	},
	close: async (event) => {
		const id = await idOf(event);
		const result = await runForm(event, z.object({}), () => transitionAduan(event.locals.ctx, id, { to: 'closed', note: null, unit_code: undefined }), { extra: { form: 'close' } });
		if (isFormFailure(result)) return result;
		back(event, 'close');
	}
};
