/**
 * Building and running surveys (staff only): create (also from a template), edit a draft, add /
 * move / delete questions one at a time, open, close, publish results. Every write is audited in
 * its transaction.
 */
import { AppError, invalid } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { builderErrors, transitionMessage } from './surveys.messages';
import { builderProblems, cleanOptions, closeProblem, isEditable, MAX_QUESTIONS, mayPublishResults, openProblem, questionProblems } from './surveys.rules';
import type { CreateSurvey, QuestionInput, UpdateSurvey } from './surveys.schema';
import { TEMPLATE_CONTENT } from './surveys.templates';
import { canManageSurveys } from './surveys.policy';
import {
	deleteQuestionRow, findSurvey, insertQuestion, insertSurvey, knownVillages, listQuestions, replaceQuestions,
	setQuestionPosition, updateSurveyRow, type NewQuestion, type Survey
} from './surveys.queries';

/** Throws UNAUTHENTICATED for an anonymous visitor and FORBIDDEN for anyone else not `allowed`. */
export function authorize(ctx: Ctx, allowed: boolean) {
	if (allowed) return;
	if (!ctx.actor) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	throw new AppError('FORBIDDEN', m.survey_forbidden());
}

export const surveyNotFound = () => new AppError('NOT_FOUND', m.survey_not_found());

/** The survey a staff write is aimed at, locked for the transaction. */
async function loadForWrite(ctx: Ctx, tx: Db, id: string) {
	authorize(ctx, canManageSurveys(ctx.actor));
	const survey = await findSurvey(tx, id, true);
	if (!survey) throw surveyNotFound();
	return survey;
}

function requireDraft(survey: Survey) {
	if (!isEditable(survey)) throw new AppError('CONFLICT', m.survey_err_not_draft());
}

const toRow = (q: QuestionInput | (Omit<QuestionInput, 'section' | 'help' | 'pillar'> & Partial<QuestionInput>)): NewQuestion => ({
	type: q.type,
	text: q.text,
	options: cleanOptions(q.type, q.options),
	required: q.required ?? true,
	section: q.section ?? null,
	help: q.help ?? null,
	pillar: q.pillar ?? null
});

async function checkCodes(tx: Db, codes: string[] | undefined) {
	if (!codes?.length) return;
	const known = await knownVillages(tx, codes);
	if (codes.some((c) => !known.has(c))) throw invalid([{ path: 'audience.codes', message: m.err_kelurahan_unknown() }]);
}

/**
 * Creates a draft survey. With `template`, its title, description, anonymity and questions are
 * the defaults for whatever the input leaves out. `minQuestions` 0 lets the petugas page start an
 * empty draft (questions added one by one); the API needs 1–100.
 */
export async function createSurvey(ctx: Ctx, input: Omit<CreateSurvey, 'description' | 'closes_at'> & Partial<Pick<CreateSurvey, 'description' | 'closes_at'>>, opts: { minQuestions?: number } = {}) {
	authorize(ctx, canManageSurveys(ctx.actor));
	const base = input.template ? TEMPLATE_CONTENT[input.template] : undefined;
	const title = input.title ?? base?.title;
	if (!title) throw invalid([{ path: 'title', message: m.err_required() }]);
	const questions: NewQuestion[] = input.questions ? input.questions.map(toRow) : (base?.questions ?? []).map((q) => toRow({ ...q, help: q.help ?? null, pillar: q.pillar ?? null }));
	const audience = input.audience ?? { kind: 'all' as const };
	const problems = builderProblems({ questions: input.questions ?? questions, closesAt: input.closes_at, audience }, nowOf(ctx), opts);
	if (problems.length) throw invalid(builderErrors(problems));
	return ctx.db.transaction(async (tx) => {
		await checkCodes(tx, audience.codes);
		const survey = await insertSurvey(tx, {
			title,
			description: input.description ?? base?.description ?? null,
			audienceKind: audience.kind,
			audienceCodes: audience.kind === 'kelurahan' ? [...new Set(audience.codes ?? [])] : [],
			anonymous: input.anonymous ?? base?.anonymous ?? false,
			template: input.template ?? null,
			closesAt: input.closes_at ?? null,
			createdBy: ctx.actor!.userId,
			createdAt: nowOf(ctx),
			updatedAt: nowOf(ctx)
		});
		const rows = await replaceQuestions(tx, survey.id, questions);
		await audit(tx, ctx.actor, 'survey.create', { type: 'survey', id: survey.id }, { after: { ...survey, questions: rows.length } });
		return { survey, questions: rows };
	});
}

/** Edits a draft (open or closed → CONFLICT). `questions`, when given, replace all of them. */
export async function updateSurvey(ctx: Ctx, id: string, input: UpdateSurvey) {
	return ctx.db.transaction(async (tx) => {
		const before = await loadForWrite(ctx, tx, id);
		requireDraft(before);
		const questions = input.questions?.map(toRow);
		const audience = input.audience;
		const problems = builderProblems({ questions: input.questions, closesAt: input.closes_at, audience }, nowOf(ctx));
		if (problems.length) throw invalid(builderErrors(problems));
		await checkCodes(tx, audience?.codes);
		const survey = await updateSurveyRow(tx, id, {
			...(input.title !== undefined ? { title: input.title } : {}),
			...(input.description !== undefined ? { description: input.description } : {}),
			...(audience ? { audienceKind: audience.kind, audienceCodes: audience.kind === 'kelurahan' ? [...new Set(audience.codes ?? [])] : [] } : {}),
			...(input.anonymous !== undefined ? { anonymous: input.anonymous } : {}),
			...(input.closes_at !== undefined ? { closesAt: input.closes_at } : {}),
			updatedAt: nowOf(ctx)
		});
		const rows = questions ? await replaceQuestions(tx, id, questions) : await listQuestions(tx, id);
		await audit(tx, ctx.actor, 'survey.update', { type: 'survey', id }, { before, after: { ...survey, questions: questions ? rows.length : undefined } });
		return { survey, questions: rows };
	});
}

/** Adds one question at the end of a draft (the builder page). */
export async function addQuestion(ctx: Ctx, id: string, input: Omit<QuestionInput, 'pillar'> & { pillar?: QuestionInput['pillar'] }) {
	const row = toRow(input);
	const problems = questionProblems({ type: row.type, text: row.text, options: input.options }, 'question');
	if (problems.length) throw invalid(builderErrors(problems).map((e) => ({ ...e, path: e.path.replace('question.', '') })));
	return ctx.db.transaction(async (tx) => {
		requireDraft(await loadForWrite(ctx, tx, id));
		if ((await listQuestions(tx, id)).length >= MAX_QUESTIONS) throw invalid([{ path: 'text', message: m.survey_err_questions_too_many() }]);
		const question = await insertQuestion(tx, id, row);
		await audit(tx, ctx.actor, 'survey.question.add', { type: 'survey', id }, { after: question });
		return question;
	});
}

/** Moves a question of a draft one place up or down (a no-op at the ends). */
export async function moveQuestion(ctx: Ctx, id: string, questionId: string, direction: 'up' | 'down') {
	return ctx.db.transaction(async (tx) => {
		requireDraft(await loadForWrite(ctx, tx, id));
		const list = await listQuestions(tx, id);
		const i = list.findIndex((q) => q.id === questionId);
		if (i < 0) throw new AppError('NOT_FOUND', m.survey_question_not_found());
		const j = direction === 'up' ? i - 1 : i + 1;
		if (j < 0 || j >= list.length) return;
		await setQuestionPosition(tx, list[i].id, list[j].position);
		await setQuestionPosition(tx, list[j].id, list[i].position);
		await audit(tx, ctx.actor, 'survey.question.move', { type: 'survey', id }, { after: { questionId, direction } });
	});
}

/** Deletes a question of a draft. */
export async function deleteQuestion(ctx: Ctx, id: string, questionId: string) {
	return ctx.db.transaction(async (tx) => {
		requireDraft(await loadForWrite(ctx, tx, id));
		const [gone] = await deleteQuestionRow(tx, id, questionId);
		if (!gone) throw new AppError('NOT_FOUND', m.survey_question_not_found());
		await audit(tx, ctx.actor, 'survey.question.delete', { type: 'survey', id }, { before: gone });
	});
}

/** draft → open: needs a question and a closes_at (if any) in the future. */
export async function openSurvey(ctx: Ctx, id: string) {
	return ctx.db.transaction(async (tx) => {
		const before = await loadForWrite(ctx, tx, id);
		const problem = openProblem({ ...before, questionCount: (await listQuestions(tx, id)).length }, nowOf(ctx));
		if (problem) throw new AppError('CONFLICT', transitionMessage(problem));
		const survey = await updateSurveyRow(tx, id, { status: 'open', openedAt: nowOf(ctx), updatedAt: nowOf(ctx) });
		await audit(tx, ctx.actor, 'survey.open', { type: 'survey', id }, { before: { status: before.status }, after: { status: survey.status } });
		return survey;
	});
}

/** open → closed, for good. */
export async function closeSurvey(ctx: Ctx, id: string) {
	return ctx.db.transaction(async (tx) => {
		const before = await loadForWrite(ctx, tx, id);
		const problem = closeProblem(before);
		if (problem) throw new AppError('CONFLICT', transitionMessage(problem));
		const survey = await updateSurveyRow(tx, id, { status: 'closed', closedAt: nowOf(ctx), updatedAt: nowOf(ctx) });
		await audit(tx, ctx.actor, 'survey.close', { type: 'survey', id }, { before: { status: before.status }, after: { status: survey.status } });
		return survey;
	});
}

/** Makes the aggregate results public (an opened survey; texts stay staff-only). */
export async function publishResults(ctx: Ctx, id: string) {
	return ctx.db.transaction(async (tx) => {
		const before = await loadForWrite(ctx, tx, id);
		if (!mayPublishResults(before)) throw new AppError('CONFLICT', m.survey_err_publish_draft());
		const survey = await updateSurveyRow(tx, id, { resultsPublic: true, updatedAt: nowOf(ctx) });
		await audit(tx, ctx.actor, 'survey.publish_results', { type: 'survey', id }, { before: { resultsPublic: before.resultsPublic }, after: { resultsPublic: true } });
		return survey;
	});
}
