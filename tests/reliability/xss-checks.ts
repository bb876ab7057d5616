/**
 * The XSS suite's checks that run on what a page or export returned: the injected-markup census and
 * the feed verdict are evaluated inside Chromium (page.evaluate), so they use nothing but the DOM;
 * parseCsv reads an export in the test process.
 */

/** Page checks, run in the page: the injected-markup census. */
export function census() {
	const bad: string[] = [];
	const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background'];
	for (const el of Array.from(document.querySelectorAll('*'))) {
		for (const a of Array.from(el.attributes)) {
			const n = a.name.toLowerCase();
			const v = a.value;
			if (n.startsWith('on') && /xss|&#95;/i.test(v)) bad.push(`<${el.localName} ${n}="${v.slice(0, 60)}">`);
			if (urlAttrs.includes(n) && /^[\s\u0000-\u001f]*(javascript|vbscript|data:text)/i.test(v.replace(/[\t\n\r]/g, ''))) bad.push(`<${el.localName} ${n}="${v.slice(0, 60)}">`);
			if (n === 'srcdoc') bad.push(`<${el.localName} srcdoc>`);
		}
		const tag = el.localName;
		if (['object', 'embed', 'base', 'frameset'].includes(tag)) bad.push(`<${tag}>`);
		if (tag === 'meta' && (el.getAttribute('http-equiv') ?? '').toLowerCase() === 'refresh') bad.push('<meta refresh>');
		if (tag === 'img' && el.getAttribute('src') === 'x') bad.push('<img src=x>');
		if (tag === 'script') {
			const type = (el.getAttribute('type') ?? '').toLowerCase();
			const text = el.textContent ?? '';
			if (type === 'application/ld+json') {
				try {
					JSON.parse(text);
				} catch {
					bad.push('JSON-LD that is not JSON');
				}
			} else if (!el.hasAttribute('src') && text.includes('__xss') && !text.includes('__sveltekit')) bad.push(`<script>${text.slice(0, 60)}</script>`);
		}
		if (tag === 'iframe' || tag === 'math' || tag === 'mglyph') bad.push(`<${tag}>`);
	}
	return bad;
}

/** Feed checks, run in the page: well-formed XML, and the HTML a feed carries as escaped text as inert as a page. */
export function feedVerdict(src: string) {
	const doc = new DOMParser().parseFromString(src, 'application/xml');
	if (doc.querySelector('parsererror')) return { ok: false, bad: ['not well-formed'] };
	const bad: string[] = [];
	for (const el of Array.from(doc.querySelectorAll('*'))) {
		const ns = el.namespaceURI ?? '';
		if (/xhtml|svg|MathML/i.test(ns)) bad.push(`element in ${ns}`);
		// HTML carried as escaped text: RSS <description>/<content:encoded>, Atom type="html".
		const isHtml = el.localName === 'description' || el.localName === 'encoded' || el.getAttribute('type') === 'html';
		if (isHtml && el.children.length === 0 && /__xss/.test(el.textContent ?? '')) {
			const html = new DOMParser().parseFromString(el.textContent ?? '', 'text/html');
			for (const e of Array.from(html.querySelectorAll('*'))) {
				for (const a of Array.from(e.attributes)) {
					if (a.name.startsWith('on')) bad.push(`${el.localName}: <${e.localName} ${a.name}>`);
					if (/^(href|src|action|formaction|data)$/.test(a.name) && /^\s*(javascript|vbscript|data:text)/i.test(a.value)) bad.push(`${el.localName}: ${a.name}=${a.value.slice(0, 40)}`);
				}
				if (['script', 'iframe', 'object', 'embed', 'base', 'svg', 'math', 'style', 'link', 'meta'].includes(e.localName)) bad.push(`${el.localName}: <${e.localName}>`);
			}
		}
	}
	return { ok: true, bad };
}

/** RFC 4180 cells (quoted fields with "" escapes), flattened. */
export function parseCsv(src: string): string[] {
	const cells: string[] = [];
	let i = 0;
	let cur = '';
	let quoted = false;
	let started = false;
	while (i < src.length) {
		const ch = src[i];
		if (quoted) {
			if (ch === '"' && src[i + 1] === '"') {
				cur += '"';
				i += 2;
				continue;
			}
			if (ch === '"') quoted = false;
			else cur += ch;
		} else if (ch === '"' && !started) {
			quoted = true;
			started = true;
		} else if (ch === ',' || ch === '\n' || ch === '\r') {
			if (ch === '\r' && src[i + 1] === '\n') i++;
			cells.push(cur);
			cur = '';
			started = false;
		} else {
			cur += ch;
			started = true;
		}
		i++;
	}
	if (cur || started) cells.push(cur);
	return cells;
}
