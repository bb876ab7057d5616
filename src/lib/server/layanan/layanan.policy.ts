/**
 * Who may do what in the public-service directory. Everyone (also anonymous visitors) reads
 * published services and facilities and every emergency number; staff (petugas, admin) manage
 * the directory and also see unpublished items.
 */
import { isStaff, type Actor } from '../auth/actor';

/** Create, edit, publish and delete services, facilities and emergency numbers. */
export const canManageLayanan = (a: Actor) => isStaff(a);

/** Whether the actor sees an item: published ones for all, drafts for staff only. */
export const canViewItem = (a: Actor, item: { isPublished: boolean }) => item.isPublished || isStaff(a);

/** The query scope: `all` for staff, else `published` (a forgotten check still hides drafts). */
export const layananScope = (a: Actor): 'all' | 'published' => (isStaff(a) ? 'all' : 'published');
