/**
 * XSS payloads for the hostile-input suite (xss.test.ts). Each one, if it ever ran, calls
 * `__xss(ID)` (exposed by the test in every frame) or requests a URL containing `__xss/ID`
 * (watched by the test) — so "inert" is observable, not guessed. `§` is replaced by the payload's
 * number. Classic vectors (OWASP cheat sheet, PortSwigger's lists, HTML5 Security Cheatsheet),
 * context breakouts for <title>, <textarea>, <script> and JSON-LD, Markdown link/image tricks,
 * template injections, polyglots, encoded variants, and CSV formula injections.
 */
const RAW: string[] = [
	'<script>__xss(§)</script>',
	'<img src=x onerror=__xss(§)>',
	'<svg onload=__xss(§)>',
	'<svg><script>__xss(§)</script></svg>',
	'<math><mtext><table><mglyph><style><img src=x onerror=__xss(§)>',
	'"><img src=x onerror=__xss(§)>',
	"'><img src=x onerror=__xss(§)>",
	'" autofocus onfocus="__xss(§)" x="',
	"' autofocus onfocus='__xss(§)' x='",
	'javascript:__xss(§)',
	'JaVaScRiPt:__xss(§)',
	'java\tscript:__xss(§)',
	' \u0001javascript:__xss(§)',
	'data:text/html,<script>parent.__xss(§)</script>',
	'[klik di sini](javascript:__xss(§))',
	'[klik](JAVASCRIPT:__xss(§) "judul")',
	'![gambar](x" onerror="__xss(§))',
	'![x](javascript:__xss(§))',
	'[a](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoMTQpPC9zY3JpcHQ+)',
	'<javascript:__xss(§)>',
	'[ref][r§]\n\n[r§]: javascript:__xss(§)',
	'<a href="javascript:__xss(§)">klik</a>',
	'</title><script>__xss(§)</script>',
	'</textarea><script>__xss(§)</script>',
	'</script><script>__xss(§)</script>',
	'</script><img src=x onerror=__xss(§)>',
	'"}]}</script><script>__xss(§)</script>',
	'\u2028\u2029</script><svg onload=__xss(§)>',
	"{{constructor.constructor('__xss(§)')()}}",
	'${__xss(§)}',
	'`;__xss(§);`',
	'<iframe srcdoc="<script>parent.__xss(§)</script>"></iframe>',
	'<details open ontoggle=__xss(§)>',
	'<body onload=__xss(§)>',
	'<input autofocus onfocus=__xss(§)>',
	'<video><source onerror=__xss(§)></video>',
	'<object data="javascript:__xss(§)"></object>',
	'<embed src="javascript:__xss(§)">',
	"<style>@import 'http://xss.invalid/__xss/§';</style>",
	'<link rel=stylesheet href=//127.0.0.1:9/__xss/§>',
	'<base href="//xss.invalid/__xss/§/">',
	'<meta http-equiv="refresh" content="0;url=javascript:__xss(§)">',
	'<svg><a xlink:href="javascript:__xss(§)"><text y=20>x</text></a></svg>',
	'<noscript><p title="</noscript><img src=x onerror=__xss(§)>">',
	'<!--<img src="--><img src=x onerror=__xss(§)//">',
	'<form><button formaction=javascript:__xss(§)>x</button></form>',
	'<img src=x onerror="&#95;&#95;xss(§)">',
	'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=__xss(§) )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=__xss(§)//>\\x3e',
	'\\u003cscript\\u003e__xss(§)\\u003c/script\\u003e',
	'&lt;script&gt;__xss(§)&lt;/script&gt;',
	'%3Cscript%3E__xss(%C2%A7)%3C%2Fscript%3E',
	'\uff1cscript\uff1e__xss(§)\uff1c/script\uff1e',
	'<scr<script>ipt>__xss(§)</scr</script>ipt>',
	'=HYPERLINK("http://xss.invalid/__xss/§","klik")',
	"+cmd|' /C calc'!A0 __xss(§)",
	"-2+3+cmd|' /C calc'!A0 __xss(§)",
	"@SUM(1+1)*cmd|' /C calc'!A0 __xss(§)"
];

export type Payload = { id: number; text: string };

export const XSS_CORPUS: Payload[] = RAW.map((p, i) => ({ id: i + 1, text: p.replaceAll('§', String(i + 1)) }));

/**
 * The corpus packed into strings of at most `max` characters (payloads joined by a space; a
 * payload longer than `max` is cut), so short fields carry every payload over a few records.
 */
export function packCorpus(max: number, corpus: Payload[] = XSS_CORPUS): string[] {
	const out: string[] = [];
	let cur = '';
	for (const { text } of corpus) {
		const t = text.length > max ? text.slice(0, max) : text;
		if (cur && cur.length + 1 + t.length > max) {
			out.push(cur);
			cur = t;
		} else cur = cur ? `${cur} ${t}` : t;
	}
	if (cur) out.push(cur);
	return out;
}

/** Every payload, one per paragraph (long text fields). */
export const WHOLE_CORPUS = XSS_CORPUS.map((p) => p.text).join('\n\n');
