import { error, type RequestEvent } from '@sveltejs/kit';
import type { Ctx } from '$lib/server/context';
import { requireActor } from '$lib/server/http/form';
import { canManageLayanan } from '$lib/server/layanan/layanan.policy';
import { kimAreaOptions } from '$lib/server/kims/kims.read.actions';
import { unitOptions } from '$lib/server/layanan/layanan.read.actions';
import { FACILITY_KINDS, SERVICE_CATEGORIES } from '$lib/server/layanan/layanan.rules';
import { type FacilityView, type ServiceView } from '$lib/server/layanan/layanan.present';
import { categoryLabel, kindLabel } from '$lib/layanan-labels';
import type { EmergencyRow } from '$lib/server/layanan/layanan.queries';
import { m } from '$lib/paraglide/messages.js';

/** The directory's management pages are for petugas and admin: anonymous → login, anyone else → 403. */
export function requireLayananStaff(event: RequestEvent) {
	const actor = requireActor(event);
	if (!canManageLayanan(actor)) error(403, m.layanan_forbidden());
	return actor;
}

/** Choices for the forms: units, categories, facility kinds, kelurahan by kecamatan. */
export async function formOptions(ctx: Ctx) {
	const [units, areas] = await Promise.all([unitOptions(ctx), kimAreaOptions(ctx)]);
	return {
		units: units.map((u) => ({ value: u.code, label: u.name })),
		categories: SERVICE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) })),
		kinds: FACILITY_KINDS.map((k) => ({ value: k, label: kindLabel(k) })),
		areas: areas.map((a) => ({ name: a.name, kelurahan: a.kelurahan.map((k) => ({ value: k.code, label: k.name })) }))
	};
}
export type FormOptions = Awaited<ReturnType<typeof formOptions>>;

/** Checkbox groups posted as arrays even with one box ticked. */
export const SERVICE_ARRAYS = ['kelurahan_codes'];

export const serviceFormValues = (s: ServiceView) => ({
	name: s.name, slug: s.slug, unit_code: s.unit.code, category: s.category, description: s.description,
	requirements: s.requirements.join('\n'), steps: s.steps.join('\n'), fee: String(s.fee), fee_note: s.fee_note ?? '',
	service_time: s.service_time, location: s.location, hours: s.hours, contact: s.contact ?? '', online_url: s.online_url ?? '',
	kelurahan_codes: s.kelurahan_codes, is_published: s.is_published ? 'on' : ''
});

/** Coordinates as people in Indonesia write them (decimal comma). */
const decimal = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

export const facilityFormValues = (f: FacilityView) => ({
	name: f.name, slug: f.slug, kind: f.kind, address: f.address, kelurahan_code: f.kelurahan.code, lat: decimal(f.lat), lng: decimal(f.lng),
	opening_hours: f.opening_hours ?? '', phone: f.phone ?? '', description: f.description ?? '', is_published: f.is_published ? 'on' : ''
});

export const emergencyFormValues = (e: EmergencyRow) => ({ label: e.label, number: e.number, description: e.description ?? '', position: String(e.position) });

/** Error paths of list items ("requirements.3") → the form's field ("requirements"), without repeats. */
export function toFormPaths<T>(result: T): T {
	const data = (result as { data?: { errors?: { path: string; message: string }[] } })?.data;
	if (data?.errors) {
		const seen = new Set<string>();
		data.errors = data.errors.map((e) => ({ ...e, path: e.path.split('.')[0] })).filter((e) => !seen.has(e.path) && seen.add(e.path));
	}
	return result;
}
