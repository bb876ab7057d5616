import { sql } from 'drizzle-orm';
import { AppError, invalid, type FieldError } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { findRegion } from '../regions/regions.queries';
import { VILLAGE_LEVELS, type RegionLevel } from '../regions/regions.rules';
import { notify } from '../notifications/notify';
import type { FileStorage } from '../files/storage';
import { discardStoredFile } from '../files/files.actions';
import type { StoredFile } from '../files/files.queries';
import { attributeConversion } from '../reach/reach.actions';
import { deadlineAfter, formatTrackingId, VERIFY_WITHIN_DAYS } from './aduan.rules';
import { IDEMPOTENCY_KEY, type CreateAduan } from './aduan.schema';
import { canFileOnBehalf } from './aduan.policy';
import { hashClaimCode, newClaimCode, sameAduan, trackingPrefix, wibYear } from './aduan.filing.rules';
import { findAduanByKey, findCategory, isVerifiedKimMember, findHomeRegion, insertAduan, insertAduanEvent, listVerifierIds, loadHolidaySet, nextTrackingSeq, type Aduan } from './aduan.queries';
import { prepareAduanPhotos, storeAduanPhotos, type PhotoUpload } from './aduan.photos';

/** The unit that verifies and forwards new aduan (SP4N-LAPOR! admin of the city). */
export const AGENCY_UNIT = 'diskominsta';

export type CreateAduanOpts = {
	idempotencyKey?: string | null;
	photos?: PhotoUpload[];
	storage?: FileStorage;
	source?: 'web' | 'api' | 'assisted' | 'open311';
	apiKeyId?: string;
	open311Token?: string;
	/** For Open311: the resident the client files for (stored as on_behalf_*). */
	contact?: { name?: string; email?: string; phone?: string };
	/** The visitor's `simpul_ref` cookie (share-link attribution). */
	ref?: string | null;
	/** The form field photo errors are reported on. */
	photoField?: string;
};

/** The stored values of an input that a repeated request is compared on. */
const comparable = (input: CreateAduan) => ({
	type: input.type,
	categoryCode: input.category_code,
	title: input.title,
	description: input.description,
	kelurahanCode: input.kelurahan_code,
	lat: input.lat ?? null,
	lng: input.lng ?? null,
	privacy: input.privacy,
	onBehalfName: input.on_behalf_of?.name ?? null,
	onBehalfPhone: input.on_behalf_of?.phone ?? null
});

function replayOf(existing: Aduan, input: CreateAduan) {
	if (!sameAduan(existing, comparable(input))) throw new AppError('CONFLICT', m.aduan_err_key_reused());
	return { aduan: existing, replayed: true as const };
}

/** Field errors that need the database; the category and kelurahan when valid. */
async function filingProblems(tx: Db, input: CreateAduan) {
	const errors: FieldError[] = [];
	const category = await findCategory(tx, input.category_code);
	if (!category?.isActive) errors.push({ path: 'category_code', message: m.aduan_err_category() });
	const home = await findHomeRegion(tx);
	const region = await findRegion(tx, input.kelurahan_code);
	const inCity = !!region && VILLAGE_LEVELS.includes(region.level as RegionLevel) && region.code.startsWith(`${home}.`);
	if (!inCity) errors.push({ path: 'kelurahan_code', message: m.aduan_err_kelurahan() });
	return { errors, category: category!, home };
}

/**
 * Files an aduan (complaint, aspiration or information request) — one transaction: a tracking id
 * from the year's counter, the verify-by deadline in working days, the category's unit, a
 * 'received' status event, photos (checked, EXIF stripped), the audit record, notifications to
 * the reporter and to the verifiers (diskominsta members by email too, petugas in-app), and the
 * share-link conversion.
 *
 * Who: a logged-in person; `on_behalf_of` only a member of a verified KIM (source 'assisted': a claim code is
 * returned once and stored hashed). No actor only for an Open311 client (`source: 'open311'` with
 * `apiKeyId`): its `contact` becomes on_behalf_*.
 *
 * Idempotency: the same `idempotencyKey` by the same filer returns the first aduan
 * (`replayed: true`); the same key with a different body is a CONFLICT.
 */
export async function createAduan(
	ctx: Ctx,
	input: CreateAduan,
	opts: CreateAduanOpts = {}
): Promise<{ aduan: Aduan; replayed: boolean; claimCode?: string }> {
	const actor = ctx.actor;
	const isOpen311 = opts.source === 'open311' && !!opts.apiKeyId;
	if (!actor && !isOpen311) throw new AppError('UNAUTHENTICATED', m.err_unauthenticated());
	const assisted = !!input.on_behalf_of;
	if (assisted && !canFileOnBehalf(actor)) throw new AppError('FORBIDDEN', m.aduan_err_behalf_forbidden());
	const key = opts.idempotencyKey ?? null;
	if (key !== null && !IDEMPOTENCY_KEY.test(key)) throw invalid([{ path: 'Idempotency-Key', message: m.aduan_err_key() }]);
	const filerId = actor?.userId ?? null;
	if (key && filerId) {
		const existing = await findAduanByKey(ctx.db, filerId, key);
		if (existing) return replayOf(existing, input);
	}
	const photos = opts.photos?.length ? await prepareAduanPhotos(opts.photos, opts.photoField ?? 'photos') : [];
	if (photos.length && !opts.storage) throw new Error('createAduan: photos need a storage');
	const now = nowOf(ctx);
	const saved: StoredFile[] = [];
	try {
		return await ctx.db.transaction(async (tx) => {
			if (key && filerId) {
				// Serialise repeats of one key by one filer (assisted filings have no reporter for the unique index).
				await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`aduan:${filerId}:${key}`}))`);
				const existing = await findAduanByKey(tx, filerId, key);
				if (existing) return replayOf(existing, input);
			}
			// Filing for a resident needs membership of a verified KIM (not a self-registered one).
			if (assisted && !(await isVerifiedKimMember(tx, actor!.userId))) throw new AppError('FORBIDDEN', m.aduan_err_behalf_forbidden());
			const { errors, category, home } = await filingProblems(tx, input);
			if (errors.length) throw invalid(errors);
			const seq = await nextTrackingSeq(tx, wibYear(now));
			const trackingId = formatTrackingId(trackingPrefix(home), wibYear(now), seq);
			const verifyBy = deadlineAfter(now, VERIFY_WITHIN_DAYS, await loadHolidaySet(tx));
			const claimCode = assisted ? newClaimCode() : undefined;
			const source = isOpen311 ? 'open311' : assisted ? 'assisted' : (opts.source ?? 'web');
			const row = await insertAduan(tx, {
				trackingId,
				type: input.type,
				categoryCode: category.code,
				unitCode: category.unitCode,
				title: input.title,
				description: input.description,
				kelurahanCode: input.kelurahan_code,
				lat: input.lat ?? null,
				lng: input.lng ?? null,
				privacy: input.privacy ?? (isOpen311 ? 'anonymous' : 'public'),
				status: 'received',
				source,
				reporterId: assisted || !actor ? null : actor.userId,
				assistedBy: assisted ? actor!.userId : null,
				onBehalfName: input.on_behalf_of?.name ?? opts.contact?.name ?? null,
				onBehalfPhone: input.on_behalf_of?.phone ?? opts.contact?.phone ?? null,
				onBehalfEmail: opts.contact?.email ?? null,
				consentAt: assisted ? now : null,
				claimCodeHash: claimCode ? hashClaimCode(claimCode) : null,
				idempotencyKey: key,
				open311Token: opts.open311Token ?? null,
				apiKeyId: opts.apiKeyId ?? null,
				verifyBy,
				createdAt: now,
				updatedAt: now
			});
			if (!row) return replayOf((await findAduanByKey(tx, filerId!, key!))!, input);
			await insertAduanEvent(tx, { aduanId: row.id, kind: 'status', toStatus: 'received', authorId: filerId, authorRole: assisted ? 'staff' : 'reporter', createdAt: now });
			const files = photos.length ? await storeAduanPhotos(ctx, tx, opts.storage!, row.id, photos, 0, saved) : [];
			const { claimCodeHash: _hidden, ...shown } = row;
			void _hidden;
			await audit(tx, actor, 'aduan.create', { type: 'aduan', id: row.id }, { after: { ...shown, photos: files.map((f) => ({ id: f.id, sha256: f.sha256 })) } }, 'anonymous');
			await notifyFiled(ctx, tx, row, category.name);
			if (opts.ref) await attributeConversion(tx, opts.ref, 'complaint', row.id, now);
			return { aduan: row, replayed: false, claimCode };
		});
	} catch (err) {
		if (opts.storage) for (const f of saved) await discardStoredFile(opts.storage, f.storageKey);
		throw err;
	}
}

/** The filer's confirmation and the verifiers' notice (diskominsta members by email, petugas in-app). */
async function notifyFiled(ctx: Ctx, tx: Db, a: Aduan, categoryName: string) {
	const filer = a.reporterId ?? a.assistedBy;
	if (filer) {
		await notify(tx, [filer], {
			kind: 'aduan_filed',
			title: m.aduan_notice_filed_title({ id: a.trackingId }),
			body: m.aduan_notice_filed_body({ id: a.trackingId, title: a.title }),
			url: `/aduan/saya/${a.trackingId}`,
			dedupeKey: `aduan:${a.id}:filed`,
			email: true
		}, ctx.publicUrl);
	}
	const { unitMemberIds, petugasIds } = await listVerifierIds(tx, AGENCY_UNIT);
	const notice = {
		kind: 'aduan_to_verify',
		title: m.aduan_notice_verify_title({ id: a.trackingId }),
		body: m.aduan_notice_verify_body({ title: a.title, category: categoryName }),
		url: `/petugas/aduan/${a.id}`,
		dedupeKey: `aduan:${a.id}:to-verify`
	};
	const others = (ids: string[]) => ids.filter((id) => id !== filer);
	await notify(tx, others(unitMemberIds), { ...notice, email: true }, ctx.publicUrl);
	await notify(tx, others(petugasIds), notice, ctx.publicUrl);
}
