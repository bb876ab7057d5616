import type { Actor } from '../auth/actor';

/**
 * Anyone logged in has a bell; each sees and marks only their own notifications. The queries are
 * scoped by user id too, so another user's notification is simply not found (404).
 */
export const canUseNotifications = (actor: Actor): actor is NonNullable<Actor> => actor !== null;
