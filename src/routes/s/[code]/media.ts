import type { RequestEvent } from '@sveltejs/kit';
import { toAppError } from '$lib/server/http/problem';
import { m } from '$lib/paraglide/messages.js';

/**
 * Answers a short link's QR code or poster. An unknown code is a plain 404 (these are files, not
 * pages). The QR only encodes the link, so it may be cached for long; the poster shows campaign
 * texts that staff can still edit, so it is cached for an hour.
 */
export async function mediaResponse(event: RequestEvent, type: string, maxAge: number, make: () => Promise<string | Uint8Array>, filename?: string) {
	try {
		const body = await make();
		const headers: Record<string, string> = { 'content-type': type, 'cache-control': `public, max-age=${maxAge}` };
		if (filename) headers['content-disposition'] = `inline; filename="${filename}"`;
		return new Response(typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]), { headers });
	} catch (err) {
		if (toAppError(err)?.code !== 'NOT_FOUND') throw err;
		return new Response(m.reach_link_not_found(), { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
}
