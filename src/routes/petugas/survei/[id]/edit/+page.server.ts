import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { runForm, runLoad } from '$lib/server/http/form';
import { addQuestion, deleteQuestion, moveQuestion, updateSurvey } from '$lib/server/surveys/surveys.actions';
import { getSurvey } from '$lib/server/surveys/surveys.read.actions';
import { QuestionFormSchema, SurveySettingsFormSchema } from '$lib/server/surveys/surveys.schema';
import { m } from '$lib/paraglide/messages.js';
import { areaOptions, requireStaff, settingsInput, settingsValues, toSettingsPaths } from '../../survey-form.server';

/**
 * The builder of a draft, without JavaScript: the settings form, the questions with up / down /
 * delete buttons, and a form that adds one question at a time. Open or closed surveys → 409 page.
 */
export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const { ctx } = event.locals;
	const { view } = await runLoad(event, () => getSurvey(ctx, event.params.id));
	if (view.status !== 'draft') error(409, m.survey_err_not_draft());
	return { survey: view, settings: settingsValues(view), areas: await areaOptions(ctx) };
};

const QuestionRef = z.object({ question_id: z.uuid({ error: () => m.survey_question_not_found() }) });

export const actions: Actions = {
	settings: async (event) => {
		requireStaff(event);
		const result = await runForm(event, SurveySettingsFormSchema, (f) => updateSurvey(event.locals.ctx, event.params.id, settingsInput(f)), { arrays: ['audience_codes'], extra: { form: 'settings' } });
		return 'survey' in result ? { done: m.survey_done_settings(), form: 'settings' } : toSettingsPaths(result);
	},
	add: async (event) => {
		requireStaff(event);
		const result = await runForm(event, QuestionFormSchema, (q) => addQuestion(event.locals.ctx, event.params.id, q), { extra: { form: 'add' } });
		return 'id' in result ? { done: m.survey_done_added(), form: 'add' } : result;
	},
	move: async (event) => {
		requireStaff(event);
		return runForm(event, QuestionRef.extend({ direction: z.enum(['up', 'down']) }), async ({ question_id, direction }) => {
			await moveQuestion(event.locals.ctx, event.params.id, question_id, direction);
			return { moved: true };
		});
	},
	delete: async (event) => {
		requireStaff(event);
		return runForm(event, QuestionRef, async ({ question_id }) => {
			await deleteQuestion(event.locals.ctx, event.params.id, question_id);
			return { done: m.survey_done_deleted() };
		});
	}
};
