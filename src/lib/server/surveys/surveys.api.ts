import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { CreateSurveySchema, SubmitResponseSchema, SurveyIdParam, UpdateSurveySchema } from './surveys.schema';
import { closeSurvey, createSurvey, openSurvey, publishResults, updateSurvey } from './surveys.actions';
import { getResults, getSurvey, listSurveysFor, resultsCsv } from './surveys.read.actions';
import { ResultsOut, SurveyOut, SurveySummaryOut, presentSurvey } from './surveys.present';
import { deviceCookieHeader, deviceTokenFromCookieHeader, newDeviceToken, submitResponse } from './surveys.respond';
import { listQuestions } from './surveys.queries';
import { nowOf, type Ctx } from '../context';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['surveys'];
const params = { params: SurveyIdParam };

/** The survey as the API shows it after a write. */
async function viewOf(ctx: Ctx, survey: Parameters<typeof presentSurvey>[0]) {
	return presentSurvey(survey, await listQuestions(ctx.db, survey.id), nowOf(ctx));
}

/** Surveys and polls (issue 5). Building and running them is for petugas/admin; others get 403. */
export function surveyRoutes(app: Api) {
	app.openapi(
		createRoute({ method: 'get', path: '/api/v1/surveys', tags, summary: 'Surveys: staff see all (with response counts); others open ones and closed ones with published results', responses: { 200: { description: 'Surveys, newest first', ...json(z.object({ data: z.array(SurveySummaryOut) })) } } }),
		async (c) => c.json({ data: await listSurveysFor(c.get('ctx')) }, 200)
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/surveys', tags,
			summary: 'Create a draft survey (staff). 1–100 questions; choice questions need ≥ 2 distinct options, others none; closes_at in the future; `template` (info_needs | digital_literacy) fills what is left out',
			request: { body: { ...json(CreateSurveySchema), required: true } },
			responses: { 201: { description: 'Created as a draft', ...json(SurveyOut) }, ...problemResponses(400, 401, 403) }
		}),
		async (c) => {
			const ctx = c.get('ctx');
			const { survey } = await createSurvey(ctx, c.req.valid('json'));
			return c.json(await viewOf(ctx, survey), 201);
		}
	);

	app.openapi(
		createRoute({ method: 'get', path: '/api/v1/surveys/{id}', tags, summary: 'One survey with its questions (drafts: staff only, 404 for others)', request: params, responses: { 200: { description: 'The survey', ...json(SurveyOut) }, ...problemResponses(404) } }),
		async (c) => c.json((await getSurvey(c.get('ctx'), c.req.valid('param').id)).view, 200)
	);

	app.openapi(
		createRoute({
			method: 'patch', path: '/api/v1/surveys/{id}', tags, summary: 'Edit a draft (staff); `questions` replace all of them. Open or closed → 409',
			request: { ...params, body: { ...json(UpdateSurveySchema), required: true } },
			responses: { 200: { description: 'The survey', ...json(SurveyOut) }, ...problemResponses(400, 401, 403, 404, 409) }
		}),
		async (c) => {
			const ctx = c.get('ctx');
			const { survey } = await updateSurvey(ctx, c.req.valid('param').id, c.req.valid('json'));
			return c.json(await viewOf(ctx, survey), 200);
		}
	);

	const transitions = [
		['open', 'Open a draft (needs ≥ 1 question; closes_at, if set, in the future); otherwise 409', openSurvey],
		['close', 'Close an open survey, for good; otherwise 409', closeSurvey],
		['publish-results', 'Make the aggregate results public (not for drafts: 409). Free-text answers stay staff-only', publishResults]
	] as const;
	for (const [path, summary, action] of transitions) {
		app.openapi(
			createRoute({ method: 'post', path: `/api/v1/surveys/{id}/${path}`, tags, summary: `${summary} (staff)`, request: params, responses: { 200: { description: 'The survey', ...json(SurveyOut) }, ...problemResponses(401, 403, 404, 409) } }),
			async (c) => {
				const ctx = c.get('ctx');
				return c.json(await viewOf(ctx, await action(ctx, c.req.valid('param').id)), 200);
			}
		);
	}

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/surveys/{id}/responses', tags,
			summary: 'Answer an open survey. Account surveys: one response per account (logged in; a kelurahan audience takes residents of those kelurahan only, else 403). '
				+ 'Anonymous surveys: one per device — a random `simpul_survey_device` cookie (HttpOnly, SameSite=Lax) is set if missing and only HMAC-SHA256(server secret, `{survey id}:{cookie}`) is stored (a different key per survey), with the WIB day but not the time. '
				+ 'A second response → 409; a closed survey (or past closes_at) → 409; bad answers → 400 with errors keyed `answers.<question_id>`',
			request: { ...params, body: { ...json(SubmitResponseSchema), required: true } },
			responses: { 201: { description: 'Recorded', ...json(z.object({ id: z.uuid() })) }, ...problemResponses(400, 401, 403, 404, 409) }
		}),
		async (c) => {
			const token = deviceTokenFromCookieHeader(c.req.header('cookie'));
			const device = token ?? (() => {
				const fresh = newDeviceToken();
				c.header('set-cookie', deviceCookieHeader(fresh, c.get('deps').secureCookies));
				return fresh;
			});
			const response = await submitResponse(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'), device);
			return c.json({ id: response.id }, 201);
		}
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/surveys/{id}/results', tags,
			summary: 'Aggregates: counts per option, mean and distribution of scales, mean/median of numbers, pillar means per kelurahan for digital-literacy surveys. Staff always (with free-text answers); others once published (403 before), and with fewer than 5 responses only the count (`withheld`)',
			request: params,
			responses: { 200: { description: 'Results', ...json(ResultsOut) }, ...problemResponses(401, 403, 404) }
		}),
		async (c) => c.json(await getResults(c.get('ctx'), c.req.valid('param').id), 200)
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/surveys/{id}/results.csv', tags,
			summary: 'Responses as CSV (staff): one row per response, one column per question; anonymous surveys without user ids, response ids or times, rows in id order; cells starting with = + - @ are prefixed with \'',
			request: params,
			responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...problemResponses(401, 403, 404) }
		}),
		async (c) => {
			const { filename, body } = await resultsCsv(c.get('ctx'), c.req.valid('param').id);
			return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' });
		}
	);
}
