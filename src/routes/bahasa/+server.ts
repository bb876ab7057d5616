import { redirect } from '@sveltejs/kit';
import { cookieName, locales } from '$lib/paraglide/runtime';

/** Language switch without JavaScript: remembers the choice in a cookie and goes back. */
export function GET({ url, cookies }) {
	const to = url.searchParams.get('ke') ?? 'id';
	const back = url.searchParams.get('kembali') ?? '/';
	if ((locales as readonly string[]).includes(to)) {
		cookies.set(cookieName, to, { path: '/', maxAge: 365 * 86400, httpOnly: false, sameSite: 'lax' });
	}
	redirect(303, back.startsWith('/') && !back.startsWith('//') ? back : '/');
}
