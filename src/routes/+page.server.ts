import type { PageServerLoad } from './$types';
import { homeStats } from '$lib/server/site';
import { kimAreaOptions } from '$lib/server/kims/kims.read.actions';
import { listPosts } from '$lib/server/posts/posts.read.actions';
import type { PostKind } from '$lib/server/posts/posts.rules';
import { feedHref, listHref, readListFilter } from '$lib/server/portal/filters';

const SECTIONS: PostKind[] = ['program', 'news', 'announcement', 'clarification'];
const PER_SECTION = 3;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { ctx } = locals;
	const areas = await kimAreaOptions(ctx);
	const f = readListFilter(url.searchParams, areas);
	const area = { kecamatan: f.kelurahan ? undefined : f.kecamatan, kelurahan: f.kelurahan };
	const [stats, ...lists] = await Promise.all([
		homeStats(ctx.db),
		...SECTIONS.map((kind) =>
			listPosts(ctx, { kind, kecamatan_code: area.kecamatan, kelurahan_code: area.kelurahan, limit: PER_SECTION * 2 })
		)
	]);
	const kecamatan = areas.find((a) => a.code === f.kecamatan);
	return {
		stats,
		loggedOut: url.searchParams.has('keluar'),
		sections: SECTIONS.map((kind, i) => ({
			kind,
			// Staff see unpublished posts in lists; the home page shows what the public sees.
			posts: (lists[i] as Awaited<ReturnType<typeof listPosts>>).filter((p) => p.is_public && !p.expired).slice(0, PER_SECTION),
			all: listHref('/berita', { kind, kecamatan: f.kecamatan, kelurahan: f.kelurahan })
		})),
		kecamatanOptions: areas.map((a) => ({ value: a.code, label: a.name })),
		kelurahanOptions: (kecamatan ? kecamatan.kelurahan : areas.flatMap((a) => a.kelurahan)).map((k) => ({ value: k.code, label: k.name })),
		filter: { kecamatan: f.kecamatan ?? '', kelurahan: f.kelurahan ?? '' },
		filtered: Boolean(f.kecamatan || f.kelurahan),
		feed: feedHref({ kelurahan: f.kelurahan, kecamatan: f.kecamatan }),
		atom: feedHref({ kelurahan: f.kelurahan, kecamatan: f.kecamatan }, 'atom')
	};
};
