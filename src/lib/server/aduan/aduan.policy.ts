/**
 * Who may see and do what on an aduan. Pure predicates over the actor and the row; the queries
 * are scoped too (a reporter's list is filtered by their id).
 */
import { isUnitStaff, type Actor } from '../auth/actor';
import { isAgency } from './aduan.handling.policy';

type AduanLike = { privacy: string; reporterId: string | null; assistedBy: string | null; unitCode: string; verifiedAt: Date | null };

/**
 * A KIM member (anggota or pengurus) may file for a resident without internet — a pre-check on
 * the actor's memberships; that one of them is a verified KIM is checked in the database.
 */
export const canFileOnBehalf = (actor: Actor) => !!actor && actor.kims.length > 0;

/**
 * The agency (petugas/admin/diskominsta staff) and, once it has been verified and forwarded, the
 * staff of the unit handling it — the same as `canHandle` in aduan.handling.policy.
 */
export const isHandlingStaff = (actor: Actor, a: Pick<AduanLike, 'unitCode' | 'verifiedAt'>) =>
	isAgency(actor) || (a.verifiedAt !== null && isUnitStaff(actor, a.unitCode));

/** The reporter, or the KIM member who filed it for a resident while it is unclaimed. */
export const isFiler = (actor: Actor, a: Pick<AduanLike, 'reporterId' | 'assistedBy'>) =>
	!!actor && (a.reporterId === actor.userId || (a.reporterId === null && a.assistedBy === actor.userId));

/** May see who filed it (name, contact): the filer and the handling staff. */
export const canSeeReporter = (actor: Actor, a: AduanLike) => isFiler(actor, a) || isHandlingStaff(actor, a);

/** A confidential aduan exists only for those who may see its reporter; the others get 404. */
export const canViewAduan = (actor: Actor, a: AduanLike) => a.privacy !== 'confidential' || canSeeReporter(actor, a);

/** The reporter's name may be shown publicly only for a public aduan. */
export const showsReporterPublicly = (a: Pick<AduanLike, 'privacy'>) => a.privacy === 'public';

/** The exact map point: public only for a public aduan, else to those who may see the reporter. */
export const canSeeLocation = (actor: Actor, a: AduanLike) => a.privacy === 'public' || canSeeReporter(actor, a);

/** The name of the resident a filing is for may be shown publicly, except when an Open311 client supplied it. */
export const showsBehalfNamePublicly = (a: Pick<AduanLike, 'privacy'> & { source: string }) => showsReporterPublicly(a) && a.source !== 'open311';

/** Description and photos: shown to everyone for public and anonymous, else to the privileged. */
export const canViewContent = (actor: Actor, a: AduanLike) => a.privacy !== 'confidential' || canSeeReporter(actor, a);

/** Add photos after filing: the filer, while the aduan is still open. */
export const canAddPhotos = (actor: Actor, a: AduanLike & { status: string }) =>
	isFiler(actor, a) && !['closed', 'rejected'].includes(a.status);

/** Claiming: a logged-in person who is not the assisting member. */
export const canClaim = (actor: Actor, a: Pick<AduanLike, 'assistedBy'>) => !!actor && a.assistedBy !== actor.userId;
