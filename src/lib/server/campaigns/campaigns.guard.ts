/** Shared steps of the campaign use cases: authorize, load-or-404 (scoped to what the actor may see), lock. */
import { AppError, invalid, type FieldError } from '../errors';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { isUuid } from '../../shared/slug';
import { findCity } from '../site';
import { campaignDateProblems, type CampaignDates, type DateProblem } from './campaigns.rules';
import { canViewCampaign } from './campaigns.policy';
import { assignedKimIds, cityKelurahanCodes, existingKimIds, existingPostIds, findCampaignById, lockCampaign, type Campaign } from './campaigns.queries';

export { authorize } from '../kims/kims.guard';

export const campaignNotFound = () => new AppError('NOT_FOUND', m.campaign_not_found());
export const assignmentNotFound = () => new AppError('NOT_FOUND', m.campaign_assignment_not_found());

/** The campaign if the actor may see it (staff; members of assigned KIMs once launched); NOT_FOUND otherwise. */
export async function loadCampaign(ctx: Ctx, db: Db, id: string): Promise<{ campaign: Campaign; kimIds: string[] }> {
	const campaign = isUuid(id) ? await findCampaignById(db, id) : undefined;
	if (!campaign) throw campaignNotFound();
	const kimIds = await assignedKimIds(db, campaign.id);
	if (!canViewCampaign(ctx.actor, campaign, kimIds)) throw campaignNotFound();
	return { campaign, kimIds };
}

/** The campaign a staff write is aimed at, locked for the rest of the transaction. Authorize before calling. */
export async function loadCampaignForUpdate(tx: Db, id: string): Promise<Campaign> {
	const campaign = isUuid(id) ? await lockCampaign(tx, id) : undefined;
	if (!campaign) throw campaignNotFound();
	return campaign;
}

const DATE_MESSAGE: Record<DateProblem['problem'], () => string> = {
	ends_before_start: () => m.campaign_err_ends_before_start(),
	due_after_end: () => m.campaign_err_due_after_end(),
	due_before_start: () => m.campaign_err_due_before_start()
};

export type Refs = CampaignDates & { postIds: string[]; targetKind: string; targetCodes: string[]; targetKimIds: string[] };

/**
 * Field errors for what the schema cannot see: date order, unknown posts, kelurahan outside the
 * home city, unknown KIMs. All problems are reported at once.
 */
export async function assertRefs(db: Db, refs: Refs) {
	const errors: FieldError[] = campaignDateProblems(refs).map((p) => ({ path: p.field, message: DATE_MESSAGE[p.problem]() }));
	const posts = await existingPostIds(db, refs.postIds);
	if (refs.postIds.some((id) => !posts.has(id))) errors.push({ path: 'post_ids', message: m.campaign_err_post_unknown() });
	if (refs.targetKind === 'kelurahan') {
		const city = await findCity(db);
		const known = await cityKelurahanCodes(db, city.code, refs.targetCodes);
		if (refs.targetCodes.some((c) => !known.has(c))) errors.push({ path: 'target.codes', message: m.campaign_err_target_codes_city({ city: city.name }) });
	}
	if (refs.targetKind === 'kims') {
		const known = await existingKimIds(db, refs.targetKimIds);
		if (refs.targetKimIds.some((id) => !known.has(id))) errors.push({ path: 'target.kim_ids', message: m.campaign_err_target_kim_unknown() });
	}
	if (errors.length) throw invalid(errors);
}
