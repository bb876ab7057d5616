import type { PageServerLoad } from './$types';
import { isStaff } from '$lib/server/auth/actor';
import { listSurveysFor } from '$lib/server/surveys/surveys.read.actions';
import { answeredSurveyIds, userKelurahan } from '$lib/server/surveys/surveys.queries';
import { deviceKeyOf, deviceSecret, DEVICE_COOKIE, isDeviceToken } from '$lib/server/surveys/surveys.respond';
import { isInAudience } from '$lib/server/surveys/surveys.rules';

/**
 * Open surveys meant for the visitor (a kelurahan survey for its residents; anonymous ones and
 * those for everyone to all) and closed ones with published results.
 */
export const load: PageServerLoad = async (event) => {
	const { ctx } = event.locals;
	const home = ctx.actor ? await userKelurahan(ctx.db, ctx.actor.userId) : null;
	const all = await listSurveysFor(ctx);
	const mine = (s: (typeof all)[number]) =>
		!ctx.actor || isStaff(ctx.actor) || isInAudience({ anonymous: s.anonymous, audienceKind: s.audience.kind, audienceCodes: s.audience.codes, template: s.template }, home);
	const token = event.cookies.get(DEVICE_COOKIE);
	const secret = isDeviceToken(token) ? await deviceSecret(ctx.db) : null;
	const answered = await answeredSurveyIds(
		ctx.db,
		{ userId: ctx.actor?.userId ?? null, deviceKeyOf: secret && token ? (id) => deviceKeyOf(secret, id, token) : null },
		all.filter((s) => s.anonymous && s.status === 'open').map((s) => s.id)
	);
	return {
		open: all.filter((s) => s.status === 'open' && mine(s)).map((s) => ({ ...s, answered: answered.has(s.id) })),
		results: all.filter((s) => s.status === 'closed' && s.results_public),
		staff: isStaff(ctx.actor)
	};
};
