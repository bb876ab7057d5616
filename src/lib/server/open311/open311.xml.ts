/**
 * A tiny XML writer for the GeoReport v2 answers: elements with escaped text, nothing else
 * (no attributes, no namespaces). Characters XML 1.0 forbids are dropped.
 */

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text safe inside an element or a quoted attribute. */
export const escapeXml = (s: string) =>
	s.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const NAME = /^[A-Za-z_][\w.-]*$/;

export type XmlText = string | number | boolean | null | undefined;

/**
 * `<name>text</name>` for a value (null/undefined → `<name/>`), or `<name>…children…</name>` for
 * an array of already rendered child elements.
 */
export function el(name: string, content: XmlText | string[]): string {
	if (!NAME.test(name)) throw new Error(`bad XML element name ${name}`);
	if (Array.isArray(content)) return content.length ? `<${name}>${content.join('')}</${name}>` : `<${name}/>`;
	if (content === null || content === undefined || content === '') return `<${name}/>`;
	return `<${name}>${escapeXml(String(content))}</${name}>`;
}

/** One element per key of a flat object (nested objects are not expected here). */
export const fieldsOf = (obj: Record<string, XmlText>) => Object.entries(obj).map(([k, v]) => el(k, v));

/** A whole document: the declaration and one root element. */
export const xmlDocument = (root: string) => `${XML_DECLARATION}\n${root}\n`;
