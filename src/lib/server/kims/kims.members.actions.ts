import { AppError, invalid } from '../errors';
import { audit } from '../audit/audit';
import type { Ctx } from '../context';
import { issuePasswordLink } from '../auth/auth.actions';
import { findUserByEmail } from '../auth/auth.queries';
import type { KimPosition } from '../../shared/roles';
import { m } from '../../paraglide/messages.js';
import { canChangeMember, canManageMembers } from './kims.policy';
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
 * unknown email gets a new account named `input.name` without a password; an existing account is
 * linked as it is (its stored name is not changed). Anyone without a password is sent an invite
 * link to set one. `name` is required whether or not the account exists, and callers answer both
 * cases alike, so adding members cannot be used to find out which emails have accounts.
 * `fields` names the input fields for error messages.
 */
export async function addMemberInTx(
	ctx: Ctx,
	kim: Kim,
	input: { email: string; name: string | null; position: KimPosition },
	fields = { email: 'email', name: 'name' }
) {
	const tx = ctx.db;
	if (!input.name) throw invalid([{ path: fields.name, message: m.kim_err_member_name() }]);
	let user = await findUserByEmail(tx, input.email);
	if (user && (await findMember(tx, kim.id, user.id))) {
		throw new AppError('CONFLICT', m.kim_err_already_member(), { errors: [{ path: fields.email, message: m.kim_err_already_member() }] });
	}
	if (!user) {
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

/**
 * Adds a member by email (the KIM's pengurus or staff; adding a ketua needs a ketua or staff).
 * Answers only what the caller entered plus the member's id, the same for a new and an existing
 * account.
 */
export async function addMember(ctx: Ctx, kimId: string, input: AddMember): Promise<{ userId: string; position: KimPosition }> {
	return ctx.db.transaction(async (tx) => {
		const kim = await loadKimForUpdate(ctx, tx, kimId);
		authorize(ctx, canManageMembers(ctx.actor, kim));
		authorizeChange(ctx, kim, { from: null, to: input.position });
		const { member } = await addMemberInTx({ ...ctx, db: tx }, kim, { email: input.email, name: input.name, position: input.position });
		return { userId: member.userId, position: member.position };
	});
}

/**
 * For a board member already allowed to manage members: refuses a change that involves the ketua
 * position unless they are a ketua of this KIM or staff (kims.policy canChangeMember).
 */
function authorizeChange(ctx: Ctx, kim: Kim, change: { from: KimPosition | null; to: KimPosition | null }, path = 'position') {
	if (canChangeMember(ctx.actor, kim, change)) return;
	throw new AppError('FORBIDDEN', m.kim_err_ketua_only(), { errors: [{ path, message: m.kim_err_ketua_only() }] });
}

const memberNotFound = () => new AppError('NOT_FOUND', m.kim_member_not_found());
const lastKetua = (path: string) => new AppError('CONFLICT', m.kim_err_last_ketua(), { errors: [{ path, message: m.kim_err_last_ketua() }] });

/**
 * Changes a member's position; refuses to demote the last ketua. Board members change other
 * positions; promoting to or demoting from ketua needs a ketua of the KIM or staff.
 */
export async function changeMemberPosition(ctx: Ctx, kimId: string, userId: string, position: KimPosition) {
	return ctx.db.transaction(async (tx) => {
		const kim = await loadKimForUpdate(ctx, tx, kimId);
		authorize(ctx, canManageMembers(ctx.actor, kim));
		const members = await listMembers(tx, kim.id);
		const before = members.find((x) => x.userId === userId);
		if (!before) throw memberNotFound();
		authorizeChange(ctx, kim, { from: before.position, to: position });
		if (leavesNoKetua(members, userId, position)) throw lastKetua('position');
		const after = await updateMemberPosition(tx, kim.id, userId, position);
		await audit(tx, ctx.actor, 'kim.member_position', { type: 'kim', id: kim.id }, { before: { userId, position: before.position }, after });
		return after;
	});
}

/**
 * Removes a member from the KIM (their account stays); refuses to remove the last ketua. Only a
 * ketua of the KIM or staff may remove a ketua.
 */
export async function removeMember(ctx: Ctx, kimId: string, userId: string) {
	return ctx.db.transaction(async (tx) => {
		const kim = await loadKimForUpdate(ctx, tx, kimId);
		authorize(ctx, canManageMembers(ctx.actor, kim));
		const members = await listMembers(tx, kim.id);
		const target = members.find((x) => x.userId === userId);
		if (!target) throw memberNotFound();
		authorizeChange(ctx, kim, { from: target.position, to: null }, '_');
		if (leavesNoKetua(members, userId, null)) throw lastKetua('_');
		const removed = await deleteMember(tx, kim.id, userId);
		await audit(tx, ctx.actor, 'kim.member_remove', { type: 'kim', id: kim.id }, { before: removed });
		return removed;
	});
}
