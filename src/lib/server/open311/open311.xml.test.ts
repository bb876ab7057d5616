import { describe, expect, it } from 'vitest';
import { assertWellFormed } from '../portal/wellformed';
import { el, escapeXml, fieldsOf, xmlDocument, XML_DECLARATION } from './open311.xml';

describe('XML writer', () => {
	it('escapes the five special characters and drops forbidden ones', () => {
		expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
		expect(escapeXml('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
	});
	it('writes empty elements for null, undefined and empty strings', () => {
		expect(el('x', null)).toBe('<x/>');
		expect(el('x', undefined)).toBe('<x/>');
		expect(el('x', '')).toBe('<x/>');
		expect(el('x', [])).toBe('<x/>');
		expect(el('x', 0)).toBe('<x>0</x>');
		expect(el('x', false)).toBe('<x>false</x>');
	});
	it('nests children and refuses bad names', () => {
		expect(el('a', [el('b', 1), el('c', 'd')])).toBe('<a><b>1</b><c>d</c></a>');
		expect(() => el('1bad', 'x')).toThrow();
		expect(() => el('a b', 'x')).toThrow();
	});
	it('builds a well-formed document', () => {
		const doc = xmlDocument(el('services', [el('service', fieldsOf({ service_code: 'a&b', description: '<script>', metadata: false, group: null }))]));
		expect(doc.startsWith(`${XML_DECLARATION}\n<services>`)).toBe(true);
		expect(() => assertWellFormed(doc)).not.toThrow();
		expect(doc).toContain('<service_code>a&amp;b</service_code>');
		expect(doc).toContain('<group/>');
	});
});
