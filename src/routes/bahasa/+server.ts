import { redirect } from '@sveltejs/kit';
import { cookieName, locales } from '$lib/paraglide/runtime';
import { safeNext } from '$lib/server/http/session-cookie';

/** Language switch without JavaScript: remembers the choice in a cookie and goes back. */
export function GET({ url, cookies }) {
	const to = url.searchParams.get('ke') ?? 'id';
	if ((locales as readonly string[]).includes(to)) {
		cookies.set(cookieName, to, { path: '/', maxAge: 365 * 86400, httpOnly: false, sameSite: 'lax' });
	}
	redirect(303, safeNext(url.searchParams.get('kembali'), '/'));
}
