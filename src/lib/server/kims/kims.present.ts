import { z } from '@hono/zod-openapi';
import { KIM_FOCUS, KIM_POSITIONS, KIM_STATUSES, type KimFocus } from '../../shared/roles';
import { m } from '../../paraglide/messages.js';
import type { Kim, KimListRow, KimMember } from './kims.queries';
import type { KimPermissions } from './kims.read.actions';
import type { KimWarning } from './kims.rules';

export const fileUrl = (id: string | null) => (id ? `/berkas/${id}` : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const KimSummaryOut = z
	.object({
		id: z.uuid(),
		slug: z.string(),
		name: z.string(),
		kelurahan_code: z.string().nullable(),
		kecamatan_code: z.string(),
		status: z.enum(KIM_STATUSES),
		focus: z.array(z.enum(KIM_FOCUS)),
		member_count: z.number().int()
	})
	.openapi('KimSummary');

export function presentKimSummary(row: KimListRow) {
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		kelurahan_code: row.kelurahanCode,
		kecamatan_code: row.kecamatanCode,
		status: row.status,
		focus: row.focus as KimFocus[],
		member_count: row.memberCount
	};
}

export const KimOut = KimSummaryOut.extend({
	kelurahan_name: z.string().nullable(),
	kecamatan_name: z.string().nullable(),
	status_reason: z.string().nullable(),
	description: z.string().nullable(),
	founded_on: z.string().nullable(),
	sk_number: z.string(),
	sk_date: z.string(),
	sk_file_url: z.string().nullable().openapi({ description: 'Only for staff and members; null otherwise or when missing' }),
	has_sk_file: z.boolean(),
	term_starts_on: z.string().nullable(),
	term_ends_on: z.string().nullable(),
	contact_phone: z.string().nullable(),
	contact_email: z.string().nullable(),
	address: z.string().nullable(),
	website: z.string().nullable(),
	instagram: z.string().nullable(),
	facebook: z.string().nullable(),
	youtube: z.string().nullable(),
	tiktok: z.string().nullable(),
	logo_url: z.string().nullable(),
	verified_at: z.string().nullable(),
	created_at: z.string(),
	updated_at: z.string()
}).openapi('Kim');

export function presentKim(
	kim: Kim,
	extra: { memberCount: number; kelurahanName?: string | null; kecamatanName?: string | null; can?: Pick<KimPermissions, 'viewSk'> }
) {
	return {
		id: kim.id,
		slug: kim.slug,
		name: kim.name,
		kelurahan_code: kim.kelurahanCode,
		kecamatan_code: kim.kecamatanCode,
		kelurahan_name: extra.kelurahanName ?? null,
		kecamatan_name: extra.kecamatanName ?? null,
		status: kim.status,
		status_reason: kim.statusReason,
		focus: kim.focus as KimFocus[],
		member_count: extra.memberCount,
		description: kim.description,
		founded_on: kim.foundedOn,
		sk_number: kim.skNumber,
		sk_date: kim.skDate,
		sk_file_url: extra.can?.viewSk ? fileUrl(kim.skFileId) : null,
		has_sk_file: kim.skFileId !== null,
		term_starts_on: kim.termStartsOn,
		term_ends_on: kim.termEndsOn,
		contact_phone: kim.contactPhone,
		contact_email: kim.contactEmail,
		address: kim.address,
		website: kim.social.website ?? null,
		instagram: kim.social.instagram ?? null,
		facebook: kim.social.facebook ?? null,
		youtube: kim.social.youtube ?? null,
		tiktok: kim.social.tiktok ?? null,
		logo_url: fileUrl(kim.logoFileId),
		verified_at: iso(kim.verifiedAt),
		created_at: kim.createdAt.toISOString(),
		updated_at: kim.updatedAt.toISOString()
	};
}
export type KimView = ReturnType<typeof presentKim>;

export const KimMemberOut = z
	.object({
		user_id: z.uuid(),
		name: z.string(),
		position: z.enum(KIM_POSITIONS),
		email: z.string().nullable().openapi({ description: 'Only for the KIM’s pengurus and staff' }),
		invited: z.boolean().openapi({ description: 'Has not set a password yet (invite pending)' }),
		joined_at: z.string()
	})
	.openapi('KimMember');

export function presentMember(member: KimMember, showEmail: boolean) {
	return {
		user_id: member.userId,
		name: member.name,
		position: member.position,
		email: showEmail ? member.email : null,
		invited: !member.hasPassword,
		joined_at: member.joinedAt.toISOString()
	};
}

/** What everyone else sees of a KIM's members: its board, by name and position only. */
export const KimBoardMemberOut = z
	.object({ name: z.string(), position: z.enum(['ketua', 'sekretaris', 'bendahara']) })
	.openapi('KimBoardMember');

export const presentBoardMember = (member: Pick<KimMember, 'name' | 'position'>) => ({
	name: member.name,
	position: member.position as z.infer<typeof KimBoardMemberOut>['position']
});

/** The answer to adding a member: the same shape whether the email had an account or not. */
export const KimMemberAddedOut = z
	.object({ user_id: z.uuid(), position: z.enum(KIM_POSITIONS) })
	.openapi('KimMemberAdded');

/** A warning with its message in the request's language. */
export function presentWarning(w: KimWarning, formatDate: (d: string) => string = (d) => d) {
	switch (w.code) {
		case 'term_expired':
			return { code: w.code, message: m.kim_warn_term_expired({ date: formatDate(w.date) }) };
		case 'term_ending':
			return { code: w.code, message: m.kim_warn_term_ending({ date: formatDate(w.date), days: w.days }) };
		case 'sk_missing':
			return { code: w.code, message: m.kim_warn_sk_missing() };
		case 'few_members':
			return { code: w.code, message: m.kim_warn_few_members({ count: w.count, min: w.min }) };
	}
}
export const WarningOut = z.object({ code: z.string(), message: z.string() }).openapi('KimWarning');
