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

/** A same-site path to go to after login, never an absolute URL to elsewhere. */
export const safeNext = (next: string | null | undefined) =>
	next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/akun';
