import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { problemResponse } from '../http/problem';
import { invalid } from '../errors';
import type { Ctx } from '../context';
import { m } from '../../paraglide/messages.js';
import { getFileStorage } from '../files/storage';
import { megabytes, UPLOAD_KINDS } from '../files/files.rules';
import { countMembers, kimRegionNames, type Kim } from './kims.queries';
import { CreateKimSchema, KimIdParam, UploadSchema, ListKimsQuerySchema, ReturnKimSchema, UpdateKimSchema } from './kims.schema';
import { registerKim, transitionKim, updateKim } from './kims.actions';
import { findKims, getKim, kimPermissions } from './kims.read.actions';
import { uploadKimFile, type KimFileSlot } from './kims.files.actions';
import { KimOut, KimSummaryOut, presentKim, presentKimSummary } from './kims.present';
import { kimMemberRoutes } from './kims.members.api';
import type { KimEvent } from './kims.rules';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['kims'];

/** The full KIM answer after a write (member count and area names included). */
async function kimBody(ctx: Ctx, kim: Kim) {
	const [memberCount, area] = await Promise.all([countMembers(ctx.db, kim.id), kimRegionNames(ctx.db, kim)]);
	return presentKim(kim, { memberCount, ...area, can: kimPermissions(ctx, kim) });
}

const UploadOut = z
	.object({ kim: KimOut, file: z.object({ id: z.uuid(), url: z.string(), mime: z.string(), size: z.number().int() }) })
	.openapi('KimUpload');
const MAX_UPLOAD_BODY = UPLOAD_KINDS.kim_sk.maxBytes + 256 * 1024;

export function kimRoutes(app: Api) {
	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/kims', tags,
			summary: 'List KIMs. Anonymous visitors and residents see verified KIMs (plus those they belong to); staff see all',
			request: { query: ListKimsQuerySchema },
			responses: { 200: { description: 'KIMs', ...json(z.object({ data: z.array(KimSummaryOut) })) }, ...problemResponses(400) }
		}),
		async (c) => {
			const rows = await findKims(c.get('ctx'), c.req.valid('query'));
			return c.json({ data: rows.map(presentKimSummary) }, 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/kims', tags,
			summary: 'Register a KIM (status registered). A resident becomes its ketua; staff may name a ketua by email',
			request: { body: { ...json(CreateKimSchema), required: true } },
			responses: { 201: { description: 'Registered', ...json(KimOut) }, ...problemResponses(400, 401, 403, 409) }
		}),
		async (c) => {
			const ctx = c.get('ctx');
			const kim = await registerKim(ctx, c.req.valid('json'));
			return c.json(await kimBody(ctx, kim), 201);
		}
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/kims/{id}', tags,
			summary: 'One KIM (404 for a non-verified KIM unless staff or a member)',
			request: { params: KimIdParam },
			responses: { 200: { description: 'The KIM', ...json(KimOut) }, ...problemResponses(404) }
		}),
		async (c) => {
			const view = await getKim(c.get('ctx'), c.req.valid('param').id);
			return c.json(presentKim(view.kim, view), 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'patch', path: '/api/v1/kims/{id}', tags,
			summary: 'Edit a KIM’s details (its pengurus or staff); absent fields stay, null clears. When its pengurus change the name, area, SK number or SK date of a verified KIM, it goes back to status registered for a petugas to verify again',
			request: { params: KimIdParam, body: { ...json(UpdateKimSchema), required: true } },
			responses: { 200: { description: 'Updated', ...json(KimOut) }, ...problemResponses(400, 401, 403, 404) }
		}),
		async (c) => {
			const ctx = c.get('ctx');
			const { kim } = await updateKim(ctx, c.req.valid('param').id, c.req.valid('json'));
			return c.json(await kimBody(ctx, kim), 200);
		}
	);

	const transitions: { event: KimEvent; summary: string; body?: z.ZodType; bodyRequired?: boolean }[] = [
		{ event: 'verify', summary: 'Verify a registered KIM (petugas, admin)' },
		{ event: 'return', summary: 'Return a registered KIM to its pengurus with a reason (petugas, admin)', body: ReturnKimSchema, bodyRequired: true },
		{ event: 'resubmit', summary: 'Send a returned KIM back for verification (its pengurus or staff)' },
		{ event: 'deactivate', summary: 'Set a KIM inactive, with an optional reason (petugas, admin)', body: z.object({ reason: z.string().trim().max(1000).optional() }).openapi('DeactivateKimInput') },
		{ event: 'reactivate', summary: 'Reactivate an inactive KIM (petugas, admin)' }
	];
	for (const t of transitions) {
		app.openapi(
			createRoute({
				method: 'post', path: `/api/v1/kims/{id}/${t.event}`, tags, summary: t.summary,
				request: { params: KimIdParam, ...(t.body ? { body: { ...json(t.body), required: t.bodyRequired ?? false } } : {}) },
				responses: { 200: { description: 'New status', ...json(KimOut) }, ...problemResponses(400, 401, 403, 404, 409) }
			}),
			async (c) => {
				const ctx = c.get('ctx');
				const body = (t.body ? (c.req.valid('json' as never) as { reason?: string } | undefined) : undefined) ?? {};
				const kim = await transitionKim(ctx, c.req.valid('param').id, t.event, body.reason || null);
				return c.json(await kimBody(ctx, kim), 200);
			}
		);
	}

	app.use(
		'/api/v1/kims/:id/files/*',
		bodyLimit({
			maxSize: MAX_UPLOAD_BODY,
			onError: () => problemResponse(invalid([{ path: 'file', message: m.kim_file_too_big({ max: megabytes(UPLOAD_KINDS.kim_sk.maxBytes) }) }]))
		})
	);
	for (const slot of ['sk', 'logo'] as KimFileSlot[]) {
		app.openapi(
			createRoute({
				method: 'post', path: `/api/v1/kims/{id}/files/${slot}`, tags,
				summary: slot === 'sk'
					? 'Upload the decree (SK): PDF, JPEG, PNG or WebP up to 5 MB; private to staff and members. A new SK from its pengurus sends a verified KIM back to verification'
					: 'Upload the logo: JPEG, PNG or WebP up to 2 MB; shrunk to 512 px, public',
				request: { params: KimIdParam, body: { content: { 'multipart/form-data': { schema: UploadSchema } }, required: true } },
				responses: { 201: { description: 'Stored', ...json(UploadOut) }, ...problemResponses(400, 401, 403, 404) }
			}),
			async (c) => {
				const ctx = c.get('ctx');
				const { file } = c.req.valid('form');
				const bytes = new Uint8Array(await file.arrayBuffer());
				const result = await uploadKimFile(ctx, getFileStorage(), c.req.valid('param').id, slot, { bytes, name: file.name });
				const f = result.file;
				return c.json({ kim: await kimBody(ctx, result.kim), file: { id: f.id, url: `/berkas/${f.id}`, mime: f.mime, size: f.size } }, 201);
			}
		);
	}

	kimMemberRoutes(app);
}
