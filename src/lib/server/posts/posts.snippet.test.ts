import { describe, expect, it } from 'vitest';
import { escapeHtml, MARK_END, MARK_START, snippetHtml, stripMarkdown, wordSimilarity } from './posts.snippet';

const mark = (s: string) => `${MARK_START}${s}${MARK_END}`;

describe('snippetHtml', () => {
	it('turns the markers into <mark> and escapes everything else', () => {
		expect(snippetHtml(`Warga ${mark('vaksinasi')} <b>di</b> balai & ${mark('posyandu')}`, 'x')).toBe(
			'Warga <mark>vaksinasi</mark> &lt;b&gt;di&lt;/b&gt; balai &amp; <mark>posyandu</mark>'
		);
	});

	it('escapes inside the marks too', () => {
		expect(snippetHtml(mark('<img onerror=x>'), 'x')).toBe('<mark>&lt;img onerror=x&gt;</mark>');
	});

	it('marks similar words when full-text search marked nothing (a typo match)', () => {
		expect(snippetHtml('Jadwal vaksinasi <anak>', 'vaksinsi')).toBe('Jadwal <mark>vaksinasi</mark> &lt;anak&gt;');
		expect(snippetHtml('Tidak ada yang mirip', 'vaksinsi')).toBe('Tidak ada yang mirip');
	});

	it('strips Markdown syntax from the fragment', () => {
		expect(snippetHtml(`**Penting**: lihat [${mark('jadwal')}](https://contoh.id/a) di # Judul`, 'x')).toBe('Penting: lihat <mark>jadwal</mark> di Judul');
	});
});

describe('helpers', () => {
	it('escapes HTML', () => expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'));
	it('strips Markdown', () => {
		expect(stripMarkdown('> kutipan dan `kode` serta ![gambar](a.png) _miring_')).toBe('kutipan dan kode serta gambar miring');
	});
	it('computes pg_trgm-like similarity', () => {
		expect(wordSimilarity('vaksinasi', 'vaksinasi')).toBe(1);
		expect(wordSimilarity('Vaksinsi', 'vaksinasi')).toBeGreaterThan(0.45);
		expect(wordSimilarity('vaksinsi', 'posyandu')).toBeLessThan(0.1);
	});
});
