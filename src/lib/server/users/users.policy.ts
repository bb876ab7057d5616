import { isAdmin, type Actor } from '../auth/actor';

/** Listing and searching accounts (names, emails, roles): admins only. */
export const canListUsers = (actor: Actor) => isAdmin(actor);
/** Creating a staff (petugas/admin) account: admins only. */
export const canCreateStaff = (actor: Actor) => isAdmin(actor);
/**
 * Changing an account's system role or active flag: admins only, and never their own account
 * (an admin cannot demote or deactivate themselves; another admin has to).
 */
export const canChangeUser = (actor: Actor, target: { id: string }) =>
	isAdmin(actor) && actor!.userId !== target.id;
