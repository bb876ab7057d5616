import type { PageServerLoad } from './$types';
import { kimAreaOptions } from '$lib/server/kims/kims.read.actions';
import { searchPosts } from '$lib/server/posts/posts.search';
import { POST_KINDS } from '$lib/server/posts/posts.rules';
import { nowOf } from '$lib/server/context';
import { readListFilter } from '$lib/server/portal/filters';

/** A real calendar date YYYY-MM-DD, else undefined (a bad date in the URL is ignored, not an error). */
function isoDate(v: string | null): string | undefined {
	if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
	const d = new Date(`${v}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) ? v : undefined;
}

/** Search over public posts (GET q, jenis, kelurahan, dari, sampai); works without JavaScript. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { ctx } = locals;
	const areas = await kimAreaOptions(ctx);
	const f = readListFilter(url.searchParams, areas);
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const from = isoDate(url.searchParams.get('dari'));
	const to = isoDate(url.searchParams.get('sampai'));
	const results = q ? await searchPosts(ctx.db, { q, kind: f.kind, kelurahan_code: f.kelurahan, from, to, limit: 30 }, { now: nowOf(ctx) }) : [];
	return {
		q,
		searched: Boolean(q),
		results,
		kinds: POST_KINDS,
		kelurahanOptions: areas.flatMap((a) => a.kelurahan.map((k) => ({ value: k.code, label: `${k.name} (${a.name})` }))),
		filter: { jenis: f.kind ?? '', kelurahan: f.kelurahan ?? '', dari: from ?? '', sampai: to ?? '' }
	};
};
