import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runForm } from '$lib/server/http/form';
import { createSurvey } from '$lib/server/surveys/surveys.actions';
import { SurveySettingsFormSchema } from '$lib/server/surveys/surveys.schema';
import { areaOptions, requireStaff, settingsInput, toSettingsPaths } from '../survey-form.server';

/** A new, empty draft: its settings first, then questions one by one on the edit page. */
export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	return { areas: await areaOptions(event.locals.ctx) };
};

export const actions: Actions = {
	default: async (event) => {
		requireStaff(event);
		const result = await runForm(event, SurveySettingsFormSchema, (f) => createSurvey(event.locals.ctx, settingsInput(f), { minQuestions: 0 }), { arrays: ['audience_codes'] });
		if ('survey' in result) redirect(303, `/petugas/survei/${result.survey.id}/edit`);
		return toSettingsPaths(result);
	}
};
