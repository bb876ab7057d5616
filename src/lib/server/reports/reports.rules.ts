/** Pure decisions about activity reports: no I/O, the clock is passed in (as a WIB date). */

export const ACTIVITY_TYPES = ['meeting', 'door_to_door', 'social_media', 'whatsapp_group', 'banner', 'community_radio', 'bulletin', 'other'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** The ceiling of an audience when the kelurahan's population is not known. */
export const MAX_AUDIENCE_UNKNOWN_POPULATION = 100_000;
/** Evidence photos per report. */
export const MAX_PHOTOS = 5;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The same calendar day one year earlier (29 February → 28 February). */
export function oneYearBefore(day: string): string {
	const [y, mo, d] = day.split('-').map(Number);
	const date = new Date(Date.UTC(y - 1, mo - 1, d));
	if (date.getUTCMonth() !== mo - 1) date.setUTCDate(0);
	return date.toISOString().slice(0, 10);
}

/** Why the activity's date cannot be accepted, if at all: after `today` (WIB) or more than a year before it. */
export function heldOnProblem(heldOn: string, today: string): 'future' | 'too_old' | undefined {
	if (!ISO.test(heldOn) || !ISO.test(today)) throw new Error('dates must be YYYY-MM-DD');
	if (heldOn > today) return 'future';
	if (heldOn < oneYearBefore(today)) return 'too_old';
	return undefined;
}

/** The largest audience believable in a kelurahan: its population when known, else 100,000. */
export const audienceCeiling = (population: number | null | undefined) =>
	population && population > 0 ? population : MAX_AUDIENCE_UNKNOWN_POPULATION;

export type AudienceProblem = { field: 'audience_count' | 'women_count' | 'youth_count'; kind: 'min' | 'population' | 'max' | 'over_audience'; max?: number };

/**
 * Problems with the counts: an audience below 1 or above the kelurahan's population (above
 * 100,000 when the population is unknown); women or youth more than the audience.
 */
export function audienceProblems(
	counts: { audience: number; women?: number | null; youth?: number | null },
	population: number | null | undefined
): AudienceProblem[] {
	const out: AudienceProblem[] = [];
	const known = !!population && population > 0;
	const ceiling = audienceCeiling(population);
	if (counts.audience < 1) out.push({ field: 'audience_count', kind: 'min' });
	else if (counts.audience > ceiling) out.push({ field: 'audience_count', kind: known ? 'population' : 'max', max: ceiling });
	if (counts.women != null && counts.women > counts.audience) out.push({ field: 'women_count', kind: 'over_audience' });
	if (counts.youth != null && counts.youth > counts.audience) out.push({ field: 'youth_count', kind: 'over_audience' });
	return out;
}

/** An RW or RT number: 1 to 3 digits, not zero ("5", "05", "005"). */
export const isRwRt = (s: string) => /^\d{1,3}$/.test(s) && Number(s) > 0;

/** Campaign states a report may be linked to. */
export const REPORTABLE_CAMPAIGN_STATUSES = ['active', 'finished'] as const;

/** Whether a report may be linked to a campaign: it is active or finished and has an assignment for the KIM. */
export const isReportableCampaign = (campaign: { status: string } | undefined, hasAssignment: boolean) =>
	!!campaign && (REPORTABLE_CAMPAIGN_STATUSES as readonly string[]).includes(campaign.status) && hasAssignment;

type Comparable = Record<string, unknown>;
/** The stored fields a repeated request is compared on (same Idempotency-Key, same body?). */
export const IDEMPOTENT_FIELDS = [
	'kimId', 'campaignId', 'type', 'heldOn', 'kelurahanCode', 'rw', 'rt', 'audienceCount', 'womenCount', 'youthCount', 'notes', 'questions', 'feedback'
] as const;

/** True when a repeat carries the same report as the stored one (absent and null are the same). */
export function sameReport(stored: Comparable, repeat: Comparable): boolean {
	return IDEMPOTENT_FIELDS.every((f) => (stored[f] ?? null) === (repeat[f] ?? null));
}
