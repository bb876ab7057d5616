import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { runForm, runLoad } from '$lib/server/http/form';
import { createSurvey } from '$lib/server/surveys/surveys.actions';
import { listSurveysFor } from '$lib/server/surveys/surveys.read.actions';
import { TEMPLATES, TEMPLATE_CONTENT } from '$lib/server/surveys/surveys.templates';
import { requireStaff } from './survey-form.server';

/** Every survey by status, and the two templates to start from. */
export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const surveys = await runLoad(event, () => listSurveysFor(event.locals.ctx));
	return {
		surveys,
		templates: TEMPLATES.map((id) => ({ id, title: TEMPLATE_CONTENT[id].title, questions: TEMPLATE_CONTENT[id].questions.length }))
	};
};

export const actions: Actions = {
	/** A draft from a template, then its page to adjust and open it. */
	template: async (event) => {
		requireStaff(event);
		const result = await runForm(event, z.object({ template: z.enum(TEMPLATES) }), ({ template }) => createSurvey(event.locals.ctx, { template, audience: { kind: 'all' } }));
		if ('survey' in result) redirect(303, `/petugas/survei/${result.survey.id}?dibuat=1`);
		return result;
	}
};
