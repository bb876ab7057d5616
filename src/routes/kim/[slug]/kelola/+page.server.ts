import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireActor, runForm, runLoad } from '$lib/server/http/form';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDate } from '$lib/shared/format';
import { getFileStorage } from '$lib/server/files/storage';
import { declaredSizeProblem, UPLOAD_KINDS } from '$lib/server/files/files.rules';
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

/**
 * Runs one form of the page; on success goes back to the page with a confirmation banner. An
 * action may answer `{ reverify: [...] }`; when that is not empty the banner says the KIM went
 * back to verification (`ok=<form>_reverify`).
 */
async function handle<S extends z.ZodType>(
	event: RequestEvent,
	form: string,
	schema: S,
	action: (input: z.infer<S>, slug: string) => Promise<unknown>,
	arrays: string[] = []
) {
	requireActor(event);
	const slug = event.params.slug!;
	const result = await runForm(event, schema, async (input) => ({ ok: true as const, value: await action(input, slug) }), { arrays, extra: { form } });
	if (!('ok' in result)) return result;
	const reverify = (result.value as { reverify?: unknown[] } | undefined)?.reverify?.length;
	// The status changed: land at the top, where the banner and the new status are.
	if (reverify) done(event, `${form}_reverify`);
	done(event, form, `#${form}`);
}

const SLOT_KIND = { sk: UPLOAD_KINDS.kim_sk, logo: UPLOAD_KINDS.kim_logo } as const;

/**
 * An upload form. A body whose declared length is already over the limit is refused before it is
 * read (formData() would buffer all of it), with the same message the API gives.
 */
const upload = (slot: KimFileSlot) => (event: RequestEvent) => {
	requireActor(event);
	const tooBig = declaredSizeProblem(event.request.headers.get('content-length'), SLOT_KIND[slot]);
	if (tooBig) return fail(400, { message: tooBig, errors: [{ path: 'file', message: tooBig }], values: { form: slot } });
	return handle(event, slot, UploadSchema, async (input, slug) =>
		uploadKimFile(event.locals.ctx, getFileStorage(), slug, slot, { bytes: new Uint8Array(await input.file.arrayBuffer()), name: input.file.name })
	);
};

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
