import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { AppError } from '../errors';
import { loginAttempts, passwordTokens, sessions, users } from '../db/schema';
import { audit } from '../audit/audit';
import { enqueueMail } from '../mail/mail';
import { nowOf, type Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { newToken, hashToken } from './tokens';
import { countRecentFailures, findUserByEmail, loadActor } from './auth.queries';
import { assertKelurahan } from '../regions/regions.queries';
import type { Login, Register, ResetPassword } from './auth.schema';

export const LOGIN_WINDOW_MIN = 15;
export const MAX_FAILS_PER_ACCOUNT = 5;
export const MAX_FAILS_PER_IP = 30;
const RESET_TTL_MS = 3600_000;
export const INVITE_TTL_MS = 7 * 24 * 3600_000;

async function startSession(ctx: Ctx, userId: string, days: number) {
	const token = newToken();
	const expiresAt = new Date(nowOf(ctx).getTime() + days * 86400_000);
	await ctx.db.insert(sessions).values({
		id: hashToken(token),
		userId,
		userAgent: ctx.userAgent?.slice(0, 300) ?? null,
		expiresAt
	});
	return { token, expiresAt };
}

/**
 * Checks email + password and opens a session. Rate limited per account and per IP; the same
 * answer (and about the same time) for an unknown email as for a wrong password.
 */
export async function login(ctx: Ctx, input: Login, sessionDays = 30) {
	const now = nowOf(ctx);
	const ip = ctx.ip ?? 'unknown';
	const since = new Date(now.getTime() - LOGIN_WINDOW_MIN * 60_000);
	const fails = await countRecentFailures(ctx.db, input.email, ip, since);
	if (fails.byEmail >= MAX_FAILS_PER_ACCOUNT || fails.byIp >= MAX_FAILS_PER_IP) {
		throw new AppError('RATE_LIMITED', m.err_rate_limited({ minutes: LOGIN_WINDOW_MIN }), {
			retryAfter: LOGIN_WINDOW_MIN * 60
		});
	}
	const user = await findUserByEmail(ctx.db, input.email);
	const ok = user?.passwordHash
		? await verifyPassword(user.passwordHash, input.password)
		: (await burnPasswordCheck(input.password), false);
	await ctx.db.insert(loginAttempts).values({ email: input.email, ip, succeeded: ok });
	if (!ok || !user) throw new AppError('UNAUTHENTICATED', m.err_bad_credentials());
	if (!user.isActive) throw new AppError('FORBIDDEN', m.err_account_inactive());
	const session = await startSession(ctx, user.id, sessionDays);
	await ctx.db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
	const actor = await loadActor(ctx.db, user.id);
	return { ...session, actor: actor! };
}

/** Creates a resident (`warga`) account and opens a session for it. */
export async function register(ctx: Ctx, input: Register, sessionDays = 30) {
	const passwordHash = await hashPassword(input.password);
	return ctx.db.transaction(async (tx) => {
		if (await findUserByEmail(tx, input.email)) {
			throw new AppError('CONFLICT', m.err_email_taken(), {
				errors: [{ path: 'email', message: m.err_email_taken() }]
			});
		}
		if (input.kelurahan_code) await assertKelurahan(tx, input.kelurahan_code, 'kelurahan_code');
		const [user] = await tx
			.insert(users)
			.values({
				name: input.name,
				email: input.email,
				passwordHash,
				kelurahanCode: input.kelurahan_code ?? null
			})
			.returning();
		const actor = (await loadActor(tx, user.id))!;
		await audit(tx, actor, 'user.register', { type: 'user', id: user.id }, { after: user });
		const session = await startSession({ ...ctx, db: tx }, user.id, sessionDays);
		return { ...session, actor };
	});
}

/** Ends the session identified by `token`. */
export async function logout(db: Db, token: string) {
	await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/** Issues a one-time password link and queues the mail that carries it. */
export async function issuePasswordLink(
	ctx: Ctx,
	user: { id: string; email: string; name: string },
	purpose: 'reset' | 'invite',
	mail: (link: string) => { subject: string; text: string }
) {
	const token = newToken();
	const ttl = purpose === 'reset' ? RESET_TTL_MS : INVITE_TTL_MS;
	await ctx.db.insert(passwordTokens).values({
		id: hashToken(token),
		userId: user.id,
		purpose,
		expiresAt: new Date(nowOf(ctx).getTime() + ttl)
	});
	const link = `${ctx.publicUrl}/atur-sandi?token=${encodeURIComponent(token)}`;
	await enqueueMail(ctx.db, { to: user.email, ...mail(link) });
}

/**
 * Sends a reset link when the email belongs to an active account. Answers the same either way
 * so the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(ctx: Ctx, email: string) {
	await ctx.db.transaction(async (tx) => {
		const user = await findUserByEmail(tx, email);
		if (!user || !user.isActive) return;
		await issuePasswordLink({ ...ctx, db: tx }, user, 'reset', (link) => ({
			subject: m.mail_reset_subject(),
			text: m.mail_reset_body({ name: user.name, link })
		}));
		await audit(tx, null, 'user.password_reset_requested', { type: 'user', id: user.id });
	});
}

/** Sets a new password from a one-time link; ends every session of that user. */
export async function resetPassword(ctx: Ctx, input: ResetPassword) {
	const now = nowOf(ctx);
	const passwordHash = await hashPassword(input.password);
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.update(passwordTokens)
			.set({ usedAt: now })
			.where(
				and(
					eq(passwordTokens.id, hashToken(input.token)),
					isNull(passwordTokens.usedAt),
					gt(passwordTokens.expiresAt, now)
				)
			)
			.returning();
		if (!row) {
			throw new AppError('INVALID', m.err_token_invalid(), {
				errors: [{ path: 'token', message: m.err_token_invalid() }]
			});
		}
		await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, row.userId));
		await tx.delete(sessions).where(eq(sessions.userId, row.userId));
		await tx.delete(passwordTokens).where(lt(passwordTokens.expiresAt, now));
		await audit(tx, null, 'user.password_reset', { type: 'user', id: row.userId });
	});
}
