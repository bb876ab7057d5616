import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import { isStaff } from '../auth/actor';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { findKimById } from '../kims/kims.queries';
import { canViewSkFile } from '../kims/kims.policy';
import type { FileStorage } from './storage';
import type { PreparedUpload } from './files.inspect';
import { deleteFileRow, findFile, insertFile, type StoredFile } from './files.queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Writes prepared bytes to storage and records them in `db` (the caller's transaction). If the
 * record cannot be written the bytes are removed; if the caller's transaction later fails it
 * must call `discardStoredFile` with the returned key.
 */
export async function saveFile(
	db: Db,
	storage: FileStorage,
	upload: PreparedUpload,
	meta: { purpose: string; isPublic: boolean; ownerId: string; originalName?: string | null; createdBy: string | null }
): Promise<StoredFile> {
	const id = randomUUID();
	const storageKey = `${meta.purpose.replace(/[^a-z0-9_-]/g, '')}/${id}.${upload.ext}`;
	await storage.put(storageKey, upload.bytes);
	try {
		return await insertFile(db, {
			id,
			storageKey,
			mime: upload.mime,
			size: upload.bytes.byteLength,
			sha256: createHash('sha256').update(upload.bytes).digest('hex'),
			originalName: meta.originalName?.slice(0, 200) ?? null,
			purpose: meta.purpose,
			isPublic: meta.isPublic,
			ownerId: meta.ownerId,
			createdBy: meta.createdBy
		});
	} catch (err) {
		await storage.delete(storageKey);
		throw err;
	}
}

/** Removes a file's record (in the caller's transaction); delete its bytes after commit. */
export async function forgetFile(db: Db, id: string) {
	return deleteFileRow(db, id);
}

/** Deletes bytes from storage, logging instead of failing (the record is already gone). */
export async function discardStoredFile(storage: FileStorage, key: string) {
	try {
		await storage.delete(key);
	} catch (err) {
		console.warn('[files] could not delete', key, (err as Error).message);
	}
}

/** Who may read a non-public file: decided by its owner record. */
async function mayRead(ctx: Ctx, file: StoredFile) {
	if (file.isPublic) return true;
	if (file.purpose === 'kim_sk' && file.ownerId) {
		const kim = await findKimById(ctx.db, file.ownerId);
		return kim !== undefined && canViewSkFile(ctx.actor, kim);
	}
	return isStaff(ctx.actor);
}

/**
 * A stored file for download. Public files (logos) for anyone; a KIM's decree only for staff
 * and the KIM's members. Throws NOT_FOUND, UNAUTHENTICATED or FORBIDDEN.
 */
export async function openFile(ctx: Ctx, storage: FileStorage, id: string) {
	if (!UUID.test(id)) throw new AppError('NOT_FOUND', m.err_not_found());
	const file = await findFile(ctx.db, id);
	if (!file) throw new AppError('NOT_FOUND', m.err_not_found());
	if (!(await mayRead(ctx, file))) {
		throw ctx.actor ? new AppError('FORBIDDEN', m.err_forbidden()) : new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	}
	const bytes = await storage.get(file.storageKey);
	if (!bytes) throw new AppError('NOT_FOUND', m.err_not_found());
	return { file, bytes };
}

/** The headers to serve a stored file with. */
export function fileHeaders(file: StoredFile): Record<string, string> {
	const ext = file.storageKey.split('.').pop();
	return {
		'content-type': file.mime,
		'content-length': String(file.size),
		'x-content-type-options': 'nosniff',
		'content-disposition': `inline; filename="${file.purpose}-${file.id.slice(0, 8)}.${ext}"`,
		'content-security-policy': file.mime === 'application/pdf' ? "frame-ancestors 'self'" : "default-src 'none'; frame-ancestors 'self'",
		// Ids are never reused (a new upload gets a new id), so public files can be cached for good.
		'cache-control': file.isPublic ? 'public, max-age=31536000, immutable' : 'private, no-store'
	};
}
