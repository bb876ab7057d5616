import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isStaff } from '$lib/server/auth/actor';
import { runForm } from '$lib/server/http/form';
import { createPost } from '$lib/server/posts/posts.write.actions';
import { toFieldPaths, actorKims, areaOptions, creatableKinds, CreatePostFormSchema, requireNewsroomActor } from '../newsroom.server';

/** Write a new post: the kinds and KIMs the actor may write for. */
export const load: PageServerLoad = async (event) => {
	const actor = requireNewsroomActor(event);
	const { ctx } = event.locals;
	const [kims, areas] = await Promise.all([actorKims(ctx), areaOptions(ctx)]);
	return { kinds: creatableKinds(ctx), kims: kims.filter((k) => k.status === 'verified'), agency: isStaff(actor), areas };
};

export const actions: Actions = {
	default: async (event) => {
		requireNewsroomActor(event);
		const result = await runForm(event, CreatePostFormSchema, (input) => createPost(event.locals.ctx, input));
		if ('id' in result) redirect(303, `/redaksi/${result.id}?ok=created`);
		return toFieldPaths(result);
	}
};
