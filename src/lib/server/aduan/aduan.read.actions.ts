import { AppError, invalid } from '../errors';
import { nowOf, type Ctx } from '../context';
import { m } from '../../paraglide/messages.js';
import type { FileStorage } from '../files/storage';
import { findFile, type StoredFile } from '../files/files.queries';
import { discardStoredFile } from '../files/files.actions';
import { audit } from '../audit/audit';
import { TRACKING_ID_RE } from './aduan.rules';
import { canAddPhotos, canFileOnBehalf, canViewAduan, canViewContent } from './aduan.policy';
import { aduanLabels, countAduanFiles, findAduanByTracking, findAduanOfFile, findReporter, findUserKelurahan, isVerifiedKimMember, listActiveCategories, listFilingPhotoIds, listMyAduan, listStatusEvents, lockAduanByTracking, type Aduan } from './aduan.queries';
import { presentAduan, presentMine, type AduanDetail } from './aduan.present';
import { ADUAN_PHOTO_KIND, MAX_ADUAN_PHOTOS, prepareAduanPhotos, storeAduanPhotos, type PhotoUpload } from './aduan.photos';

export const aduanNotFound = () => new AppError('NOT_FOUND', m.aduan_not_found());
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The tracking id as typed (any case, spaces around) → canonical, or undefined. */
export const normaliseTrackingId = (raw: string) => {
	const id = raw.trim().toUpperCase();
	return TRACKING_ID_RE.test(id) ? id : undefined;
};

/** An aduan the actor may see; unknown and hidden (confidential) ones are both NOT_FOUND. */
export async function loadVisibleAduan(ctx: Ctx, trackingId: string): Promise<Aduan> {
	const id = normaliseTrackingId(trackingId);
	const a = id ? await findAduanByTracking(ctx.db, id) : undefined;
	if (!a || !canViewAduan(ctx.actor, a)) throw aduanNotFound();
	return a;
}

/** Everything the public view needs about an aduan. */
export async function aduanDetail(ctx: Ctx, a: Aduan): Promise<AduanDetail> {
	const [labels, history, photoIds, reporter] = await Promise.all([
		aduanLabels(ctx.db, a),
		listStatusEvents(ctx.db, a.id),
		canViewContent(ctx.actor, a) ? listFilingPhotoIds(ctx.db, a.id) : Promise.resolve([]),
		findReporter(ctx.db, a.reporterId)
	]);
	return { aduan: a, labels, history, photoIds, reporter };
}

/** The public tracking view (status, history, due dates); reporter data only for those who may see it. */
export async function getPublicAduan(ctx: Ctx, trackingId: string) {
	const a = await loadVisibleAduan(ctx, trackingId);
	return presentAduan(ctx.actor, await aduanDetail(ctx, a), nowOf(ctx));
}

/** The actor's own aduan and those they filed for others (UNAUTHENTICATED for visitors). */
export async function listMine(ctx: Ctx) {
	if (!ctx.actor) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	const rows = await listMyAduan(ctx.db, ctx.actor.userId);
	return rows.map((r) => presentMine(ctx.actor!.userId, r));
}

/**
 * What the filing form offers: active categories with their unit, the person's kelurahan to
 * preselect, and whether they may file for another resident (member of a verified KIM).
 */
export async function aduanFormOptions(ctx: Ctx) {
	const [categories, kelurahanCode, canAssist] = await Promise.all([
		listActiveCategories(ctx.db),
		ctx.actor ? findUserKelurahan(ctx.db, ctx.actor.userId) : Promise.resolve(null),
		canFileOnBehalf(ctx.actor) ? isVerifiedKimMember(ctx.db, ctx.actor!.userId) : Promise.resolve(false)
	]);
	return { categories, kelurahanCode, canAssist };
}

/** An aduan photo after the aduan's policy (confidential: filer and handling staff only). */
export async function openAduanPhoto(ctx: Ctx, storage: FileStorage, fileId: string) {
	if (!UUID.test(fileId)) throw aduanNotFound();
	const a = await findAduanOfFile(ctx.db, fileId);
	if (!a || !canViewContent(ctx.actor, a)) throw aduanNotFound();
	const file = await findFile(ctx.db, fileId);
	if (!file || file.purpose !== ADUAN_PHOTO_KIND.purpose) throw aduanNotFound();
	const bytes = await storage.get(file.storageKey);
	if (!bytes) throw aduanNotFound();
	return { file, bytes, aduan: a };
}

/** Adds photos to an open aduan (the filer), up to 3 in all: checked by content, EXIF stripped. */
export async function addAduanPhotos(ctx: Ctx, storage: FileStorage, trackingId: string, uploads: PhotoUpload[], field = 'file') {
	if (!ctx.actor) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	const first = await loadVisibleAduan(ctx, trackingId);
	if (!canAddPhotos(ctx.actor, first)) throw new AppError('FORBIDDEN', m.err_forbidden());
	const photos = await prepareAduanPhotos(uploads, field);
	const saved: StoredFile[] = [];
	try {
		return await ctx.db.transaction(async (tx) => {
			const a = await lockAduanByTracking(tx, first.trackingId);
			if (!a || !canAddPhotos(ctx.actor, a)) throw new AppError('FORBIDDEN', m.err_forbidden());
			const have = await countAduanFiles(tx, a.id);
			if (have + photos.length > MAX_ADUAN_PHOTOS) throw invalid([{ path: field, message: m.aduan_err_photos_max({ max: MAX_ADUAN_PHOTOS }) }]);
			const files = await storeAduanPhotos(ctx, tx, storage, a.id, photos, have, saved);
			await audit(tx, ctx.actor, 'aduan.add_photos', { type: 'aduan', id: a.id }, { after: { photos: files.map((f) => ({ id: f.id, mime: f.mime, size: f.size, sha256: f.sha256 })) } });
			return { aduan: a, files };
		});
	} catch (err) {
		for (const f of saved) await discardStoredFile(storage, f.storageKey);
		throw err;
	}
}
