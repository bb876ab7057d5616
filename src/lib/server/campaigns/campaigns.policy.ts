/**
 * Who may do what with campaigns and assignments. Pure predicates; actions call them and the
 * queries are scoped as well (campaigns.queries `assignmentScope`).
 *
 * - The agency (petugas, admin) plans, launches and finishes campaigns and sees all of them.
 * - A launched campaign's brief is for the members (any position) of the KIMs it assigned.
 * - An assignment is seen by its KIM's members; it is accepted, declined, completed and handed to
 *   members by the KIM's pengurus (ketua, sekretaris, bendahara) — or by staff on their behalf.
 */
import { isBoardOf, isMemberOf, isStaff, type Actor } from '../auth/actor';
import type { CampaignStatus } from './campaigns.rules';

export const canPlanCampaign = (a: Actor) => isStaff(a);
export const canListCampaigns = (a: Actor) => isStaff(a);

/** Staff always; otherwise a member of an assigned KIM once the campaign is launched. */
export function canViewCampaign(a: Actor, campaign: { status: CampaignStatus }, assignedKimIds: string[]): boolean {
	if (isStaff(a)) return true;
	if (campaign.status === 'draft') return false;
	return assignedKimIds.some((id) => isMemberOf(a, id));
}

/** Every assignment of a campaign (the others see their KIMs' only). */
export const canViewAllAssignments = (a: Actor) => isStaff(a);

export const canViewAssignment = (a: Actor, assignment: { kimId: string }) => isStaff(a) || isMemberOf(a, assignment.kimId);

/** Accept, decline, complete, hand to members: the KIM's pengurus or staff. */
export const canRespondToAssignment = (a: Actor, assignment: { kimId: string }) => isStaff(a) || isBoardOf(a, assignment.kimId);

/** The inbox (/tugas) is for KIM members; staff without a KIM get an empty one. */
export const canOpenInbox = (a: Actor) => a !== null;
