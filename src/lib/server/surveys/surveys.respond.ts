/**
 * Answering a survey. Account surveys take one response per account; anonymous ones one per
 * device: the browser keeps a random `simpul_survey_device` cookie (HttpOnly, SameSite=Lax) and
 * only HMAC-SHA256(server secret, `${surveyId}:${token}`) is stored with the response — different
 * in every survey, so one device's responses cannot be linked across surveys — and the WIB day it
 * came in, not the time. No account, IP or user agent.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { clickSecret } from '../reach/reach.queries';
import { AppError, invalid } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { m } from '../../paraglide/messages.js';
import { isStaff } from '../auth/actor';
import { answerErrors } from './surveys.messages';
import { effectiveStatus, responseKelurahan, validateAnswers, wibDayStart, type QuestionType } from './surveys.rules';
import type { SubmitResponse } from './surveys.schema';
import { surveyNotFound } from './surveys.actions';
import { findSurvey, hasResponded, insertResponse, knownVillages, listQuestions, userKelurahan } from './surveys.queries';

export const DEVICE_COOKIE = 'simpul_survey_device';
/** A year: long enough to cover any survey's open period. */
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 3600;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const newDeviceToken = () => randomBytes(32).toString('base64url');
export const isDeviceToken = (t: string | undefined | null): t is string => !!t && TOKEN.test(t);
/** What is stored: HMAC-SHA256(secret, `${surveyId}:${token}`), hex — a different key in every survey. */
export const deviceKeyOf = (secret: string, surveyId: string, token: string) => createHmac('sha256', secret).update(`${surveyId}:${token}`).digest('hex');

/** The server secret of device keys: the one reach derives its daily click salt from. */
export const deviceSecret = clickSecret;

const alreadyAnswered = () => new AppError('CONFLICT', m.survey_err_already_answered());

/** The survey a respondent is aimed at: drafts do not exist for them (staff get a CONFLICT). */
async function loadOpenSurvey(ctx: Ctx, id: string, db = ctx.db, lock: 'share' | false = false) {
	const survey = await findSurvey(db, id, lock);
	if (!survey || (survey.status === 'draft' && !isStaff(ctx.actor))) throw surveyNotFound();
	if (effectiveStatus(survey, nowOf(ctx)) !== 'open') throw new AppError('CONFLICT', survey.status === 'draft' ? m.survey_err_not_open() : m.survey_err_closed());
	return survey;
}

/**
 * Whether this account/device answered the survey already (what the form page shows). For an
 * anonymous survey only the device counts.
 */
export async function hasAnswered(ctx: Ctx, survey: { id: string; anonymous: boolean }, deviceToken: string | null) {
	if (survey.anonymous) return isDeviceToken(deviceToken) && hasResponded(ctx.db, survey.id, { deviceKey: deviceKeyOf(await deviceSecret(ctx.db), survey.id, deviceToken) });
	return !!ctx.actor && hasResponded(ctx.db, survey.id, { userId: ctx.actor.userId });
}

/**
 * Records a response. Order of refusals: unknown/draft → 404, not open (also past closes_at) →
 * 409, account survey without login → 401, answered already → 409, outside a kelurahan audience →
 * 403, bad kelurahan or answers → 400 with field errors `answers.<question_id>`. `device` is the
 * device token, or a function that makes one (sets the cookie) for an anonymous survey. A race between
 * two submissions is settled by the unique index (→ 409); a close racing the submission by the
 * survey's row lock (re-read FOR SHARE in the insert transaction → 409). Audited without the
 * answers; for anonymous surveys without the actor and against the survey, not the response, and
 * stored with the WIB day only, so neither the log nor the time can link a person to a response.
 */
export async function submitResponse(ctx: Ctx, surveyId: string, input: SubmitResponse, device: string | null | (() => string)) {
	const survey = await loadOpenSurvey(ctx, surveyId);
	// The device cookie is made (by the caller) only when an anonymous survey needs it.
	const deviceToken = survey.anonymous ? (typeof device === 'function' ? device() : device) : null;
	const actor = ctx.actor;
	if (!survey.anonymous && !actor) throw new AppError('UNAUTHENTICATED', m.survey_err_login());
	if (survey.anonymous && !isDeviceToken(deviceToken)) throw invalid([{ path: '_', message: m.survey_err_device() }]);
	const who = survey.anonymous ? { deviceKey: deviceKeyOf(await deviceSecret(ctx.db), survey.id, deviceToken!) } : { userId: actor!.userId };
	if (await hasResponded(ctx.db, survey.id, who)) throw alreadyAnswered();

	const home = actor ? await userKelurahan(ctx.db, actor.userId) : null;
	const place = responseKelurahan(survey, survey.anonymous ? null : home, input.kelurahan_code);
	if (!place.ok) {
		if (place.kind === 'not_in_audience') throw new AppError('FORBIDDEN', m.survey_err_not_in_audience());
		throw invalid([{ path: 'kelurahan_code', message: place.kind === 'kelurahan_required' ? m.survey_err_kelurahan_required() : m.survey_err_kelurahan_not_targeted() }]);
	}
	if (place.kelurahanCode && place.kelurahanCode === input.kelurahan_code && !(await knownVillages(ctx.db, [place.kelurahanCode])).has(place.kelurahanCode)) {
		throw invalid([{ path: 'kelurahan_code', message: m.err_kelurahan_unknown() }]);
	}
	const questions = await listQuestions(ctx.db, survey.id);
	const { problems, values } = validateAnswers(questions.map((q) => ({ id: q.id, type: q.type as QuestionType, options: q.options, required: q.required })), input.answers);
	if (problems.length) throw invalid(answerErrors(problems), m.survey_err_answers());

	return ctx.db.transaction(async (tx) => {
		// Holds off a concurrent close (FOR UPDATE there) until this response is in, or sees it closed.
		await loadOpenSurvey(ctx, survey.id, tx, 'share');
		const now = nowOf(ctx);
		const response = await insertResponse(
			tx,
			{ surveyId: survey.id, userId: survey.anonymous ? null : actor!.userId, deviceKey: who.deviceKey ?? null, kelurahanCode: place.kelurahanCode, createdAt: survey.anonymous ? wibDayStart(now) : now },
			[...values].map(([questionId, value]) => ({ questionId, value }))
		);
		if (!response) throw alreadyAnswered();
		if (survey.anonymous) await audit(tx, null, 'survey.respond', { type: 'survey', id: survey.id }, { after: { answers: values.size } }, 'anonymous');
		else await audit(tx, actor, 'survey.respond', { type: 'survey_response', id: response.id }, { after: { surveyId: survey.id, answers: values.size } });
		return response;
	});
}

/** The device cookie's Set-Cookie value (the API; pages use SvelteKit's cookies with the same attributes). */
export const deviceCookieHeader = (token: string, secure: boolean) =>
	[`${DEVICE_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${DEVICE_COOKIE_MAX_AGE}`, ...(secure ? ['Secure'] : [])].join('; ');

export function deviceTokenFromCookieHeader(header: string | undefined | null) {
	const match = (header ?? '').match(new RegExp(`(?:^|;\\s*)${DEVICE_COOKIE}=([^;]+)`));
	return isDeviceToken(match?.[1]) ? match![1] : null;
}
