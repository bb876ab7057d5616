import { AppError } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { todayWib } from '../validation';
import { isStaff } from '../auth/actor';
import type { KimSocial } from '../db/schema';
import { slugify } from '../../shared/slug';
import { m } from '../../paraglide/messages.js';
import { canEditKim, canRegisterKim, canResubmitKim, canReviewKim } from './kims.policy';
import { EVENT_ACTOR, nextStatus, reverificationFields, type KimEvent, type VerifiedField } from './kims.rules';
import { SOCIAL_KEYS, type CreateKim, type UpdateKim } from './kims.schema';
import { insertKimWithSlug, insertMember, updateKimRow, type Kim } from './kims.queries';
import { assertDates, authorize, loadKimForUpdate, resolveArea, reverificationPatch } from './kims.guard';
import { addMemberInTx } from './kims.members.actions';

/** Input field → kims column, for the plain (non-area, non-social) fields. */
const COLUMNS = {
	name: 'name',
	founded_on: 'foundedOn',
	sk_number: 'skNumber',
	sk_date: 'skDate',
	term_starts_on: 'termStartsOn',
	term_ends_on: 'termEndsOn',
	focus: 'focus',
	description: 'description',
	contact_phone: 'contactPhone',
	contact_email: 'contactEmail',
	address: 'address'
} as const satisfies Partial<Record<keyof UpdateKim, keyof Kim>>;

/** The columns to write for the fields present in `input` (absent fields are left alone). */
function columnsOf(input: UpdateKim): Partial<Kim> {
	const out: Record<string, unknown> = {};
	for (const [field, column] of Object.entries(COLUMNS)) {
		const v = input[field as keyof typeof COLUMNS];
		if (v !== undefined) out[column] = v;
	}
	return out as Partial<Kim>;
}

/** Social links after applying `input` to `current`: a given URL replaces, null removes. */
function socialOf(current: KimSocial, input: UpdateKim): KimSocial {
	const next: KimSocial = { ...current };
	for (const key of SOCIAL_KEYS) {
		const v = input[key];
		if (v === null) delete next[key];
		else if (v !== undefined) next[key] = v;
	}
	return next;
}

/**
 * Registers a KIM (status `registered`). A resident becomes its ketua. Staff register on a
 * group's behalf without joining; they may name a ketua by email, whose account is linked or
 * created (with an invite mail).
 */
export async function registerKim(ctx: Ctx, input: CreateKim): Promise<Kim> {
	authorize(ctx, canRegisterKim(ctx.actor));
	const actor = ctx.actor!;
	const now = nowOf(ctx);
	assertDates(
		{ foundedOn: input.founded_on ?? null, skDate: input.sk_date, termStartsOn: input.term_starts_on ?? null, termEndsOn: input.term_ends_on ?? null },
		todayWib(now)
	);
	return ctx.db.transaction(async (tx) => {
		const area = await resolveArea(tx, input.kelurahan_code, input.kecamatan_code);
		const kim = await insertKimWithSlug(tx, slugify(input.name), {
			...(columnsOf(input) as Required<Pick<Kim, 'name' | 'skNumber' | 'skDate'>>),
			...area,
			social: socialOf({}, input),
			status: 'registered',
			createdBy: actor.userId,
			createdAt: now,
			updatedAt: now
		});
		await audit(tx, actor, 'kim.register', { type: 'kim', id: kim.id }, { after: kim });
		if (!isStaff(actor)) {
			const member = await insertMember(tx, kim.id, actor.userId, 'ketua');
			await audit(tx, actor, 'kim.member_add', { type: 'kim', id: kim.id }, { after: member });
		} else if (input.ketua_email) {
			await addMemberInTx({ ...ctx, db: tx }, kim, { email: input.ketua_email, name: input.ketua_name ?? null, position: 'ketua' }, { email: 'ketua_email', name: 'ketua_name' });
		}
		return kim;
	});
}

/**
 * Edits a KIM's details (its pengurus or staff). Only the fields present in `input` change. When
 * its pengurus change what a petugas verified (name, area, SK) on a verified KIM, it goes back to
 * `registered` to be verified again (kims.rules reverificationFields); `reverify` lists those fields.
 */
export async function updateKim(ctx: Ctx, id: string, input: UpdateKim): Promise<{ kim: Kim; reverify: VerifiedField[] }> {
	const now = nowOf(ctx);
	return ctx.db.transaction(async (tx) => {
		const before = await loadKimForUpdate(ctx, tx, id);
		authorize(ctx, canEditKim(ctx.actor, before));
		const patch: Partial<Kim> = { ...columnsOf(input), social: socialOf(before.social, input), updatedAt: now };
		if (input.kelurahan_code !== undefined || input.kecamatan_code !== undefined) {
			Object.assign(patch, await resolveArea(tx, input.kelurahan_code, input.kecamatan_code));
		}
		const merged = { ...before, ...patch };
		assertDates(
			{ foundedOn: merged.foundedOn, skDate: merged.skDate, termStartsOn: merged.termStartsOn, termEndsOn: merged.termEndsOn },
			todayWib(now)
		);
		const reverify = reverificationFields(before, before, merged, isStaff(ctx.actor));
		if (reverify.length) Object.assign(patch, reverificationPatch());
		const after = await updateKimRow(tx, before.id, patch);
		await audit(tx, ctx.actor, 'kim.update', { type: 'kim', id: before.id }, { before, after: reverify.length ? { ...after, reverify_fields: reverify } : after });
		return { kim: after, reverify };
	});
}

const TRANSITION_ERROR: Record<KimEvent, () => string> = {
	verify: () => m.kim_err_cannot_verify(),
	return: () => m.kim_err_cannot_return(),
	resubmit: () => m.kim_err_cannot_resubmit(),
	deactivate: () => m.kim_err_cannot_deactivate(),
	reactivate: () => m.kim_err_cannot_reactivate()
};

/**
 * Moves a KIM through its status machine (kims.rules.ts `nextStatus`). Verify, return,
 * deactivate and reactivate are staff decisions; resubmit (after a return) is the pengurus'.
 * `reason` is required for return and kept for deactivate; it is shown to the pengurus.
 */
export async function transitionKim(ctx: Ctx, id: string, event: KimEvent, reason: string | null = null): Promise<Kim> {
	const now = nowOf(ctx);
	return ctx.db.transaction(async (tx) => {
		const before = await loadKimForUpdate(ctx, tx, id);
		authorize(ctx, EVENT_ACTOR[event] === 'staff' ? canReviewKim(ctx.actor) : canResubmitKim(ctx.actor, before));
		const next = nextStatus(before, event);
		if (!next.ok) throw new AppError('CONFLICT', TRANSITION_ERROR[event]());
		const patch: Partial<Kim> = { status: next.status, statusReason: reason, updatedAt: now };
		if (event === 'verify') Object.assign(patch, { verifiedAt: now, verifiedBy: ctx.actor!.userId });
		const after = await updateKimRow(tx, before.id, patch);
		await audit(tx, ctx.actor, `kim.${event}`, { type: 'kim', id: before.id }, { before, after });
		return after;
	});
}
