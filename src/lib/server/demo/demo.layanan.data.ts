/**
 * The demo directory of Kota Magelang. Requirements and steps follow the national rules for
 * adminduk (free by law: UU 24/2013 pasal 79A) and OSS, simplified. Fees other than "Gratis",
 * addresses, phone numbers and coordinates are APPROXIMATE DEMO DATA — check them with the units
 * before a real deployment. Coordinates are rough points inside CITY_BBOX, not surveyed.
 */
import type { FacilityKind, ServiceCategory } from '../layanan/layanan.rules';

export type DemoService = {
	slug: string; name: string; unitCode: string; category: ServiceCategory; description: string;
	requirements: string[]; steps: string[]; fee: number; feeNote?: string; serviceTime: string;
	location: string; hours: string; contact?: string; onlineUrl?: string;
};

const MPP = 'Mal Pelayanan Publik Kota Magelang, Jl. Sudirman (alamat contoh demo)';
const MPP_HOURS = 'Senin–Kamis 08.00–15.00, Jumat 08.00–11.00';
const DUKCAPIL_CONTACT = 'Telepon (0293) 000-001 (contoh demo), surel disdukcapil@contoh.magelangkota.go.id';
const ADMINDUK_STEPS = ['Ambil nomor antrean di loket Disdukcapil', 'Serahkan berkas persyaratan kepada petugas', 'Petugas memeriksa dan memasukkan data', 'Ambil dokumen jadi sesuai waktu yang diberitahukan'];
const FREE_BY_LAW = 'Gratis menurut UU 24/2013 tentang Administrasi Kependudukan';

export const DEMO_SERVICES: DemoService[] = [
	{
		slug: 'ktp-el', name: 'Perekaman dan Pencetakan KTP-el', unitCode: 'disdukcapil', category: 'kependudukan',
		description: 'Kartu Tanda Penduduk elektronik untuk penduduk berusia 17 tahun atau sudah/pernah menikah, termasuk penggantian karena rusak atau hilang.',
		requirements: ['Fotokopi Kartu Keluarga', 'Surat keterangan kehilangan dari kepolisian (bila hilang)', 'KTP-el lama (bila rusak atau ada perubahan data)'],
		steps: ['Datang sendiri ke loket Disdukcapil (perekaman wajah, sidik jari dan iris mata)', ...ADMINDUK_STEPS.slice(1)],
		fee: 0, serviceTime: 'Cetak di hari yang sama bila blangko tersedia', location: MPP, hours: MPP_HOURS, contact: DUKCAPIL_CONTACT
	},
	{
		slug: 'kartu-keluarga', name: 'Penerbitan Kartu Keluarga', unitCode: 'disdukcapil', category: 'kependudukan',
		description: 'Kartu Keluarga baru, perubahan susunan keluarga (kelahiran, pernikahan, kematian) atau penggantian karena hilang/rusak.',
		requirements: ['Kartu Keluarga lama', 'Buku nikah atau akta perkawinan (untuk KK baru)', 'Surat keterangan pindah (bila pindah datang)', 'Formulir F-1.01 yang sudah diisi'],
		steps: ADMINDUK_STEPS, fee: 0, serviceTime: '1 hari kerja', location: MPP, hours: MPP_HOURS, contact: DUKCAPIL_CONTACT
	},
	{
		slug: 'akta-kelahiran', name: 'Penerbitan Akta Kelahiran', unitCode: 'disdukcapil', category: 'kependudukan',
		description: 'Akta kelahiran untuk setiap anak yang lahir, sekaligus pencatatan dalam Kartu Keluarga dan Kartu Identitas Anak.',
		requirements: ['Surat keterangan lahir dari bidan, dokter atau rumah sakit', 'Kartu Keluarga orang tua', 'Buku nikah atau akta perkawinan orang tua', 'KTP-el dua orang saksi'],
		steps: ADMINDUK_STEPS, fee: 0, feeNote: undefined, serviceTime: '1 hari kerja', location: MPP, hours: MPP_HOURS, contact: DUKCAPIL_CONTACT
	},
	{
		slug: 'akta-kematian', name: 'Penerbitan Akta Kematian', unitCode: 'disdukcapil', category: 'kependudukan',
		description: 'Pencatatan kematian penduduk; Kartu Keluarga diperbarui sekaligus.',
		requirements: ['Surat keterangan kematian dari rumah sakit atau kelurahan', 'Kartu Keluarga almarhum/almarhumah', 'KTP-el almarhum/almarhumah', 'KTP-el pelapor'],
		steps: ADMINDUK_STEPS, fee: 0, serviceTime: '1 hari kerja', location: MPP, hours: MPP_HOURS, contact: DUKCAPIL_CONTACT
	},
	{
		slug: 'pindah-datang-penduduk', name: 'Pindah Datang Penduduk', unitCode: 'disdukcapil', category: 'kependudukan',
		description: 'Surat keterangan pindah bagi penduduk yang pindah ke luar kota, dan pendaftaran penduduk yang datang ke Kota Magelang.',
		requirements: ['Kartu Keluarga', 'KTP-el', 'Surat keterangan pindah dari daerah asal (untuk pindah datang)'],
		steps: ['Ajukan lewat loket atau layanan daring Disdukcapil', ...ADMINDUK_STEPS.slice(1)],
		fee: 0, serviceTime: '1 hari kerja', location: MPP, hours: MPP_HOURS, contact: DUKCAPIL_CONTACT
	},
	{
		slug: 'surat-keterangan-tidak-mampu', name: 'Surat Keterangan Tidak Mampu (SKTM)', unitCode: 'dinsos', category: 'sosial',
		description: 'Keterangan bahwa keluarga termasuk tidak mampu, untuk keringanan biaya sekolah atau berobat. Diurus di kantor kelurahan tempat tinggal.',
		requirements: ['Surat pengantar RT dan RW', 'Kartu Keluarga', 'KTP-el pemohon', 'Keterangan keperluan (sekolah, rumah sakit, …)'],
		steps: ['Minta surat pengantar ke ketua RT dan RW', 'Datang ke kantor kelurahan dengan berkas', 'Petugas kelurahan memeriksa data terpadu kesejahteraan sosial', 'SKTM ditandatangani lurah'],
		fee: 0, serviceTime: '1 hari kerja', location: 'Kantor kelurahan tempat tinggal', hours: 'Senin–Kamis 07.30–15.30, Jumat 07.30–11.00'
	},
	{
		slug: 'persetujuan-bangunan-gedung', name: 'Persetujuan Bangunan Gedung (PBG, pengganti IMB)', unitCode: 'dpmptsp', category: 'perizinan',
		description: 'Izin untuk membangun, mengubah atau memperluas bangunan. Diajukan lewat SIMBG; pemeriksaan teknis oleh DPUPR.',
		requirements: ['KTP-el pemohon', 'Bukti kepemilikan tanah (sertifikat)', 'Gambar rencana bangunan (arsitektur, struktur, utilitas)', 'Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR)'],
		steps: ['Daftar dan ajukan permohonan di SIMBG', 'Konsultasi dan pemeriksaan dokumen oleh tim profesi ahli', 'Bayar retribusi PBG', 'PBG terbit di SIMBG'],
		fee: 0, feeNote: 'Retribusi menurut luas dan fungsi bangunan (Perda retribusi daerah)', serviceTime: 'Paling lama 28 hari kerja',
		location: MPP, hours: MPP_HOURS, onlineUrl: 'https://simbg.pu.go.id'
	},
	{
		slug: 'nib-izin-usaha-oss', name: 'Nomor Induk Berusaha (NIB) lewat OSS', unitCode: 'dpmptsp', category: 'perizinan',
		description: 'Izin usaha berbasis risiko lewat OSS. Usaha mikro dan kecil risiko rendah cukup dengan NIB. Petugas MPP membantu bila Anda belum bisa mendaftar sendiri.',
		requirements: ['KTP-el', 'NPWP (bila ada)', 'Alamat dan bidang usaha', 'Nomor ponsel dan surel aktif'],
		steps: ['Buat akun di oss.go.id', 'Isi data usaha dan pilih bidang usaha (KBLI)', 'Periksa dan setujui pernyataan mandiri', 'Unduh NIB'],
		fee: 0, serviceTime: 'Hari itu juga (daring)', location: MPP, hours: MPP_HOURS, onlineUrl: 'https://oss.go.id'
	},
	{
		slug: 'izin-reklame', name: 'Izin Penyelenggaraan Reklame', unitCode: 'dpmptsp', category: 'perizinan',
		description: 'Izin memasang papan nama, baliho, spanduk atau billboard di wilayah kota.',
		requirements: ['KTP-el pemohon', 'NIB (bagi badan usaha)', 'Desain, ukuran dan titik lokasi reklame', 'Surat persetujuan pemilik lahan'],
		steps: ['Ajukan permohonan di loket DPMPTSP', 'Survei lokasi oleh tim teknis', 'Bayar pajak reklame', 'Izin terbit'],
		fee: 0, feeNote: 'Pajak reklame menurut ukuran, jenis dan lama pemasangan', serviceTime: '5 hari kerja', location: MPP, hours: MPP_HOURS
	},
	{
		slug: 'bpjs-kesehatan-pbi', name: 'Pendaftaran BPJS Kesehatan PBI (ditanggung pemerintah)', unitCode: 'dinsos', category: 'sosial',
		description: 'Pendaftaran warga tidak mampu sebagai peserta JKN yang iurannya dibayar pemerintah (Penerima Bantuan Iuran).',
		requirements: ['Kartu Keluarga', 'KTP-el', 'Terdaftar dalam Data Terpadu Kesejahteraan Sosial (DTKS), atau SKTM dari kelurahan'],
		steps: ['Ajukan lewat kantor kelurahan atau Dinas Sosial', 'Dinas Sosial memeriksa data DTKS', 'Diusulkan ke BPJS Kesehatan', 'Kartu aktif; cek di aplikasi Mobile JKN'],
		fee: 0, serviceTime: 'Sekitar 14 hari kerja', location: 'Kantor Dinas Sosial, PPKB dan P3A (alamat contoh demo)', hours: 'Senin–Kamis 07.30–15.30, Jumat 07.30–11.00'
	},
	{
		slug: 'layanan-puskesmas', name: 'Pemeriksaan Kesehatan di Puskesmas', unitCode: 'dinkes', category: 'kesehatan',
		description: 'Pemeriksaan umum, gigi, ibu dan anak, imunisasi dan KB di puskesmas terdekat.',
		requirements: ['Kartu JKN/BPJS Kesehatan atau KTP-el (NIK)', 'Buku KIA (untuk ibu hamil dan balita)'],
		steps: ['Ambil antrean di loket pendaftaran', 'Tunggu dipanggil ke ruang periksa', 'Ambil obat di apotek puskesmas'],
		fee: 0, feeNote: 'Gratis bagi peserta JKN; pasien umum membayar retribusi sesuai Perda', serviceTime: 'Hari itu juga',
		location: 'Puskesmas di setiap kecamatan (lihat daftar fasilitas)', hours: 'Senin–Kamis 07.30–14.00, Jumat 07.30–11.00, Sabtu 07.30–12.30'
	},
	{
		slug: 'pengaduan-gangguan-air', name: 'Pengaduan Gangguan Air PDAM', unitCode: 'perumda-air', category: 'air-bersih',
		description: 'Laporkan air mati, keruh, pipa bocor atau meteran rusak kepada Perumda Air Minum Tirta Gemilang.',
		requirements: ['Nomor sambungan pelanggan', 'Alamat dan keterangan gangguan'],
		steps: ['Hubungi layanan pelanggan atau datang ke kantor', 'Catat nomor pengaduan', 'Petugas memeriksa dan memperbaiki'],
		fee: 0, serviceTime: '1–3 hari kerja', location: 'Kantor Perumda Air Minum Tirta Gemilang (alamat contoh demo)', hours: 'Senin–Jumat 07.30–15.00',
		contact: 'Telepon (0293) 000-002 (contoh demo)'
	},
	{
		slug: 'pengangkutan-sampah', name: 'Pengangkutan Sampah Rumah Tangga', unitCode: 'dlh', category: 'lingkungan',
		description: 'Pendaftaran pengangkutan sampah rumah tangga dan laporan sampah yang tidak terangkut.',
		requirements: ['KTP-el', 'Alamat rumah', 'Bukti pembayaran retribusi bulan lalu (bila sudah berlangganan)'],
		steps: ['Daftar di kantor kelurahan atau DLH', 'Sampah diangkut sesuai jadwal wilayah', 'Bayar retribusi bulanan'],
		fee: 10000, feeNote: 'Per bulan untuk rumah tangga (tarif contoh demo)', serviceTime: 'Mulai minggu berikutnya',
		location: 'Kantor Dinas Lingkungan Hidup (alamat contoh demo)', hours: 'Senin–Jumat 07.30–15.00'
	},
	{
		slug: 'uji-kir', name: 'Pengujian Berkala Kendaraan Bermotor (Uji KIR)', unitCode: 'dishub', category: 'perhubungan',
		description: 'Uji kelaikan jalan untuk mobil barang, mobil penumpang umum dan bus, setiap 6 bulan.',
		requirements: ['STNK asli dan fotokopi', 'Buku atau kartu uji lama', 'KTP-el pemilik', 'Kendaraan dibawa ke tempat uji'],
		steps: ['Daftar di loket uji', 'Bayar retribusi', 'Kendaraan diuji di jalur uji', 'Terima kartu uji dan tanda lulus'],
		fee: 87000, feeNote: 'Tarif contoh demo; lihat Perda retribusi', serviceTime: 'Hari itu juga',
		location: 'UPT Pengujian Kendaraan Bermotor Dinas Perhubungan (alamat contoh demo)', hours: 'Senin–Jumat 08.00–12.00'
	},
	{
		slug: 'beasiswa-pendidikan', name: 'Beasiswa Pendidikan Kota Magelang', unitCode: 'disdikbud', category: 'pendidikan',
		description: 'Bantuan biaya pendidikan bagi pelajar berprestasi dan dari keluarga tidak mampu. Dibuka menurut jadwal tahunan.',
		requirements: ['Kartu Keluarga Kota Magelang', 'Rapor atau transkrip terakhir', 'SKTM (untuk jalur keluarga tidak mampu)', 'Surat keterangan aktif sekolah/kuliah'],
		steps: ['Pantau pengumuman pendaftaran', 'Unggah berkas atau serahkan ke Disdikbud', 'Seleksi berkas', 'Pengumuman penerima'],
		fee: 0, serviceTime: 'Sesuai jadwal seleksi', location: 'Kantor Dinas Pendidikan dan Kebudayaan (alamat contoh demo)', hours: 'Senin–Jumat 07.30–15.00'
	},
	{
		slug: 'permohonan-informasi-publik', name: 'Permohonan Informasi Publik (PPID)', unitCode: 'diskominsta', category: 'pengaduan',
		description: 'Minta salinan informasi publik dari perangkat daerah sesuai UU Keterbukaan Informasi Publik.',
		requirements: ['KTP-el', 'Rincian informasi yang diminta dan tujuannya'],
		steps: ['Isi formulir permohonan (daring atau di meja PPID)', 'Terima nomor pendaftaran', 'PPID menjawab paling lama 10 hari kerja (dapat diperpanjang 7 hari kerja)'],
		fee: 0, feeNote: 'Gratis; biaya salinan (bila dicetak) ditanggung pemohon', serviceTime: 'Paling lama 10 hari kerja',
		location: 'Meja PPID, Diskominsta (alamat contoh demo)', hours: 'Senin–Jumat 08.00–15.00'
	}
];

export type DemoFacility = {
	name: string; kind: FacilityKind; address: string; kelurahan: string; lat: number; lng: number; openingHours: string; phone?: string; description?: string;
};

const OFFICE_HOURS = 'Senin–Kamis 07.30–15.30, Jumat 07.30–11.00';
const PUSKESMAS_HOURS = 'Senin–Kamis 07.30–14.00, Jumat 07.30–11.00, Sabtu 07.30–12.30; UGD 24 jam (bila tersedia)';

/** Facilities other than the kantor kelurahan (made from the regions). `kelurahan` is a name. */
export const DEMO_FACILITIES: DemoFacility[] = [
	{ name: 'RSUD Tidar', kind: 'rumah_sakit', address: 'Jl. Tidar (alamat contoh demo)', kelurahan: 'Magersari', lat: -7.4855, lng: 110.2190, openingHours: 'IGD 24 jam; poliklinik Senin–Sabtu 07.30–13.00', phone: '(0293) 000-010', description: 'Rumah sakit umum daerah milik Pemerintah Kota Magelang.' },
	{ name: 'Puskesmas Magelang Utara', kind: 'puskesmas', address: 'Jl. contoh demo, Kramat Selatan', kelurahan: 'Kramat Selatan', lat: -7.4560, lng: 110.2200, openingHours: PUSKESMAS_HOURS },
	{ name: 'Puskesmas Kerkopan', kind: 'puskesmas', address: 'Jl. contoh demo, Potrobangsan', kelurahan: 'Potrobangsan', lat: -7.4650, lng: 110.2150, openingHours: PUSKESMAS_HOURS },
	{ name: 'Puskesmas Magelang Tengah', kind: 'puskesmas', address: 'Jl. contoh demo, Kemirirejo', kelurahan: 'Kemirirejo', lat: -7.4740, lng: 110.2230, openingHours: PUSKESMAS_HOURS },
	{ name: 'Puskesmas Magelang Selatan', kind: 'puskesmas', address: 'Jl. contoh demo, Rejowinangun Selatan', kelurahan: 'Rejowinangun Selatan', lat: -7.4960, lng: 110.2280, openingHours: PUSKESMAS_HOURS },
	{ name: 'Puskesmas Jurangombo', kind: 'puskesmas', address: 'Jl. contoh demo, Jurangombo Selatan', kelurahan: 'Jurangombo Selatan', lat: -7.5030, lng: 110.2120, openingHours: PUSKESMAS_HOURS },
	{ name: 'Kantor Kecamatan Magelang Utara', kind: 'kantor_kecamatan', address: 'Jl. contoh demo, Kramat Utara', kelurahan: 'Kramat Utara', lat: -7.4500, lng: 110.2210, openingHours: OFFICE_HOURS },
	{ name: 'Kantor Kecamatan Magelang Tengah', kind: 'kantor_kecamatan', address: 'Jl. contoh demo, Cacaban', kelurahan: 'Cacaban', lat: -7.4770, lng: 110.2120, openingHours: OFFICE_HOURS },
	{ name: 'Kantor Kecamatan Magelang Selatan', kind: 'kantor_kecamatan', address: 'Jl. contoh demo, Tidar Selatan', kelurahan: 'Tidar Selatan', lat: -7.5000, lng: 110.2200, openingHours: OFFICE_HOURS },
	{ name: 'Mal Pelayanan Publik Kota Magelang', kind: 'kantor_dinas', address: 'Jl. Sudirman (alamat contoh demo)', kelurahan: 'Magelang', lat: -7.4790, lng: 110.2170, openingHours: MPP_HOURS, description: 'Layanan adminduk, perizinan, BPJS, pajak dan lainnya di satu tempat.' },
	{ name: 'Posyandu Melati', kind: 'posyandu', address: 'Balai RW 03 (contoh demo)', kelurahan: 'Tidar Utara', lat: -7.4900, lng: 110.2100, openingHours: 'Setiap Selasa minggu kedua, 08.00–11.00' },
	{ name: 'Posyandu Mawar', kind: 'posyandu', address: 'Balai RW 05 (contoh demo)', kelurahan: 'Wates', lat: -7.4620, lng: 110.2250, openingHours: 'Setiap Kamis minggu pertama, 08.00–11.00' },
	{ name: 'Posyandu Anggrek', kind: 'posyandu', address: 'Balai RW 02 (contoh demo)', kelurahan: 'Gelangan', lat: -7.4720, lng: 110.2180, openingHours: 'Setiap Sabtu minggu ketiga, 08.00–11.00' },
	{ name: 'Polres Magelang Kota', kind: 'kantor_polisi', address: 'Jl. contoh demo, Kedungsari', kelurahan: 'Kedungsari', lat: -7.4580, lng: 110.2130, openingHours: 'Layanan SPKT 24 jam', phone: '110' },
	{ name: 'Pos Pemadam Kebakaran Kota Magelang', kind: 'pemadam_kebakaran', address: 'Jl. contoh demo, Panjang', kelurahan: 'Panjang', lat: -7.4700, lng: 110.2200, openingHours: 'Siaga 24 jam', phone: '113' },
	{ name: 'Perpustakaan Daerah Kota Magelang', kind: 'perpustakaan', address: 'Jl. contoh demo, Magelang', kelurahan: 'Magelang', lat: -7.4760, lng: 110.2160, openingHours: 'Senin–Sabtu 08.00–16.00' },
	{ name: 'Alun-alun Kota Magelang', kind: 'taman', address: 'Pusat kota', kelurahan: 'Magelang', lat: -7.4767, lng: 110.2176, openingHours: 'Terbuka setiap saat' },
	{ name: 'Pasar Rejowinangun', kind: 'pasar', address: 'Jl. contoh demo, Rejowinangun Utara', kelurahan: 'Rejowinangun Utara', lat: -7.4820, lng: 110.2260, openingHours: 'Setiap hari 05.00–16.00' }
];

/** Emergency numbers: only national numbers known for sure, plus clearly marked demo placeholders. */
export const DEMO_EMERGENCY = [
	{ label: 'Layanan darurat (semua kejadian)', number: '112', description: 'Satu nomor untuk polisi, ambulans, pemadam dan bencana. Gratis, juga tanpa pulsa.', position: 0 },
	{ label: 'Polisi', number: '110', description: null, position: 1 },
	{ label: 'Pemadam kebakaran', number: '113', description: null, position: 2 },
	{ label: 'Ambulans dan gawat darurat medis', number: '119', description: 'Sistem Penanggulangan Gawat Darurat Terpadu (SPGDT).', position: 3 },
	{ label: 'Basarnas (pencarian dan pertolongan)', number: '115', description: null, position: 4 },
	{ label: 'BPBD Kota Magelang (contoh demo)', number: '(0293) 000-0003', description: 'Nomor contoh untuk demo — ganti dengan nomor resmi.', position: 5 },
	{ label: 'Perumda Air Minum Tirta Gemilang (contoh demo)', number: '(0293) 000-0002', description: 'Nomor contoh untuk demo — ganti dengan nomor resmi.', position: 6 }
];
