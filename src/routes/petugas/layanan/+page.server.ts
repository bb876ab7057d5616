import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runForm } from '$lib/server/http/form';
import { listEmergencyNumbers, listFacilities, listServices } from '$lib/server/layanan/layanan.read.actions';
import { updateService } from '$lib/server/layanan/layanan.services.actions';
import { updateFacility } from '$lib/server/layanan/layanan.facilities.actions';
import { z } from 'zod';
import { requireLayananStaff } from './layanan-form.server';

const PublishSchema = z.object({
	type: z.enum(['service', 'facility']),
	id: z.uuid(),
	to: z.enum(['publish', 'unpublish'])
});

/** Staff's view of the whole directory, drafts included. */
export const load: PageServerLoad = async (event) => {
	requireLayananStaff(event);
	const { ctx } = event.locals;
	const [services, facilities, emergency] = await Promise.all([listServices(ctx, {}), listFacilities(ctx, {}), listEmergencyNumbers(ctx)]);
	return { services, facilities, emergency, ok: event.url.searchParams.get('ok') };
};

export const actions: Actions = {
	/** Publish or unpublish one service or facility (a button per row; no JavaScript needed). */
	publish: async (event) => {
		requireLayananStaff(event);
		const result = await runForm(event, PublishSchema, async (input): Promise<{ id: string; isPublished: boolean }> => {
			const patch = { is_published: input.to === 'publish' };
			return input.type === 'service' ? updateService(event.locals.ctx, input.id, patch) : updateFacility(event.locals.ctx, input.id, patch);
		});
		if ('id' in result) redirect(303, `/petugas/layanan?ok=${result.isPublished ? 'published' : 'unpublished'}`);
		return result;
	}
};
