/**
 * Who sees a campaign's reach. Staff (petugas, admin) see all of it; a pengurus (ketua,
 * sekretaris, bendahara) of a KIM assigned to the campaign sees the part of their KIM(s) only;
 * nobody else (anggota included) sees it. A draft is the agency's alone: it does not exist for
 * anyone else. stats.queries take the resulting scope, so totals never mix in other KIMs.
 */
import { isBoardOf, isStaff, type Actor } from '../auth/actor';

/** `'all'`, or the KIM ids whose part the actor may see (empty: nothing). */
export type StatsScope = 'all' | string[];

/** Whether the campaign exists for the actor (drafts are staff only). */
export const canSeeCampaign = (a: Actor, campaign: { status: string }) => campaign.status !== 'draft' || isStaff(a);

/** The part of the campaign's reach the actor may see, given the KIMs assigned to it. */
export function statsScopeOf(a: Actor, assignedKimIds: string[]): StatsScope {
	if (isStaff(a)) return 'all';
	return [...new Set(assignedKimIds)].filter((id) => isBoardOf(a, id));
}

export const canViewStats = (scope: StatsScope) => scope === 'all' || scope.length > 0;
