/**
 * Who may handle an aduan. The agency (petugas, admin and the staff of the agency unit
 * diskominsta) verifies, forwards, reassigns and sees everything; a unit's staff see and handle
 * only the aduan forwarded to their unit; the reporter sees their own aduan's public thread.
 */
import { isAdmin, isStaff, isUnitStaff, unitsOf, type Actor } from '../auth/actor';
import type { AduanActorKind } from './aduan.rules';

/** The unit that verifies and forwards (SP4N-LAPOR! admin of the city). */
export const AGENCY_UNIT = 'diskominsta';

type AduanRef = { unitCode: string; reporterId: string | null; verifiedAt: Date | null };

/** Petugas, admin, or staff of the agency unit. */
export const isAgency = (a: Actor) => isStaff(a) || isUnitStaff(a, AGENCY_UNIT);

/** Staff of the aduan's current unit, once it has been forwarded to them. */
export const isHandlingUnit = (a: Actor, x: AduanRef) => x.verifiedAt !== null && isUnitStaff(a, x.unitCode);

export const isReporterOf = (a: Actor, x: AduanRef) => a !== null && x.reporterId !== null && a.userId === x.reporterId;

/** Every kind the actor acts as on this aduan (a petugas may also be its reporter). */
export function actorKindsFor(a: Actor, x: AduanRef): AduanActorKind[] {
	const kinds: AduanActorKind[] = [];
	if (isAgency(a)) kinds.push('agency');
	if (isHandlingUnit(a, x)) kinds.push('unit');
	if (isReporterOf(a, x)) kinds.push('reporter');
	return kinds;
}

/** Handling staff: the agency or the unit handling it. They see everything, reporter data included. */
export const canHandle = (a: Actor, x: AduanRef) => isAgency(a) || isHandlingUnit(a, x);

/** Who may read the thread at all (staff see internal notes, the reporter does not). */
export const canReadThread = (a: Actor, x: AduanRef) => canHandle(a, x) || isReporterOf(a, x);

/** Internal notes: handling staff only. */
export const canWriteInternal = canHandle;

export const canReassign = (a: Actor) => isAgency(a);

/** Anyone who may open the staff board: the agency and staff of any unit. */
export const canUseBoard = (a: Actor) => isAgency(a) || (a?.units.length ?? 0) > 0;

/** The units whose aduan an actor sees on the board: `all` for the agency, else their own units. */
export const boardScope = (a: Actor): 'all' | string[] => (isAgency(a) ? 'all' : unitsOf(a));

/** The holiday calendar and the unit staff lists are the admin's. */
export const canManageCalendar = (a: Actor) => isAdmin(a);
export const canManageUnits = (a: Actor) => isAdmin(a);
