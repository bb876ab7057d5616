import type { RequestHandler } from './$types';
import { feedResponse } from '$lib/server/portal/feed.response';

/** RSS 2.0: site-wide, or ?kim=<id|slug>, ?kelurahan=<code>, ?kecamatan=<code>, ?jenis=<kind>. */
export const GET: RequestHandler = (event) => feedResponse(event, 'rss');
