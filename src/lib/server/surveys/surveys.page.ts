/**
 * Helpers for the survey pages (SvelteKit): the device cookie through SvelteKit's cookies, the
 * form's fields → the API's answers, and the kelurahan choices of the form.
 */
import type { Cookies } from '@sveltejs/kit';
import type { Ctx } from '../context';
import { listRegions } from '../regions/regions.queries';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, isDeviceToken, newDeviceToken } from './surveys.respond';
import type { SurveyView } from './surveys.present';

/** The device token from the cookie, if any. */
export function deviceToken(cookies: Cookies) {
	const have = cookies.get(DEVICE_COOKIE);
	return isDeviceToken(have) ? have : null;
}

/** The device token, set now (HttpOnly, SameSite=Lax, a year) when missing. */
export function ensureDeviceToken(cookies: Cookies, secure: boolean) {
	const have = deviceToken(cookies);
	if (have) return have;
	const token = newDeviceToken();
	cookies.set(DEVICE_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: DEVICE_COOKIE_MAX_AGE });
	return token;
}

/** Form fields `answers.<question_id>` → answers (checkbox groups as lists). Other fields are ignored. */
export function answersFromForm(form: FormData, survey: SurveyView) {
	return survey.questions.map((q) => {
		const name = `answers.${q.id}`;
		const all = form.getAll(name).filter((v): v is string => typeof v === 'string');
		return { question_id: q.id, value: q.type === 'multiple_choice' ? all : (all[0] ?? null) };
	});
}

/** The echo of a refused form, by field name. */
export function formEcho(form: FormData) {
	const out: Record<string, string | string[]> = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
		out[key] = key.startsWith('answers.') && all.length !== 1 ? all : (all[0] ?? '');
	}
	return out;
}

/** Kelurahan to choose from: the targeted ones, or all of the city's. */
export async function kelurahanChoices(ctx: Ctx, survey: SurveyView) {
	const all = await listRegions(ctx.db, { level: 'kelurahan' });
	const list = survey.audience.kind === 'kelurahan' ? all.filter((r) => survey.audience.codes.includes(r.code)) : all;
	return list.map((r) => ({ code: r.code, name: r.name })).sort((a, b) => a.name.localeCompare(b.name));
}
