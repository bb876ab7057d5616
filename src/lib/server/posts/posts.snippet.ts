/**
 * Search snippets as safe HTML: a few words of a result's text around the words that matched,
 * escaped, the matches in <mark>. Pure functions; which words match comes from the database
 * (posts.queries correctQuery: every form of the lexicon sharing a query word's stem).
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * Drops the commonest Markdown syntax from a fragment: link targets, emphasis, heading and quote
 * marks, code ticks; a list item's marker at the start of a line becomes "·", so items run on readably.
 */
export function stripMarkdown(s: string): string {
	return s
		.replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, '· ')
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
/** At most this many words in a snippet, in one fragment or two. */
export const SNIPPET_WORDS = 35;

type Word = { start: number; end: number; key: string | null };
type Fragment = { from: number; to: number };

/** The distinct matched words in words[from, to). */
function keysIn(words: Word[], f: Fragment): Set<string> {
	const keys = new Set<string>();
	for (let i = f.from; i < f.to; i++) if (words[i].key) keys.add(words[i].key!);
	return keys;
}

/**
 * The window of `size` words with the most matched words not in `seen` (then the most matches),
 * moved so its matches sit in the middle, and not overlapping `avoid`; null if none adds a word.
 * One pass, the window sliding a word at a time (a long post has thousands of words).
 */
function bestWindow(words: Word[], size: number, seen: Set<string>, avoid?: Fragment): Fragment | null {
	const counts = new Map<string, number>();
	let hits = 0;
	let fresh = 0;
	const slide = (i: number, by: 1 | -1) => {
		const key = words[i].key;
		if (!key) return;
		hits += by;
		const n = (counts.get(key) ?? 0) + by;
		counts.set(key, n);
		if (!seen.has(key) && n === (by === 1 ? 1 : 0)) fresh += by;
	};
	let best: { f: Fragment; fresh: number; hits: number } | null = null;
	for (let to = 1; to <= words.length; to++) {
		slide(to - 1, 1);
		if (to > size) slide(to - 1 - size, -1);
		if (to < size) continue;
		const f = { from: to - size, to };
		if (avoid && f.from < avoid.to && avoid.from < f.to) continue;
		if (fresh > 0 && (!best || fresh > best.fresh || (fresh === best.fresh && hits > best.hits))) best = { f, fresh, hits };
	}
	if (!best) return null;
	let first = best.f.from;
	let last = best.f.to - 1;
	while (!words[first].key) first++;
	while (!words[last].key) last--;
	let from = Math.max(0, first - Math.floor((size - (last - first + 1)) / 2));
	from = Math.min(from, words.length - size);
	if (avoid && from < avoid.to && avoid.from < from + size) from = best.f.from;
	return { from, to: from + size };
}

/** Up to SNIPPET_WORDS words covering as many distinct matched words as one window, or two half windows, can. */
function pickFragments(words: Word[], max: number): Fragment[] {
	if (words.length <= max) return [{ from: 0, to: words.length }];
	const whole = bestWindow(words, max, new Set());
	if (!whole) return [{ from: 0, to: max }];
	const inWhole = keysIn(words, whole).size;
	if (inWhole === new Set(words.flatMap((w) => (w.key ? [w.key] : []))).size) return [whole];
	const half = Math.floor(max / 2);
	const first = bestWindow(words, half, new Set())!;
	const inFirst = keysIn(words, first);
	const second = bestWindow(words, half, inFirst, first);
	if (!second || new Set([...inFirst, ...keysIn(words, second)]).size <= inWhole) return [whole];
	return [first, second].sort((a, b) => a.from - b.from);
}

/**
 * Escaped HTML snippet of `text` (Markdown syntax dropped): at most SNIPPET_WORDS words around
 * the words in `terms` (lower case), in one fragment or two joined by " … ", the matches in
 * <mark>, an ellipsis where the text is cut. When no word of `terms` occurs (a match by typo
 * tolerance), words similar to a word of `query` are marked instead; when nothing is marked the
 * snippet is the text's beginning.
 */
export function snippetHtml(text: string, terms: Iterable<string>, query: string): string {
	const plain = stripMarkdown(text);
	const wanted = new Set(terms);
	const words: Word[] = [...plain.matchAll(WORD)].map((m) => {
		const lower = m[0].toLowerCase();
		return { start: m.index, end: m.index + m[0].length, key: wanted.has(lower) ? lower : null };
	});
	if (!words.some((w) => w.key)) {
		const queryWords = (query.match(WORD) ?? []).filter((w) => w.length >= 3);
		for (const w of words) {
			const word = plain.slice(w.start, w.end);
			if (word.length >= 3 && queryWords.some((q) => wordSimilarity(q, word) >= FUZZY_MARK_THRESHOLD)) w.key = word.toLowerCase();
		}
	}
	const fragments = pickFragments(words, SNIPPET_WORDS);
	const html = fragments.map(({ from, to }) => {
		let out = '';
		let at = from === 0 ? 0 : words[from].start;
		for (let i = from; i < to; i++) {
			const w = words[i];
			if (!w.key) continue;
			out += `${escapeHtml(plain.slice(at, w.start))}<mark>${escapeHtml(plain.slice(w.start, w.end))}</mark>`;
			at = w.end;
		}
		return out + escapeHtml(plain.slice(at, to === words.length ? plain.length : words[to - 1].end));
	});
	const cutBefore = fragments[0].from > 0 ? '… ' : '';
	const cutAfter = fragments[fragments.length - 1].to < words.length ? ' …' : '';
	return cutBefore + html.join(' … ') + cutAfter;
}
