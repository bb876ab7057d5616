/**
 * Hostile input: fast-check properties send malformed and boundary values to every operation of
 * the OpenAPI document, as an admin and as the right KIM's pengurus (so bodies reach validation):
 * schema-derived bodies with wrong types, missing fields, 100k-char strings, unicode edge cases,
 * odd numbers and dates; garbage JSON, invalid JSON, deep nesting, wrong content types; path
 * params that are not ids; repeated and hostile query strings. Never a 5xx; every 4xx is
 * problem+json with status, title and code (errors[] for INVALID) — Open311 answers its own
 * error format. Also: oversized bodies are refused early with 413.
 * Bounded: FC_RUNS (default 15) runs per operation and actor, seed FC_SEED (default 20261128).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDatabase } from '../db';
import { TEST_PASSWORD } from '../factories';
import { buildWorld, type World } from './authz-world';
import { REQUESTS } from './authz-requests';
import { hostileBody, hostilePathValue, hostileQuery, hostileForm, type Schema } from './hostile-arbitraries';

const SEED = Number(process.env.FC_SEED ?? 20261128);
const RUNS = Number(process.env.FC_RUNS ?? 15);

type Op = { key: string; method: string; template: string; op: { parameters?: { name: string; in: string; schema?: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> } } };

let w: World;
let doc: { paths: Record<string, Record<string, Op['op']>>; components: { schemas: Record<string, Schema> } };
let ops: Op[];
const tokens: Record<string, string> = {};
beforeAll(async () => {
	w = await buildWorld((await createTestDatabase()).db);
	doc = (await w.call('GET', '/api/openapi.json')).body;
	ops = Object.entries(doc.paths).flatMap(([template, byMethod]) =>
		Object.entries(byMethod).map(([method, op]) => ({ key: `${method.toUpperCase()} ${template}`, method: method.toUpperCase(), template, op })));
	for (const who of ['admin', 'pengurusA'] as const) {
		const res = await w.api.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: w.people[who].email, password: TEST_PASSWORD }) });
		tokens[who] = (await res.json()).token;
	}
});

/** `$ref`s resolved against the document's components. */
const resolve = (s: Schema | undefined): Schema | undefined => (s?.$ref ? resolve(doc.components.schemas[s.$ref.split('/').pop()!]) : s);

/** The concrete params of a valid request for `template` (from the matrix's request for it). */
function paramsOf(template: string, path: string): Record<string, string> {
	const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
	const re = new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '([^/?]+?)')}(?:\\?.*)?$`);
	const m = path.match(re);
	if (!m) throw new Error(`cannot match ${path} to ${template}`);
	return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
}
const fill = (template: string, params: Record<string, string>, raw = false) =>
	template.replace(/\{([^}]+)\}/g, (_, n: string) => (raw ? params[n] : encodeURIComponent(params[n])));

type Sent = { status: number; type: string; text: string };
async function send(method: string, path: string, init: { headers?: Record<string, string>; body?: BodyInit; as: 'admin' | 'pengurusA' }): Promise<Sent> {
	const headers = { ...init.headers, authorization: `Bearer ${tokens[init.as]}` };
	const res = await w.api.request(path, { method, headers, body: method === 'GET' || method === 'DELETE' ? undefined : init.body });
	return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** The assertion every answer must pass; returns a description of what is wrong, if anything. */
export function problemOf(path: string, res: Sent): string | undefined {
	if (res.status >= 500) return `${res.status}: ${res.text.slice(0, 300)}`;
	if (res.status < 400) return undefined;
	if (path.startsWith('/open311/')) {
		// GeoReport's own error format: [{code, description}] (JSON) or <errors> (XML).
		if (res.type.includes('json')) {
			const body = JSON.parse(res.text);
			return Array.isArray(body) && body.every((e) => typeof e.code === 'number' && typeof e.description === 'string') ? undefined : `open311 error shape: ${res.text.slice(0, 200)}`;
		}
		return res.text.includes('<errors>') ? undefined : `open311 error shape: ${res.text.slice(0, 200)}`;
	}
	if (!res.type.startsWith('application/problem+json')) return `${res.status} as ${res.type}: ${res.text.slice(0, 200)}`;
	let body: { status?: unknown; title?: unknown; code?: unknown; errors?: unknown };
	try {
		body = JSON.parse(res.text);
	} catch {
		return `${res.status} problem is not JSON: ${res.text.slice(0, 200)}`;
	}
	if (body.status !== res.status || typeof body.title !== 'string' || typeof body.code !== 'string') return `${res.status} bad problem: ${res.text.slice(0, 200)}`;
	if (body.code === 'INVALID' && !(Array.isArray(body.errors) && body.errors.length > 0)) return `INVALID without errors[]: ${res.text.slice(0, 200)}`;
	return undefined;
}

describe('hostile input to every operation', () => {
	it('covers every operation of the OpenAPI document', () => {
		expect(ops.filter((o) => !REQUESTS[o.key]).map((o) => o.key)).toEqual([]);
	});

	for (const who of ['admin', 'pengurusA'] as const) {
		it(`never answers 5xx, and every 4xx is problem+json (as ${who})`, async () => {
			const failures: string[] = [];
			for (const o of ops) {
				const base = await REQUESTS[o.key](w, who);
				const params = paramsOf(o.template, base.path.split('?')[0]);
				const query = o.op.parameters?.filter((p) => p.in === 'query') ?? [];
				const pathNames = Object.keys(params);
				const content = o.op.requestBody?.content ?? {};
				const jsonSchema = resolve(content['application/json']?.schema);
				const isForm = !!content['multipart/form-data'];
				const hasBody = !!o.op.requestBody;

				const request = fc.record({
					path: pathNames.length ? fc.option(fc.tuple(fc.constantFrom(...pathNames), hostilePathValue(), fc.boolean()), { freq: 2 }) : fc.constant(null),
					query: fc.option(hostileQuery(query.map((q) => q.name)), { freq: 2 }),
					body: hasBody || o.method !== 'GET' ? (isForm ? hostileForm(w.png) : hostileBody(jsonSchema, resolve)) : fc.constant(null),
					idempotencyKey: fc.option(fc.oneof(fc.string({ maxLength: 300 }), fc.constant('\u0000'), fc.constant('x'.repeat(5000))), { freq: 4 })
				});
				await fc.assert(
					fc.asyncProperty(request, async (r) => {
						const p = { ...params };
						let raw = false;
						if (r.path) {
							p[r.path[0]] = r.path[1];
							raw = r.path[2];
						}
						let path: string;
						try {
							path = fill(o.template, p, raw);
						} catch {
							path = fill(o.template, p, true);
						}
						if (r.query) path += `?${r.query}`;
						const headers: Record<string, string> = { ...base.headers };
						if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey.replace(/[^\t\x20-\x7e]/g, '?');
						let body: BodyInit | undefined;
						if (r.body) {
							body = r.body.body;
							if (r.body.contentType) headers['content-type'] = r.body.contentType;
						}
						let res: Sent;
						try {
							res = await send(o.method, path, { headers, body, as: who });
						} catch (err) {
							failures.push(`${o.key} ${path.slice(0, 120)}: threw ${String(err).slice(0, 200)}`);
							return;
						}
						const problem = problemOf(path, res);
						if (problem) failures.push(`${o.key} ${path.slice(0, 160)} [${r.body?.label ?? 'no body'}]: ${problem}`);
					}),
					{ seed: SEED, numRuns: RUNS, endOnFailure: true }
				);
			}
			expect([...new Set(failures)].slice(0, 40)).toEqual([]);
		});
	}
});

describe('oversized bodies are refused early', () => {
	const MB20 = 20 * 1024 * 1024;
	/** A body stream that counts what was read; the server must stop long before the end. */
	function countingBody(total: number, prefix: string) {
		let sent = 0;
		const chunk = new Uint8Array(64 * 1024).fill(0x61);
		const stream = new ReadableStream<Uint8Array>({
			start(c) {
				c.enqueue(new TextEncoder().encode(prefix));
			},
			pull(c) {
				if (sent >= total) return c.close();
				sent += chunk.length;
				c.enqueue(chunk);
			}
		});
		return { stream, read: () => sent };
	}

	it('a 20 MB JSON body gets 413 problem+json, declared or streamed', async () => {
		const declared = await w.api.request('/api/v1/posts', {
			method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(MB20), authorization: `Bearer ${tokens.admin}` },
			body: `{"title":"${'a'.repeat(MB20 - 20)}"}`
		});
		expect(declared.status).toBe(413);
		expect(problemOf('/api/v1/posts', { status: declared.status, type: declared.headers.get('content-type') ?? '', text: await declared.text() })).toBe(undefined);

		const body = countingBody(MB20, '{"title":"');
		const streamed = await w.api.request('/api/v1/aduan', {
			method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.admin}` }, body: body.stream, duplex: 'half'
		} as RequestInit);
		expect(streamed.status).toBe(413);
		expect(streamed.headers.get('content-type')).toBe('application/problem+json');
		expect(body.read()).toBeLessThan(MB20 / 2);
	});

	it('a 20 MB form to an upload endpoint is refused before it is read (its own limit, with a field message)', async () => {
		const kim = await w.fresh.kim('verified');
		for (const path of [`/api/v1/kims/${kim.id}/files/sk`, `/api/v1/posts/${w.publishedPost.id}/cover`]) {
			const body = countingBody(MB20, '--x\r\ncontent-disposition: form-data; name="file"; filename="a.pdf"\r\ncontent-type: application/pdf\r\n\r\n');
			const res = await w.api.request(path, {
				method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', authorization: `Bearer ${tokens.admin}` }, body: body.stream, duplex: 'half'
			} as RequestInit);
			const text = await res.text();
			expect([400, 413], text).toContain(res.status);
			expect(problemOf(path, { status: res.status, type: res.headers.get('content-type') ?? '', text })).toBe(undefined);
			if (res.status === 400) expect(JSON.parse(text).errors[0].path).toBe('file');
			expect(body.read()).toBeLessThan(MB20 / 2);
		}
		await w.fresh.cleanup();
	});

	it('a 30 MB form to any endpoint gets 413 from the API-wide limit; a 20 MB form to a JSON endpoint too', async () => {
		for (const [path, size] of [[`/api/v1/activity-reports/${w.report.id}/photos`, 30 * 1024 * 1024], ['/api/v1/surveys', MB20]] as const) {
			const body = countingBody(size, '--x\r\ncontent-disposition: form-data; name="file"; filename="a.png"\r\ncontent-type: image/png\r\n\r\n');
			const res = await w.api.request(path, {
				method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(size), authorization: `Bearer ${tokens.admin}` }, body: body.stream, duplex: 'half'
			} as RequestInit);
			const text = await res.text();
			if (path === '/api/v1/surveys') expect([400, 413], text).toContain(res.status);
			else expect(res.status, text).toBe(413);
			expect(problemOf(path, { status: res.status, type: res.headers.get('content-type') ?? '', text })).toBe(undefined);
			expect(body.read()).toBeLessThan(size / 2);
		}
	});
});
