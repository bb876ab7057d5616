import type { PageServerLoad } from './$types';
import { kimAreaOptions } from '$lib/server/kims/kims.read.actions';
import { listPosts } from '$lib/server/posts/posts.read.actions';
import { POST_KINDS } from '$lib/server/posts/posts.rules';
import { feedHref, listHref, readListFilter } from '$lib/server/portal/filters';

const PAGE_SIZE = 12;

/** All public posts, newest first, filtered by kind, area and tag (GET form), a page at a time. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const areas = await kimAreaOptions(locals.ctx);
	const f = readListFilter(url.searchParams, areas);
	const rows = await listPosts(locals.ctx, {
		kind: f.kind,
		kecamatan_code: f.kelurahan ? undefined : f.kecamatan,
		kelurahan_code: f.kelurahan,
		tag: f.tag,
		limit: PAGE_SIZE + 1,
		offset: (f.page - 1) * PAGE_SIZE
	});
	// Staff and members see their unpublished posts in listPosts; the public list shows only public ones.
	const posts = rows.filter((p) => p.is_public).slice(0, PAGE_SIZE);
	const kecamatan = areas.find((a) => a.code === f.kecamatan);
	return {
		posts,
		kinds: POST_KINDS,
		kecamatanOptions: areas.map((a) => ({ value: a.code, label: a.name })),
		kelurahanOptions: (kecamatan ? kecamatan.kelurahan : areas.flatMap((a) => a.kelurahan)).map((k) => ({ value: k.code, label: k.name })),
		filter: { jenis: f.kind ?? '', kecamatan: f.kecamatan ?? '', kelurahan: f.kelurahan ?? '', tag: f.tag ?? '' },
		filtered: Boolean(f.kind || f.kecamatan || f.kelurahan || f.tag),
		page: f.page,
		prev: f.page > 1 ? listHref('/berita', { ...f, page: f.page - 1 }) : null,
		next: rows.length > PAGE_SIZE ? listHref('/berita', { ...f, page: f.page + 1 }) : null,
		feed: feedHref({ kind: f.kind, kelurahan: f.kelurahan, kecamatan: f.kecamatan }),
		atom: feedHref({ kind: f.kind, kelurahan: f.kelurahan, kecamatan: f.kecamatan }, 'atom')
	};
};
