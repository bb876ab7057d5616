import { AppError } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { m } from '../../paraglide/messages.js';
import type { FileStorage } from '../files/storage';
import { prepareUpload } from '../files/files.inspect';
import { UPLOAD_KINDS } from '../files/files.rules';
import { discardStoredFile, forgetFile, saveFile } from '../files/files.actions';
import type { StoredFile } from '../files/files.queries';
import { canUploadKimFiles } from './kims.policy';
import { updateKimRow, type Kim } from './kims.queries';
import { authorize, loadKim, loadKimForUpdate } from './kims.guard';

export type KimFileSlot = 'sk' | 'logo';
const SLOT = {
	sk: { kind: UPLOAD_KINDS.kim_sk, column: 'skFileId', action: 'kim.upload_sk' },
	logo: { kind: UPLOAD_KINDS.kim_logo, column: 'logoFileId', action: 'kim.upload_logo' }
} as const;

/**
 * Uploads the KIM's decree (PDF or image, ≤ 5 MB, private to staff and members) or logo (image,
 * ≤ 2 MB, public, shrunk to 512 px). The content is checked and images re-encoded without
 * metadata before anything is stored; the previous file is deleted after the change commits.
 */
export async function uploadKimFile(
	ctx: Ctx,
	storage: FileStorage,
	kimId: string,
	slot: KimFileSlot,
	upload: { bytes: Uint8Array; name?: string | null }
): Promise<{ kim: Kim; file: StoredFile }> {
	const { kind, column, action } = SLOT[slot];
	if (!ctx.actor) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	// Authorize before reading the bytes (decoding images is the expensive part).
	authorize(ctx, canUploadKimFiles(ctx.actor, await loadKim(ctx.db, kimId)));
	const prepared = await prepareUpload(upload.bytes, kind);
	let saved: StoredFile | undefined;
	let replacedKey: string | undefined;
	try {
		const result = await ctx.db.transaction(async (tx) => {
			const before = await loadKimForUpdate(tx, kimId);
			authorize(ctx, canUploadKimFiles(ctx.actor, before));
			saved = await saveFile(tx, storage, prepared, {
				purpose: kind.purpose,
				isPublic: kind.isPublic,
				ownerId: before.id,
				originalName: upload.name,
				createdBy: ctx.actor!.userId
			});
			const after = await updateKimRow(tx, before.id, { [column]: saved.id, updatedAt: nowOf(ctx) });
			const previous = before[column];
			if (previous) replacedKey = (await forgetFile(tx, previous))?.storageKey;
			await audit(tx, ctx.actor, action, { type: 'kim', id: before.id }, {
				before: { [column]: previous },
				after: { [column]: saved.id, mime: saved.mime, size: saved.size, sha256: saved.sha256 }
			});
			return { kim: after, file: saved };
		});
		if (replacedKey) await discardStoredFile(storage, replacedKey);
		return result;
	} catch (err) {
		if (saved) await discardStoredFile(storage, saved.storageKey);
		throw err;
	}
}
