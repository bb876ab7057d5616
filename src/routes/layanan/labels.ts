import { m } from '$lib/paraglide/messages.js';

/** Facility kind labels for the browser bundle (the server has the same in layanan.present). */
const KIND: Record<string, () => string> = {
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
export const kindLabel = (k: string) => KIND[k]?.() ?? k;
