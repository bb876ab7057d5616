import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { runForm, runLoad } from '$lib/server/http/form';
import { closeSurvey, openSurvey, publishResults } from '$lib/server/surveys/surveys.actions';
import { getSurvey } from '$lib/server/surveys/surveys.read.actions';
import { countResponses, kelurahanNames } from '$lib/server/surveys/surveys.queries';
import { m } from '$lib/paraglide/messages.js';
import { requireStaff } from '../survey-form.server';

/** A survey for the agency: its state, the buttons that move it on, its questions. */
export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const { ctx } = event.locals;
	const { view } = await runLoad(event, () => getSurvey(ctx, event.params.id));
	const names = await kelurahanNames(ctx.db, view.audience.codes);
	return {
		survey: view,
		responses: await countResponses(ctx.db, view.id),
		audienceNames: view.audience.codes.map((c) => names.get(c) ?? c),
		created: event.url.searchParams.has('dibuat')
	};
};

const none = z.object({});
const step = (run: typeof openSurvey, done: () => string) => async (event: Parameters<Actions[string]>[0]) => {
	requireStaff(event);
	const result = await runForm(event, none, () => run(event.locals.ctx, event.params.id!));
	return 'id' in result ? { done: done() } : result;
};

export const actions: Actions = {
	open: step(openSurvey, () => m.survey_done_open()),
	close: step(closeSurvey, () => m.survey_done_close()),
	publish: step(publishResults, () => m.survey_done_publish())
};
