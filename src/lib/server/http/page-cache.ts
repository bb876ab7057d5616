/**
 * What anonymous visitors see, cached in each server process: the home page, news, posts, KIM
 * pages, the service directory, search results (page and API) and the feeds render the same for every visitor
 * without a session, so a popular post is rendered once, not once per WhatsApp click.
 *
 * Invalidation: every write to the tables those pages show bumps `content_generation`
 * (migration 0006 triggers); a process reads that number at most once a second and serves an
 * entry only if it was rendered under the current number. Entries also expire after `ttlMs`, for
 * what changes without a write to those tables (announcements that stop being valid at midnight).
 * Several processes stay in step through the database, each with its own cache.
 */
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appState } from '../db/schema';

type Entry = { body: Uint8Array<ArrayBuffer>; status: number; headers: [string, string][]; generation: number; expires: number; gzip?: Uint8Array<ArrayBuffer> };
type NewEntry = Omit<Entry, 'expires' | 'gzip'>;

/** Text is stored gzipped too, once, so phones on slow networks get a third of the bytes at no cost per request. */
const compressible = (headers: [string, string][]) =>
	headers.some(([name, value]) => name === 'content-type' && /^(text\/|application\/(xml|json|rss\+xml|atom\+xml))/.test(value));

/** The body and headers to send for an entry, gzipped when the client accepts it. */
export function negotiate(entry: Entry, acceptEncoding: string | null | undefined) {
	const gzip = entry.gzip && /\bgzip\b/.test(acceptEncoding ?? '');
	const headers: [string, string][] = [...entry.headers, ['x-cache', 'HIT'], ['content-length', String((gzip ? entry.gzip! : entry.body).byteLength)]];
	if (entry.gzip) headers.push(['vary', 'accept-encoding']);
	if (gzip) headers.push(['content-encoding', 'gzip']);
	return { body: gzip ? entry.gzip! : entry.body, headers };
}

const sizeOf = (e: Entry) => e.body.byteLength + (e.gzip?.byteLength ?? 0);

export class PageCache {
	private entries = new Map<string, Entry>();
	private bytes = 0;

	constructor(private opts: { maxBytes: number; ttlMs: number }) {}

	/** Whether an entry exists for the key (fresh or not): a cheap test before reading the generation. */
	has(key: string) {
		return this.entries.has(key);
	}

	get(key: string, generation: number, now = Date.now()): Entry | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		this.entries.delete(key);
		if (entry.generation !== generation || entry.expires <= now) {
			this.bytes -= sizeOf(entry);
			return undefined;
		}
		this.entries.set(key, entry); // most recently used last
		return entry;
	}

	set(key: string, fresh: NewEntry, now = Date.now()) {
		if (fresh.body.byteLength > this.opts.maxBytes / 8) return;
		// The length (and any encoding) is that of the body actually sent: negotiate sets it.
		const headers = fresh.headers.filter(([name]) => name !== 'content-length' && name !== 'content-encoding');
		const entry: Entry = { ...fresh, headers, expires: now + this.opts.ttlMs, gzip: compressible(headers) ? new Uint8Array(gzipSync(fresh.body)) : undefined };
		const old = this.entries.get(key);
		if (old) {
			this.bytes -= sizeOf(old);
			this.entries.delete(key);
		}
		this.entries.set(key, entry);
		this.bytes += sizeOf(entry);
		// Evict the least recently used until the cache fits.
		for (const [k, e] of this.entries) {
			if (this.bytes <= this.opts.maxBytes) break;
			this.entries.delete(k);
			this.bytes -= sizeOf(e);
		}
	}

	get size() {
		return { entries: this.entries.size, bytes: this.bytes };
	}
}

const GENERATION_KEY = 'content_generation';

/**
 * The current content generation, read from the database at most once per `maxAgeMs`; `expire`
 * forces the next read (after a write in this process, whose visitors must see it at once).
 */
export function generationReader(db: Db, maxAgeMs = 1000) {
	let value = -1;
	let readAt = -Infinity;
	let reading: Promise<number> | undefined;
	const read = (now = Date.now()): Promise<number> => {
		if (now - readAt < maxAgeMs) return Promise.resolve(value);
		reading ??= db
			.select({ value: appState.value })
			.from(appState)
			.where(eq(appState.key, GENERATION_KEY))
			.then(([row]) => {
				value = Number(row?.value ?? 0);
				readAt = now;
				return value;
			})
			.finally(() => (reading = undefined));
		return reading;
	};
	return { read, expire: () => void (readAt = -Infinity) };
}

/** Public API reads cached for anonymous callers like the pages (paths; they answer the same to everyone). */
export const CACHED_API_PATHS = new Set(['/api/v1/search']);

/** The pages cached for anonymous visitors (SvelteKit route ids). */
export const CACHED_ROUTES = new Set([
	'/', '/berita', '/berita/[slug]', '/cari', '/kim', '/kim/[slug]', '/layanan', '/layanan/[slug]', '/layanan/fasilitas/[slug]',
	'/feed.xml', '/atom.xml', '/sitemap.xml'
]);

/** The process's cache of anonymous pages, shared by the SvelteKit hook and the fast path. */
export const anonymousPages = new PageCache({ maxBytes: 32 * 1024 * 1024, ttlMs: 60_000 });

const readers = new WeakMap<Db, ReturnType<typeof generationReader>>();
/** The process's generation reader for this database. */
export function contentGeneration(db: Db) {
	let reader = readers.get(db);
	if (!reader) readers.set(db, (reader = generationReader(db)));
	return reader;
}

/** The cache key of an anonymous page: the visitor's language and the path with its query. */
export const pageKey = (locale: string | undefined, pathAndQuery: string) => `${locale ?? ''}|${pathAndQuery}`;
