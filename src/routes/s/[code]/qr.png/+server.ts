import type { RequestHandler } from './$types';
import { getLinkQr } from '$lib/server/reach/reach.actions';
import { mediaResponse } from '../media';

export const GET: RequestHandler = (event) =>
	mediaResponse(event, 'image/png', 86400, () => getLinkQr(event.locals.ctx, event.params.code, 'png'), `qr-${event.params.code}.png`);
