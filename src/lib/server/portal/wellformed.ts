/** For tests: a small XML well-formedness check (no XML parser is among the dependencies). */

/**
 * A small well-formedness check: every tag closes in order, attributes are quoted, and no bare
 * `&` or `<` is left in text (entities only: the five named ones and numeric references).
 */
export function assertWellFormed(xml: string) {
	const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
	const stack: string[] = [];
	const re = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
	let m: RegExpExecArray | null;
	let roots = 0;
	while ((m = re.exec(body))) {
		const [, close, name, attrs, selfClose, text, stray] = m;
		if (stray) throw new Error(`stray < at ${m.index}`);
		if (text !== undefined) {
			if (!stack.length && text.trim()) throw new Error('text outside the root');
			if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) throw new Error(`bare & in "${text}"`);
			if (text.includes('>') && !text.includes('&gt;')) throw new Error(`bare > in "${text}"`);
			continue;
		}
		if (attrs && /&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(attrs)) throw new Error(`bare & in attributes of ${name}`);
		if (close) {
			if (stack.pop() !== name) throw new Error(`mismatched </${name}>`);
		} else if (!selfClose) {
			if (!stack.length) roots++;
			stack.push(name);
		} else if (!stack.length) roots++;
	}
	if (stack.length) throw new Error(`unclosed ${stack.join(' > ')}`);
	if (roots !== 1) throw new Error(`${roots} root elements`);
}

