import { eq } from 'drizzle-orm';
import { AppError } from '../errors';
import { sessions, users } from '../db/schema';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { isAdmin } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { findUserByEmail } from '../auth/auth.queries';
import { issuePasswordLink } from '../auth/auth.actions';
import { authorize, authorizeSystemOrActor } from '../admin/admin.policy';
import { m } from '../../paraglide/messages.js';
import type { SystemRole } from '../../shared/roles';
import { canChangeUser, canCreateStaff, canListUsers } from './users.policy';
import { accountChanges, leavesAnAdmin } from './users.rules';
import { findUserById, listMembershipsOfUsers, listUsersForAdmin, lockActiveAdmins } from './users.queries';
import { CreateUserSchema, type CreateStaff, type CreateUser, type ListUsersQuery, type UpdateUser } from './users.schema';

export const USERS_PAGE_SIZE = 50;

/** Accounts for the admin list, with their KIM positions (read-only here). Admins only. */
export async function listUsers(ctx: Ctx, query: ListUsersQuery) {
	authorize(ctx.actor, canListUsers);
	const rows = await listUsersForAdmin(ctx.db, query, USERS_PAGE_SIZE + 1, (query.page - 1) * USERS_PAGE_SIZE);
	const page = rows.slice(0, USERS_PAGE_SIZE);
	const kims = await listMembershipsOfUsers(ctx.db, page.map((u) => u.id));
	return {
		users: page.map((u) => ({ ...u, kims: kims.get(u.id) ?? [] })),
		hasMore: rows.length > USERS_PAGE_SIZE
	};
}

/**
 * Changes an account's system role and/or active flag. Admins only, never on their own account,
 * and never leaving the installation without an active admin. Deactivating ends every session.
 */
export async function updateUser(ctx: Ctx, id: string, input: UpdateUser) {
	const actor = ctx.actor;
	authorize(actor, isAdmin);
	return ctx.db.transaction(async (tx) => {
		// Lock the admins first, then the target, always in that order (no deadlock between two admins).
		const admins = await lockActiveAdmins(tx);
		const target = await findUserById(tx, id, { lock: true });
		if (!target) throw new AppError('NOT_FOUND', m.err_not_found());
		if (!canChangeUser(actor, target)) throw new AppError('FORBIDDEN', m.admin_err_self_change());
		const before = { role: target.role, isActive: target.isActive };
		const after = { role: input.role ?? target.role, isActive: input.is_active ?? target.isActive };
		const changes = accountChanges(before, after);
		if (changes.length === 0) return target;
		if (!leavesAnAdmin(before, after, admins.length)) {
			throw new AppError('CONFLICT', m.admin_err_last_admin(), {
				errors: [{ path: input.role !== undefined ? 'role' : 'is_active', message: m.admin_err_last_admin() }]
			});
		}
		const [row] = await tx
			.update(users)
			.set({ role: after.role, isActive: after.isActive, updatedAt: nowOf(ctx) })
			.where(eq(users.id, id))
			.returning();
		if (!after.isActive) await tx.delete(sessions).where(eq(sessions.userId, id));
		for (const c of changes) {
			await audit(tx, actor, c.action, { type: 'user', id }, { before: { email: target.email, ...c.before }, after: { email: target.email, ...c.after } });
		}
		return row;
	});
}

/** Creates a staff (petugas/admin) account for the API and pages. Admins only. */
export async function createStaffUser(ctx: Ctx, input: CreateStaff) {
	authorize(ctx.actor, canCreateStaff);
	return insertUser(ctx, input);
}

/**
 * System path for the CLI (`user:create`): creates any account. `ctx.actor` null is the system
 * itself (audited as "system"); a real actor must be an admin. Request handlers use
 * `createStaffUser`, which refuses anonymous visitors.
 */
export async function createUserAsSystem(ctx: Ctx, input: { email?: string; name?: string; role?: string; password?: string }) {
	authorizeSystemOrActor(ctx.actor, canCreateStaff);
	return insertUser(ctx, CreateUserSchema.parse(input));
}

const ROLE_NAMES: Record<SystemRole, () => string> = {
	warga: () => m.role_warga(),
	petugas: () => m.role_petugas(),
	admin: () => m.role_admin()
};

/** Inserts the account; without a password, queues an invitation with a set-password link. */
async function insertUser(ctx: Ctx, input: CreateUser) {
	const passwordHash = input.password ? await hashPassword(input.password) : null;
	return ctx.db.transaction(async (tx) => {
		if (await findUserByEmail(tx, input.email)) {
			throw new AppError('CONFLICT', m.admin_err_email_taken(), {
				errors: [{ path: 'email', message: m.admin_err_email_taken() }]
			});
		}
		const [user] = await tx
			.insert(users)
			.values({ email: input.email, name: input.name, role: input.role, passwordHash })
			.returning();
		if (!passwordHash) {
			await issuePasswordLink({ ...ctx, db: tx }, user, 'invite', (link) => ({
				subject: m.admin_invite_subject(),
				text: m.admin_invite_body({ name: user.name, role: ROLE_NAMES[user.role](), link })
			}));
		}
		await audit(tx, ctx.actor, 'user.create', { type: 'user', id: user.id }, { after: { ...user, invited: !passwordHash } });
		return user;
	});
}
