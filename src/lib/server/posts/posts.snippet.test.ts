import { describe, expect, it } from 'vitest';
import { escapeHtml, SNIPPET_WORDS, snippetHtml, stripMarkdown, wordSimilarity } from './posts.snippet';

/** n filler words: w1 w2 … wn. */
const filler = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');
const wordsOf = (html: string): string[] => html.replace(/<\/?mark>/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
const marked = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);

describe('snippetHtml', () => {
	it('marks every form of the terms, whatever its case, and escapes everything else', () => {
		expect(snippetHtml('Warga <b>Vaksinasi</b> di balai & posyandu vaksinasi', ['vaksinasi', 'posyandu'], 'x')).toBe(
			'Warga &lt;b&gt;<mark>Vaksinasi</mark>&lt;/b&gt; di balai &amp; <mark>posyandu</mark> <mark>vaksinasi</mark>'
		);
	});

	it('marks whole words only', () => {
		expect(snippetHtml('Imunisasi dan imunisasinya', ['imunisasi'], 'x')).toBe('<mark>Imunisasi</mark> dan imunisasinya');
	});

	it('keeps a short text whole, with its final punctuation and no ellipsis', () => {
		expect(snippetHtml('Bawa buku KIA.', ['kia'], 'x')).toBe('Bawa buku <mark>KIA</mark>.');
		expect(snippetHtml('', ['kia'], 'x')).toBe('');
	});

	it('cuts a long text to the words around the match, with ellipses where it is cut', () => {
		const html = snippetHtml(`${filler(60)} vaksinasi ${filler(60, 61)}`, ['vaksinasi'], 'x');
		expect(wordsOf(html)).toHaveLength(SNIPPET_WORDS);
		expect(html.startsWith('… ')).toBe(true);
		expect(html.endsWith(' …')).toBe(true);
		// The match sits in the middle of the window.
		const at = wordsOf(html).indexOf('vaksinasi');
		expect(Math.abs(at - (SNIPPET_WORDS - 1) / 2)).toBeLessThanOrEqual(1);
	});

	it('starts at the beginning when the match is near it, and ends at the end when it is near that', () => {
		const early = snippetHtml(`Jadwal vaksinasi ${filler(80)}`, ['vaksinasi'], 'x');
		expect(early.startsWith('Jadwal <mark>vaksinasi</mark> w1')).toBe(true);
		expect(early.endsWith(' …')).toBe(true);
		const late = snippetHtml(`${filler(80)} jadwal vaksinasi.`, ['vaksinasi'], 'x');
		expect(late.startsWith('… ')).toBe(true);
		expect(late.endsWith('jadwal <mark>vaksinasi</mark>.')).toBe(true);
	});

	it('shows two fragments when the matched words are too far apart for one', () => {
		const html = snippetHtml(`${filler(30)} vaksinasi ${filler(60, 31)} posyandu ${filler(30, 91)}`, ['vaksinasi', 'posyandu'], 'x');
		expect(marked(html)).toEqual(['vaksinasi', 'posyandu']);
		// Cut before, between and after the two fragments.
		expect(html).toMatch(/^… [^…]*vaksinasi[^…]* … [^…]*posyandu[^…]* …$/);
		expect(wordsOf(html).length).toBeLessThanOrEqual(SNIPPET_WORDS);
	});

	it('keeps one fragment when it holds every matched word', () => {
		const html = snippetHtml(`${filler(40)} vaksinasi w41 posyandu ${filler(40, 42)}`, ['vaksinasi', 'posyandu'], 'x');
		expect(marked(html)).toEqual(['vaksinasi', 'posyandu']);
		expect(html.match(/…/g)).toHaveLength(2);
	});

	it('prefers the window with more distinct matched words, then more matches', () => {
		const text = `vaksinasi vaksinasi vaksinasi ${filler(50)} vaksinasi posyandu ${filler(50, 51)}`;
		expect(marked(snippetHtml(text, ['vaksinasi', 'posyandu'], 'x'))).toContain('posyandu');
	});

	it('finds the matches in a long post, in the window that holds most of them', () => {
		const text = `${filler(3000)} vaksinasi ${filler(1000, 3001)} vaksinasi w1 posyandu ${filler(1000, 4001)}`;
		const html = snippetHtml(text, ['vaksinasi', 'posyandu'], 'x');
		expect(marked(html)).toEqual(['vaksinasi', 'posyandu']);
		expect(html).toContain('w4000 <mark>vaksinasi</mark> w1 <mark>posyandu</mark> w4001');
	});

	it('is the beginning of the text when nothing matches', () => {
		const html = snippetHtml(filler(50), ['vaksinasi'], 'zzz');
		expect(wordsOf(html)).toEqual(filler(SNIPPET_WORDS).split(' '));
		expect(html.endsWith(' …')).toBe(true);
	});

	it('escapes inside the marks too', () => {
		expect(snippetHtml('<img onerror=x>', ['img'], 'x')).toBe('&lt;<mark>img</mark> onerror=x&gt;');
	});

	it('marks similar words when no term occurs (a typo match)', () => {
		expect(snippetHtml('Jadwal vaksinasi <anak>', [], 'vaksinsi')).toBe('Jadwal <mark>vaksinasi</mark> &lt;anak&gt;');
		expect(snippetHtml('Tidak ada yang mirip', [], 'vaksinsi')).toBe('Tidak ada yang mirip');
	});

	it('strips Markdown syntax', () => {
		expect(snippetHtml('**Penting**: lihat [jadwal](https://contoh.id/a) di\n\n# Judul', ['jadwal'], 'x')).toBe('Penting: lihat <mark>jadwal</mark> di Judul');
	});
});

describe('helpers', () => {
	it('escapes HTML', () => expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'));
	it('strips Markdown', () => {
		expect(stripMarkdown('> kutipan dan `kode` serta ![gambar](a.png) _miring_')).toBe('kutipan dan kode serta gambar miring');
		expect(stripMarkdown('Yang dibawa:\n- Buku KIA\n* kartu\n2. KTP\nSenin - Jumat, 3 - 5 anak')).toBe('Yang dibawa: · Buku KIA · kartu · KTP Senin - Jumat, 3 - 5 anak');
	});
	it('computes pg_trgm-like similarity', () => {
		expect(wordSimilarity('vaksinasi', 'vaksinasi')).toBe(1);
		expect(wordSimilarity('Vaksinsi', 'vaksinasi')).toBeGreaterThan(0.45);
		expect(wordSimilarity('vaksinsi', 'posyandu')).toBeLessThan(0.1);
	});
});
