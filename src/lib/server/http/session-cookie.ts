export const SESSION_COOKIE = 'simpul_session';

/** Session cookie attributes: HttpOnly, SameSite=Lax, Secure when served over HTTPS. */
export function sessionCookie(token: string, expires: Date, secure: boolean): string {
	return [
		`${SESSION_COOKIE}=${token}`,
		'Path=/',
		'HttpOnly',
		'SameSite=Lax',
		`Expires=${expires.toUTCString()}`,
		...(secure ? ['Secure'] : [])
	].join('; ');
}

export const clearSessionCookie = (secure: boolean) => sessionCookie('', new Date(0), secure);

/** The session token from `Authorization: Bearer` or the cookie header. */
export function tokenFromHeaders(headers: Headers): string | undefined {
	const auth = headers.get('authorization');
	if (auth?.toLowerCase().startsWith('bearer ')) return auth.slice(7).trim() || undefined;
	const cookie = headers.get('cookie') ?? '';
	const match = cookie.match(new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`));
	return match?.[1] || undefined;
}

/** Sets the session cookie from a SvelteKit form action. */
export function setSessionCookie(
	cookies: import('@sveltejs/kit').Cookies,
	session: { token: string; expiresAt: Date },
	secure: boolean
) {
	cookies.set(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: session.expiresAt });
}

/**
 * A path on this site to go back to, never another origin. Parsing like a browser does (tabs and
 * newlines dropped, backslashes read as slashes) catches tricks such as `/\t/evil.example`.
 */
export function safeNext(next: string | null | undefined, fallback = '/akun'): string {
	if (!next || !next.startsWith('/') || /[\u0000-\u001f\\]/.test(next)) return fallback;
	try {
		const url = new URL(next, 'http://simpul.invalid');
		return url.origin === 'http://simpul.invalid' ? url.pathname + url.search + url.hash : fallback;
	} catch {
		return fallback;
	}
}
