import { describe, expect, it } from 'vitest';
import { isSafeImageUrl, isSafeLinkUrl, markdownToText, renderMarkdown } from './posts.markdown';

/** Nothing executable may survive: no script element, no event handler attribute, no javascript:/vbscript: URL. */
function expectInert(html: string) {
	expect(html).not.toMatch(/<script/i);
	expect(html).not.toMatch(/<(iframe|object|embed|svg|math|style|form|input|textarea|base|meta|link)\b/i);
	expect(html).not.toMatch(/\son\w+\s*=/i);
	expect(html).not.toMatch(/javascript:/i);
	expect(html).not.toMatch(/vbscript:/i);
	expect(html).not.toMatch(/(href|src)\s*=\s*"\s*data:(?!image\/(png|jpeg|webp))/i);
	// Every attribute is one markdown-it writes.
	for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
		for (const [, name] of tag.matchAll(/\s([a-zA-Z-]+)=/g)) expect(['href', 'src', 'alt', 'title', 'rel', 'loading', 'class', 'start', 'style']).toContain(name);
	}
	// Every tag in the output is one markdown-it writes.
	for (const [, tag] of html.matchAll(/<\/?([a-zA-Z0-9]+)/g)) {
		expect(['p', 'a', 'img', 'em', 'strong', 'code', 'pre', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr', 's', 'table', 'thead', 'tbody', 'tr', 'th', 'td']).toContain(tag.toLowerCase());
	}
}

const PAYLOADS: [string, string][] = [
	['script tag', '<script>alert(1)</script>'],
	['script tag split over lines', '<scr\nipt>alert(1)</script>'],
	['img onerror', '<img src=x onerror=alert(1)>'],
	['svg onload', '<svg onload=alert(1)>'],
	['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
	['inline html link', '<a href="javascript:alert(1)">x</a>'],
	['html block', '<div onmouseover="alert(1)">\n\nhi\n\n</div>'],
	['html comment', '<!-- <script>alert(1)</script> -->'],
	['markdown link javascript:', '[x](javascript:alert(1))'],
	['mixed case scheme', '[x](JaVaScRiPt:alert(1))'],
	['leading spaces in destination', '[x](<  javascript:alert(1)>)'],
	['tab inside scheme (entity)', '[x](java&#x09;script:alert(1))'],
	['newline inside scheme (entity)', '[x](java&#10;script:alert(1))'],
	['decimal entities', '[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))'],
	['hex entities', '[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))'],
	['named entity colon', '[x](javascript&colon;alert(1))'],
	['percent-encoded scheme', '[x](javascript%3Aalert(1))'],
	['percent-encoded letters', '[x](%6Aavascript:alert(1))'],
	['zero-width space', '[x](java\u200Bscript:alert(1))'],
	['null byte', '[x](java\u0000script:alert(1))'],
	['vbscript', '[x](vbscript:msgbox(1))'],
	['data html link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
	['data html image', '![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
	['data svg image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
	['javascript image', '![x](javascript:alert(1))'],
	['autolink', '<javascript:alert(1)>'],
	['autolink mixed case', '<JAVASCRIPT:alert(1)>'],
	['linkify text', 'javascript:alert(1) dan www.contoh.id'],
	['reference link', '[x][a]\n\n[a]: javascript:alert(1)'],
	['reference link with entities', '[x][a]\n\n[a]: &#106;avascript:alert(1)'],
	['reference image', '![x][a]\n\n[a]: javascript:alert(1)'],
	['link title breaking out', '[x](https://contoh.id "a\\" onmouseover=\\"alert(1)")'],
	['image alt breaking out', '![a" onerror="alert(1)](https://contoh.id/a.png)'],
	['attribute-like text', 'Teks biasa onclick=alert(1) di sini'],
	['entity-encoded tag', '&lt;script&gt;alert(1)&lt;/script&gt;'],
	['code span', '`<script>alert(1)</script>`'],
	['fenced code', '```html\n<script>alert(1)</script>\n```'],
	['nested brackets', '[[x](javascript:alert(1))](https://contoh.id)'],
	['unknown scheme', '[x](livescript:alert(1))'],
	['colon-less javascript with slash', '[x](javascript://%0aalert(1))']
];

describe('renderMarkdown: XSS payloads are inert', () => {
	it.each(PAYLOADS)('%s', (_name, source) => {
		const html = renderMarkdown(source);
		expectInert(html);
	});

	it('shows raw HTML as text instead of dropping it', () => {
		expect(renderMarkdown('<b>tebal</b>')).toBe('<p>&lt;b&gt;tebal&lt;/b&gt;</p>\n');
		expect(renderMarkdown('<script>alert(1)</script>')).toContain('&lt;script&gt;');
	});

	it('writes dangerous-looking prose with character references (it reads the same)', () => {
		expect(renderMarkdown('Jangan buka javascript:alert(1) atau onclick=x')).toBe('<p>Jangan buka javascript&#58;alert(1) atau onclick&#61;x</p>\n');
	});

	it('keeps the text of a refused link', () => {
		const html = renderMarkdown('[klik di sini](javascript:alert(1))');
		expect(html).toContain('klik di sini');
		expect(html).not.toContain('<a');
	});

	it('escapes a title and alt text that try to close the attribute', () => {
		expect(renderMarkdown('[x](https://contoh.id "a\\" onmouseover=\\"alert(1)")')).toContain('title="a&quot; onmouseover&#61;&quot;alert(1)"');
		expect(renderMarkdown('![a" onerror="alert(1)](https://contoh.id/a.png)')).toContain('alt="a&quot; onerror&#61;&quot;alert(1)"');
	});
});

describe('renderMarkdown: ordinary Markdown', () => {
	it('renders emphasis, lists, quotes and line breaks', () => {
		expect(renderMarkdown('**Penting**: bawa *KTP*')).toBe('<p><strong>Penting</strong>: bawa <em>KTP</em></p>\n');
		expect(renderMarkdown('- satu\n- dua')).toBe('<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>\n');
		expect(renderMarkdown('baris satu\nbaris dua')).toBe('<p>baris satu<br>\nbaris dua</p>\n');
		expect(renderMarkdown('> kutipan')).toContain('<blockquote>');
	});

	it('makes the highest heading an h2 (the page title is the h1), keeping the levels below it', () => {
		expect(renderMarkdown('# Judul')).toBe('<h2>Judul</h2>\n');
		expect(renderMarkdown('## Sub')).toBe('<h2>Sub</h2>\n');
		expect(renderMarkdown('## Sub\n\n### Anak')).toBe('<h2>Sub</h2>\n<h3>Anak</h3>\n');
		expect(renderMarkdown('# A\n\n## B')).toBe('<h2>A</h2>\n<h3>B</h3>\n');
		expect(renderMarkdown('###### Kecil')).toBe('<h2>Kecil</h2>\n');
		expect(renderMarkdown('# A\n\n###### B')).toBe('<h2>A</h2>\n<h6>B</h6>\n');
	});

	it('marks every link nofollow ugc noopener, including autolinks and linkified text', () => {
		expect(renderMarkdown('[Kominfo](https://www.kominfo.go.id)')).toBe('<p><a href="https://www.kominfo.go.id" rel="nofollow ugc noopener">Kominfo</a></p>\n');
		expect(renderMarkdown('<https://contoh.id/a>')).toContain('<a href="https://contoh.id/a" rel="nofollow ugc noopener">');
		expect(renderMarkdown('lihat www.contoh.id ya')).toContain('<a href="http://www.contoh.id" rel="nofollow ugc noopener">www.contoh.id</a>');
		expect(renderMarkdown('surel admin@contoh.id')).toContain('<a href="mailto:admin@contoh.id" rel="nofollow ugc noopener">');
		expect(renderMarkdown('[x][a]\n\n[a]: https://contoh.id')).toContain('<a href="https://contoh.id" rel="nofollow ugc noopener">x</a>');
	});

	it('allows relative links, tel: and mailto:', () => {
		expect(renderMarkdown('[x](/berita/a)')).toContain('href="/berita/a"');
		expect(renderMarkdown('[x](#bagian)')).toContain('href="#bagian"');
		expect(renderMarkdown('[telepon](tel:+62293123456)')).toContain('href="tel:+62293123456"');
		expect(renderMarkdown('[surel](mailto:a@contoh.id)')).toContain('href="mailto:a@contoh.id"');
	});

	it('renders images lazily; data: only for PNG, JPEG and WebP images', () => {
		expect(renderMarkdown('![peta](https://contoh.id/peta.png)')).toBe('<p><img src="https://contoh.id/peta.png" alt="peta" loading="lazy"></p>\n');
		expect(renderMarkdown('![p](data:image/png;base64,iVBORw0KGgo=)')).toContain('<img src="data:image/png;base64,iVBORw0KGgo="');
		expect(renderMarkdown('![p](data:image/webp;base64,UklGRg==)')).toContain('<img');
		expect(renderMarkdown('![p](data:image/gif;base64,R0lGOD==)')).not.toContain('<img');
		// A data: image URL is not a link target.
		const link = renderMarkdown('[x](data:image/png;base64,iVBORw0KGgo=)');
		expect(link).not.toContain('href=');
		expect(link).toContain('rel="nofollow ugc noopener"');
	});
});

describe('URL checks', () => {
	it.each([
		['https://contoh.id', true, true],
		['http://contoh.id', true, true],
		['/berita/a', true, true],
		['berita/a', true, true],
		['?q=1', true, true],
		['#x', true, true],
		['mailto:a@b.id', true, true],
		['tel:+62', true, true],
		['javascript:alert(1)', false, false],
		[' JAVASCRIPT:alert(1)', false, false],
		['java\tscript:alert(1)', false, false],
		['java\nscript:alert(1)', false, false],
		['\u0001javascript:alert(1)', false, false],
		['java%09script:alert(1)', false, false],
		['vbscript:x', false, false],
		['file:///etc/passwd', false, false],
		['data:text/html,<script>', false, false],
		['data:image/svg+xml,<svg onload=alert(1)>', false, false],
		['data:image/png;base64,AAAA', false, true],
		['data:image/jpeg;base64,AAAA', false, true],
		['DATA:IMAGE/WEBP;base64,AAAA', false, true],
		['data:image/gif;base64,AAAA', false, false]
	])('%j link %s image %s', (url, link, image) => {
		expect(isSafeLinkUrl(url)).toBe(link);
		expect(isSafeImageUrl(url)).toBe(image);
	});
});

describe('markdownToText', () => {
	it('drops the syntax and keeps the words', () => {
		expect(markdownToText('# Judul\n\n**Tebal** dan [tautan](https://contoh.id).\n\n- satu\n- dua')).toBe('Judul Tebal dan tautan. satu dua');
		expect(markdownToText('<script>x</script>')).toBe('<script>x</script>');
	});
});
