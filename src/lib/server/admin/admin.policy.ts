import { isAdmin, type Actor } from '../auth/actor';
import { AppError } from '../errors';
import { m } from '../../paraglide/messages.js';

/** Reading the audit log: admins only (it names people and shows what they changed). */
export const canReadAudit = (actor: Actor) => isAdmin(actor);
/** Seeing the mail outbox (recipients and subjects): admins only. */
export const canViewOutbox = (actor: Actor) => isAdmin(actor);
/** Putting a failed mail back in the queue: admins only. */
export const canRetryOutbox = (actor: Actor) => isAdmin(actor);
/** The admin overview page. */
export const canViewAdminOverview = (actor: Actor) => isAdmin(actor);

/**
 * Throws UNAUTHENTICATED for an anonymous visitor and FORBIDDEN when `allowed(actor)` is false.
 * Never lets a null actor through: the CLI's "system" path is a separate function per use case.
 */
export function authorize(actor: Actor, allowed: (actor: Actor) => boolean): asserts actor is NonNullable<Actor> {
	if (!actor) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	if (!allowed(actor)) throw new AppError('FORBIDDEN', m.err_forbidden());
}

/**
 * The explicit system path, for use cases the CLI runs (`npm run simpul -- ...`), where there is
 * no logged-in user: a null actor is the system (audited as "system"); a real actor must pass
 * `allowed`. Request handlers must never use this: an anonymous visitor is null too.
 */
export function authorizeSystemOrActor(actor: Actor, allowed: (actor: Actor) => boolean): void {
	if (actor !== null && !allowed(actor)) throw new AppError('FORBIDDEN', m.err_forbidden());
}
