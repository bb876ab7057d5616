import sharp from 'sharp';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { m } from '../../paraglide/messages.js';
import type { CoverVariant } from '../db/schema';
import type { FileStorage } from '../files/storage';
import { prepareUpload, type PreparedUpload } from '../files/files.inspect';
import { IMAGE_MIMES, type UploadKind } from '../files/files.rules';
import { discardStoredFile, forgetFile, saveFile } from '../files/files.actions';
import type { StoredFile } from '../files/files.queries';
import { canEditPost } from './posts.policy';
import { insertAttachment, updatePostRow, type Post } from './posts.queries';
import { authorize, loadPostForUpdate } from './posts.guard';

const MB = 1024 * 1024;

/**
 * Post uploads. Both are public files (served to anyone who has the id, which is random): a draft's
 * cover or attachment is reachable by its link before the post is published.
 */
export const POST_UPLOAD_KINDS = {
	post_cover: { purpose: 'post_cover', maxBytes: 5 * MB, mimes: IMAGE_MIMES, maxSide: 1600, isPublic: true, typeError: () => m.post_file_cover_type() },
	post_attachment: { purpose: 'post_attachment', maxBytes: 10 * MB, mimes: ['application/pdf'], maxSide: 0, isPublic: true, typeError: () => m.post_file_attachment_type() }
} satisfies Record<string, UploadKind>;

/** Widths of the WebP copies of a cover (for srcset). */
export const COVER_WIDTHS = [320, 640, 1024] as const;

/**
 * WebP copies of a prepared (re-encoded, metadata-free) cover at COVER_WIDTHS, never wider than
 * the image itself; an image narrower than 320 px gets one copy at its own width.
 */
export async function coverVariants(prepared: PreparedUpload): Promise<{ width: number; upload: PreparedUpload }[]> {
	const { width = 0 } = await sharp(prepared.bytes).metadata();
	const widths: number[] = COVER_WIDTHS.filter((w) => w <= width);
	if (widths.length === 0) widths.push(width);
	return Promise.all(
		widths.map(async (w) => ({
			width: w,
			upload: { bytes: new Uint8Array(await sharp(prepared.bytes).resize({ width: w, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer()), mime: 'image/webp' as const, ext: 'webp' }
		}))
	);
}

type Upload = { bytes: Uint8Array; name?: string | null; title?: string | null };

/**
 * Stores prepared uploads and runs `write` in one transaction after loading and authorizing the
 * post (canEditPost: a published post's files are changed by reviewers only). Bytes written for
 * a transaction that fails are deleted; files `write` replaces are deleted after commit.
 */
async function withPostFiles<T>(
	ctx: Ctx,
	storage: FileStorage,
	postId: string,
	kind: UploadKind,
	uploads: { upload: PreparedUpload; name?: string | null }[],
	write: (tx: Ctx['db'], post: Post, saved: StoredFile[]) => Promise<{ result: T; replacedKeys?: string[] }>
): Promise<T> {
	const saved: StoredFile[] = [];
	try {
		const { result, replacedKeys = [] } = await ctx.db.transaction(async (tx) => {
			const post = await loadPostForUpdate(ctx, tx, postId);
			authorize(ctx, canEditPost(ctx.actor, post));
			for (const u of uploads) {
				saved.push(await saveFile(tx, storage, u.upload, { purpose: kind.purpose, isPublic: kind.isPublic, ownerId: post.id, originalName: u.name, createdBy: ctx.actor!.userId }));
			}
			return write(tx, post, saved);
		});
		for (const key of replacedKeys) await discardStoredFile(storage, key);
		return result;
	} catch (err) {
		for (const f of saved) await discardStoredFile(storage, f.storageKey);
		throw err;
	}
}

/** Checks the actor may edit the post before any bytes are decoded (the expensive part). */
async function preauthorize(ctx: Ctx, postId: string) {
	await ctx.db.transaction(async (tx) => authorize(ctx, canEditPost(ctx.actor, await loadPostForUpdate(ctx, tx, postId))));
}

/**
 * Sets a post's cover image: JPEG, PNG or WebP ≤ 5 MB, checked by content, re-encoded without
 * metadata (EXIF, GPS) and shrunk to 1600 px, plus WebP copies 320/640/1024 px wide. The previous
 * cover and its copies are deleted.
 */
export async function uploadCover(ctx: Ctx, storage: FileStorage, postId: string, upload: Upload): Promise<{ post: Post; file: StoredFile }> {
	await preauthorize(ctx, postId);
	const kind = POST_UPLOAD_KINDS.post_cover;
	const main = await prepareUpload(upload.bytes, kind);
	const variants = await coverVariants(main);
	const uploads = [{ upload: main, name: upload.name }, ...variants.map((v) => ({ upload: v.upload, name: upload.name }))];
	return withPostFiles(ctx, storage, postId, kind, uploads, async (tx, before, saved) => {
		const [file, ...copies] = saved;
		const coverVariantsOut: CoverVariant[] = copies.map((c, i) => ({ width: variants[i].width, file_id: c.id }));
		const post = await updatePostRow(tx, before.id, { coverFileId: file.id, coverVariants: coverVariantsOut, updatedAt: nowOf(ctx) });
		const replacedKeys: string[] = [];
		for (const old of [before.coverFileId, ...before.coverVariants.map((v) => v.file_id)]) {
			const gone = old ? await forgetFile(tx, old) : undefined;
			if (gone) replacedKeys.push(gone.storageKey);
		}
		await audit(tx, ctx.actor, 'post.upload_cover', { type: 'post', id: before.id }, {
			before: { coverFileId: before.coverFileId, coverVariants: before.coverVariants },
			after: { coverFileId: file.id, coverVariants: coverVariantsOut, mime: file.mime, size: file.size, sha256: file.sha256 }
		});
		return { result: { post, file }, replacedKeys };
	});
}

/** Adds a PDF attachment (≤ 10 MB, checked by content: it must really be a PDF). */
export async function addAttachment(ctx: Ctx, storage: FileStorage, postId: string, upload: Upload): Promise<{ post: Post; file: StoredFile }> {
	await preauthorize(ctx, postId);
	const kind = POST_UPLOAD_KINDS.post_attachment;
	const prepared = await prepareUpload(upload.bytes, kind);
	return withPostFiles(ctx, storage, postId, kind, [{ upload: prepared, name: upload.name }], async (tx, before, [file]) => {
		await insertAttachment(tx, { postId: before.id, fileId: file.id, title: upload.title ?? null, createdAt: nowOf(ctx) });
		const post = await updatePostRow(tx, before.id, { updatedAt: nowOf(ctx) });
		await audit(tx, ctx.actor, 'post.add_attachment', { type: 'post', id: before.id }, { after: { fileId: file.id, title: upload.title ?? null, mime: file.mime, size: file.size, sha256: file.sha256 } });
		return { result: { post, file }, replacedKeys: [] };
	});
}
