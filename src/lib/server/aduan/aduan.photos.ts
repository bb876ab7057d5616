/** Photos attached to an aduan: the upload kind and storing prepared photos. */
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { invalid } from '../errors';
import type { FileStorage } from '../files/storage';
import { prepareUpload, type PreparedUpload } from '../files/files.inspect';
import { IMAGE_MIMES, type UploadKind } from '../files/files.rules';
import { saveFile } from '../files/files.actions';
import type { StoredFile } from '../files/files.queries';
import { insertAduanFiles } from './aduan.queries';

const MB = 1024 * 1024;
export const MAX_ADUAN_PHOTOS = 3;

/**
 * Aduan photos are private files: served by /aduan/foto/<id> after the aduan's policy (public and
 * anonymous aduan to everyone, confidential only to the filer and the handling staff).
 */
export const ADUAN_PHOTO_KIND = {
	purpose: 'aduan_photo',
	maxBytes: 5 * MB,
	mimes: IMAGE_MIMES,
	maxSide: 1600,
	isPublic: false,
	typeError: () => m.aduan_err_photo_type()
} satisfies UploadKind;

export type PhotoUpload = { bytes: Uint8Array; name?: string | null };
export type PreparedPhoto = { upload: PreparedUpload; name?: string | null };

/**
 * Checks photos by content and re-encodes them (EXIF and GPS dropped, shrunk to 1600 px) before
 * any transaction; at most `room` of them.
 */
export async function prepareAduanPhotos(uploads: PhotoUpload[], field: string, room = MAX_ADUAN_PHOTOS): Promise<PreparedPhoto[]> {
	if (uploads.length > room) throw invalid([{ path: field, message: m.aduan_err_photos_max({ max: MAX_ADUAN_PHOTOS }) }]);
	const out: PreparedPhoto[] = [];
	for (const u of uploads) out.push({ upload: await prepareUpload(u.bytes, ADUAN_PHOTO_KIND, field), name: u.name });
	return out;
}

/** Stores prepared photos in `tx`, pushing each stored file to `saved` so a failed transaction can delete the bytes. */
export async function storeAduanPhotos(ctx: Ctx, tx: Db, storage: FileStorage, aduanId: string, photos: PreparedPhoto[], start: number, saved: StoredFile[]) {
	const files: StoredFile[] = [];
	for (const p of photos) {
		const file = await saveFile(tx, storage, p.upload, { purpose: ADUAN_PHOTO_KIND.purpose, isPublic: false, ownerId: aduanId, originalName: p.name, createdBy: ctx.actor?.userId ?? null });
		saved.push(file);
		files.push(file);
	}
	await insertAduanFiles(tx, files.map((f, i) => ({ aduanId, fileId: f.id, position: start + i })));
	return files;
}
