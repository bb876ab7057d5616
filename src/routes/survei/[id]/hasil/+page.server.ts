import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http/form';
import { isStaff } from '$lib/server/auth/actor';
import { getResults } from '$lib/server/surveys/surveys.read.actions';
import { MIN_PUBLIC_GROUP, PILLARS } from '$lib/server/surveys/surveys.results';
import { m } from '$lib/paraglide/messages.js';

const PILLAR_TEXT = { kecakapan: () => m.survey_pillar_kecakapan(), etika: () => m.survey_pillar_etika(), keamanan: () => m.survey_pillar_keamanan(), budaya: () => m.survey_pillar_budaya() };

/** Results: staff always; others once published (403 before; free texts are staff-only). */
export const load: PageServerLoad = async (event) => {
	const results = await runLoad(event, () => getResults(event.locals.ctx, event.params.id));
	return { results, staff: isStaff(event.locals.actor), pillars: PILLARS.map((p) => ({ id: p, label: PILLAR_TEXT[p]() })), minGroup: MIN_PUBLIC_GROUP };
};
