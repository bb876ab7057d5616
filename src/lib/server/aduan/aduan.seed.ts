import Holidays from 'date-holidays';
import type { Db } from '../db/client';
import { aduanCategories, holidays, units } from '../db/schema';

type UnitSeed = { code: string; name: string; shortName: string; description: string };
type CategorySeed = { code: string; name: string; description: string; groupName: string; keywords: string[]; unitCode: string };

/** Kota Magelang's perangkat daerah that handle aduan. `diskominsta` verifies and forwards. */
export const UNITS: UnitSeed[] = [
	{ code: 'diskominsta', name: 'Dinas Komunikasi, Informatika dan Statistik', shortName: 'Diskominsta', description: 'Pengelola SP4N-LAPOR! Kota Magelang: memverifikasi aduan dan meneruskannya ke perangkat daerah yang berwenang.' },
	{ code: 'dpupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', shortName: 'DPUPR', description: 'Jalan, jembatan, saluran air dan drainase, bangunan dan tata ruang.' },
	{ code: 'dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes', description: 'Puskesmas, posyandu, layanan kesehatan dan jaminan kesehatan.' },
	{ code: 'dlh', name: 'Dinas Lingkungan Hidup', shortName: 'DLH', description: 'Sampah, kebersihan, taman kota, pencemaran lingkungan.' },
	{ code: 'dishub', name: 'Dinas Perhubungan', shortName: 'Dishub', description: 'Lalu lintas, rambu, parkir, angkutan umum dan penerangan jalan umum.' },
	{ code: 'disdukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Disdukcapil', description: 'KTP-el, kartu keluarga, akta kelahiran dan kematian, pindah datang.' },
	{ code: 'dinsos', name: 'Dinas Sosial, Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak', shortName: 'Dinsos PPKB P3A', description: 'Bantuan sosial, keluarga berencana, perlindungan perempuan dan anak.' },
	{ code: 'disdikbud', name: 'Dinas Pendidikan dan Kebudayaan', shortName: 'Disdikbud', description: 'Sekolah, penerimaan murid baru, beasiswa dan kebudayaan.' },
	{ code: 'satpolpp', name: 'Satuan Polisi Pamong Praja', shortName: 'Satpol PP', description: 'Ketertiban umum, pedagang kaki lima, reklame liar, penegakan perda.' },
	{ code: 'dpmptsp', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', shortName: 'DPMPTSP', description: 'Perizinan usaha dan bangunan, investasi.' },
	{ code: 'bpbd', name: 'Badan Penanggulangan Bencana Daerah', shortName: 'BPBD', description: 'Bencana: banjir, tanah longsor, pohon tumbang, kebakaran (bersama Damkar).' },
	{ code: 'perumda-air', name: 'Perumda Air Minum Tirta Gemilang', shortName: 'Tirta Gemilang', description: 'Air minum perpipaan: gangguan aliran, kebocoran pipa, tagihan.' }
];

/** Aduan categories, grouped for the form and Open311 (`group`), each routed to a unit. */
export const CATEGORIES: CategorySeed[] = [
	{ code: 'jalan-rusak', name: 'Jalan rusak atau berlubang', description: 'Jalan, trotoar atau jembatan yang rusak, berlubang atau membahayakan.', groupName: 'Infrastruktur', keywords: ['jalan', 'lubang', 'aspal', 'trotoar', 'jembatan'], unitCode: 'dpupr' },
	{ code: 'drainase', name: 'Saluran air dan genangan', description: 'Selokan tersumbat, saluran rusak, genangan air setelah hujan.', groupName: 'Infrastruktur', keywords: ['selokan', 'got', 'saluran', 'genangan', 'banjir'], unitCode: 'dpupr' },
	{ code: 'bangunan-tata-ruang', name: 'Bangunan dan tata ruang', description: 'Bangunan tanpa izin, bangunan rawan roboh, pelanggaran tata ruang.', groupName: 'Infrastruktur', keywords: ['bangunan', 'imb', 'pbg', 'tata ruang'], unitCode: 'dpupr' },
	{ code: 'lampu-jalan', name: 'Lampu penerangan jalan mati', description: 'Lampu penerangan jalan umum (PJU) mati, berkedip atau tiangnya rusak.', groupName: 'Infrastruktur', keywords: ['lampu', 'pju', 'penerangan', 'gelap'], unitCode: 'dishub' },
	{ code: 'lalu-lintas', name: 'Lalu lintas, rambu dan parkir', description: 'Rambu rusak, lampu lalu lintas mati, parkir liar, angkutan umum.', groupName: 'Perhubungan', keywords: ['rambu', 'parkir', 'macet', 'angkot', 'traffic light'], unitCode: 'dishub' },
	{ code: 'sampah', name: 'Sampah dan kebersihan', description: 'Sampah menumpuk, tidak diangkut, pembuangan sampah liar.', groupName: 'Lingkungan', keywords: ['sampah', 'kotor', 'tps', 'bau'], unitCode: 'dlh' },
	{ code: 'pencemaran', name: 'Pencemaran lingkungan', description: 'Pencemaran air, udara atau suara; pembakaran sampah.', groupName: 'Lingkungan', keywords: ['pencemaran', 'limbah', 'asap', 'bising'], unitCode: 'dlh' },
	{ code: 'taman-pohon', name: 'Taman kota dan pohon', description: 'Taman kota tidak terawat, pohon rawan tumbang atau perlu dipangkas.', groupName: 'Lingkungan', keywords: ['taman', 'pohon', 'ranting'], unitCode: 'dlh' },
	{ code: 'layanan-kesehatan', name: 'Layanan kesehatan', description: 'Pelayanan puskesmas, posyandu, rumah sakit daerah, jaminan kesehatan.', groupName: 'Kesehatan', keywords: ['puskesmas', 'posyandu', 'bpjs', 'obat', 'dokter'], unitCode: 'dinkes' },
	{ code: 'adminduk', name: 'Administrasi kependudukan', description: 'KTP-el, kartu keluarga, akta kelahiran atau kematian, pindah datang.', groupName: 'Kependudukan', keywords: ['ktp', 'kk', 'akta', 'kependudukan'], unitCode: 'disdukcapil' },
	{ code: 'bantuan-sosial', name: 'Bantuan sosial', description: 'Bantuan sosial tidak tepat sasaran atau belum diterima, data DTKS.', groupName: 'Sosial', keywords: ['bansos', 'pkh', 'dtks', 'bantuan'], unitCode: 'dinsos' },
	{ code: 'perlindungan-anak', name: 'Perlindungan perempuan dan anak', description: 'Kekerasan terhadap perempuan atau anak, anak terlantar. Untuk keadaan darurat hubungi 112.', groupName: 'Sosial', keywords: ['kekerasan', 'anak', 'perempuan', 'kdrt'], unitCode: 'dinsos' },
	{ code: 'pendidikan', name: 'Pendidikan', description: 'Sekolah, penerimaan murid baru, pungutan, beasiswa, fasilitas sekolah.', groupName: 'Pendidikan', keywords: ['sekolah', 'spmb', 'ppdb', 'guru', 'beasiswa'], unitCode: 'disdikbud' },
	{ code: 'ketertiban', name: 'Ketertiban umum', description: 'Pedagang kaki lima di tempat terlarang, reklame liar, gangguan ketertiban.', groupName: 'Ketertiban', keywords: ['pkl', 'reklame', 'spanduk', 'tertib'], unitCode: 'satpolpp' },
	{ code: 'perizinan', name: 'Perizinan', description: 'Pelayanan izin usaha dan izin lainnya di Mal Pelayanan Publik.', groupName: 'Perizinan', keywords: ['izin', 'nib', 'oss', 'usaha'], unitCode: 'dpmptsp' },
	{ code: 'bencana', name: 'Bencana dan kedaruratan', description: 'Banjir, tanah longsor, pohon tumbang, rumah rusak akibat bencana. Untuk keadaan darurat hubungi 112.', groupName: 'Kebencanaan', keywords: ['banjir', 'longsor', 'tumbang', 'bencana'], unitCode: 'bpbd' },
	{ code: 'air-bersih', name: 'Air bersih (PDAM)', description: 'Air tidak mengalir, keruh, pipa bocor, tagihan air.', groupName: 'Infrastruktur', keywords: ['pdam', 'air', 'pipa', 'bocor'], unitCode: 'perumda-air' },
	{ code: 'informasi-publik', name: 'Informasi publik', description: 'Permintaan informasi publik dan data pemerintah kota.', groupName: 'Informasi', keywords: ['informasi', 'data', 'ppid'], unitCode: 'diskominsta' },
	{ code: 'lainnya', name: 'Lainnya', description: 'Hal lain yang tidak ada di daftar: petugas akan meneruskannya ke perangkat daerah yang tepat.', groupName: 'Lainnya', keywords: [], unitCode: 'diskominsta' }
];

/** Indonesia's public holidays of `years` from `date-holidays` (one per day). */
export function nationalHolidays(years: number[]): { day: string; name: string }[] {
	const hd = new Holidays('ID');
	const out = new Map<string, string>();
	for (const y of years) {
		for (const h of hd.getHolidays(y)) {
			if (h.type !== 'public') continue;
			const day = h.date.slice(0, 10);
			if (!out.has(day)) out.set(day, h.name);
		}
	}
	return [...out].map(([day, name]) => ({ day, name }));
}

/**
 * The city's reference data for aduan, idempotent (run at every start): responsible units (OPD),
 * aduan categories mapped to units, and the holiday calendar from `date-holidays` (Indonesia) for
 * this year and next. Inserts only missing rows: rows an admin changed are left as they are.
 */
export async function seedAduanReference(db: Db, now = new Date()) {
	await db.insert(units).values(UNITS).onConflictDoNothing();
	await db
		.insert(aduanCategories)
		.values(CATEGORIES.map((c, i) => ({ ...c, position: i })))
		.onConflictDoNothing();
	const year = now.getUTCFullYear();
	const days = nationalHolidays([year, year + 1]);
	if (days.length) {
		await db
			.insert(holidays)
			.values(days.map((d) => ({ ...d, kind: 'national' as const, isOff: true, source: 'date-holidays' })))
			.onConflictDoNothing();
	}
}
