/**
 * fast-check arbitraries for hostile input: values derived from an operation's JSON schema (each
 * field valid-ish or hostile, required ones sometimes missing, unknown ones added) and generic
 * garbage (invalid JSON, deep nesting, wrong content types, odd multipart forms).
 */
import fc from 'fast-check';

export type Schema = {
	$ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema;
	enum?: unknown[]; anyOf?: Schema[]; oneOf?: Schema[]; format?: string; maxLength?: number; minimum?: number; maximum?: number;
};
export type HostileBody = { label: string; body: BodyInit; contentType?: string };

const HUGE = 'x'.repeat(100_000);
/** Strings that break naive code: NUL, lone surrogates, RTL overrides, zero-width, emoji, markup, SQL, paths. */
const NASTY_STRINGS = [
	'', ' ', '\u0000', 'a\u0000b', '\uD800', '\uDFFF', 'x\uDBFFy', '\u202Eevil\u202C', '\u200B\u200C\u200D\uFEFF', '👨‍👩‍👧‍👦🏳️‍🌈', 'Z̷̢̛̛͎a̶l̸g̵o̶',
	'<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '%00', '%', '%E0%A4%A', '\\', '\r\n\r\n', 'null', 'undefined', 'NaN',
	'1e999', '-0', '0x10', '٣', 'İ', 'ß', HUGE, '🙂'.repeat(30_000), '\u0000'.repeat(1000)
];
const BAD_DATES = ['2024-02-30', '2024-13-01', '0000-00-00', '9999-12-31', '-001000-01-01', '2024-1-1', '2024-02-29T25:61:61Z', '2024-06-01T00:00:00+99:00', '1970-01-01', 'tomorrow', '20240101'];
const BAD_NUMBERS: unknown[] = [-1, 0, -0, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, '12', '1e3', true, null];

export const hostileString = () => fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));
const hostileNumber = () => fc.oneof(fc.constantFrom(...BAD_NUMBERS), fc.integer(), fc.double({ noNaN: true }));
/** Nested arrays/objects, up to `depth` deep. */
const nested = (depth: number, leaf: unknown = 1): unknown => {
	let v: unknown = leaf;
	for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
	return v;
};
const hostileValue = (): fc.Arbitrary<unknown> =>
	fc.oneof(
		{ arbitrary: hostileString(), weight: 3 },
		{ arbitrary: hostileNumber(), weight: 2 },
		fc.constantFrom(null, true, false, [], {}, [null], { __proto__: { admin: true } }, nested(200), Array(2000).fill('a')),
		fc.jsonValue({ maxDepth: 4 })
	);

/** A value for `schema` that is valid-ish about half the time and hostile otherwise. */
function valueFor(schema: Schema | undefined, resolve: (s?: Schema) => Schema | undefined, depth: number): fc.Arbitrary<unknown> {
	const s = resolve(schema);
	if (!s || depth > 4) return hostileValue();
	if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf)!.map((x) => valueFor(x, resolve, depth + 1)));
	let good: fc.Arbitrary<unknown>;
	const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
	if (s.enum) good = fc.constantFrom(...s.enum);
	else if (type === 'object' || s.properties) good = objectFor(s, resolve, depth + 1);
	else if (type === 'array') good = fc.array(valueFor(s.items, resolve, depth + 1), { maxLength: 4 });
	else if (type === 'integer' || type === 'number') good = fc.oneof(fc.integer({ min: -5, max: 10_000 }), fc.constantFrom(...BAD_NUMBERS));
	else if (type === 'boolean') good = fc.boolean();
	else if (s.format === 'date' || s.format === 'date-time') good = fc.constantFrom(...BAD_DATES, '2025-01-10', new Date().toISOString());
	else if (s.format === 'uuid') good = fc.oneof(fc.uuid(), fc.constantFrom('00000000-0000-0000-0000-000000000000', 'not-a-uuid', 'ffffffff-ffff-ffff-ffff-ffffffffffffff'));
	else if (s.format === 'email') good = fc.oneof(fc.emailAddress(), fc.constantFrom('a@b', '@', `${'a'.repeat(300)}@x.id`, 'a@b.c\u0000'));
	else if (s.format === 'uri') good = fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'http://', 'data:text/html,<b>x</b>', 'file:///etc/passwd'));
	else good = fc.oneof(fc.string({ maxLength: (s.maxLength ?? 40) + 2 }), hostileString());
	return fc.oneof({ arbitrary: good, weight: 3 }, { arbitrary: hostileValue(), weight: 1 });
}

/** An object with some of `schema`'s properties (required ones may be missing) and maybe unknown ones. */
function objectFor(schema: Schema, resolve: (s?: Schema) => Schema | undefined, depth: number): fc.Arbitrary<Record<string, unknown>> {
	const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, valueFor(v, resolve, depth)]));
	return fc
		.tuple(fc.record(props, { requiredKeys: [] }), fc.option(fc.dictionary(fc.string({ maxLength: 10 }), hostileValue(), { maxKeys: 3 }), { freq: 4 }))
		.map(([known, extra]) => ({ ...(extra ?? {}), ...known }));
}

/** Raw texts that are not the JSON a handler expects. */
const INVALID_JSON = ['{', '}', '{"a":', '{"a":NaN}', '{"a":Infinity}', '{"a":1e999}', '{"a":-0}', "{'a':1}", '{"a":1,}', '[1,2', 'nul', '\u0000', '\uFEFF{}',
	'{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}', '"just a string"', '12345', 'true', 'null', '[]', '{"a":"\\ud800"}', '{"a":"\\u0000"}'];

/** A request body for a JSON operation: schema-derived, garbage, invalid, deep or mis-typed. */
export function hostileBody(schema: Schema | undefined, resolve: (s?: Schema) => Schema | undefined): fc.Arbitrary<HostileBody> {
	const json = 'application/json';
	return fc.oneof(
		{ arbitrary: valueFor(schema ?? { type: 'object', properties: {} }, resolve, 0).map((v) => ({ label: 'schema', body: JSON.stringify(v) ?? 'null', contentType: json })), weight: 5 },
		{ arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => ({ label: 'garbage json', body: JSON.stringify(v) ?? 'null', contentType: json })), weight: 1 },
		fc.constantFrom(...INVALID_JSON).map((t) => ({ label: `invalid json ${t.slice(0, 20)}`, body: t, contentType: json })),
		fc.integer({ min: 1000, max: 20_000 }).map((d) => ({ label: `deep ${d}`, body: '['.repeat(d) + ']'.repeat(d), contentType: json })),
		fc.constant({ label: 'deep object', body: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000), contentType: json }),
		fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data', 'multipart/form-data; boundary=zz', 'application/json; charset=latin1', 'application/jsonx', '', 'a/b/c;;;=')
			.chain((ct) => valueFor(schema, resolve, 0).map((v) => ({ label: `as ${ct}`, body: JSON.stringify(v) ?? '', contentType: ct }))),
		fc.constant({ label: 'no content-type', body: '{}' }),
		fc.constant({ label: 'huge string', body: JSON.stringify({ title: HUGE, name: HUGE, body: HUGE, text: HUGE, description: HUGE, email: HUGE }), contentType: json })
	);
}

/** A multipart body for an upload operation: wrong fields, wrong types, empty or fake files, too many files. */
export function hostileForm(png: Uint8Array): fc.Arbitrary<HostileBody> {
	const file = (bytes: Uint8Array | string, name: string, type: string) => new File([bytes as BlobPart], name, { type });
	const files = [
		() => file(png, 'ok.png', 'image/png'),
		() => file(new Uint8Array(0), 'empty.png', 'image/png'),
		() => file('GIF89a' + 'x'.repeat(100), 'fake.png', 'image/png'),
		() => file(png.slice(0, 30), 'truncated.png', 'image/png'),
		() => file('%PDF-1.4\n', 'broken.pdf', 'application/pdf'),
		() => file('<svg onload=alert(1)>', 'x.svg', 'image/svg+xml'),
		() => file(png, '../../../etc/passwd', 'image/png'),
		() => file(png, '\u0000\u202E.png', 'image/png'),
		() => file(png, HUGE, 'image/png')
	];
	return fc.oneof(
		fc.tuple(fc.array(fc.integer({ min: 0, max: files.length - 1 }), { maxLength: 12 }), fc.constantFrom('file', 'files', 'photo', 'file[]'), fc.option(hostileString()))
			.map(([picks, field, extra]) => {
				const fd = new FormData();
				for (const i of picks) fd.append(field, files[i]());
				if (extra !== null) {
					fd.append('title', extra);
					fd.append('file', extra);
				}
				return { label: `form ${field} ${picks.join(',')}`, body: fd };
			}),
		fc.constantFrom(
			{ label: 'form without boundary', body: '--zz\r\n\r\n', contentType: 'multipart/form-data' },
			{ label: 'form broken', body: '--zz\r\ncontent-disposition: form-data; name="file"\r\n\r\nabc', contentType: 'multipart/form-data; boundary=zz' },
			{ label: 'form as json', body: '{"file":"x"}', contentType: 'application/json' },
			{ label: 'form urlencoded', body: 'file=%00&file=x', contentType: 'application/x-www-form-urlencoded' }
		)
	);
}

/** A value for a path parameter that is not the id, slug, code or date it should be. */
export const hostilePathValue = () =>
	fc.oneof(
		fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', '0', '-1', '99999999999999999999', 'NaN', '..', '%2e%2e', '%00', '%', '%E0%A4%A', '%ZZ', 'a%2Fb',
			'x'.repeat(5000), '\u202E', '🙂', 'İ', '2024-02-30', 'a.b.c', '.json', 'x.xml', 'x.', 'DROP TABLE', "'"),
		fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
	);

/** A query string: declared params with hostile values, repeated keys, unknown keys, bad escapes. */
export const hostileQuery = (names: string[]) =>
	fc.oneof(
		fc.array(fc.tuple(names.length ? fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 })) : fc.string({ maxLength: 8 }), fc.oneof(hostileString().map((s) => s.slice(0, 3000)), fc.constantFrom(...BAD_DATES), hostileNumber().map(String))), { maxLength: 6 })
			.map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, '?'))}`).join('&')),
		fc.constantFrom(...names, 'q').map((n) => `${n}=1&${n}=2&${n}=3&${n}[]=4&${n}[a]=5`),
		fc.constantFrom('%', '%ZZ', '&&&', '=&=', 'limit=-1&offset=-1', 'limit=1e9&offset=1e20', 'limit=NaN', 'page=0', 'page=-5', 'before_id=-1', 'before_id=abc', 'year=0', 'year=99999')
	);
