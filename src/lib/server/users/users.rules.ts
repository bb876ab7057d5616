import type { SystemRole } from '../../shared/roles';

export type AccountState = { role: SystemRole; isActive: boolean };

const isActiveAdmin = (s: AccountState) => s.role === 'admin' && s.isActive;

/**
 * Whether changing an account from `before` to `after` still leaves at least one active admin,
 * given how many active admins there are now (including this account).
 */
export function leavesAnAdmin(before: AccountState, after: AccountState, activeAdmins: number): boolean {
	if (!isActiveAdmin(before) || isActiveAdmin(after)) return true;
	return activeAdmins - 1 >= 1;
}

/** The audit actions for a change of role and/or active flag, with what changed. */
export function accountChanges(before: AccountState, after: AccountState) {
	const out: { action: string; before: Partial<AccountState>; after: Partial<AccountState> }[] = [];
	if (before.role !== after.role) out.push({ action: 'user.role_change', before: { role: before.role }, after: { role: after.role } });
	if (before.isActive !== after.isActive) {
		out.push({
			action: after.isActive ? 'user.reactivate' : 'user.deactivate',
			before: { isActive: before.isActive },
			after: { isActive: after.isActive }
		});
	}
	return out;
}

/** `%` and `_` typed by a user match themselves in ILIKE. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
