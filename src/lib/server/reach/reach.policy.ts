/**
 * Who may get a share kit. A share link is personal and counts for one KIM, so it belongs to a
 * member (any position) of a KIM that carries the campaign. Staff are not KIM members: they see
 * campaigns, drafts included, but get no personal link (their clicks would inflate a KIM's
 * numbers). A staff member who is also a KIM member gets one as that member.
 */
import { isMemberOf, isStaff, type Actor } from '../auth/actor';

type CampaignRef = { status: 'draft' | 'active' | 'finished' };

/** Share kits exist once a campaign is launched, and stay while it is finished. */
export const isShareable = (c: CampaignRef) => c.status === 'active' || c.status === 'finished';

/** Drafts are the agency's working copies: only staff learn that one exists. */
export const canSeeCampaign = (a: Actor, c: CampaignRef) => isShareable(c) || isStaff(a);

/** A member of `kimId` whose KIM carries the campaign (`carrying`: KIM ids with a live assignment). */
export const canShareFor = (a: Actor, kimId: string, carrying: readonly string[]) =>
	isMemberOf(a, kimId) && carrying.includes(kimId);
