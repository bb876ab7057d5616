/** Pure helpers of filing and claiming an aduan (no I/O apart from randomness for codes). */
import { createHash, randomInt } from 'node:crypto';

/** Tracking-id prefixes of known home regions; others use the fallback. */
const PREFIXES: Record<string, string> = { '33.71': 'MGL' };
export const FALLBACK_PREFIX = 'ADU';

/** The tracking-id prefix of a home region (Kota Magelang 33.71 → MGL). */
export const trackingPrefix = (homeRegion: string) => PREFIXES[homeRegion] ?? FALLBACK_PREFIX;

/** The WIB calendar year of an instant. */
export const wibYear = (d: Date) => new Date(d.getTime() + 7 * 3600_000).getUTCFullYear();

/** Claim codes: 8 characters without look-alikes (0/O, 1/I/L), about 39 bits. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CLAIM_CODE_LENGTH = 8;
/** Wrong codes allowed per claimant per aduan, and per aduan from anyone, within the window. */
export const MAX_FAILED_CLAIMS = 5;
export const MAX_FAILED_CLAIMS_PER_ADUAN = 20;
export const FAILED_CLAIMS_WINDOW_MS = 24 * 3600_000;

export function newClaimCode(): string {
	let out = '';
	for (let i = 0; i < CLAIM_CODE_LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
	return out;
}

/** How a claim code is stored: SHA-256 of the normalised code (upper case, no spaces or dashes). */
export const hashClaimCode = (code: string) =>
	createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');

/** The code as shown to people: two groups of four. */
export const formatClaimCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

type Comparable = {
	type: string; categoryCode: string; title: string; description: string; kelurahanCode: string;
	lat: number | null; lng: number | null; privacy: string; onBehalfName: string | null; onBehalfPhone: string | null;
};

/** Is a repeated request (same Idempotency-Key) the same aduan? */
export const sameAduan = (a: Comparable, b: Comparable) =>
	a.type === b.type && a.categoryCode === b.categoryCode && a.title === b.title && a.description === b.description &&
	a.kelurahanCode === b.kelurahanCode && (a.lat ?? null) === (b.lat ?? null) && (a.lng ?? null) === (b.lng ?? null) &&
	a.privacy === b.privacy && (a.onBehalfName ?? null) === (b.onBehalfName ?? null) && (a.onBehalfPhone ?? null) === (b.onBehalfPhone ?? null);
