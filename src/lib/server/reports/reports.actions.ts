import { AppError, invalid, type FieldError } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { todayWib } from '../validation';
import { findRegion } from '../regions/regions.queries';
import { VILLAGE_LEVELS, type RegionLevel } from '../regions/regions.rules';
import { findKimById } from '../kims/kims.queries';
import { notify } from '../notifications/notify';
import type { FileStorage } from '../files/storage';
import { discardStoredFile } from '../files/files.actions';
import type { StoredFile } from '../files/files.queries';
import { formatDate, formatNumber } from '../../shared/format';
import { audienceProblems, heldOnProblem, isReportableCampaign, MAX_PHOTOS, sameReport } from './reports.rules';
import { IDEMPOTENCY_KEY, type CreateReport } from './reports.schema';
import { canAddReportPhotos, canReportFor } from './reports.policy';
import { countReportPhotos, findCampaignForKim, findReportByKey, insertReport, listBoardUserIds, type NewReport, type Report } from './reports.queries';
import { activityTypeLabel } from './reports.present';
import { authorize, loadReportToWrite } from './reports.guard';
import { preparePhotos, storePhotos, type PhotoUpload } from './reports.photos';

const AUDIENCE_MESSAGE = {
	min: () => m.report_err_audience_min(),
	population: (max: number) => m.report_err_audience_population({ max: formatNumber(max) }),
	max: (max: number) => m.report_err_audience_max({ max: formatNumber(max) }),
	over_audience: () => ''
};

/** The stored values of an input (also what a repeated request is compared on). */
const rowOf = (input: CreateReport): Omit<NewReport, 'reporterId' | 'idempotencyKey' | 'createdAt'> => ({
	kimId: input.kim_id,
	campaignId: input.campaign_id,
	type: input.type,
	heldOn: input.held_on,
	kelurahanCode: input.kelurahan_code,
	rw: input.rw,
	rt: input.rt,
	audienceCount: input.audience_count,
	womenCount: input.women_count ?? null,
	youthCount: input.youth_count ?? null,
	notes: input.notes,
	questions: input.questions,
	feedback: input.feedback
});

/** The earlier report of a repeated key: the same report → replay; a different body → 409 (Stripe-style). */
function replayOf(existing: Report, input: CreateReport) {
	if (!sameReport(existing, rowOf(input))) throw new AppError('CONFLICT', m.report_err_key_reused());
	return { report: existing, replayed: true };
}

/** Field errors from the rules that need the database and the clock; empty when the report may be stored. */
async function reportProblems(ctx: Ctx, tx: Db, input: CreateReport) {
	const errors: FieldError[] = [];
	const kim = await findKimById(tx, input.kim_id);
	if (kim?.status !== 'verified') errors.push({ path: 'kim_id', message: m.report_err_kim_unverified() });
	const region = await findRegion(tx, input.kelurahan_code);
	const isKelurahan = !!region && VILLAGE_LEVELS.includes(region.level as RegionLevel);
	if (!isKelurahan) errors.push({ path: 'kelurahan_code', message: m.err_kelurahan_unknown() });
	const dateProblem = heldOnProblem(input.held_on, todayWib(nowOf(ctx)));
	if (dateProblem) errors.push({ path: 'held_on', message: dateProblem === 'future' ? m.report_err_held_on_future() : m.report_err_held_on_old() });
	for (const p of audienceProblems({ audience: input.audience_count, women: input.women_count, youth: input.youth_count }, isKelurahan ? region.population : null)) {
		const message = p.kind === 'over_audience'
			? (p.field === 'women_count' ? m.report_err_women_over() : m.report_err_youth_over())
			: AUDIENCE_MESSAGE[p.kind](p.max ?? 0);
		errors.push({ path: p.field, message });
	}
	let campaign: Awaited<ReturnType<typeof findCampaignForKim>>['campaign'];
	if (input.campaign_id) {
		const found = await findCampaignForKim(tx, input.campaign_id, input.kim_id);
		if (!isReportableCampaign(found.campaign, found.hasAssignment)) errors.push({ path: 'campaign_id', message: m.report_err_campaign() });
		else campaign = found.campaign;
	}
	return { errors, kim: kim!, region: region!, campaign };
}

/**
 * Records an activity report by a member of the KIM (staff do not report on a KIM's behalf),
 * with optional evidence photos, notifies the KIM's other pengurus (in-app) and the campaign's
 * creator (in-app and email), and audits it — one transaction.
 *
 * Idempotency: a repeat with the same `idempotencyKey` by the same reporter returns the first
 * report (`replayed: true`), also when two requests race (the unique index on
 * (reporter_id, idempotency_key) decides); the same key with a different report is a CONFLICT.
 */
export async function createReport(
	ctx: Ctx,
	input: CreateReport,
	opts: { idempotencyKey?: string | null; photos?: PhotoUpload[]; storage?: FileStorage; photoField?: string } = {}
): Promise<{ report: Report; replayed: boolean }> {
	authorize(ctx, ctx.actor !== null);
	const key = opts.idempotencyKey ?? null;
	if (key !== null && !IDEMPOTENCY_KEY.test(key)) throw invalid([{ path: 'Idempotency-Key', message: m.report_err_key() }]);
	authorize(ctx, canReportFor(ctx.actor, input.kim_id));
	const actor = ctx.actor!;
	if (key) {
		const existing = await findReportByKey(ctx.db, actor.userId, key);
		if (existing) return replayOf(existing, input);
	}
	const photos = opts.photos?.length ? await preparePhotos(opts.photos, opts.photoField ?? 'photos') : [];
	if (photos.length && !opts.storage) throw new Error('createReport: photos need a storage');
	const saved: StoredFile[] = [];
	try {
		return await ctx.db.transaction(async (tx) => {
			const { errors, kim, region, campaign } = await reportProblems(ctx, tx, input);
			if (errors.length) throw invalid(errors);
			const report = await insertReport(tx, { ...rowOf(input), reporterId: actor.userId, idempotencyKey: key, createdAt: nowOf(ctx) });
			// Another request with this key committed first: answer with its report.
			if (!report) return replayOf((await findReportByKey(tx, actor.userId, key!))!, input);
			const files = photos.length ? await storePhotos(ctx, tx, opts.storage!, report.id, photos, 0, saved) : [];
			await audit(tx, actor, 'report.create', { type: 'activity_report', id: report.id }, { after: { ...report, photos: files.map((f) => ({ id: f.id, sha256: f.sha256 })) } });
			const notice = {
				kind: 'report_received',
				title: m.report_notice_title({ kim: kim.name }),
				body: m.report_notice_body({ name: actor.name, type: activityTypeLabel(report.type).toLowerCase(), date: formatDate(report.heldOn), place: region.name, count: formatNumber(report.audienceCount) }),
				url: `/laporan/${report.id}`,
				dedupeKey: `report:${report.id}:received`
			};
			const board = (await listBoardUserIds(tx, kim.id)).filter((id) => id !== actor.userId);
			await notify(tx, board, notice, ctx.publicUrl);
			if (campaign?.createdBy && campaign.createdBy !== actor.userId) await notify(tx, [campaign.createdBy], { ...notice, email: true }, ctx.publicUrl);
			return { report, replayed: false };
		});
	} catch (err) {
		if (opts.storage) for (const f of saved) await discardStoredFile(opts.storage, f.storageKey);
		throw err;
	}
}

/**
 * Adds evidence photos to a report (the reporter or the KIM's pengurus), up to 5 per report:
 * JPEG/PNG/WebP ≤ 5 MB each, checked by content, EXIF stripped, shrunk to 1600 px.
 */
export async function addReportPhotos(ctx: Ctx, storage: FileStorage, reportId: string, uploads: PhotoUpload[], field = 'file') {
	// Authorize before decoding any bytes (the expensive part).
	authorize(ctx, canAddReportPhotos(ctx.actor, await loadReportToWrite(ctx, ctx.db, reportId)));
	const photos = await preparePhotos(uploads, field);
	const saved: StoredFile[] = [];
	try {
		return await ctx.db.transaction(async (tx) => {
			const report = await loadReportToWrite(ctx, tx, reportId, true);
			authorize(ctx, canAddReportPhotos(ctx.actor, report));
			const have = await countReportPhotos(tx, report.id);
			if (have + photos.length > MAX_PHOTOS) throw invalid([{ path: field, message: m.report_err_photos_max({ max: MAX_PHOTOS }) }]);
			const files = await storePhotos(ctx, tx, storage, report.id, photos, have, saved);
			await audit(tx, ctx.actor, 'report.add_photos', { type: 'activity_report', id: report.id }, { after: { photos: files.map((f) => ({ id: f.id, mime: f.mime, size: f.size, sha256: f.sha256 })) } });
			return { report, files };
		});
	} catch (err) {
		for (const f of saved) await discardStoredFile(storage, f.storageKey);
		throw err;
	}
}
