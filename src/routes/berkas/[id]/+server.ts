import type { RequestHandler } from './$types';
import { runLoad } from '$lib/server/http/form';
import { getFileStorage } from '$lib/server/files/storage';
import { fileHeaders, openFile } from '$lib/server/files/files.actions';

/** Uploaded files: logos for anyone; a KIM's decree only for staff and its members. */
export const GET: RequestHandler = async (event) => {
	const { file, bytes } = await runLoad(event, () => openFile(event.locals.ctx, getFileStorage(), event.params.id));
	return new Response(bytes as BlobPart, { headers: fileHeaders(file) });
};
