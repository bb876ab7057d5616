import type { PageServerLoad } from './$types';
import { findKims, kimAreaOptions } from '$lib/server/kims/kims.read.actions';

/** The public directory: verified KIMs, filtered by kecamatan and kelurahan (GET form). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const areas = await kimAreaOptions(locals.ctx);
	const kecamatan = areas.find((a) => a.code === url.searchParams.get('kecamatan'));
	const all = areas.flatMap((a) => a.kelurahan);
	const choices = kecamatan ? kecamatan.kelurahan : all;
	// A kelurahan left over from another kecamatan (no JavaScript to reset it) is ignored.
	const kelurahan = choices.find((k) => k.code === url.searchParams.get('kelurahan'));
	const rows = await findKims(locals.ctx, { status: 'verified', kecamatan: kecamatan?.code, kelurahan: kelurahan?.code });
	return {
		kims: rows.map((r) => ({
			slug: r.slug,
			name: r.name,
			kelurahan: r.kelurahanName,
			kecamatan: r.kecamatanName,
			focus: r.focus,
			members: r.memberCount,
			logo: r.logoFileId ? `/berkas/${r.logoFileId}` : null
		})),
		kecamatanOptions: areas.map((a) => ({ value: a.code, label: a.name })),
		kelurahanOptions: choices.map((k) => ({ value: k.code, label: k.name })),
		filter: { kecamatan: kecamatan?.code ?? '', kelurahan: kelurahan?.code ?? '' },
		filtered: Boolean(kecamatan || kelurahan)
	};
};
