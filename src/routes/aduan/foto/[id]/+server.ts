import type { RequestHandler } from './$types';
import { runLoad } from '$lib/server/http/form';
import { getFileStorage } from '$lib/server/files/storage';
import { fileHeaders } from '$lib/server/files/files.actions';
import { openAduanPhoto } from '$lib/server/aduan/aduan.read.actions';

/** An aduan photo after the aduan's policy: public and anonymous aduan for all, confidential for the filer and handling staff. */
export const GET: RequestHandler = async (event) => {
	const { file, bytes } = await runLoad(event, () => openAduanPhoto(event.locals.ctx, getFileStorage(), event.params.id));
	return new Response(bytes as BlobPart, { headers: fileHeaders(file) });
};
