import type { KimPosition, Role, SystemRole } from '../../shared/roles';
import { isBoardPosition } from '../../shared/roles';

/** Who is making a request; `null` is an anonymous visitor. */
export type Actor = {
	userId: string;
	email: string;
	name: string;
	role: SystemRole;
	kims: { kimId: string; position: KimPosition }[];
	/** Responsible units (OPD) the person handles complaints for; supervisors get escalations. */
	units: { unitCode: string; isSupervisor: boolean }[];
} | null;

/** The roles a user holds: their system role plus `pengurus`/`anggota` from KIM positions. */
export function rolesOf(actor: Actor): Role[] {
	if (!actor) return [];
	const roles = new Set<Role>(['warga']);
	if (actor.role !== 'warga') roles.add(actor.role);
	for (const k of actor.kims) roles.add(isBoardPosition(k.position) ? 'pengurus' : 'anggota');
	return [...roles];
}

export const isStaff = (a: Actor) => a?.role === 'petugas' || a?.role === 'admin';
export const isAdmin = (a: Actor) => a?.role === 'admin';
export const positionIn = (a: Actor, kimId: string) =>
	a?.kims.find((k) => k.kimId === kimId)?.position;
export const isMemberOf = (a: Actor, kimId: string) => positionIn(a, kimId) !== undefined;
export const isBoardOf = (a: Actor, kimId: string) => {
	const p = positionIn(a, kimId);
	return p !== undefined && isBoardPosition(p);
};
export const unitsOf = (a: Actor) => a?.units.map((u) => u.unitCode) ?? [];
export const isUnitStaff = (a: Actor, unitCode?: string) =>
	!!a?.units.some((u) => unitCode === undefined || u.unitCode === unitCode);
