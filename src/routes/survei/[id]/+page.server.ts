import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http/form';
import { toAppError, HTTP_STATUS } from '$lib/server/http/problem';
import { getSurvey } from '$lib/server/surveys/surveys.read.actions';
import { hasAnswered, submitResponse } from '$lib/server/surveys/surveys.respond';
import { userKelurahan } from '$lib/server/surveys/surveys.queries';
import { asksKelurahan, needsKelurahan } from '$lib/server/surveys/surveys.rules';
import { answersFromForm, deviceToken, ensureDeviceToken, formEcho, kelurahanChoices } from '$lib/server/surveys/surveys.page';
import { SubmitResponseSchema } from '$lib/server/surveys/surveys.schema';
import { isStaff } from '$lib/server/auth/actor';
import { getConfig } from '$lib/server/config';

const secure = () => getConfig().secureCookies;

/** The survey form: the questions, or "thank you", "already answered", "closed", a login prompt. */
export const load: PageServerLoad = async (event) => {
	const { ctx } = event.locals;
	const { row, view } = await runLoad(event, () => getSurvey(ctx, event.params.id));
	const home = ctx.actor ? await userKelurahan(ctx.db, ctx.actor.userId) : null;
	const answered = await hasAnswered(ctx, row, deviceToken(event.cookies));
	const asks = asksKelurahan(row, home);
	return {
		survey: view,
		answered,
		sent: event.url.searchParams.has('terkirim'),
		needsLogin: !row.anonymous && !ctx.actor,
		staff: isStaff(ctx.actor),
		askKelurahan: asks,
		kelurahanRequired: asks && needsKelurahan(row),
		kelurahan: asks ? await kelurahanChoices(ctx, view) : []
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { ctx } = event.locals;
		const { row, view } = await runLoad(event, () => getSurvey(ctx, event.params.id));
		if (!row.anonymous && !ctx.actor) redirect(303, `/masuk?next=${encodeURIComponent(event.url.pathname)}`);
		const form = await event.request.formData();
		try {
			const input = SubmitResponseSchema.parse({ answers: answersFromForm(form, view), kelurahan_code: form.get('kelurahan_code') ?? undefined });
			await submitResponse(ctx, row.id, input, () => ensureDeviceToken(event.cookies, secure()));
		} catch (err) {
			const app = toAppError(err);
			if (!app) throw err;
			if (app.code === 'NOT_FOUND') error(404, app.message);
			return fail(HTTP_STATUS[app.code], { message: app.message, code: app.code, errors: app.details.errors ?? [], values: formEcho(form) });
		}
		redirect(303, `/survei/${row.id}?terkirim=1`);
	}
};
