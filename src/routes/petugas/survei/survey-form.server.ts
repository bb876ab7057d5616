import { error, type RequestEvent } from '@sveltejs/kit';
import type { Ctx } from '$lib/server/context';
import { isStaff } from '$lib/server/auth/actor';
import { requireActor } from '$lib/server/http/form';
import { kimAreaOptions } from '$lib/server/kims/kims.read.actions';
import type { SurveySettingsForm } from '$lib/server/surveys/surveys.schema';
import type { SurveyView } from '$lib/server/surveys/surveys.present';
import { m } from '$lib/paraglide/messages.js';

/** The survey pages of the agency: anonymous → login, anyone else → 403. */
export function requireStaff(event: RequestEvent) {
	const actor = requireActor(event);
	if (!isStaff(actor)) error(403, m.survey_forbidden());
	return actor;
}

export const areaOptions = (ctx: Ctx) => kimAreaOptions(ctx);

/** A closing date (WIB) → the end of that day. */
const endOfDayWib = (day: string) => new Date(`${day}T23:59:59+07:00`);

/** The settings form → the create/update input. */
export const settingsInput = (f: SurveySettingsForm) => ({
	title: f.title,
	description: f.description,
	audience: { kind: f.audience_kind, codes: f.audience_kind === 'kelurahan' ? f.audience_codes : [] },
	anonymous: f.anonymous,
	closes_at: f.closes_on ? endOfDayWib(f.closes_on) : null
});

/** A survey as the settings form's values. */
export const settingsValues = (s: SurveyView) => ({
	title: s.title,
	description: s.description ?? '',
	audience_kind: s.audience.kind,
	audience_codes: s.audience.codes,
	anonymous: s.anonymous ? 'on' : '',
	closes_on: s.closes_at ? new Date(new Date(s.closes_at).getTime() + 7 * 3600_000).toISOString().slice(0, 10) : ''
});

/** API error paths → the settings form's field names. */
export function toSettingsPaths<T>(result: T): T {
	const data = (result as { data?: { errors?: { path: string; message: string }[] } })?.data;
	if (data?.errors) data.errors = data.errors.map((e) => ({ ...e, path: e.path === 'audience.codes' ? 'audience_codes' : e.path === 'closes_at' ? 'closes_on' : e.path }));
	return result;
}
