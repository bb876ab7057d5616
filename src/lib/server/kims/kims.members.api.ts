import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { AddMemberSchema, ChangePositionSchema, KimIdParam } from './kims.schema';
import { addMember, changeMemberPosition, removeMember } from './kims.members.actions';
import { getKimMembers } from './kims.read.actions';
import { KimBoardMemberOut, KimMemberAddedOut, KimMemberOut, presentBoardMember, presentMember } from './kims.present';
import { listMembers } from './kims.queries';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['kims'];
const MemberParams = KimIdParam.extend({
	userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } })
});

/**
 * Members of a KIM: list (the whole list for staff and its members, emails for its managers; the
 * board by name for everyone else), add, change, remove.
 */
export function kimMemberRoutes(app: Api) {
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/kims/{id}/members', tags,
			summary: 'Members of a KIM, board first. Staff and the KIM’s members get every member (emails only for its pengurus and staff); others only the board (ketua, sekretaris, bendahara) by name and position',
			request: { params: KimIdParam },
			responses: {
				200: { description: 'Members', ...json(z.object({ data: z.array(z.union([KimMemberOut, KimBoardMemberOut])) }).openapi('KimMemberList')) },
				...problemResponses(404)
			}
		}),
		async (c) => {
			const { members, can } = await getKimMembers(c.get('ctx'), c.req.valid('param').id);
			const data = can.seeAllMembers ? members.map((x) => presentMember(x, can.seeEmails)) : members.map(presentBoardMember);
			return c.json({ data }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/kims/{id}/members', tags,
			summary: 'Add a member by email and name (the KIM’s pengurus or staff; a ketua only by a ketua or staff). A new email gets an account and an invite mail; an existing account is linked. The answer is the same either way',
			request: { params: KimIdParam, body: { ...json(AddMemberSchema), required: true } },
			responses: { 201: { description: 'Added', ...json(KimMemberAddedOut) }, ...problemResponses(400, 401, 403, 404, 409) }
		}),
		async (c) => {
			const added = await addMember(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'));
			return c.json({ user_id: added.userId, position: added.position }, 201);
		}
	);

	app.openapi(
		createRoute({
			method: 'patch', path: '/api/v1/kims/{id}/members/{userId}', tags,
			summary: 'Change a member’s position (the KIM’s pengurus or staff; to or from ketua only by a ketua or staff; the last ketua cannot be demoted)',
			request: { params: MemberParams, body: { ...json(ChangePositionSchema), required: true } },
			responses: { 200: { description: 'Changed', ...json(KimMemberOut) }, ...problemResponses(400, 401, 403, 404, 409) }
		}),
		async (c) => {
			const ctx = c.get('ctx');
			const { id, userId } = c.req.valid('param');
			const member = await changeMemberPosition(ctx, id, userId, c.req.valid('json').position);
			const changed = (await listMembers(ctx.db, member.kimId)).find((x) => x.userId === userId)!;
			return c.json(presentMember(changed, true), 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'delete', path: '/api/v1/kims/{id}/members/{userId}', tags,
			summary: 'Remove a member from the KIM (the account stays; a ketua only by a ketua or staff; the last ketua cannot be removed)',
			request: { params: MemberParams },
			responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404, 409) }
		}),
		async (c) => {
			const { id, userId } = c.req.valid('param');
			await removeMember(c.get('ctx'), id, userId);
			return c.body(null, 204);
		}
	);
}
