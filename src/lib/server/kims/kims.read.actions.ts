import { AppError } from '../errors';
import { nowOf, type Ctx } from '../context';
import { todayWib } from '../validation';
import { m } from '../../paraglide/messages.js';
import { isBoardPosition, type KimStatus } from '../../shared/roles';
import { isStaff } from '../auth/actor';
import {
	canEditKim, canListAllKims, canManageKetua, canManageMembers, canOpenManagePage, canResubmitKim, canReviewKim,
	canSeeAllMembers, canSeeMemberEmails, canUploadKimFiles, canViewKim, canViewSkFile
} from './kims.policy';
import { availableEvents, changeNeedsReverification, kimWarnings } from './kims.rules';
import { kimRegionNames, listKims, listMembers, type KimFilter, type Kim } from './kims.queries';
import { authorize, kimNotFound, loadKim } from './kims.guard';
import { listRegions } from '../regions/regions.queries';

/** KIMs for a list: verified ones, plus the actor's own; staff see all (scoped in the query). */
export async function findKims(ctx: Ctx, filter: KimFilter = {}) {
	return listKims(ctx.db, ctx.actor, filter);
}

/** Work first: KIMs waiting for verification, then returned, verified, inactive. */
const REGISTRY_ORDER: Record<KimStatus, number> = { registered: 0, returned: 1, verified: 2, inactive: 3 };

/** The staff registry: every KIM with its warnings as of today (WIB), pending ones first. Staff only. */
export async function listRegistry(ctx: Ctx, filter: KimFilter = {}) {
	authorize(ctx, canListAllKims(ctx.actor));
	const today = todayWib(nowOf(ctx));
	const rows = await listKims(ctx.db, ctx.actor, filter);
	return rows
		.map((row) => ({ ...row, warnings: kimWarnings(row, today), events: availableEvents(row) }))
		.sort((a, b) => REGISTRY_ORDER[a.status] - REGISTRY_ORDER[b.status]);
}

/** What the actor may do with a KIM (for showing forms and links). */
export function kimPermissions(ctx: Ctx, kim: Kim) {
	const a = ctx.actor;
	return {
		edit: canEditKim(a, kim),
		manageMembers: canManageMembers(a, kim),
		manageKetua: canManageKetua(a, kim),
		seeAllMembers: canSeeAllMembers(a, kim),
		upload: canUploadKimFiles(a, kim),
		resubmit: canResubmitKim(a, kim) && availableEvents(kim).includes('resubmit'),
		review: canReviewKim(a),
		viewSk: canViewSkFile(a, kim),
		manage: canOpenManagePage(a, kim),
		seeEmails: canSeeMemberEmails(a, kim),
		/** Changing name, area or SK would send this KIM back to verification (warn before saving). */
		editReverifies: canEditKim(a, kim) && changeNeedsReverification(kim, isStaff(a))
	};
}
export type KimPermissions = ReturnType<typeof kimPermissions>;

/**
 * A KIM the actor may see (non-verified ones only for staff and members; otherwise NOT_FOUND).
 * `members` is every member for staff and the KIM's members, and only its board for anyone else
 * (kims.policy canSeeAllMembers); `memberCount` counts everyone.
 */
export async function getKim(ctx: Ctx, idOrSlug: string) {
	const kim = await loadKim(ctx.db, idOrSlug);
	if (!canViewKim(ctx.actor, kim)) throw kimNotFound();
	const [area, all] = await Promise.all([kimRegionNames(ctx.db, kim), listMembers(ctx.db, kim.id)]);
	const can = kimPermissions(ctx, kim);
	const members = can.seeAllMembers ? all : all.filter((x) => isBoardPosition(x.position));
	return { kim, ...area, members, memberCount: all.length, can };
}

/** The public page: the KIM and its board (ketua, sekretaris, bendahara). */
export async function getKimPage(ctx: Ctx, slug: string) {
	const view = await getKim(ctx, slug);
	return { ...view, board: view.members.filter((x) => isBoardPosition(x.position)) };
}

/**
 * The manage page: staff and the KIM's members (anggota read-only). Others get FORBIDDEN for a
 * verified KIM and NOT_FOUND for one they may not see at all.
 */
export async function getKimManagePage(ctx: Ctx, slug: string) {
	const view = await getKim(ctx, slug);
	if (!view.can.manage) throw ctx.actor ? new AppError('FORBIDDEN', m.err_forbidden()) : new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	const warnings = kimWarnings({ ...view.kim, memberCount: view.memberCount }, todayWib(nowOf(ctx)));
	return { ...view, warnings };
}

/**
 * Members of a KIM the actor may see: everyone for staff and its members (emails only for those
 * who manage members, see present), only the board for other visitors (`can.seeAllMembers`).
 */
export async function getKimMembers(ctx: Ctx, id: string) {
	const view = await getKim(ctx, id);
	return { members: view.members, can: view.can };
}

/** Kecamatan with their kelurahan, for the area select and the directory filter. */
export async function kimAreaOptions(ctx: Ctx) {
	const [kecamatan, kelurahan] = await Promise.all([
		listRegions(ctx.db, { level: 'kecamatan' }),
		listRegions(ctx.db, { level: 'kelurahan' })
	]);
	return kecamatan.map((k) => ({
		code: k.code,
		name: k.name,
		kelurahan: kelurahan.filter((v) => v.parentCode === k.code).map((v) => ({ code: v.code, name: v.name }))
	}));
}
