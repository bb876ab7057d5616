/**
 * Pure rules of the public-service directory: categories and facility kinds, fees, slugs,
 * one-per-line lists, phone links, OpenStreetMap links and the schema.org type of a facility.
 */
import { isInCity } from '../aduan/aduan.rules';
import { isUuid } from '../../shared/slug';

/** Service categories (stored as these codes; labels come from Paraglide). */
export const SERVICE_CATEGORIES = [
	'kependudukan', 'perizinan', 'kesehatan', 'sosial', 'pendidikan', 'lingkungan', 'perhubungan', 'air-bersih', 'pengaduan', 'lainnya'
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const FACILITY_KINDS = [
	'puskesmas', 'rumah_sakit', 'posyandu', 'kantor_kelurahan', 'kantor_kecamatan', 'kantor_dinas',
	'kantor_polisi', 'pemadam_kebakaran', 'perpustakaan', 'sekolah', 'pasar', 'taman', 'other'
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/** Limits shared by forms, API and database checks. */
export const MAX_FEE = 1_000_000_000;
export const MAX_LIST_ITEMS = 30;
export const MAX_ITEM_LENGTH = 300;
/** Slugs the public routes use for something else (/layanan/fasilitas/...). */
export const RESERVED_SLUGS = new Set(['fasilitas', 'darurat', 'baru', 'cari']);

/** Integer rupiah → "Rp 15.000", or `free` (e.g. "Gratis") for 0. */
export function formatFee(fee: number, free = 'Gratis'): string {
	if (fee === 0) return free;
	return `Rp ${new Intl.NumberFormat('id-ID').format(fee)}`;
}

/**
 * What a service costs, for people: a fixed fee as "Rp 15.000"; 0 as `free`, unless a note says
 * why it varies (0 with a note = "depends", e.g. a retribution by building size) — then the note.
 */
export function feeLabel(fee: number, note: string | null | undefined, free = 'Gratis'): string {
	if (fee === 0 && note?.trim()) return note.trim();
	return formatFee(fee, free);
}

/**
 * A fee typed by a person: "15000", "15.000", "Rp 15.000", "rp15.000,00", "gratis", "" (= 0).
 * Returns integer rupiah, or `null` when it is not a whole, non-negative amount up to MAX_FEE.
 */
export function parseFee(input: string | number): number | null {
	if (typeof input === 'number') return Number.isInteger(input) && input >= 0 && input <= MAX_FEE ? input : null;
	let s = input.trim().toLowerCase();
	if (s === '' || s === 'gratis' || s === 'free' || s === '-') return 0;
	s = s.replace(/^rp\.?\s*/, '').replace(/,-$/, '').replace(/,0{1,2}$/, '').replace(/\s/g, '');
	// Dots group thousands (id-ID); accept plain digits too, but not "15.00" or "1.5".
	if (!/^\d{1,3}(\.\d{3})*$/.test(s) && !/^\d+$/.test(s)) return null;
	const n = Number(s.replace(/\./g, ''));
	return Number.isSafeInteger(n) && n <= MAX_FEE ? n : null;
}

/** A URL slug from a name: lower case ASCII, words joined by hyphens, at most 80 characters. */
export function slugify(name: string): string {
	const base = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' dan ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/g, '');
	return base || 'layanan';
}

/**
 * A valid slug: lower-case words of a-z0-9 joined by single hyphens, 1–80 characters, not reserved
 * and not UUID-shaped (a ref of that shape is looked up as an id).
 */
export const isSlug = (s: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s) && s.length <= 80 && !RESERVED_SLUGS.has(s) && !isUuid(s);

/** `slug`, or `slug-2`, `slug-3`, … — the first not in `taken`, not reserved and not UUID-shaped. */
export function uniqueSlug(slug: string, taken: Iterable<string>): string {
	const used = new Set(taken);
	if (!used.has(slug) && !RESERVED_SLUGS.has(slug) && !isUuid(slug)) return slug;
	for (let i = 2; ; i++) {
		const candidate = `${slug.slice(0, 76)}-${i}`;
		if (!used.has(candidate)) return candidate;
	}
}

/**
 * A one-per-line textarea (or an array from the API) → trimmed, non-empty items. Leading list
 * markers people paste ("1.", "2)", "-", "•") are dropped.
 */
export function parseLines(input: string | string[] | null | undefined): string[] {
	const lines = Array.isArray(input) ? input : (input ?? '').split(/\r?\n/);
	return lines
		.map((l) => String(l).replace(/^\s*(?:\d{1,2}[.)]|[-*•–])\s+/, '').trim())
		.filter((l) => l.length > 0);
}

/** Digits of a phone number for a tel: link ("(0293) 362-345" → "0293362345", "+62 293…" keeps +). */
export function telHref(number: string): string {
	const trimmed = number.trim();
	const digits = trimmed.replace(/[^\d]/g, '');
	return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

/** A phone or emergency number a person may type: digits, spaces, +, -, (), 3–20 digits. */
export const isPhoneNumber = (s: string) => /^\+?[\d\s().-]+$/.test(s.trim()) && /^\d{3,20}$/.test(s.replace(/[^\d]/g, ''));

/** The point's problem, if any: both or neither coordinate, and inside the city's bounding box. */
export function pointProblem(lat: number | null | undefined, lng: number | null | undefined): 'incomplete' | 'outside' | null {
	const hasLat = lat !== null && lat !== undefined;
	const hasLng = lng !== null && lng !== undefined;
	if (!hasLat && !hasLng) return null;
	if (!hasLat || !hasLng) return 'incomplete';
	return isInCity(lat, lng) ? null : 'outside';
}

/** OpenStreetMap at the point, zoomed to a street (no map library on our pages). */
export const osmUrl = (lat: number, lng: number, zoom = 18) =>
	`https://www.openstreetmap.org/?mlat=${lat.toFixed(6)}&mlon=${lng.toFixed(6)}#map=${zoom}/${lat.toFixed(6)}/${lng.toFixed(6)}`;

/** The schema.org type that describes a facility kind best. */
export const FACILITY_SCHEMA_TYPE: Record<FacilityKind, string> = {
	puskesmas: 'MedicalClinic',
	rumah_sakit: 'Hospital',
	posyandu: 'MedicalClinic',
	kantor_kelurahan: 'GovernmentOffice',
	kantor_kecamatan: 'GovernmentOffice',
	kantor_dinas: 'GovernmentOffice',
	kantor_polisi: 'PoliceStation',
	pemadam_kebakaran: 'FireStation',
	perpustakaan: 'Library',
	sekolah: 'School',
	pasar: 'CivicStructure',
	taman: 'Park',
	other: 'CivicStructure'
};

/** Emergency numbers in the order shown: 112 always first, then by position, then label. */
export function orderEmergency<T extends { number: string; position: number; label: string }>(rows: T[]): T[] {
	const key = (r: T) => (r.number.replace(/[^\d]/g, '') === '112' ? -1 : 0);
	return [...rows].sort((a, b) => key(a) - key(b) || a.position - b.position || a.label.localeCompare(b.label, 'id'));
}

/** Facilities grouped by kind in FACILITY_KINDS order (kinds without facilities left out). */
export function groupByKind<T extends { kind: string }>(rows: T[]): { kind: FacilityKind; items: T[] }[] {
	return FACILITY_KINDS.map((kind) => ({ kind, items: rows.filter((r) => r.kind === kind) })).filter((g) => g.items.length > 0);
}

/** Is the kelurahan `code` in kecamatan `kecamatanCode` ("33.71.01.1011" in "33.71.01")? */
export const kecamatanOf = (kelurahanCode: string) => kelurahanCode.split('.').slice(0, 3).join('.');

const CONTACT_TOKEN = /([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|(\+?\(?\d[\d\s().-]{4,}\d)/g;

/**
 * Free-text contact → pieces with links: e-mail addresses get mailto:, phone numbers (5+
 * digits) tel:. Everything else stays text. Rendered as text nodes, never as HTML.
 */
export function contactParts(text: string): { text: string; href?: string }[] {
	const parts: { text: string; href?: string }[] = [];
	let last = 0;
	for (const match of text.matchAll(CONTACT_TOKEN)) {
		const [token, mail, phone] = match;
		const at = match.index ?? 0;
		if (phone && phone.replace(/[^\d]/g, '').length < 5) continue;
		if (at > last) parts.push({ text: text.slice(last, at) });
		parts.push({ text: token, href: mail ? `mailto:${mail}` : telHref(phone) });
		last = at + token.length;
	}
	if (last < text.length) parts.push({ text: text.slice(last) });
	return parts;
}
