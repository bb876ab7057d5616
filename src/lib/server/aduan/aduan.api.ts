import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { problemResponse } from '../http/problem';
import { invalid } from '../errors';
import { m } from '../../paraglide/messages.js';
import { getFileStorage } from '../files/storage';
import { FORM_OVERHEAD_BYTES, megabytes } from '../files/files.rules';
import { refFromCookieHeader } from '../reach/reach.rules';
import { AduanPhotosSchema, ClaimSchema, CreateAduanSchema, TrackingParam } from './aduan.schema';
import { createAduan } from './aduan.create.actions';
import { claimAduan } from './aduan.claim.actions';
import { addAduanPhotos, getPublicAduan, listMine, normaliseTrackingId } from './aduan.read.actions';
import { AduanCreatedOut, AduanMineOut, AduanPublicOut, aduanPhotoUrl } from './aduan.present';
import { ADUAN_PHOTO_KIND, MAX_ADUAN_PHOTOS } from './aduan.photos';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['aduan'];

/** Aduan filing, public tracking, the reporter's own list and claiming an assisted filing (issue 5). */
export function aduanRoutes(app: Api) {
	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/aduan', tags,
			summary: 'File a complaint, aspiration or information request (logged in). `on_behalf_of` only for KIM members (assisted filing: the answer carries a one-time claim code for the resident). '
				+ 'With an Idempotency-Key a repeat answers 200 with the first aduan (header Idempotent-Replayed: true); the same key with a different body is 409. Add photos with POST /api/v1/aduan/{tracking_id}/photos',
			request: {
				headers: z.object({ 'idempotency-key': z.string().optional().openapi({ description: '1–255 visible ASCII characters, e.g. a UUID made by the client' }) }),
				body: { ...json(CreateAduanSchema), required: true }
			},
			responses: {
				201: { description: 'Filed', ...json(AduanCreatedOut) },
				200: { description: 'A repeat with the same Idempotency-Key: the first aduan', ...json(AduanCreatedOut) },
				...problemResponses(400, 401, 403, 409)
			}
		}),
		async (c) => {
			const { aduan, replayed, claimCode } = await createAduan(c.get('ctx'), c.req.valid('json'), {
				idempotencyKey: c.req.header('idempotency-key') ?? null,
				source: 'api',
				ref: refFromCookieHeader(c.req.header('cookie'))
			});
			if (replayed) c.header('Idempotent-Replayed', 'true');
			const out = { id: aduan.id, tracking_id: aduan.trackingId, status: 'received' as const, due: { verify_by: aduan.verifyBy.toISOString() }, ...(claimCode ? { claim_code: claimCode } : {}) };
			return c.json(out, replayed ? 200 : 201);
		}
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/aduan/mine', tags,
			summary: 'Your aduan, and those you (a KIM member) filed for other residents, newest first',
			responses: { 200: { description: 'Aduan', ...json(z.object({ data: z.array(AduanMineOut) })) }, ...problemResponses(401) }
		}),
		async (c) => c.json({ data: await listMine(c.get('ctx')) }, 200)
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/aduan/{tracking_id}', tags,
			summary: 'The public tracking view: status, history, due dates. The reporter’s name only for public aduan; contact details only for the filer and the handling staff. Confidential aduan are 404 for everyone else',
			request: { params: TrackingParam },
			responses: { 200: { description: 'The aduan', ...json(AduanPublicOut) }, ...problemResponses(404) }
		}),
		async (c, next) => {
			const id = c.req.valid('param').tracking_id;
			// Not a tracking id (e.g. /api/v1/aduan/board): leave it to the routes registered after these.
			if (!normaliseTrackingId(id)) return (await next()) as never;
			return c.json(await getPublicAduan(c.get('ctx'), id), 200);
		}
	);

	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/aduan/{tracking_id}/claim', tags,
			summary: 'Claim an aduan a KIM member filed for you, with the code they gave you. Wrong code 400 (after 5 wrong codes by you, or 20 by anyone, within 24 h: 429); already claimed 409',
			request: { params: TrackingParam, body: { ...json(ClaimSchema), required: true } },
			responses: {
				200: { description: 'Claimed: you are its reporter now', ...json(z.object({ tracking_id: z.string(), claimed_at: z.string() }).openapi('AduanClaimed')) },
				...problemResponses(400, 401, 403, 404, 409, 429)
			}
		}),
		async (c) => {
			const a = await claimAduan(c.get('ctx'), c.req.valid('param').tracking_id, c.req.valid('json').code);
			return c.json({ tracking_id: a.trackingId, claimed_at: a.claimedAt!.toISOString() }, 200);
		}
	);

	app.use(
		'/api/v1/aduan/:tracking_id/photos',
		bodyLimit({
			maxSize: MAX_ADUAN_PHOTOS * ADUAN_PHOTO_KIND.maxBytes + FORM_OVERHEAD_BYTES,
			onError: () => problemResponse(invalid([{ path: 'file', message: m.kim_file_too_big({ max: megabytes(ADUAN_PHOTO_KIND.maxBytes) }) }]))
		})
	);
	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/aduan/{tracking_id}/photos', tags,
			summary: `Add photos to your open aduan, up to ${MAX_ADUAN_PHOTOS} in all: JPEG, PNG or WebP ≤ 5 MB each, checked by content, re-encoded without EXIF or location`,
			request: { params: TrackingParam, body: { content: { 'multipart/form-data': { schema: AduanPhotosSchema } }, required: true } },
			responses: {
				201: { description: 'Stored', ...json(z.object({ tracking_id: z.string(), photos: z.array(z.object({ id: z.uuid(), url: z.string() })) }).openapi('AduanPhotos')) },
				...problemResponses(400, 401, 403, 404)
			}
		}),
		async (c) => {
			const uploads = await Promise.all(c.req.valid('form').file.map(async (f) => ({ bytes: new Uint8Array(await f.arrayBuffer()), name: f.name })));
			const { aduan, files } = await addAduanPhotos(c.get('ctx'), getFileStorage(), c.req.valid('param').tracking_id, uploads);
			return c.json({ tracking_id: aduan.trackingId, photos: files.map((f) => ({ id: f.id, url: aduanPhotoUrl(f.id) })) }, 201);
		}
	);
}
