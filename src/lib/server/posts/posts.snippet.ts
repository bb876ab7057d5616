/**
 * Search snippets as safe HTML. ts_headline marks matches with two private-use characters (never
 * HTML), which are turned into <mark> only after everything else is escaped. Pure functions.
 */

/** Markers ts_headline is told to use; stripped from documents before highlighting. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Drops the commonest Markdown syntax from a fragment: link targets, emphasis, heading and quote marks, code ticks. */
export function stripMarkdown(s: string): string {
	return s
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\]\([^)]*\)/g, '')
		.replace(/[*_`~]{1,3}/g, '')
		.replace(/(^|\s)(#{1,6}|>+)\s/g, '$1')
		.replace(/[[\]]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Trigrams of a word as pg_trgm makes them: lower case, padded with two spaces before and one after. */
function trigrams(word: string): Set<string> {
	const w = `  ${word.toLowerCase()} `;
	const out = new Set<string>();
	for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3));
	return out;
}

/** pg_trgm's similarity of two words: shared trigrams over all distinct trigrams. */
export function wordSimilarity(a: string, b: string): number {
	const ta = trigrams(a);
	const tb = trigrams(b);
	let shared = 0;
	for (const t of ta) if (tb.has(t)) shared++;
	return shared / (ta.size + tb.size - shared);
}

const WORD = /[\p{L}\p{N}]+/gu;
export const FUZZY_MARK_THRESHOLD = 0.45;

/**
 * Escaped HTML of a headline with its matches in <mark>. When full-text search found nothing to
 * mark (a match by typo tolerance), words similar to a query word are marked instead.
 */
export function snippetHtml(headline: string, query: string): string {
	const text = stripMarkdown(headline);
	if (text.includes(MARK_START)) {
		return escapeHtml(text.replaceAll(MARK_END, MARK_START)).split(MARK_START).map((part, i) => (i % 2 ? `<mark>${part}</mark>` : part)).join('');
	}
	const words = (query.match(WORD) ?? []).filter((w) => w.length >= 3);
	let out = '';
	let last = 0;
	for (const match of text.matchAll(WORD)) {
		const w = match[0];
		if (w.length >= 3 && words.some((q) => wordSimilarity(q, w) >= FUZZY_MARK_THRESHOLD)) {
			out += `${escapeHtml(text.slice(last, match.index))}<mark>${escapeHtml(w)}</mark>`;
			last = match.index + w.length;
		}
	}
	return out + escapeHtml(text.slice(last));
}
