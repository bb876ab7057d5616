import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { isStaff } from '../auth/actor';
import type { FileStorage } from '../files/storage';
import { prepareUpload } from '../files/files.inspect';
import { UPLOAD_KINDS } from '../files/files.rules';
import { discardStoredFile, forgetFile, saveFile } from '../files/files.actions';
import type { StoredFile } from '../files/files.queries';
import { canUploadKimFiles } from './kims.policy';
import { updateKimRow, type Kim } from './kims.queries';
import { reverificationFields, type VerifiedField } from './kims.rules';
import { authorize, loadKimForUpdate, loadKimToWrite, reverificationPatch } from './kims.guard';

export type KimFileSlot = 'sk' | 'logo';
const SLOT = {
	sk: { kind: UPLOAD_KINDS.kim_sk, column: 'skFileId', action: 'kim.upload_sk' },
	logo: { kind: UPLOAD_KINDS.kim_logo, column: 'logoFileId', action: 'kim.upload_logo' }
} as const;

/**
 * Uploads the KIM's decree (PDF or image, ≤ 5 MB, private to staff and members) or logo (image,
 * ≤ 2 MB, public, shrunk to 512 px). The content is checked and images re-encoded without
 * metadata before anything is stored; the previous file is deleted after the change commits.
 * A new decree from its pengurus sends a verified KIM back to verification (`reverify`).
 */
export async function uploadKimFile(
	ctx: Ctx,
	storage: FileStorage,
	kimId: string,
	slot: KimFileSlot,
	upload: { bytes: Uint8Array; name?: string | null }
): Promise<{ kim: Kim; file: StoredFile; reverify: VerifiedField[] }> {
	const { kind, column, action } = SLOT[slot];
	// Authorize before reading the bytes (decoding images is the expensive part).
	authorize(ctx, canUploadKimFiles(ctx.actor, await loadKimToWrite(ctx, ctx.db, kimId)));
	const prepared = await prepareUpload(upload.bytes, kind);
	let saved: StoredFile | undefined;
	let replacedKey: string | undefined;
	try {
		const result = await ctx.db.transaction(async (tx) => {
			const before = await loadKimForUpdate(ctx, tx, kimId);
			authorize(ctx, canUploadKimFiles(ctx.actor, before));
			saved = await saveFile(tx, storage, prepared, {
				purpose: kind.purpose,
				isPublic: kind.isPublic,
				ownerId: before.id,
				originalName: upload.name,
				createdBy: ctx.actor!.userId
			});
			const patch: Partial<Kim> = { [column]: saved.id, updatedAt: nowOf(ctx) };
			const reverify = reverificationFields(before, before, { ...before, ...patch }, isStaff(ctx.actor));
			if (reverify.length) Object.assign(patch, reverificationPatch());
			const after = await updateKimRow(tx, before.id, patch);
			const previous = before[column];
			if (previous) replacedKey = (await forgetFile(tx, previous))?.storageKey;
			await audit(tx, ctx.actor, action, { type: 'kim', id: before.id }, {
				before: { [column]: previous, ...(reverify.length ? { status: before.status } : {}) },
				after: { [column]: saved.id, mime: saved.mime, size: saved.size, sha256: saved.sha256, ...(reverify.length ? { status: after.status, reverify_fields: reverify } : {}) }
			});
			return { kim: after, file: saved, reverify };
		});
		if (replacedKey) await discardStoredFile(storage, replacedKey);
		return result;
	} catch (err) {
		if (saved) await discardStoredFile(storage, saved.storageKey);
		throw err;
	}
}
