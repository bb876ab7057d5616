import type { MiddlewareHandler } from 'hono';
import { m } from '../../paraglide/messages.js';

/** 413 as problem+json. */
export const tooLarge = () =>
	new Response(JSON.stringify({ type: 'about:blank', status: 413, code: 'TOO_LARGE', title: m.err_too_large() }), {
		status: 413,
		headers: { 'content-type': 'application/problem+json', connection: 'close' }
	});

/**
 * Refuses a body over `maxBytes(contentType)` with 413, before anything reads it: at once when
 * content-length declares it; while it streams otherwise (the body is counted as it is read, not
 * buffered, so a route's own tighter limit still stops it first). Whatever the handler made of the
 * cut-off stream (a parse error), the answer is the 413.
 */
export function limitBody(maxBytes: (contentType: string) => number): MiddlewareHandler {
	return async (c, next) => {
		const raw = c.req.raw;
		if (!raw.body) return next();
		const max = maxBytes(raw.headers.get('content-type')?.toLowerCase() ?? '');
		const declared = raw.headers.get('content-length');
		if (declared !== null && !raw.headers.has('transfer-encoding')) return Number(declared) > max ? tooLarge() : next();
		let size = 0;
		let overflowed = false;
		const counted = raw.body.pipeThrough(
			new TransformStream<Uint8Array, Uint8Array>({
				transform(chunk, ctl) {
					size += chunk.byteLength;
					if (size > max) {
						overflowed = true;
						ctl.error(new Error('body too large'));
					} else ctl.enqueue(chunk);
				}
			})
		);
		c.req.raw = new Request(raw, { body: counted, duplex: 'half' } as RequestInit);
		await next();
		if (overflowed) c.res = tooLarge();
	};
}
