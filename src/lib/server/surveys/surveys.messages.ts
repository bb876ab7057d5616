/** Rule problems → field errors in the request's language. */
import type { FieldError } from '../errors';
import { m } from '../../paraglide/messages.js';
import type { AnswerProblem, BuilderProblem, TransitionProblem } from './surveys.rules';

const BUILDER: Record<BuilderProblem['kind'], () => string> = {
	options_missing: () => m.survey_err_options_missing(),
	options_too_few: () => m.survey_err_options_too_few(),
	options_duplicate: () => m.survey_err_options_duplicate(),
	options_not_allowed: () => m.survey_err_options_not_allowed(),
	options_too_many: () => m.survey_err_options_too_many(),
	option_too_long: () => m.survey_err_option_too_long(),
	questions_too_few: () => m.survey_err_questions_too_few(),
	questions_too_many: () => m.survey_err_questions_too_many(),
	closes_in_past: () => m.survey_err_closes_in_past(),
	codes_missing: () => m.survey_err_codes_missing(),
	codes_not_allowed: () => m.survey_err_codes_not_allowed()
};

export const builderErrors = (problems: BuilderProblem[]): FieldError[] => problems.map((p) => ({ path: p.path, message: BUILDER[p.kind]() }));

const ANSWER: Record<AnswerProblem['kind'], (max?: number) => string> = {
	required: () => m.survey_err_required(),
	unknown_question: () => m.survey_err_unknown_question(),
	duplicate: () => m.survey_err_duplicate(),
	not_an_option: () => m.survey_err_not_an_option(),
	choose_one: () => m.survey_err_choose_one(),
	choose_some: () => m.survey_err_choose_some(),
	scale: () => m.survey_err_scale(),
	number: () => m.survey_err_number(),
	text: () => m.survey_err_text(),
	too_long: (max) => m.survey_err_too_long({ max: max ?? 0 })
};

export const answerErrors = (problems: AnswerProblem[]): FieldError[] => problems.map((p) => ({ path: p.path, message: ANSWER[p.kind](p.max) }));

export const transitionMessage = (p: TransitionProblem) =>
	({ not_draft: () => m.survey_err_not_draft(), no_questions: () => m.survey_err_no_questions(), closes_in_past: () => m.survey_err_closes_in_past(), not_open: () => m.survey_err_not_open() })[p]();
