import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Api } from '../http/api-env';
import { problemResponses } from '../http/api-env';
import { problemResponse } from '../http/problem';
import { invalid } from '../errors';
import { m } from '../../paraglide/messages.js';
import { getFileStorage } from '../files/storage';
import { FORM_OVERHEAD_BYTES, megabytes } from '../files/files.rules';
import { CreateReportSchema, ListReportsQuerySchema, ReportIdParam, ReportPhotosSchema } from './reports.schema';
import { addReportPhotos, createReport } from './reports.actions';
import { getReport, listReports } from './reports.read.actions';
import { ReportOut, reportPhotoUrl } from './reports.present';
import { REPORT_PHOTO_KIND } from './reports.photos';
import { MAX_PHOTOS } from './reports.rules';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['activity-reports'];
const IdOut = z.object({ id: z.uuid() }).openapi('ActivityReportId');

/** Activity reports by KIM members. */
export function reportRoutes(app: Api) {
	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/activity-reports', tags,
			summary: 'Report an activity for a KIM you are a member of (staff do not report on a KIM’s behalf). Notifies the KIM’s other pengurus (in-app) and, when linked to a campaign, its creator (in-app and email). '
				+ 'With an Idempotency-Key header a repeat by the same reporter answers 200 with the first report’s id (header Idempotent-Replayed: true), also for concurrent repeats; the same key with a different body is 409',
			request: {
				headers: z.object({ 'idempotency-key': z.string().optional().openapi({ description: '1–255 visible ASCII characters, e.g. a UUID made by the client' }) }),
				body: { ...json(CreateReportSchema), required: true }
			},
			responses: {
				201: { description: 'Recorded', ...json(IdOut) },
				200: { description: 'A repeat of an earlier request with the same Idempotency-Key: the first report', ...json(IdOut) },
				...problemResponses(400, 401, 403, 409)
			}
		}),
		async (c) => {
			const { report, replayed } = await createReport(c.get('ctx'), c.req.valid('json'), { idempotencyKey: c.req.header('idempotency-key') ?? null });
			if (replayed) c.header('Idempotent-Replayed', 'true');
			return c.json({ id: report.id }, replayed ? 200 : 201);
		}
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/activity-reports', tags,
			summary: 'Reports, newest activity first: staff see all, members their KIMs’ (a kim_id of another KIM is 403); others 403',
			request: { query: ListReportsQuerySchema },
			responses: { 200: { description: 'Reports', ...json(z.object({ data: z.array(ReportOut) })) }, ...problemResponses(400, 401, 403) }
		}),
		async (c) => c.json({ data: await listReports(c.get('ctx'), c.req.valid('query')) }, 200)
	);

	app.openapi(
		createRoute({
			method: 'get', path: '/api/v1/activity-reports/{id}', tags,
			summary: 'One report (staff, or a member of its KIM; 404 for others)',
			request: { params: ReportIdParam },
			responses: { 200: { description: 'The report', ...json(ReportOut) }, ...problemResponses(401, 404) }
		}),
		async (c) => c.json(await getReport(c.get('ctx'), c.req.valid('param').id), 200)
	);

	// Refuse an oversized body before reading it; each photo's limit is checked again on its bytes.
	app.use(
		'/api/v1/activity-reports/:id/photos',
		bodyLimit({
			maxSize: MAX_PHOTOS * REPORT_PHOTO_KIND.maxBytes + FORM_OVERHEAD_BYTES,
			onError: () => problemResponse(invalid([{ path: 'file', message: m.kim_file_too_big({ max: megabytes(REPORT_PHOTO_KIND.maxBytes) }) }]))
		})
	);
	app.openapi(
		createRoute({
			method: 'post', path: '/api/v1/activity-reports/{id}/photos', tags,
			summary: `Add evidence photos (the reporter or the KIM’s pengurus), up to ${MAX_PHOTOS} per report: JPEG, PNG or WebP ≤ 5 MB each, checked by content, EXIF stripped, shrunk to 1600 px. Served to staff and the KIM’s members only`,
			request: { params: ReportIdParam, body: { content: { 'multipart/form-data': { schema: ReportPhotosSchema } }, required: true } },
			responses: {
				201: { description: 'Stored', ...json(z.object({ id: z.uuid(), photos: z.array(z.object({ id: z.uuid(), url: z.string(), mime: z.string(), size: z.number().int() })) }).openapi('ActivityReportPhotos')) },
				...problemResponses(400, 401, 403, 404)
			}
		}),
		async (c) => {
			const files = c.req.valid('form').file;
			const uploads = await Promise.all(files.map(async (f) => ({ bytes: new Uint8Array(await f.arrayBuffer()), name: f.name })));
			const result = await addReportPhotos(c.get('ctx'), getFileStorage(), c.req.valid('param').id, uploads);
			return c.json({ id: result.report.id, photos: result.files.map((f) => ({ id: f.id, url: reportPhotoUrl(f.id), mime: f.mime, size: f.size })) }, 201);
		}
	);
}
