import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { invalid } from '../errors';
import { m } from '../../paraglide/messages.js';
import { EXTENSION, isImageMime, sizeProblem, type UploadKind, type UploadMime } from './files.rules';

export type PreparedUpload = { bytes: Uint8Array; mime: UploadMime; ext: string };

/**
 * Checks an upload by its content (never the name or the client's type) and makes it safe to
 * serve: images are decoded and re-encoded (rotated upright, shrunk to `maxSide`, all metadata
 * such as EXIF GPS dropped); PDFs must start with the %PDF- signature. Problems are field
 * errors on `field`.
 */
export async function prepareUpload(bytes: Uint8Array, kind: UploadKind, field = 'file'): Promise<PreparedUpload> {
	const fail = (message: string) => invalid([{ path: field, message }]);
	const tooBig = sizeProblem(bytes.byteLength, kind);
	if (tooBig) throw fail(tooBig);
	const detected = await fileTypeFromBuffer(bytes);
	const mime = detected?.mime as UploadMime | undefined;
	if (!mime || !kind.mimes.includes(mime)) throw fail(kind.typeError());
	if (!isImageMime(mime)) return { bytes, mime, ext: EXTENSION[mime] };
	try {
		let img = sharp(bytes, { limitInputPixels: 50_000_000, failOn: 'error' })
			.rotate()
			.resize({ width: kind.maxSide, height: kind.maxSide, fit: 'inside', withoutEnlargement: true });
		img = mime === 'image/jpeg' ? img.jpeg({ quality: 85, mozjpeg: true }) : mime === 'image/png' ? img.png({ compressionLevel: 9 }) : img.webp({ quality: 85 });
		return { bytes: new Uint8Array(await img.toBuffer()), mime, ext: EXTENSION[mime] };
	} catch {
		throw fail(m.kim_file_unreadable());
	}
}
