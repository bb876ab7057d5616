import { z } from '@hono/zod-openapi';
import { ROLES, KIM_POSITIONS } from '../../shared/roles';
import { rolesOf, type Actor } from './actor';

export const UserOut = z
	.object({
		id: z.uuid(),
		email: z.string(),
		name: z.string(),
		roles: z.array(z.enum(ROLES))
	})
	.openapi('User');

export const MeOut = UserOut.extend({
	kims: z.array(z.object({ id: z.uuid(), position: z.enum(KIM_POSITIONS) }))
}).openapi('Me');

export function presentUser(actor: NonNullable<Actor>) {
	return { id: actor.userId, email: actor.email, name: actor.name, roles: rolesOf(actor) };
}

export function presentMe(actor: NonNullable<Actor>) {
	return { ...presentUser(actor), kims: actor.kims.map((k) => ({ id: k.kimId, position: k.position })) };
}
