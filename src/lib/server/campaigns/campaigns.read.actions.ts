import { nowOf, type Ctx } from '../context';
import { todayWib } from '../validation';
import { canListCampaigns, canPlanCampaign, canRespondToAssignment } from './campaigns.policy';
import { availableAssignmentEvents, canHandStatus, type CampaignStatus } from './campaigns.rules';
import {
	findFileFacts, listAssignmentRows, listCampaignPostRows, listCampaignRows, listHandedMembers, type Assignment, type Campaign
} from './campaigns.queries';
import { presentAssignment, presentCampaign, presentCampaignSummary } from './campaigns.present';
import { authorize, loadCampaign } from './campaigns.guard';
import { targetKimsOf } from './campaigns.launch.actions';

/** The full presentation of a campaign the actor may see. */
export async function presentCampaignView(ctx: Ctx, campaign: Campaign) {
	const [posts, files] = await Promise.all([listCampaignPostRows(ctx.db, campaign.id), findFileFacts(ctx.db, [campaign.posterFileId, campaign.leafletFileId])]);
	return presentCampaign(campaign, { posts, files, publicUrl: ctx.publicUrl });
}

/** One campaign: staff always; members of an assigned KIM once launched; NOT_FOUND for anyone else. */
export async function getCampaign(ctx: Ctx, id: string) {
	const { campaign } = await loadCampaign(ctx, ctx.db, id);
	return presentCampaignView(ctx, campaign);
}

/** Every campaign with assignment counts, active first (staff). */
export async function listCampaigns(ctx: Ctx) {
	authorize(ctx, canListCampaigns(ctx.actor));
	return (await listCampaignRows(ctx.db)).map(presentCampaignSummary);
}

/** What the actor may do with an assignment now. */
export function assignmentPermissions(ctx: Ctx, a: Assignment, campaignStatus: CampaignStatus) {
	const may = canRespondToAssignment(ctx.actor, a);
	return { events: may ? availableAssignmentEvents(a.status, campaignStatus) : [], hand: may && canHandStatus(a.status, campaignStatus) };
}

/**
 * A campaign's assignments with effective status (overdue as of today, WIB) and the members each
 * was handed to: staff see all; a member of an assigned KIM sees their KIMs' only (scoped in the query).
 */
export async function listCampaignAssignments(ctx: Ctx, id: string) {
	const { campaign } = await loadCampaign(ctx, ctx.db, id);
	const rows = await listAssignmentRows(ctx.db, ctx.actor, campaign.id);
	const members = await listHandedMembers(ctx.db, rows.map((r) => r.assignment.id));
	const today = todayWib(nowOf(ctx));
	return rows.map((r) => presentAssignment(r.assignment, { kimName: r.kimName, today, members, ...assignmentPermissions(ctx, r.assignment, campaign.status) }));
}

/** How many KIMs a launch of the campaign would assign now (for the confirmation text; staff). */
export async function countLaunchTargets(ctx: Ctx, id: string) {
	authorize(ctx, canPlanCampaign(ctx.actor));
	const { campaign } = await loadCampaign(ctx, ctx.db, id);
	return (await targetKimsOf(ctx.db, campaign)).length;
}
