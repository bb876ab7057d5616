import { redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireActor, runForm, runLoad } from '$lib/server/http/form';
import { findKimById } from '$lib/server/kims/kims.queries';
import { handAssignment, listHandCandidates, listInbox, respondToAssignment } from '$lib/server/campaigns/campaigns.assignments.actions';
import { DeclineSchema, HandSchema, InboxQuerySchema } from '$lib/server/campaigns/campaigns.schema';

/** The KIM inbox: the actor's KIMs' tasks, open first, by priority then due date. */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { ctx } = event.locals;
	const filter = InboxQuerySchema.safeParse({ kim_id: event.url.searchParams.get('kim') ?? undefined });
	const kimId = filter.success ? filter.data.kim_id : undefined;
	const items = await runLoad(event, () => listInbox(ctx, { kim_id: kimId }));
	const kims = (await Promise.all(actor.kims.map((k) => findKimById(ctx.db, k.kimId)))).filter((k) => !!k).map((k) => ({ id: k.id, name: k.name }));
	const handable = await listHandCandidates(ctx, items.filter((i) => i.can.hand).map((i) => i.kim_id));
	return { items, kims, kimId: kimId ?? '', handable, done: event.url.searchParams.get('ok') };
};

const Ref = z.object({ id: z.string().min(1).max(100) });

async function handle<S extends z.ZodType>(event: RequestEvent, form: string, schema: S, action: (input: z.infer<S>) => Promise<unknown>, arrays: string[] = []) {
	requireActor(event);
	const result = await runForm(event, schema, async (input) => ({ ok: true as const, value: await action(input) }), { arrays, extra: { form } });
	if (!('ok' in result)) return result;
	const kim = event.url.searchParams.get('kim');
	redirect(303, `/tugas?ok=${form}${kim ? `&kim=${encodeURIComponent(kim)}` : ''}`);
}

export const actions: Actions = {
	accept: (event) => handle(event, 'accept', Ref, (i) => respondToAssignment(event.locals.ctx, i.id, 'accept')),
	complete: (event) => handle(event, 'complete', Ref, (i) => respondToAssignment(event.locals.ctx, i.id, 'complete')),
	decline: (event) => handle(event, 'decline', Ref.and(DeclineSchema), (i) => respondToAssignment(event.locals.ctx, i.id, 'decline', i)),
	hand: (event) => handle(event, 'hand', Ref.and(HandSchema), (i) => handAssignment(event.locals.ctx, i.id, i), ['user_ids'])
};
