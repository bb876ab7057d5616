import { AppError, invalid } from '../errors';
import { audit } from '../audit/audit';
import type { Ctx } from '../context';
import { issuePasswordLink } from '../auth/auth.actions';
import { findUserByEmail } from '../auth/auth.queries';
import type { KimPosition } from '../../shared/roles';
import { m } from '../../paraglide/messages.js';
import { canManageMembers } from './kims.policy';
import { leavesNoKetua } from './kims.rules';
import type { AddMember } from './kims.schema';
import { deleteMember, findMember, insertInvitedUser, insertMember, listMembers, updateMemberPosition, type Kim } from './kims.queries';
import { authorize, loadKimForUpdate } from './kims.guard';

const POSITION_NAME: Record<KimPosition, () => string> = {
	ketua: () => m.position_ketua(),
	sekretaris: () => m.position_sekretaris(),
	bendahara: () => m.position_bendahara(),
	seksi: () => m.position_seksi(),
	anggota: () => m.position_anggota()
};

/**
 * Adds a person to `kim` inside the caller's transaction (`ctx.db`), after authorization. An
 * unknown email gets a new account without a password; anyone without a password is sent an
 * invite link to set one. `fields` names the input fields for error messages.
 */
export async function addMemberInTx(
	ctx: Ctx,
	kim: Kim,
	input: { email: string; name: string | null; position: KimPosition },
	fields = { email: 'email', name: 'name' }
) {
	const tx = ctx.db;
	let user = await findUserByEmail(tx, input.email);
	if (user && (await findMember(tx, kim.id, user.id))) {
		throw new AppError('CONFLICT', m.kim_err_already_member(), { errors: [{ path: fields.email, message: m.kim_err_already_member() }] });
	}
	if (!user) {
		if (!input.name) throw invalid([{ path: fields.name, message: m.kim_err_member_name() }]);
		user = await insertInvitedUser(tx, { email: input.email, name: input.name });
		await audit(tx, ctx.actor, 'user.invite', { type: 'user', id: user.id }, { after: user });
	}
	const member = await insertMember(tx, kim.id, user.id, input.position);
	if (!user.passwordHash) {
		const invited = user;
		await issuePasswordLink(ctx, invited, 'invite', (link) => ({
			subject: m.mail_invite_subject({ kim: kim.name }),
			text: m.mail_invite_body({ name: invited.name, position: POSITION_NAME[input.position](), kim: kim.name, link })
		}));
	}
	await audit(tx, ctx.actor, 'kim.member_add', { type: 'kim', id: kim.id }, { after: { ...member, email: user.email } });
	return { member, user };
}

/** Adds a member by email (the KIM's pengurus or staff). */
export async function addMember(ctx: Ctx, kimId: string, input: AddMember) {
	return ctx.db.transaction(async (tx) => {
		const kim = await loadKimForUpdate(tx, kimId);
		authorize(ctx, canManageMembers(ctx.actor, kim));
		return addMemberInTx({ ...ctx, db: tx }, kim, { email: input.email, name: input.name ?? null, position: input.position });
	});
}

const memberNotFound = () => new AppError('NOT_FOUND', m.kim_member_not_found());
const lastKetua = (path: string) => new AppError('CONFLICT', m.kim_err_last_ketua(), { errors: [{ path, message: m.kim_err_last_ketua() }] });

/** Changes a member's position; refuses to demote the last ketua. */
export async function changeMemberPosition(ctx: Ctx, kimId: string, userId: string, position: KimPosition) {
	return ctx.db.transaction(async (tx) => {
		const kim = await loadKimForUpdate(tx, kimId);
		authorize(ctx, canManageMembers(ctx.actor, kim));
		const members = await listMembers(tx, kim.id);
		const before = members.find((x) => x.userId === userId);
		if (!before) throw memberNotFound();
		if (leavesNoKetua(members, userId, position)) throw lastKetua('position');
		const after = await updateMemberPosition(tx, kim.id, userId, position);
		await audit(tx, ctx.actor, 'kim.member_position', { type: 'kim', id: kim.id }, { before: { userId, position: before.position }, after });
		return after;
	});
}

/** Removes a member from the KIM (their account stays); refuses to remove the last ketua. */
export async function removeMember(ctx: Ctx, kimId: string, userId: string) {
	return ctx.db.transaction(async (tx) => {
		const kim = await loadKimForUpdate(tx, kimId);
		authorize(ctx, canManageMembers(ctx.actor, kim));
		const members = await listMembers(tx, kim.id);
		if (!members.some((x) => x.userId === userId)) throw memberNotFound();
		if (leavesNoKetua(members, userId, null)) throw lastKetua('_');
		const removed = await deleteMember(tx, kim.id, userId);
		await audit(tx, ctx.actor, 'kim.member_remove', { type: 'kim', id: kim.id }, { before: removed });
		return removed;
	});
}
