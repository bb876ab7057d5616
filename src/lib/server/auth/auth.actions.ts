import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
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
import { attributeConversion } from '../reach/reach.actions';

export const LOGIN_WINDOW_MIN = 15;
export const MAX_FAILS_PER_ACCOUNT = 5;
export const MAX_FAILS_PER_IP = 30;
const RESET_TTL_MS = 3600_000;
export const RESET_THROTTLE_MS = 5 * 60_000;
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
 * answer (and about the same time) for an unknown email as for a wrong password. The attempt is
 * recorded before it is counted, so parallel guesses see each other and cannot slip past the limit.
 */
export async function login(ctx: Ctx, input: Login, sessionDays = 30) {
	const now = nowOf(ctx);
	const ip = ctx.ip ?? 'unknown';
	const [attempt] = await ctx.db
		.insert(loginAttempts)
		.values({ email: input.email, ip, succeeded: false, createdAt: now })
		.returning({ id: loginAttempts.id });
	const since = new Date(now.getTime() - LOGIN_WINDOW_MIN * 60_000);
	const fails = await countRecentFailures(ctx.db, input.email, ip, since);
	if (fails.byEmail > MAX_FAILS_PER_ACCOUNT || fails.byIp > MAX_FAILS_PER_IP) {
		throw new AppError('RATE_LIMITED', m.err_rate_limited({ minutes: LOGIN_WINDOW_MIN }), {
			retryAfter: LOGIN_WINDOW_MIN * 60
		});
	}
	const user = await findUserByEmail(ctx.db, input.email);
	const ok = user?.passwordHash
		? await verifyPassword(user.passwordHash, input.password)
		: (await burnPasswordCheck(input.password), false);
	if (!ok || !user) throw new AppError('UNAUTHENTICATED', m.err_bad_credentials());
	await ctx.db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attempt.id));
	if (!user.isActive) throw new AppError('FORBIDDEN', m.err_account_inactive());
	const actor = (await loadActor(ctx.db, user.id))!;
	return ctx.db.transaction(async (tx) => {
		const session = await startSession({ ...ctx, db: tx }, user.id, sessionDays);
		await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
		await audit(tx, actor, 'user.login', { type: 'user', id: user.id });
		return { ...session, actor };
	});
}

/**
 * Creates a resident (`warga`) account and opens a session for it. `ref` is the visitor's
 * `simpul_ref` cookie: a share link clicked in the last 7 days gets the registration attributed.
 */
export async function register(ctx: Ctx, input: Register, sessionDays = 30, ref?: string) {
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
		await attributeConversion(tx, ref, 'register', user.id, nowOf(ctx));
		const session = await startSession({ ...ctx, db: tx }, user.id, sessionDays);
		return { ...session, actor };
	});
}

/** Ends the session identified by `token`. */
export async function logout(db: Db, token: string) {
	await db.transaction(async (tx) => {
		const [ended] = await tx.delete(sessions).where(eq(sessions.id, hashToken(token))).returning({ userId: sessions.userId });
		if (ended) await audit(tx, null, 'user.logout', { type: 'user', id: ended.userId }, {}, 'self');
	});
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
	const now = nowOf(ctx);
	await ctx.db.transaction(async (tx) => {
		const user = await findUserByEmail(tx, email);
		if (!user || !user.isActive) return;
		// At most one reset mail per account every few minutes; a new link replaces older ones.
		const [recent] = await tx
			.select({ id: passwordTokens.id })
			.from(passwordTokens)
			.where(and(eq(passwordTokens.userId, user.id), eq(passwordTokens.purpose, 'reset'), gt(passwordTokens.createdAt, new Date(now.getTime() - RESET_THROTTLE_MS))))
			.limit(1);
		if (recent) return;
		await tx.delete(passwordTokens).where(and(eq(passwordTokens.userId, user.id), eq(passwordTokens.purpose, 'reset')));
		await issuePasswordLink({ ...ctx, db: tx }, user, 'reset', (link) => ({
			subject: m.mail_reset_subject(),
			text: m.mail_reset_body({ name: user.name, link })
		}));
		await audit(tx, null, 'user.password_reset_requested', { type: 'user', id: user.id }, {}, 'anonymous');
	});
}

/** Sets a new password from a one-time link; ends every session of that user. */
export async function resetPassword(ctx: Ctx, input: ResetPassword) {
	const now = nowOf(ctx);
	const usable = and(eq(passwordTokens.id, hashToken(input.token)), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now));
	const tokenInvalid = () =>
		new AppError('INVALID', m.err_token_invalid(), { errors: [{ path: 'token', message: m.err_token_invalid() }] });
	// Check the token before spending a password hash on an anonymous request.
	if ((await ctx.db.select({ id: passwordTokens.id }).from(passwordTokens).where(usable).limit(1)).length === 0) throw tokenInvalid();
	const passwordHash = await hashPassword(input.password);
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.update(passwordTokens)
			.set({ usedAt: now })
			.where(usable)
			.returning();
		if (!row) throw tokenInvalid();
		await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, row.userId));
		await tx.delete(sessions).where(eq(sessions.userId, row.userId));
		// Every other open link of this person (older resets, an invitation) stops working too.
		await tx.delete(passwordTokens).where(or(eq(passwordTokens.userId, row.userId), lt(passwordTokens.expiresAt, now)));
		await audit(tx, null, 'user.password_reset', { type: 'user', id: row.userId }, {}, 'self');
	});
}
