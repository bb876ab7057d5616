import { redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { isStaff } from '$lib/server/auth/actor';
import { runForm, runLoad } from '$lib/server/http/form';
import { convertRumourToClarification, dismissRumour, flagRumour, listRumours } from '$lib/server/posts/rumours.actions';
import { DismissRumourSchema, FlagRumourSchema } from '$lib/server/posts/posts.schema';
import { presentRumour } from '$lib/server/posts/posts.present';
import { actorKims, areaOptions, requireNewsroomActor } from '../newsroom.server';

/** Rumours: members flag them; staff turn open ones into clarification drafts or close them. */
export const load: PageServerLoad = async (event) => {
	const actor = requireNewsroomActor(event);
	const { ctx } = event.locals;
	const staff = isStaff(actor);
	const [rumours, kims, areas] = await Promise.all([
		runLoad(event, () => listRumours(ctx, staff ? { status: 'open' } : {})),
		actorKims(ctx),
		actor.kims.length ? areaOptions(ctx) : Promise.resolve([])
	]);
	return { staff, rumours: rumours.map(presentRumour), kims, areas, done: event.url.searchParams.get('ok') };
};

const RumourRef = z.object({ id: z.string().max(64) });

async function handle<S extends z.ZodType>(event: RequestEvent, form: string, schema: S, action: (input: z.infer<S>) => Promise<string>) {
	requireNewsroomActor(event);
	const result = await runForm(event, schema, async (input) => ({ to: await action(input) }), { extra: { form } });
	if ('to' in result) redirect(303, result.to);
	return result;
}

export const actions: Actions = {
	flag: (event) =>
		handle(event, 'flag', FlagRumourSchema, async (input) => {
			await flagRumour(event.locals.ctx, input);
			return '/redaksi/isu?ok=flag';
		}),
	convert: (event) =>
		handle(event, 'convert', RumourRef, async (input) => {
			const { post } = await convertRumourToClarification(event.locals.ctx, input.id);
			return `/redaksi/${post.id}?ok=created`;
		}),
	dismiss: (event) =>
		handle(event, 'dismiss', RumourRef.extend(DismissRumourSchema.shape), async (input) => {
			await dismissRumour(event.locals.ctx, input.id, input.reason ?? null);
			return '/redaksi/isu?ok=dismiss';
		})
};
