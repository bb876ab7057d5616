import type { RequestHandler } from './$types';
import { runLoad } from '$lib/server/http/form';
import { getFileStorage } from '$lib/server/files/storage';
import { fileHeaders } from '$lib/server/files/files.actions';
import { openReportPhoto } from '$lib/server/reports/reports.read.actions';

/** A report's evidence photo: for staff and the report's KIM members only (private, not cached by proxies). */
export const GET: RequestHandler = async (event) => {
	const { file, bytes } = await runLoad(event, () => openReportPhoto(event.locals.ctx, getFileStorage(), event.params.id));
	return new Response(bytes as BlobPart, { headers: fileHeaders(file) });
};
