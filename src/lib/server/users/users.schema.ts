import { z } from '@hono/zod-openapi';
import { email, password } from '../validation';
import { SYSTEM_ROLES } from '../../shared/roles';
import { m } from '../../paraglide/messages.js';

export const STAFF_ROLES = ['petugas', 'admin'] as const;

const role = () => z.enum(SYSTEM_ROLES, { error: () => m.admin_err_role() });
/** A yes/no that arrives as a JSON boolean from the API or as "true"/"false" from a form. */
const flag = () =>
	z
		.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], { error: () => m.err_invalid() })
		.openapi({ type: 'boolean' });
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const ListUsersQuerySchema = z.object({
	q: z.string().trim().max(100).optional().transform((v) => v || undefined).openapi({ description: 'Part of the name or email' }),
	role: z.preprocess(blankToUndefined, role().optional()).openapi({ type: 'string', enum: [...SYSTEM_ROLES] }),
	active: z
		.enum(['true', 'false', ''])
		.optional()
		.transform((v) => (v === 'true' ? true : v === 'false' ? false : undefined)),
	page: z.coerce.number().int().min(1).max(100_000).optional().default(1)
});
export type ListUsersQuery = z.infer<typeof ListUsersQuerySchema>;

export const UpdateUserSchema = z
	.object({ role: z.preprocess(blankToUndefined, role().optional()).openapi({ type: 'string', enum: [...SYSTEM_ROLES] }), is_active: flag().optional() })
	.openapi('AdminUpdateUserInput');
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

/** The same change from a row of the admin users page, which names the account. */
export const UpdateUserFormSchema = UpdateUserSchema.extend({ id: z.uuid({ error: () => m.err_invalid() }) });

const optionalPassword = () =>
	z.preprocess(blankToUndefined, password().optional()).openapi({ type: 'string', minLength: 8 });

/** Any account, as the CLI creates it (`user:create`). */
export const CreateUserSchema = z.object({
	name: z
		.string({ error: () => m.admin_err_name() })
		.trim()
		.min(1, { error: () => m.admin_err_name() })
		.max(120),
	email: email(),
	role: role(),
	password: optionalPassword()
});
export type CreateUser = z.infer<typeof CreateUserSchema>;

/** A staff account created by an admin; without a password an invitation link is emailed. */
export const CreateStaffSchema = CreateUserSchema.extend({
	role: z.enum(STAFF_ROLES, { error: () => m.admin_err_staff_role() })
}).openapi('AdminCreateStaffInput');
export type CreateStaff = z.infer<typeof CreateStaffSchema>;
