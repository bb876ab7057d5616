import { AppError } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { m } from '../../paraglide/messages.js';
import type { FileStorage } from '../files/storage';
import { prepareUpload } from '../files/files.inspect';
import { IMAGE_MIMES, type UploadKind } from '../files/files.rules';
import { discardStoredFile, forgetFile, saveFile } from '../files/files.actions';
import type { StoredFile } from '../files/files.queries';
import { canPlanCampaign } from './campaigns.policy';
import { updateCampaignRow, type Campaign } from './campaigns.queries';
import { authorize, loadCampaignForUpdate } from './campaigns.guard';

const MB = 1024 * 1024;

/**
 * Campaign materials. Both are public files (anyone with the random id may fetch them): members
 * print and forward them, and a share kit links to them.
 */
export const CAMPAIGN_UPLOAD_KINDS = {
	poster: { purpose: 'campaign_poster', maxBytes: 5 * MB, mimes: IMAGE_MIMES, maxSide: 2400, isPublic: true, typeError: () => m.campaign_file_poster_type() },
	leaflet: { purpose: 'campaign_leaflet', maxBytes: 10 * MB, mimes: ['application/pdf'], maxSide: 0, isPublic: true, typeError: () => m.campaign_file_leaflet_type() }
} satisfies Record<string, UploadKind>;
export type MaterialSlot = keyof typeof CAMPAIGN_UPLOAD_KINDS;
const COLUMN = { poster: 'posterFileId', leaflet: 'leafletFileId' } as const;

/**
 * Sets the poster (JPEG/PNG/WebP ≤ 5 MB, checked by content, re-encoded without EXIF and shrunk
 * to 2400 px) or the leaflet (a real PDF ≤ 10 MB) of a draft or active campaign (staff). The
 * previous file is deleted after the change commits.
 */
export async function uploadMaterial(ctx: Ctx, storage: FileStorage, id: string, slot: MaterialSlot, upload: { bytes: Uint8Array; name?: string | null }): Promise<{ campaign: Campaign; file: StoredFile }> {
	authorize(ctx, canPlanCampaign(ctx.actor));
	const kind = CAMPAIGN_UPLOAD_KINDS[slot];
	await ctx.db.transaction(async (tx) => loadCampaignForUpdate(tx, id)); // 404 before decoding anything
	const prepared = await prepareUpload(upload.bytes, kind);
	let saved: StoredFile | undefined;
	let replacedKey: string | undefined;
	try {
		const result = await ctx.db.transaction(async (tx) => {
			const before = await loadCampaignForUpdate(tx, id);
			if (before.status === 'finished') throw new AppError('CONFLICT', m.campaign_err_finished());
			saved = await saveFile(tx, storage, prepared, { purpose: kind.purpose, isPublic: kind.isPublic, ownerId: before.id, originalName: upload.name, createdBy: ctx.actor!.userId });
			const column = COLUMN[slot];
			const campaign = await updateCampaignRow(tx, before.id, { [column]: saved.id, updatedAt: nowOf(ctx) });
			const previous = before[column];
			if (previous) replacedKey = (await forgetFile(tx, previous))?.storageKey;
			await audit(tx, ctx.actor, `campaign.upload_${slot}`, { type: 'campaign', id: before.id }, {
				before: { [column]: previous },
				after: { [column]: saved.id, mime: saved.mime, size: saved.size, sha256: saved.sha256 }
			});
			return { campaign, file: saved };
		});
		if (replacedKey) await discardStoredFile(storage, replacedKey);
		return result;
	} catch (err) {
		if (saved) await discardStoredFile(storage, saved.storageKey);
		throw err;
	}
}
