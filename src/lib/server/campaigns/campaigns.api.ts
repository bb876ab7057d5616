import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { problemResponse } from '../http/problem';
import { invalid } from '../errors';
import { m } from '../../paraglide/messages.js';
import { getFileStorage } from '../files/storage';
import { FORM_OVERHEAD_BYTES, megabytes } from '../files/files.rules';
import { CAMPAIGN_STATUSES } from './campaigns.rules';
import { CampaignUploadSchema, CreateCampaignSchema, DeclineSchema, HandSchema, IdParam, InboxQuerySchema, UpdateCampaignSchema } from './campaigns.schema';
import { createCampaign, updateCampaign } from './campaigns.plan.actions';
import { finishCampaign, launchCampaign } from './campaigns.launch.actions';
import { getCampaign, listCampaignAssignments, listCampaigns, presentCampaignView } from './campaigns.read.actions';
import { handAssignment, listInbox, respondToAssignment } from './campaigns.assignments.actions';
import { CAMPAIGN_UPLOAD_KINDS, uploadMaterial } from './campaigns.files.actions';
import { AssignmentOut, CampaignOut, CampaignSummaryOut } from './campaigns.present';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['campaigns'];
const StatusOut = z.object({ id: z.uuid(), status: z.enum(CAMPAIGN_STATUSES) }).openapi('CampaignStatus');
const InboxItemOut = AssignmentOut.extend({
	campaign: z.object({ id: z.uuid(), title: z.string(), status: z.enum(CAMPAIGN_STATUSES), priority: z.string(), objective: z.string() }),
	handed_to_me: z.object({ note: z.string().nullable() }).nullable()
}).openapi('InboxItem');

/** Campaigns and their assignments (planning, launch, the KIM inbox). */
export function campaignRoutes(app: Api) {
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/campaigns', tags,
			summary: 'Every campaign with assignment counts, active first (petugas, admin)',
			responses: { 200: { description: 'Campaigns', ...json(z.object({ data: z.array(CampaignSummaryOut) })) }, ...problemResponses(401, 403) }
		}),
		async (c) => c.json({ data: await listCampaigns(c.get('ctx')) }, 200)
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/campaigns', tags,
			summary: 'Plan a draft campaign (petugas, admin). post_ids: existing posts, the first is the main post; target kelurahan must be in the home city',
			request: { body: { ...json(CreateCampaignSchema), required: true } },
			responses: { 201: { description: 'Draft created', ...json(StatusOut) }, ...problemResponses(400, 401, 403) }
		}),
		async (c) => {
			const campaign = await createCampaign(c.get('ctx'), c.req.valid('json'));
			return c.json({ id: campaign.id, status: campaign.status }, 201);
		}
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/campaigns/{id}', tags,
			summary: 'One campaign (staff; members of an assigned KIM once launched; 404 for anyone else)',
			request: { params: IdParam },
			responses: { 200: { description: 'The campaign', ...json(CampaignOut) }, ...problemResponses(404) }
		}),
		async (c) => c.json(await getCampaign(c.get('ctx'), c.req.valid('param').id), 200)
	);

	app.openapi(
		createRoute({
			method: 'patch', path: '/api/v1/campaigns/{id}', tags,
			summary: 'Edit a draft campaign (staff); absent fields stay. 409 once launched',
			request: { params: IdParam, body: { ...json(UpdateCampaignSchema), required: true } },
			responses: { 200: { description: 'Updated', ...json(CampaignOut) }, ...problemResponses(400, 401, 403, 404, 409) }
		}),
		async (c) => {
			const ctx = c.get('ctx');
			return c.json(await presentCampaignView(ctx, await updateCampaign(ctx, c.req.valid('param').id, c.req.valid('json'))), 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/campaigns/{id}/launch', tags,
			summary: 'Launch a draft (staff): one assignment per verified KIM in the target, due on due_on or ends_on; the KIMs’ pengurus are notified. 400 if the main post is not published or no KIM is in the target; 409 if already launched',
			request: { params: IdParam },
			responses: {
				200: { description: 'Launched', ...json(z.object({ id: z.uuid(), status: z.literal('active'), assignments_created: z.number().int() }).openapi('CampaignLaunched')) },
				...problemResponses(400, 401, 403, 404, 409)
			}
		}),
		async (c) => {
			const { campaign, assignmentsCreated } = await launchCampaign(c.get('ctx'), c.req.valid('param').id);
			return c.json({ id: campaign.id, status: 'active' as const, assignments_created: assignmentsCreated }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/campaigns/{id}/finish', tags,
			summary: 'Finish an active campaign (staff); its assignments no longer change',
			request: { params: IdParam },
			responses: { 200: { description: 'Finished', ...json(StatusOut) }, ...problemResponses(401, 403, 404, 409) }
		}),
		async (c) => {
			const campaign = await finishCampaign(c.get('ctx'), c.req.valid('param').id);
			return c.json({ id: campaign.id, status: campaign.status }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/campaigns/{id}/assignments', tags,
			summary: 'The campaign’s assignments with effective status (overdue after due_on). Staff: all; members of an assigned KIM: their KIM’s only',
			request: { params: IdParam },
			responses: { 200: { description: 'Assignments', ...json(z.object({ data: z.array(AssignmentOut) })) }, ...problemResponses(404) }
		}),
		async (c) => c.json({ data: await listCampaignAssignments(c.get('ctx'), c.req.valid('param').id) }, 200)
	);

	for (const slot of ['poster', 'leaflet'] as const) {
		const kind = CAMPAIGN_UPLOAD_KINDS[slot];
		// Refuse an oversized body before reading it; the exact limit is checked again on the bytes.
		app.use(
			`/api/v1/campaigns/:id/${slot}`,
			bodyLimit({
				maxSize: kind.maxBytes + FORM_OVERHEAD_BYTES,
				onError: () => problemResponse(invalid([{ path: 'file', message: m.kim_file_too_big({ max: megabytes(kind.maxBytes) }) }]))
			})
		);
		app.openapi(
			createRoute({
				method: 'post', path: `/api/v1/campaigns/{id}/${slot}`, tags,
				summary: slot === 'poster'
					? 'Set the poster (staff): JPEG, PNG or WebP ≤ 5 MB, checked by content, EXIF stripped, shrunk to 2400 px'
					: 'Set the leaflet (staff): a PDF ≤ 10 MB, checked by content',
				request: { params: IdParam, body: { content: { 'multipart/form-data': { schema: CampaignUploadSchema } }, required: true } },
				responses: {
					201: { description: 'Stored', ...json(z.object({ campaign: CampaignOut, file: z.object({ id: z.uuid(), url: z.string(), mime: z.string(), size: z.number().int() }) }).openapi(`Campaign${slot === 'poster' ? 'Poster' : 'Leaflet'}Upload`)) },
					...problemResponses(400, 401, 403, 404, 409)
				}
			}),
			async (c) => {
				const ctx = c.get('ctx');
				const { file } = c.req.valid('form');
				const result = await uploadMaterial(ctx, getFileStorage(), c.req.valid('param').id, slot, { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name });
				const f = result.file;
				return c.json({ campaign: await presentCampaignView(ctx, result.campaign), file: { id: f.id, url: `/berkas/${f.id}`, mime: f.mime, size: f.size } }, 201);
			}
		);
	}

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/assignments', tags,
			summary: 'The caller’s inbox: assignments of launched campaigns for their KIMs, open first, by priority then due date',
			request: { query: InboxQuerySchema },
			responses: { 200: { description: 'Inbox', ...json(z.object({ data: z.array(InboxItemOut) })) }, ...problemResponses(400, 401) }
		}),
		async (c) => c.json({ data: await listInbox(c.get('ctx'), c.req.valid('query')) }, 200)
	);

	const respond = [
		{ event: 'accept', summary: 'Accept (also reopens a declined one)' },
		{ event: 'complete', summary: 'Mark done' }
	] as const;
	for (const r of respond) {
		app.openapi(
			createRoute({
				method: 'post', path: `/api/v1/assignments/{id}/${r.event}`, tags,
				summary: `${r.summary}: the KIM’s pengurus or staff, while the campaign is active. 403 for anggota and other KIMs; 409 if the status does not allow it`,
				request: { params: IdParam },
				responses: { 200: { description: 'Updated', ...json(AssignmentOut) }, ...problemResponses(401, 403, 404, 409) }
			}),
			async (c) => c.json(await respondToAssignment(c.get('ctx'), c.req.valid('param').id, r.event), 200)
		);
	}

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/assignments/{id}/decline', tags,
			summary: 'Decline with a reason (the KIM’s pengurus or staff)',
			request: { params: IdParam, body: { ...json(DeclineSchema), required: true } },
			responses: { 200: { description: 'Declined', ...json(AssignmentOut) }, ...problemResponses(400, 401, 403, 404, 409) }
		}),
		async (c) => c.json(await respondToAssignment(c.get('ctx'), c.req.valid('param').id, 'decline', c.req.valid('json')), 200)
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/assignments/{id}/members', tags,
			summary: 'Hand the task to members of the KIM (its pengurus or staff); each is notified once',
			request: { params: IdParam, body: { ...json(HandSchema), required: true } },
			responses: { 200: { description: 'Handed', ...json(AssignmentOut) }, ...problemResponses(400, 401, 403, 404, 409) }
		}),
		async (c) => c.json(await handAssignment(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200)
	);
}
