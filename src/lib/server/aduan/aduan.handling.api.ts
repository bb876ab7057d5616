import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { nowOf } from '../context';
import {
	AduanIdParam, BoardQuerySchema, HolidayDayParam, HolidaySchema, HolidaysQuerySchema, MemberParam, MemberSchema, MessageSchema, RatingSchema, ReassignSchema,
	TransitionSchema, UnitCodeParam
} from './aduan.handling.schema';
import { reassignAduan, transitionAduan } from './aduan.handling.transition';
import { getThread, postMessage, rateAduan } from './aduan.handling.thread';
import { getBoard } from './aduan.handling.read';
import { addUnitMember, getHolidays, getUnitsWithStaff, removeHoliday, removeUnitMember, saveHoliday } from './aduan.handling.admin';
import { listUnits } from './aduan.handling.queries';
import { AduanStateOut, EventOut, presentState } from './aduan.handling.present';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { ...json(schema), required: true } });
const tags = ['aduan-handling'];

const BoardRowOut = z.object({
	id: z.uuid(), tracking_id: z.string(), title: z.string(), status: z.string(), category: z.string(), category_code: z.string(), unit_code: z.string(), unit: z.string(),
	kelurahan: z.string(), privacy: z.string(), created_at: z.string(),
	due: z.object({ stage: z.string(), dueAt: z.string(), overdue: z.boolean(), dueToday: z.boolean(), words: z.string() }).nullable()
}).openapi('AduanBoardRow');
const HolidayOut = z.object({ day: z.string(), name: z.string(), kind: z.string(), is_off: z.boolean(), source: z.string() }).openapi('HolidayDay');
const UnitOut = z.object({ code: z.string(), name: z.string(), short_name: z.string(), description: z.string().nullable() }).openapi('Unit');
const MemberOut = z.object({ unit_code: z.string(), user_id: z.uuid(), name: z.string(), email: z.string(), is_supervisor: z.boolean() }).openapi('UnitMember');

const holidayOut = (h: { day: string; name: string; kind: string; isOff: boolean; source: string }) => ({ day: h.day, name: h.name, kind: h.kind, is_off: h.isOff, source: h.source });

/** Aduan handling: transitions, thread, internal notes, reassignment, rating, reopen, the board, holidays and units (issue 5). */
export function aduanHandlingRoutes(app: Api) {
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/aduan/board', tags,
			summary: 'The staff board: open aduan (or one status), overdue first, then due today, then by deadline. The agency sees all; unit staff only their unit’s forwarded aduan',
			request: { query: BoardQuerySchema },
			responses: { 200: { description: 'Board', ...json(z.object({ data: z.array(BoardRowOut) })) }, ...problemResponses(400, 401, 403) }
		}),
		async (c) => c.json({ data: await getBoard(c.get('ctx'), c.req.valid('query')) }, 200)
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/aduan/{id}/transition', tags,
			summary: 'Move an aduan: received→verified|rejected (agency; verified may forward with unit_code), verified→in_progress (the unit or agency, with the follow-up plan in note), in_progress→resolved (with the response in note), resolved→closed (reporter or agency), resolved→in_progress (the reporter reopens, once, before the auto-close). Illegal → 409; not this actor’s move → 403',
			request: { params: AduanIdParam, ...body(TransitionSchema) },
			responses: { 200: { description: 'The new state', ...json(AduanStateOut) }, ...problemResponses(400, 401, 403, 404, 409) }
		}),
		async (c) => {
			const ctx = c.get('ctx');
			return c.json(presentState(await transitionAduan(ctx, c.req.valid('param').id, c.req.valid('json')), nowOf(ctx)), 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/aduan/{id}/reassign', tags,
			summary: 'Hand an open aduan to another unit (agency only); the plan deadline restarts and the new unit is notified',
			request: { params: AduanIdParam, ...body(ReassignSchema) },
			responses: { 200: { description: 'The new state', ...json(AduanStateOut) }, ...problemResponses(400, 401, 403, 404, 409) }
		}),
		async (c) => {
			const ctx = c.get('ctx');
			return c.json(presentState(await reassignAduan(ctx, c.req.valid('param').id, c.req.valid('json')), nowOf(ctx)), 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/aduan/{id}/messages', tags,
			summary: 'A message between the reporter and the handling staff, or (internal: true, staff only) an internal note never shown to the reporter or the public',
			request: { params: AduanIdParam, ...body(MessageSchema) },
			responses: { 201: { description: 'Posted', ...json(EventOut) }, ...problemResponses(400, 401, 403, 404) }
		}),
		async (c) => c.json(await postMessage(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201)
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/aduan/{id}/rating', tags,
			summary: 'The reporter rates the handling 1-5 once, when resolved or closed; rating a resolved aduan closes it',
			request: { params: AduanIdParam, ...body(RatingSchema) },
			responses: { 200: { description: 'The new state', ...json(AduanStateOut) }, ...problemResponses(400, 401, 403, 404, 409) }
		}),
		async (c) => {
			const ctx = c.get('ctx');
			return c.json(presentState(await rateAduan(ctx, c.req.valid('param').id, c.req.valid('json')), nowOf(ctx)), 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/aduan/{id}/thread', tags,
			summary: 'The thread as the caller may see it: handling staff get internal notes too, the reporter does not',
			request: { params: AduanIdParam },
			responses: { 200: { description: 'Thread', ...json(z.object({ id: z.uuid(), tracking_id: z.string(), status: z.string(), events: z.array(EventOut) })) }, ...problemResponses(401, 403, 404) }
		}),
		async (c) => {
			const { aduan, events } = await getThread(c.get('ctx'), c.req.valid('param').id);
			return c.json({ id: aduan.id, tracking_id: aduan.trackingId, status: aduan.status, events }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/holidays', tags,
			summary: 'The days-off calendar of the service-level clock (public): national holidays, cuti bersama, local days; is_off false = a seeded day that is worked',
			request: { query: HolidaysQuerySchema },
			responses: { 200: { description: 'Days', ...json(z.object({ data: z.array(HolidayOut) })) }, ...problemResponses(400) }
		}),
		async (c) => c.json({ data: (await getHolidays(c.get('ctx'), c.req.valid('query').year)).map(holidayOut) }, 200)
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/holidays', tags,
			summary: 'Add or change a day (admin): cuti bersama or a local day off, or is_off false to mark a seeded holiday as worked',
			request: body(HolidaySchema),
			responses: { 200: { description: 'Saved', ...json(HolidayOut) }, ...problemResponses(400, 401, 403) }
		}),
		async (c) => c.json(holidayOut(await saveHoliday(c.get('ctx'), c.req.valid('json'))), 200)
	);

	app.openapi(
		createRoute({
			method: 'delete', path: '/api/v1/holidays/{day}', tags,
			summary: 'Remove a day the admin added; a seeded day is kept and marked as worked (admin)',
			request: { params: HolidayDayParam },
			responses: { 200: { description: 'Removed', ...json(z.object({ deleted: z.boolean() })) }, ...problemResponses(400, 401, 403, 404) }
		}),
		async (c) => c.json(await removeHoliday(c.get('ctx'), c.req.valid('param').day), 200)
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/units', tags,
			summary: 'The active units (perangkat daerah) that handle aduan (public)',
			responses: { 200: { description: 'Units', ...json(z.object({ data: z.array(UnitOut) })) } }
		}),
		async (c) => c.json({ data: (await listUnits(c.get('ctx').db)).map((u) => ({ code: u.code, name: u.name, short_name: u.shortName, description: u.description })) }, 200)
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/units/{code}/members', tags,
			summary: 'A unit’s staff (admin)',
			request: { params: UnitCodeParam },
			responses: { 200: { description: 'Staff', ...json(z.object({ data: z.array(MemberOut) })) }, ...problemResponses(401, 403, 404) }
		}),
		async (c) => {
			const code = c.req.valid('param').code;
			const unit = (await getUnitsWithStaff(c.get('ctx'))).find((u) => u.code === code);
			const data = (unit?.members ?? []).map((x) => ({ unit_code: x.unitCode, user_id: x.userId, name: x.name, email: x.email, is_supervisor: x.isSupervisor }));
			return c.json({ data }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/units/{code}/members', tags,
			summary: 'Add an existing user (by email) to a unit’s staff, or change their supervisor flag (admin)',
			request: { params: UnitCodeParam, ...body(MemberSchema) },
			responses: { 200: { description: 'Member', ...json(MemberOut) }, ...problemResponses(400, 401, 403, 404) }
		}),
		async (c) => c.json(await addUnitMember(c.get('ctx'), c.req.valid('param').code, c.req.valid('json')), 200)
	);

	app.openapi(
		createRoute({
			method: 'delete', path: '/api/v1/units/{code}/members/{user_id}', tags,
			summary: 'Remove a member from a unit’s staff (admin)',
			request: { params: MemberParam },
			responses: { 204: { description: 'Removed' }, ...problemResponses(401, 403, 404) }
		}),
		async (c) => {
			const p = c.req.valid('param');
			await removeUnitMember(c.get('ctx'), p.code, p.user_id);
			return c.body(null, 204);
		}
	);
}
