/**
 * Who may see and do what on an aduan. Pure predicates over the actor and the row; the queries
 * are scoped too (a reporter's list is filtered by their id).
 */
import { isStaff, isUnitStaff, type Actor } from '../auth/actor';

type AduanLike = { privacy: string; reporterId: string | null; assistedBy: string | null; unitCode: string };

/** A KIM member (anggota or pengurus of any KIM) may file for a resident without internet. */
export const canFileOnBehalf = (actor: Actor) => !!actor && actor.kims.length > 0;

/** The agency (petugas/admin) and the staff of the unit handling it. */
export const isHandlingStaff = (actor: Actor, a: Pick<AduanLike, 'unitCode'>) => isStaff(actor) || isUnitStaff(actor, a.unitCode);

/** The reporter, or the KIM member who filed it for a resident. */
export const isFiler = (actor: Actor, a: Pick<AduanLike, 'reporterId' | 'assistedBy'>) =>
	!!actor && (a.reporterId === actor.userId || a.assistedBy === actor.userId);

/** May see who filed it (name, contact): the filer and the handling staff. */
export const canSeeReporter = (actor: Actor, a: AduanLike) => isFiler(actor, a) || isHandlingStaff(actor, a);

/** A confidential aduan exists only for those who may see its reporter; the others get 404. */
export const canViewAduan = (actor: Actor, a: AduanLike) => a.privacy !== 'confidential' || canSeeReporter(actor, a);

/** The reporter's name may be shown publicly only for a public aduan. */
export const showsReporterPublicly = (a: Pick<AduanLike, 'privacy'>) => a.privacy === 'public';

/** Description and photos: shown to everyone for public and anonymous, else to the privileged. */
export const canViewContent = (actor: Actor, a: AduanLike) => a.privacy !== 'confidential' || canSeeReporter(actor, a);

/** Add photos after filing: the filer, while the aduan is still open. */
export const canAddPhotos = (actor: Actor, a: AduanLike & { status: string }) =>
	isFiler(actor, a) && !['closed', 'rejected'].includes(a.status);

/** Claiming: a logged-in person who is not the assisting member. */
export const canClaim = (actor: Actor, a: Pick<AduanLike, 'assistedBy'>) => !!actor && a.assistedBy !== actor.userId;
