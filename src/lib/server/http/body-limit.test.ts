import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { limitBody } from './body-limit';

/** A tiny app that reads the whole body as text, behind a 1 KB limit (4 KB for multipart). */
function app() {
	const a = new Hono();
	a.use('*', limitBody((type) => (type.startsWith('multipart/') ? 4096 : 1024)));
	a.post('/', async (c) => {
		try {
			return c.text(String((await c.req.text()).length));
		} catch {
			return c.text('parse failed', 400);
		}
	});
	return a;
}

/** A streamed body of `total` bytes that records how much was pulled. */
function stream(total: number) {
	let sent = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(c) {
			if (sent >= total) return c.close();
			sent += 256;
			c.enqueue(new Uint8Array(256).fill(97));
		}
	});
	return { body, sent: () => sent };
}

describe('limitBody', () => {
	it('refuses a declared oversized body at once with 413 problem+json', async () => {
		const res = await app().request('/', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '2048' }, body: 'x'.repeat(2048) });
		expect(res.status).toBe(413);
		expect(res.headers.get('content-type')).toBe('application/problem+json');
		expect(await res.json()).toMatchObject({ status: 413, code: 'TOO_LARGE', title: expect.any(String) });
	});

	it('stops a streamed body as soon as it passes the limit, whatever the handler made of it', async () => {
		const s = stream(1_000_000);
		const res = await app().request('/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: s.body, duplex: 'half' } as RequestInit);
		expect(res.status).toBe(413);
		expect(s.sent()).toBeLessThan(4096);
	});

	it('lets bodies within the limit through untouched, with a larger limit for multipart', async () => {
		expect(await (await app().request('/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream(1024).body, duplex: 'half' } as RequestInit)).text()).toBe('1024');
		expect(await (await app().request('/', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: stream(3072).body, duplex: 'half' } as RequestInit)).text()).toBe('3072');
		expect((await app().request('/', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: stream(8192).body, duplex: 'half' } as RequestInit)).status).toBe(413);
	});
});
