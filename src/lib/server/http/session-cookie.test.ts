import { describe, expect, it } from 'vitest';
import { safeNext, sessionCookie, tokenFromHeaders } from './session-cookie';

describe('safeNext keeps redirects on this site', () => {
	it.each(['/kim', '/kim/kim-a?x=1#top', '/akun'])('keeps %s', (path) => expect(safeNext(path)).toBe(path));
	it.each([
		'//evil.example',
		'/\\evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'https://evil.example',
		'javascript:alert(1)',
		'',
		null,
		undefined
	])('refuses %j', (path) => expect(safeNext(path)).toBe('/akun'));
	it('uses the given fallback', () => expect(safeNext('//x', '/')).toBe('/'));
});

describe('session cookie', () => {
	it('is HttpOnly and SameSite=Lax, Secure only over HTTPS', () => {
		const exp = new Date('2026-12-28T00:00:00Z');
		expect(sessionCookie('abc', exp, false)).toBe('simpul_session=abc; Path=/; HttpOnly; SameSite=Lax; Expires=Mon, 28 Dec 2026 00:00:00 GMT');
		expect(sessionCookie('abc', exp, true)).toMatch(/; Secure$/);
	});
	it('reads a bearer token before the cookie', () => {
		expect(tokenFromHeaders(new Headers({ authorization: 'Bearer t1', cookie: 'simpul_session=t2' }))).toBe('t1');
		expect(tokenFromHeaders(new Headers({ cookie: 'a=b; simpul_session=t2; c=d' }))).toBe('t2');
		expect(tokenFromHeaders(new Headers())).toBeUndefined();
	});
});
