/**
 * Pure rules of the Open311 GeoReport v2 endpoint: formats, status mapping, dates in ISO 8601
 * (WIB, +07:00), the request-list filters and the kelurahan named in an address. No I/O.
 */
import type { AduanStatus } from '../aduan/aduan.rules';

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

/** Without start_date/end_date the list covers the last 90 days; a range may not span more. */
export const DEFAULT_DAYS = 90;
export const MAX_SPAN_DAYS = 90;
/** The most requests one list returns. */
export const MAX_RESULTS = 1000;
/** The most ids in one `service_request_id` list. */
export const MAX_IDS = 100;

const DAY_MS = 86_400_000;
const WIB_MS = 7 * 3600_000;

/** `services.json` → {name: 'services', format: 'json'}; no or another extension → undefined. */
export function splitFormat(file: string): { name: string; format: Format } | undefined {
	const m = /^(.+)\.(json|xml)$/.exec(file);
	return m ? { name: m[1], format: m[2] as Format } : undefined;
}

/** GeoReport has two states: received/verified/in_progress are open; resolved/closed/rejected closed. */
export const open311Status = (s: AduanStatus): 'open' | 'closed' =>
	s === 'resolved' || s === 'closed' || s === 'rejected' ? 'closed' : 'open';

/** The aduan statuses behind an Open311 status. */
export const statusesOf = (s: 'open' | 'closed'): AduanStatus[] =>
	s === 'open' ? ['received', 'verified', 'in_progress'] : ['resolved', 'closed', 'rejected'];

/** ISO 8601 in WIB with its offset: `2026-11-28T14:30:00+07:00`. */
export const isoWib = (d: Date) => `${new Date(d.getTime() + WIB_MS).toISOString().slice(0, 19)}+07:00`;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO 8601 date or date-time: a bare date is midnight WIB, a time without an offset is WIB
 * (`+07:00` sent unencoded in a URL, which decodes to a space, is accepted).
 * Anything else → undefined.
 */
export function parseIsoDateTime(s: string): Date | undefined {
	// An unencoded "+07:00" in a query string arrives as " 07:00": read it as the offset it was.
	const v = s.trim().replace(/(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?) (\d{2}:?\d{2})$/, '$1+$2');
	if (!ISO_DATE_TIME.test(v)) return undefined;
	let text = v.length === 10 ? `${v}T00:00:00+07:00` : v;
	if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text)) text += '+07:00';
	const d = new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
	if (Number.isNaN(d.getTime())) return undefined;
	// Reject rolled-over dates such as 2026-02-30.
	const [y, mo, day] = v.slice(0, 10).split('-').map(Number);
	const check = new Date(Date.UTC(y, mo - 1, day));
	return check.getUTCMonth() === mo - 1 && check.getUTCDate() === day ? d : undefined;
}

/** A comma-delimited parameter as its distinct non-empty items. */
export const commaList = (s: string | undefined) =>
	[...new Set((s ?? '').split(',').map((x) => x.trim()).filter(Boolean))];

export type RequestFilter =
	| { ids: string[] }
	| { serviceCodes: string[]; statuses: ('open' | 'closed')[]; start: Date; end: Date };

export type FilterProblem = { param: string; kind: 'date' | 'order' | 'span' | 'status' | 'too_many' };

/**
 * The request-list filters. `service_request_id` (comma list) wins over every other filter, as
 * the spec says. Otherwise `start_date`..`end_date` (ISO 8601) may span at most MAX_SPAN_DAYS;
 * with only one of them the other is MAX_SPAN_DAYS away, with neither the last DEFAULT_DAYS.
 */
export function parseRequestFilter(q: Record<string, string | undefined>, now: Date): { filter: RequestFilter } | { problem: FilterProblem } {
	const ids = commaList(q.service_request_id);
	if (ids.length > MAX_IDS) return { problem: { param: 'service_request_id', kind: 'too_many' } };
	if (ids.length) return { filter: { ids } };
	const statuses = commaList(q.status);
	if (statuses.some((s) => s !== 'open' && s !== 'closed')) return { problem: { param: 'status', kind: 'status' } };
	const start = q.start_date ? parseIsoDateTime(q.start_date) : undefined;
	if (q.start_date && !start) return { problem: { param: 'start_date', kind: 'date' } };
	const end = q.end_date ? parseIsoDateTime(q.end_date) : undefined;
	if (q.end_date && !end) return { problem: { param: 'end_date', kind: 'date' } };
	const span = MAX_SPAN_DAYS * DAY_MS;
	const from = start ?? (end ? new Date(end.getTime() - span) : new Date(now.getTime() - DEFAULT_DAYS * DAY_MS));
	const to = end ?? (start ? new Date(start.getTime() + span) : now);
	if (from > to) return { problem: { param: 'end_date', kind: 'order' } };
	if (to.getTime() - from.getTime() > span) return { problem: { param: 'end_date', kind: 'span' } };
	return { filter: { serviceCodes: commaList(q.service_code), statuses: statuses as ('open' | 'closed')[], start: from, end: to } };
}

const normalise = (s: string) =>
	` ${s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim()} `;

/**
 * The kelurahan an address names: the longest kelurahan name found as whole words (so
 * "Rejowinangun Utara, Kota Magelang" is Rejowinangun Utara, not Magelang). One named after
 * "kelurahan"/"kel." wins over a longer bare match. None → undefined.
 */
export function kelurahanInAddress<K extends { code: string; name: string }>(address: string, kelurahan: K[]): K | undefined {
	const text = normalise(address);
	const found = kelurahan.filter((k) => text.includes(normalise(k.name)));
	if (!found.length) return undefined;
	const marked = found.filter((k) => new RegExp(` (kelurahan|kel|desa) ${normalise(k.name).trim()} `).test(text));
	const pool = marked.length ? marked : found;
	return pool.reduce((best, k) => (k.name.length > best.name.length ? k : best));
}

/** A title for the aduan from the description: its first line, cut at a word near 80 characters (under 5 characters: the fallback). */
export function titleFrom(description: string, fallback: string): string {
	const line = description.trim().split(/\r?\n/)[0].trim();
	if (line.length < 5) return fallback;
	if (line.length <= 80) return line;
	const cut = line.slice(0, 80);
	const space = cut.lastIndexOf(' ');
	return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
