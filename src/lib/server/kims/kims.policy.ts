/**
 * Who may do what with a KIM. Pure predicates over the actor and the KIM; actions call them and
 * queries are additionally scoped (see kims.queries.ts `visibleTo`).
 *
 * Note: an actor's positions only include KIMs that are not inactive (auth.queries loadActor), so
 * the members of an inactive KIM have no member rights until a petugas reactivates it.
 */
import { isBoardOf, isMemberOf, isStaff, positionIn, type Actor } from '../auth/actor';
import type { KimPosition, KimStatus } from '../../shared/roles';
import { involvesKetua } from './kims.rules';

type KimRef = { id: string; status: KimStatus };

/** Verified KIMs are public; others only to staff and the KIM's own members. */
export const canViewKim = (a: Actor, kim: KimRef) => kim.status === 'verified' || isStaff(a) || isMemberOf(a, kim.id);

/** Staff see every KIM in lists; everyone else verified ones plus their own. */
export const canListAllKims = (a: Actor) => isStaff(a);

/** Any logged-in person may register a KIM (and becomes its ketua). */
export const canRegisterKim = (a: Actor) => a !== null;

/** Staff register a KIM on a group's behalf without joining it, optionally naming its ketua. */
export const canRegisterOnBehalf = (a: Actor) => isStaff(a);

/** Board (ketua, sekretaris, bendahara) of this KIM, or staff. */
const boardOrStaff = (a: Actor, kim: KimRef) => isStaff(a) || isBoardOf(a, kim.id);

export const canEditKim = boardOrStaff;
export const canManageMembers = boardOrStaff;
export const canUploadKimFiles = boardOrStaff;
/** Sending a returned KIM back for verification. */
export const canResubmitKim = boardOrStaff;

/** Verify, return, deactivate and reactivate are the agency's decisions. */
export const canReviewKim = (a: Actor) => isStaff(a);

/** The decree file holds signatures and names: staff and the KIM's members only. */
export const canViewSkFile = (a: Actor, kim: KimRef) => isStaff(a) || isMemberOf(a, kim.id);

/** The manage page: staff and members (anggota see it read-only). */
export const canOpenManagePage = (a: Actor, kim: KimRef) => isStaff(a) || isMemberOf(a, kim.id);

/**
 * The ketua position is the KIM's top authority: naming a ketua (adding one, promoting someone)
 * and demoting or removing one is for a ketua of this KIM or staff. A sekretaris or bendahara
 * cannot make themselves ketua and then remove the ketua they replaced.
 */
export const canManageKetua = (a: Actor, kim: KimRef) => isStaff(a) || positionIn(a, kim.id) === 'ketua';

/**
 * One membership change: `from` is the current position (null when adding someone), `to` the
 * new one (null when removing). Board members manage other positions; ketua changes need
 * canManageKetua.
 */
export const canChangeMember = (a: Actor, kim: KimRef, change: { from: KimPosition | null; to: KimPosition | null }) =>
	canManageMembers(a, kim) && (!involvesKetua(change.from, change.to) || canManageKetua(a, kim));

/** Member emails are shown to those who manage members. */
export const canSeeMemberEmails = canManageMembers;

/**
 * The whole member list (every name, position, join date, invite state) is for staff and the
 * KIM's own members; everyone else sees only its board (ketua, sekretaris, bendahara) by name.
 */
export const canSeeAllMembers = (a: Actor, kim: KimRef) => isStaff(a) || isMemberOf(a, kim.id);
