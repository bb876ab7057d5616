import { m } from '$lib/paraglide/messages.js';
import type { FacilityKind, ServiceCategory } from '$lib/server/layanan/layanan.rules';

/** Labels of the directory's categories and facility kinds, for pages and the server alike. */
const CATEGORY_LABEL: Record<ServiceCategory, () => string> = {
	kependudukan: () => m.layanan_cat_kependudukan(),
	perizinan: () => m.layanan_cat_perizinan(),
	kesehatan: () => m.layanan_cat_kesehatan(),
	sosial: () => m.layanan_cat_sosial(),
	pendidikan: () => m.layanan_cat_pendidikan(),
	lingkungan: () => m.layanan_cat_lingkungan(),
	perhubungan: () => m.layanan_cat_perhubungan(),
	'air-bersih': () => m.layanan_cat_air_bersih(),
	pengaduan: () => m.layanan_cat_pengaduan(),
	lainnya: () => m.layanan_cat_lainnya()
};
export const categoryLabel = (c: string) => CATEGORY_LABEL[c as ServiceCategory]?.() ?? c;

const KIND_LABEL: Record<FacilityKind, () => string> = {
	puskesmas: () => m.layanan_kind_puskesmas(),
	rumah_sakit: () => m.layanan_kind_rumah_sakit(),
	posyandu: () => m.layanan_kind_posyandu(),
	kantor_kelurahan: () => m.layanan_kind_kantor_kelurahan(),
	kantor_kecamatan: () => m.layanan_kind_kantor_kecamatan(),
	kantor_dinas: () => m.layanan_kind_kantor_dinas(),
	kantor_polisi: () => m.layanan_kind_kantor_polisi(),
	pemadam_kebakaran: () => m.layanan_kind_pemadam_kebakaran(),
	perpustakaan: () => m.layanan_kind_perpustakaan(),
	sekolah: () => m.layanan_kind_sekolah(),
	pasar: () => m.layanan_kind_pasar(),
	taman: () => m.layanan_kind_taman(),
	other: () => m.layanan_kind_other()
};
export const kindLabel = (k: string) => KIND_LABEL[k as FacilityKind]?.() ?? k;
