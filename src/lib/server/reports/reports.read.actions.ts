import { AppError } from '../errors';
import type { Ctx } from '../context';
import { m } from '../../paraglide/messages.js';
import type { FileStorage } from '../files/storage';
import { findFile } from '../files/files.queries';
import { kimAreaOptions } from '../kims/kims.read.actions';
import { isUuid } from '../../shared/slug';
import { canListReports, canViewReport, reportScope } from './reports.policy';
import { findReportOfPhoto, listAssignedCampaigns, listReportingKims, listReportPhotos, listReportRows, reportFacets } from './reports.queries';
import { presentReport, type ReportView } from './reports.present';
import type { ListReportsQuery } from './reports.schema';
import { authorize, reportNotFound } from './reports.guard';
import { REPORT_PHOTO_KIND } from './reports.photos';

/**
 * Reports newest first (by activity date), scoped: staff see all, members their KIMs'. A KIM
 * filter for a KIM the actor does not belong to is FORBIDDEN; anyone else (a warga) FORBIDDEN.
 */
export async function listReports(ctx: Ctx, query: ListReportsQuery): Promise<ReportView[]> {
	authorize(ctx, ctx.actor !== null);
	if (!canListReports(ctx.actor)) throw new AppError('FORBIDDEN', m.report_forbidden_list());
	if (query.kim_id) authorize(ctx, canViewReport(ctx.actor, { kimId: query.kim_id }));
	const rows = await listReportRows(ctx.db, reportScope(ctx.actor), { kimId: query.kim_id, campaignId: query.campaign_id, limit: query.limit, offset: query.offset });
	const photos = await listReportPhotos(ctx.db, rows.map((r) => r.report.id));
	return rows.map((r) => presentReport(r, photos.get(r.report.id)));
}

/** One report: staff, or a member of its KIM; NOT_FOUND for anyone else (existence is not revealed). */
export async function getReport(ctx: Ctx, id: string): Promise<ReportView> {
	authorize(ctx, ctx.actor !== null);
	if (!isUuid(id)) throw reportNotFound();
	const [row] = await listReportRows(ctx.db, reportScope(ctx.actor), { id, limit: 1 });
	if (!row) throw reportNotFound();
	return presentReport(row, (await listReportPhotos(ctx.db, [id])).get(id));
}

/** The KIMs and campaigns that occur in the actor's reports (for filters). */
export async function reportFilterOptions(ctx: Ctx) {
	authorize(ctx, canListReports(ctx.actor));
	return reportFacets(ctx.db, reportScope(ctx.actor));
}

/**
 * A report photo for download: for those who may read the report only (staff, the KIM's
 * members). Unknown ids, and files that are not report photos, are NOT_FOUND.
 */
export async function openReportPhoto(ctx: Ctx, storage: FileStorage, fileId: string) {
	if (!isUuid(fileId)) throw reportNotFound();
	const report = await findReportOfPhoto(ctx.db, fileId);
	if (!report) throw reportNotFound();
	authorize(ctx, canViewReport(ctx.actor, report));
	const file = await findFile(ctx.db, fileId);
	if (!file || file.purpose !== REPORT_PHOTO_KIND.purpose) throw reportNotFound();
	const bytes = await storage.get(file.storageKey);
	if (!bytes) throw reportNotFound();
	return { file, bytes };
}

/**
 * What the report form offers the actor: their verified KIMs (with each one's kelurahan), the
 * active campaigns assigned to those KIMs, and the city's kelurahan grouped by kecamatan.
 */
export async function reportFormOptions(ctx: Ctx) {
	authorize(ctx, ctx.actor !== null);
	const kims = await listReportingKims(ctx.db, ctx.actor!.kims.map((k) => k.kimId));
	const [campaigns, areas] = await Promise.all([listAssignedCampaigns(ctx.db, kims.map((k) => k.id)), kimAreaOptions(ctx)]);
	return { kims, campaigns, areas };
}
