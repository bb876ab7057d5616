import { redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireActor, runForm, runLoad } from '$lib/server/http/form';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDate } from '$lib/shared/format';
import { getFileStorage } from '$lib/server/files/storage';
import { getKimManagePage, kimAreaOptions } from '$lib/server/kims/kims.read.actions';
import { transitionKim, updateKim } from '$lib/server/kims/kims.actions';
import { addMember, changeMemberPosition, removeMember } from '$lib/server/kims/kims.members.actions';
import { uploadKimFile, type KimFileSlot } from '$lib/server/kims/kims.files.actions';
import { presentKim, presentMember, presentWarning } from '$lib/server/kims/kims.present';
import {
	AddMemberSchema, MemberPositionFormSchema, MemberRefFormSchema, UpdateKimFormSchema, UploadSchema
} from '$lib/server/kims/kims.schema';

/** The manage page: pengurus and staff manage; anggota see it read-only (actions check again). */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const { ctx } = event.locals;
	const view = await runLoad(event, () => getKimManagePage(ctx, event.params.slug));
	const kim = presentKim(view.kim, view);
	const locale = getLocale();
	return {
		kim,
		can: view.can,
		members: view.members.map((x) => presentMember(x, view.can.seeEmails)),
		warnings: view.warnings.map((w) => presentWarning(w, (d) => formatDate(d, locale))),
		areas: view.can.edit ? await kimAreaOptions(ctx) : [],
		editValues: {
			...kim,
			kelurahan_code: kim.kelurahan_code ?? kim.kecamatan_code
		},
		isNew: event.url.searchParams.has('baru'),
		done: event.url.searchParams.get('ok')
	};
};

const done = (event: RequestEvent, what: string, anchor = '') =>
	redirect(303, `/kim/${event.params.slug}/kelola?ok=${what}${anchor}`);

/** Runs one form of the page; on success goes back to the page with a confirmation banner. */
async function handle<S extends z.ZodType>(
	event: RequestEvent,
	form: string,
	schema: S,
	action: (input: z.infer<S>, slug: string) => Promise<unknown>,
	arrays: string[] = []
) {
	requireActor(event);
	const slug = event.params.slug!;
	const result = await runForm(event, schema, async (input) => (await action(input, slug), { ok: true as const }), { arrays, extra: { form } });
	if (!('ok' in result)) return result;
	done(event, form, `#${form}`);
}

const upload = (slot: KimFileSlot) => (event: RequestEvent) =>
	handle(event, slot, UploadSchema, async (input, slug) =>
		uploadKimFile(event.locals.ctx, getFileStorage(), slug, slot, { bytes: new Uint8Array(await input.file.arrayBuffer()), name: input.file.name })
	);

export const actions: Actions = {
	edit: (event) => handle(event, 'edit', UpdateKimFormSchema, (input, slug) => updateKim(event.locals.ctx, slug, input), ['focus']),
	sk: upload('sk'),
	logo: upload('logo'),
	member: (event) => handle(event, 'member', AddMemberSchema, (input, slug) => addMember(event.locals.ctx, slug, input)),
	position: (event) =>
		handle(event, 'position', MemberPositionFormSchema, (input, slug) => changeMemberPosition(event.locals.ctx, slug, input.user_id, input.position)),
	remove: (event) => handle(event, 'remove', MemberRefFormSchema, (input, slug) => removeMember(event.locals.ctx, slug, input.user_id)),
	resubmit: (event) => handle(event, 'resubmit', z.object({}), (_input, slug) => transitionKim(event.locals.ctx, slug, 'resubmit'))
};
