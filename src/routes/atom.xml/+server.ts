import type { RequestHandler } from './$types';
import { feedResponse } from '$lib/server/portal/feed.response';

/** Atom 1.0: the same feeds as /feed.xml. */
export const GET: RequestHandler = (event) => feedResponse(event, 'atom');
