/**
 * Pure decisions about KIMs: the status state machine, registry warnings, date checks and the
 * "at least one ketua" invariant. No I/O; the clock (`today`, a WIB date YYYY-MM-DD) is passed in.
 */
import type { KimPosition, KimStatus } from '../../shared/roles';

export const KIM_EVENTS = ['verify', 'return', 'resubmit', 'deactivate', 'reactivate'] as const;
export type KimEvent = (typeof KIM_EVENTS)[number];

/** Who may fire an event: `staff` (petugas/admin) or `board` (the KIM's pengurus, or staff). */
export const EVENT_ACTOR: Record<KimEvent, 'staff' | 'board'> = {
	verify: 'staff',
	return: 'staff',
	resubmit: 'board',
	deactivate: 'staff',
	reactivate: 'staff'
};

export type Transition = { ok: true; status: KimStatus } | { ok: false };

/**
 * The KIM status machine.
 *   registered --verify--> verified        registered --return--> returned
 *   returned --resubmit--> registered      any but inactive --deactivate--> inactive
 *   inactive --reactivate--> verified if it had been verified before, else registered
 */
export function nextStatus(kim: { status: KimStatus; verifiedAt: Date | string | null }, event: KimEvent): Transition {
	const s = kim.status;
	switch (event) {
		case 'verify':
			return s === 'registered' ? { ok: true, status: 'verified' } : { ok: false };
		case 'return':
			return s === 'registered' ? { ok: true, status: 'returned' } : { ok: false };
		case 'resubmit':
			return s === 'returned' ? { ok: true, status: 'registered' } : { ok: false };
		case 'deactivate':
			return s !== 'inactive' ? { ok: true, status: 'inactive' } : { ok: false };
		case 'reactivate':
			return s === 'inactive' ? { ok: true, status: kim.verifiedAt ? 'verified' : 'registered' } : { ok: false };
	}
}

/** Events that can fire from `kim`'s status (for showing buttons). */
export const availableEvents = (kim: { status: KimStatus; verifiedAt: Date | string | null }) =>
	KIM_EVENTS.filter((e) => nextStatus(kim, e).ok);

export const TERM_WARNING_DAYS = 60;
export const MIN_MEMBERS = 3;

export type KimWarning =
	| { code: 'term_expired'; date: string }
	| { code: 'term_ending'; date: string; days: number }
	| { code: 'sk_missing' }
	| { code: 'few_members'; count: number; min: number };

const DAY_MS = 86400_000;
const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

/**
 * Registry warnings that matter, most urgent first. `today` is the WIB date (YYYY-MM-DD).
 * A term that ends today is still running ("ends within 60 days", 0 days left).
 */
export function kimWarnings(
	kim: { termEndsOn: string | null; skFileId: string | null; memberCount: number },
	today: string
): KimWarning[] {
	const out: KimWarning[] = [];
	if (kim.termEndsOn) {
		const days = dayNumber(kim.termEndsOn) - dayNumber(today);
		if (days < 0) out.push({ code: 'term_expired', date: kim.termEndsOn });
		else if (days <= TERM_WARNING_DAYS) out.push({ code: 'term_ending', date: kim.termEndsOn, days });
	}
	if (!kim.skFileId) out.push({ code: 'sk_missing' });
	if (kim.memberCount < MIN_MEMBERS) out.push({ code: 'few_members', count: kim.memberCount, min: MIN_MEMBERS });
	return out;
}

export type KimDates = {
	foundedOn: string | null;
	skDate: string | null;
	termStartsOn: string | null;
	termEndsOn: string | null;
};
export type DateProblem = { field: 'founded_on' | 'sk_date' | 'term_ends_on'; problem: 'future' | 'before_start' };

/** Founding and SK dates may not be after today (WIB); a board term may not end before it starts. */
export function dateProblems(d: KimDates, today: string): DateProblem[] {
	const out: DateProblem[] = [];
	if (d.foundedOn && d.foundedOn > today) out.push({ field: 'founded_on', problem: 'future' });
	if (d.skDate && d.skDate > today) out.push({ field: 'sk_date', problem: 'future' });
	if (d.termStartsOn && d.termEndsOn && d.termEndsOn < d.termStartsOn) out.push({ field: 'term_ends_on', problem: 'before_start' });
	return out;
}

type Member = { userId: string; position: KimPosition };

/**
 * Whether changing `userId` to `position` (or removing them, `null`) would leave a KIM that has a
 * ketua without one. A KIM registered by a petugas may start without members; that is allowed.
 */
export function leavesNoKetua(members: Member[], userId: string, position: KimPosition | null): boolean {
	const hadKetua = members.some((m) => m.position === 'ketua');
	const after = members
		.filter((m) => m.userId !== userId || position !== null)
		.map((m) => (m.userId === userId && position ? { ...m, position } : m));
	return hadKetua && !after.some((m) => m.position === 'ketua');
}

/**
 * Whether a membership change touches the ketua position: adding someone as ketua, promoting to
 * ketua, demoting a ketua or removing one. `from` null = a new member, `to` null = removal.
 */
export const involvesKetua = (from: KimPosition | null, to: KimPosition | null) => from === 'ketua' || to === 'ketua';

/**
 * What a petugas checked when verifying a KIM: who it is (name), where (kelurahan/kecamatan) and
 * its decree (number, date, file). Contact details, description, focus, social links, logo and
 * term dates are the pengurus' to keep current and are not in this list.
 */
export const VERIFIED_FIELDS = ['name', 'kelurahan_code', 'kecamatan_code', 'sk_number', 'sk_date', 'sk_file'] as const;
export type VerifiedField = (typeof VERIFIED_FIELDS)[number];

export type KimIdentity = {
	name: string;
	kelurahanCode: string | null;
	kecamatanCode: string;
	skNumber: string;
	skDate: string;
	skFileId: string | null;
};

const IDENTITY_COLUMN: Record<VerifiedField, keyof KimIdentity> = {
	name: 'name',
	kelurahan_code: 'kelurahanCode',
	kecamatan_code: 'kecamatanCode',
	sk_number: 'skNumber',
	sk_date: 'skDate',
	sk_file: 'skFileId'
};

/**
 * Whether changing a verified field would send this KIM back to verification: only a verified
 * KIM, and only when its pengurus (not staff) make the change. For showing the warning early.
 */
export const changeNeedsReverification = (kim: { status: KimStatus }, byStaff: boolean) => kim.status === 'verified' && !byStaff;

/**
 * The verified fields that `before` → `after` really changes, when that sends the KIM back to
 * `registered` for a petugas to verify again (see changeNeedsReverification); otherwise []. Values
 * are compared, not presence: a form that resubmits an unchanged name changes nothing.
 */
export function reverificationFields(
	kim: { status: KimStatus },
	before: KimIdentity,
	after: KimIdentity,
	byStaff: boolean
): VerifiedField[] {
	if (!changeNeedsReverification(kim, byStaff)) return [];
	return VERIFIED_FIELDS.filter((f) => before[IDENTITY_COLUMN[f]] !== after[IDENTITY_COLUMN[f]]);
}
