import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireActor, runForm } from '$lib/server/http/form';
import { claimAduan } from '$lib/server/aduan/aduan.claim.actions';
import { ClaimSchema } from '$lib/server/aduan/aduan.schema';
import { AppError, invalid } from '$lib/server/errors';
import { m } from '$lib/paraglide/messages.js';

/** A resident claims an aduan a KIM member filed for them, with the tracking id and the code. */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	return { tracking: event.url.searchParams.get('nomor') ?? '' };
};

const FormSchema = z.object({ tracking_id: z.string().trim().max(40).default('') }).and(ClaimSchema);

export const actions: Actions = {
	default: async (event) => {
		requireActor(event);
		const result = await runForm(event, FormSchema, async ({ tracking_id, code }) => {
			try {
				return await claimAduan(event.locals.ctx, tracking_id, code);
			} catch (err) {
				// On a form an unknown number is a field problem, not a missing page.
				if (err instanceof AppError && err.code === 'NOT_FOUND') throw invalid([{ path: 'tracking_id', message: m.aduan_not_found() }]);
				throw err;
			}
		});
		if ('trackingId' in result) redirect(303, `/aduan/saya/${result.trackingId}?diklaim=1`);
		return result;
	}
};
