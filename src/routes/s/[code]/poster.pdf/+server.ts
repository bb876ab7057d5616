import type { RequestHandler } from './$types';
import { getLinkPoster } from '$lib/server/reach/reach.actions';
import { mediaResponse } from '../media';

export const GET: RequestHandler = (event) =>
	mediaResponse(event, 'application/pdf', 3600, () => getLinkPoster(event.locals.ctx, event.params.code), `poster-${event.params.code}.pdf`);
