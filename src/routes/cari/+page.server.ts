import type { PageServerLoad } from './$types';
import { kimAreaOptions } from '$lib/server/kims/kims.read.actions';
import { searchPosts } from '$lib/server/posts/posts.search';
import { POST_KINDS } from '$lib/server/posts/posts.rules';
import { nowOf } from '$lib/server/context';
import { readListFilter } from '$lib/server/portal/filters';

/** Search over public posts (GET q, jenis, kelurahan); works without JavaScript. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { ctx } = locals;
	const areas = await kimAreaOptions(ctx);
	const f = readListFilter(url.searchParams, areas);
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const results = q ? await searchPosts(ctx.db, { q, kind: f.kind, kelurahan_code: f.kelurahan, limit: 30 }, { now: nowOf(ctx) }) : [];
	return {
		q,
		searched: Boolean(q),
		results,
		kinds: POST_KINDS,
		kelurahanOptions: areas.flatMap((a) => a.kelurahan.map((k) => ({ value: k.code, label: `${k.name} (${a.name})` }))),
		filter: { jenis: f.kind ?? '', kelurahan: f.kelurahan ?? '' }
	};
};
