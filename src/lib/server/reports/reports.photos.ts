/** Evidence photos of activity reports: the upload kind and storing prepared photos. */
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { invalid } from '../errors';
import type { FileStorage } from '../files/storage';
import { prepareUpload, type PreparedUpload } from '../files/files.inspect';
import { IMAGE_MIMES, type UploadKind } from '../files/files.rules';
import { saveFile } from '../files/files.actions';
import type { StoredFile } from '../files/files.queries';
import { MAX_PHOTOS } from './reports.rules';
import { insertReportPhotos } from './reports.queries';

const MB = 1024 * 1024;

/**
 * Report photos are not public: they show residents. They are served by /laporan/foto/<id> to
 * staff and the KIM's members only (and by /berkas/<id> to staff).
 */
export const REPORT_PHOTO_KIND = {
	purpose: 'report_photo',
	maxBytes: 5 * MB,
	mimes: IMAGE_MIMES,
	maxSide: 1600,
	isPublic: false,
	typeError: () => m.report_err_photo_type()
} satisfies UploadKind;

export type PhotoUpload = { bytes: Uint8Array; name?: string | null };

/**
 * Checks photos by content and re-encodes them (EXIF and GPS dropped, shrunk to 1600 px) before
 * any transaction; at most `room` of them. Problems are field errors on `field`.
 */
export async function preparePhotos(uploads: PhotoUpload[], field: string, room = MAX_PHOTOS) {
	if (uploads.length > room) throw invalid([{ path: field, message: m.report_err_photos_max({ max: MAX_PHOTOS }) }]);
	const out: { upload: PreparedUpload; name?: string | null }[] = [];
	for (const u of uploads) out.push({ upload: await prepareUpload(u.bytes, REPORT_PHOTO_KIND, field), name: u.name });
	return out;
}

/**
 * Stores prepared photos for a report in `tx` after the photos it has (`start` of them), pushing
 * each stored file to `saved` so the caller can delete the bytes if the transaction fails.
 */
export async function storePhotos(
	ctx: Ctx,
	tx: Db,
	storage: FileStorage,
	reportId: string,
	photos: { upload: PreparedUpload; name?: string | null }[],
	start: number,
	saved: StoredFile[]
) {
	const files: StoredFile[] = [];
	for (const p of photos) {
		const file = await saveFile(tx, storage, p.upload, { purpose: REPORT_PHOTO_KIND.purpose, isPublic: false, ownerId: reportId, originalName: p.name, createdBy: ctx.actor?.userId ?? null });
		saved.push(file);
		files.push(file);
	}
	await insertReportPhotos(tx, files.map((f, i) => ({ reportId, fileId: f.id, position: start + i })));
	return files;
}
