import { z } from '@hono/zod-openapi';
import { KIM_POSITIONS, SYSTEM_ROLES } from '../../shared/roles';
import type { UserRow } from './users.queries';

export const AdminUserOut = z
	.object({
		id: z.uuid(),
		email: z.string(),
		name: z.string(),
		role: z.enum(SYSTEM_ROLES),
		is_active: z.boolean(),
		has_password: z.boolean().openapi({ description: 'false until an invited person sets a password' }),
		kelurahan_code: z.string().nullable(),
		last_login_at: z.string().nullable(),
		created_at: z.string(),
		kims: z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), position: z.enum(KIM_POSITIONS) }))
	})
	.openapi('AdminUser');
export type AdminUser = z.infer<typeof AdminUserOut>;

type Kim = { id: string; slug: string; name: string; position: string };

/** An account as admins see it (never the password hash). */
export function presentAdminUser(u: UserRow & { kims?: Kim[] }): AdminUser {
	return {
		id: u.id,
		email: u.email,
		name: u.name,
		role: u.role,
		is_active: u.isActive,
		has_password: u.passwordHash !== null,
		kelurahan_code: u.kelurahanCode,
		last_login_at: u.lastLoginAt?.toISOString() ?? null,
		created_at: u.createdAt.toISOString(),
		kims: (u.kims ?? []).map((k) => ({ ...k, position: k.position as AdminUser['kims'][number]['position'] }))
	};
}
