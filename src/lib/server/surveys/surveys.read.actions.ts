/** Reading surveys: lists, one survey, results and the CSV export. */
import { AppError } from '../errors';
import { nowOf, type Ctx } from '../context';
import { m } from '../../paraglide/messages.js';
import { formatDateTime } from '../../shared/format';
import { authorize, surveyNotFound } from './surveys.actions';
import { canExportResults, canSeeRawAnswers, canViewResults, canViewSurvey, surveyScope } from './surveys.policy';
import { kelurahanNames, listQuestions, listSurveys, loadResponses, findSurvey } from './surveys.queries';
import { effectiveStatus, type QuestionType } from './surveys.rules';
import { aggregateQuestion, answerCell, csvRow, isPillar, literacyTable, MIN_PUBLIC_GROUP, publicRows, type ResultQuestion } from './surveys.results';
import { presentResults, presentSummary, presentSurvey } from './surveys.present';

/**
 * Surveys for a list: staff see every one; others open ones and closed ones with published
 * results (an open survey past closes_at counts as closed).
 */
export async function listSurveysFor(ctx: Ctx) {
	const scope = surveyScope(ctx.actor);
	const now = nowOf(ctx);
	const rows = await listSurveys(ctx.db, scope);
	return rows
		.filter((s) => scope === 'all' || effectiveStatus(s, now) === 'open' || s.resultsPublic)
		.map((s) => presentSummary(s, now, scope === 'all'));
}

/** One survey with its questions (drafts: staff only, 404 for others). */
export async function getSurvey(ctx: Ctx, id: string) {
	const survey = await findSurvey(ctx.db, id);
	if (!survey || !canViewSurvey(ctx.actor, survey)) throw surveyNotFound();
	return { row: survey, view: presentSurvey(survey, await listQuestions(ctx.db, id), nowOf(ctx)) };
}

/**
 * Aggregate results. Staff always; others once published (a draft is 404, unpublished 403).
 * Free-text answers and kelurahan rows with fewer than 5 responses are for staff only; with fewer
 * than 5 responses in all, others get the count only (`withheld`), no per-question results.
 */
export async function getResults(ctx: Ctx, id: string) {
	const survey = await findSurvey(ctx.db, id);
	if (!survey || !canViewSurvey(ctx.actor, survey)) throw surveyNotFound();
	if (!canViewResults(ctx.actor, survey)) {
		if (!ctx.actor) throw new AppError('UNAUTHENTICATED', m.survey_results_not_public());
		throw new AppError('FORBIDDEN', m.survey_results_not_public());
	}
	const staff = canSeeRawAnswers(ctx.actor);
	const { responses, answers } = await loadResponses(ctx.db, id, survey.anonymous);
	if (!staff && responses.length < MIN_PUBLIC_GROUP) return presentResults(survey, nowOf(ctx), responses.length, [], null, new Map(), false, true);
	const questions = await listQuestions(ctx.db, id);
	const rq: ResultQuestion[] = questions.map((q) => ({ id: q.id, type: q.type as QuestionType, text: q.text, options: q.options, pillar: q.pillar, section: q.section }));
	const results = questions.map((q, i) => ({ q, result: aggregateQuestion(rq[i], answers) }));
	let literacy = rq.some((q) => isPillar(q.pillar)) ? literacyTable(rq, responses, answers) : null;
	if (literacy && !staff) literacy = publicRows(literacy);
	const names = await kelurahanNames(ctx.db, (literacy ?? []).map((r) => r.kelurahanCode).filter((c): c is string => !!c));
	return presentResults(survey, nowOf(ctx), responses.length, results, literacy, names, staff);
}

/**
 * The CSV export (staff): one row per response, one column per question (header = the question
 * text), choices joined with "; ". Anonymous surveys carry no user, response id or time column
 * and list rows by (random) id, not in the order they came in. Formula-safe cells.
 */
export async function resultsCsv(ctx: Ctx, id: string) {
	authorize(ctx, canExportResults(ctx.actor));
	const survey = await findSurvey(ctx.db, id);
	if (!survey) throw surveyNotFound();
	const questions = await listQuestions(ctx.db, id);
	const { responses, answers } = await loadResponses(ctx.db, id, survey.anonymous);
	const byResponse = new Map<string, Map<string, (typeof answers)[number]['value']>>();
	for (const a of answers) {
		if (!byResponse.has(a.responseId)) byResponse.set(a.responseId, new Map());
		byResponse.get(a.responseId)!.set(a.questionId, a.value);
	}
	const names = await kelurahanNames(ctx.db, [...new Set(responses.map((r) => r.kelurahanCode).filter((c): c is string => !!c))]);
	const header = [...(survey.anonymous ? [] : ['response_id', 'submitted_at', 'user_id']), 'kelurahan_code', 'kelurahan', ...questions.map((q, i) => `${i + 1}. ${q.text}`)];
	const lines = [csvRow(header)];
	for (const r of responses) {
		const vals = byResponse.get(r.id);
		lines.push(csvRow([
			...(survey.anonymous ? [] : [r.id, formatDateTime(r.createdAt), r.userId]), r.kelurahanCode, r.kelurahanCode ? names.get(r.kelurahanCode) ?? '' : '',
			...questions.map((q) => answerCell(vals?.get(q.id)))
		]));
	}
	// BOM so spreadsheet programs read UTF-8; CRLF per RFC 4180.
	return { filename: `survei-${survey.id.slice(0, 8)}.csv`, body: '\uFEFF' + lines.join('\r\n') + '\r\n' };
}
