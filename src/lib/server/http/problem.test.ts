import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../errors';
import { problemResponse, toAppError } from './problem';

describe('errors as problem+json', () => {
	it('maps every AppError code to its status', async () => {
		const cases = { INVALID: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429 } as const;
		for (const [code, status] of Object.entries(cases)) {
			const res = problemResponse(new AppError(code as keyof typeof cases, 'pesan'));
			expect(res.status).toBe(status);
			expect(res.headers.get('content-type')).toBe('application/problem+json');
			expect(await res.json()).toMatchObject({ status, code, title: 'pesan' });
		}
	});

	it('turns zod errors into field errors', async () => {
		const result = z.object({ a: z.object({ b: z.string() }) }).safeParse({ a: { b: 1 } });
		const res = problemResponse(result.error);
		expect(res.status).toBe(400);
		expect((await res.json()).errors).toEqual([{ path: 'a.b', message: expect.any(String) }]);
	});

	it('treats a unique violation, even wrapped, as a conflict', () => {
		const wrapped = Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('duplicate key'), { code: '23505' }) });
		expect(toAppError(wrapped)?.code).toBe('CONFLICT');
	});

	it('treats data exceptions from the database (NUL byte, bad date) as invalid input', () => {
		for (const code of ['22021', '22008', '22P02']) {
			expect(toAppError(Object.assign(new Error('x'), { code }))?.code).toBe('INVALID');
		}
	});

	it('answers a body Hono cannot parse, or a content type a route does not take, as INVALID (not 500)', async () => {
		for (const status of [400, 415] as const) {
			const res = problemResponse(new HTTPException(status, { message: 'Malformed JSON in request body' }));
			expect(res.status).toBe(400);
			const body = await res.json();
			expect(body).toMatchObject({ status: 400, code: 'INVALID', errors: [{ path: '_', message: expect.any(String) }] });
		}
		expect(toAppError(new HTTPException(502))).toBeUndefined();
	});

	it('hides unexpected errors behind a 500 without details', async () => {
		const original = console.error;
		console.error = () => {};
		const res = problemResponse(new Error('secret stack detail'));
		console.error = original;
		expect(res.status).toBe(500);
		const body = await res.json();
		expect(JSON.stringify(body)).not.toContain('secret');
		expect(body.code).toBe('INTERNAL');
	});
});
