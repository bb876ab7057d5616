/**
 * Word banks of the generator: Indonesian names, post titles and sentences that exercise the
 * search (stemming: "sosialisasi" ~ "mensosialisasikan"; typos: "vaksinsi" ~ "vaksinasi").
 */
export const FIRST_NAMES = ['Siti', 'Budi', 'Dewi', 'Agus', 'Rina', 'Eko', 'Wulan', 'Joko', 'Ani', 'Hadi', 'Lestari', 'Bambang', 'Nur', 'Yanto', 'Sri', 'Teguh', 'Putri', 'Rizky', 'Fajar', 'Indah', 'Dian', 'Wahyu', 'Ratna', 'Heru'];
export const LAST_NAMES = ['Rahayu', 'Santoso', 'Wibowo', 'Lestari', 'Pratama', 'Susanti', 'Hidayat', 'Kurniawan', 'Handayani', 'Setiawan', 'Nugroho', 'Saputra', 'Wijaya', 'Purnomo', 'Maharani'];
export const KIM_SUFFIXES = ['Cerdas', 'Berdaya', 'Mandiri', 'Guyub', 'Maju', 'Harmoni', 'Lestari', 'Kreatif', 'Informatif', 'Bersatu', 'Gemilang', 'Sejahtera'];

export const TOPICS = [
	'Imunisasi campak dan rubela', 'Vaksinasi lansia', 'Posyandu balita', 'Sosialisasi stunting', 'Bantuan modal usaha mikro',
	'Pelatihan pemasaran digital', 'Kerja bakti bersih sungai', 'Perbaikan jalan kampung', 'Pendaftaran sekolah', 'Beasiswa pelajar',
	'Festival budaya', 'Pasar murah', 'Pemeriksaan kesehatan gratis', 'Bank sampah', 'Penghijauan taman',
	'Waspada demam berdarah', 'Pencegahan banjir', 'Layanan KTP-el keliling', 'Sosialisasi pajak daerah', 'Lomba kampung bersih'
];
export const TITLE_FRAMES = ['{t} di {p}', '{t} untuk warga {p}', 'Warga {p} ikuti {t}', '{t}: jadwal di {p}', 'KIM {p} dukung {t}'];
export const TAGS = ['kesehatan', 'posyandu', 'imunisasi', 'umkm', 'ekonomi', 'pendidikan', 'lingkungan', 'budaya', 'infrastruktur', 'sosial', 'pajak', 'bencana'];

export const SENTENCES = [
	'Kader posyandu dan KIM di setiap kelurahan membantu mensosialisasikan jadwal ini kepada warga.',
	'Imunisasi diberikan gratis di posyandu dan puskesmas terdekat setiap bulan.',
	'Vaksinasi lanjutan untuk lansia dilaksanakan di balai kelurahan mulai pukul delapan pagi.',
	'Orang tua diminta membawa buku KIA atau kartu imunisasi anak.',
	'Warga yang belum terdaftar dapat mendaftar langsung di kantor kelurahan dengan membawa KTP dan KK.',
	'Program bantuan modal membantu pelaku usaha mikro yang berjualan di pasar maupun secara daring.',
	'Peserta pelatihan mendapat pendampingan pembukuan sederhana dan pemasaran lewat media sosial.',
	'Kerja bakti dimulai dari pos ronda dan berakhir di tepi sungai, dengan alat kebersihan dari kelurahan.',
	'Perbaikan jalan dikerjakan bertahap sehingga kendaraan diminta melewati jalur alternatif.',
	'Pendaftaran sekolah dibuka secara daring dan luring dengan kuota zonasi yang diumumkan kemudian.',
	'Pemeriksaan kesehatan meliputi tekanan darah, gula darah dan konsultasi gizi keluarga.',
	'Bank sampah menerima plastik, kertas dan logam yang sudah dipilah dari rumah.',
	'Pemberantasan sarang nyamuk dilakukan serentak setiap Jumat pagi untuk mencegah demam berdarah.',
	'Saluran air dibersihkan sebelum musim hujan agar genangan dan banjir tidak terulang.',
	'Layanan perekaman KTP-el keliling hadir di kelurahan sesuai jadwal dari Disdukcapil.',
	'Penjelasan lengkap dan syarat pendaftaran dapat ditanyakan kepada pengurus KIM setempat.',
	'Informasi ini juga disebarkan melalui grup WhatsApp RT dan RW serta radio komunitas.',
	'Pemerintah kota mengajak seluruh warga berpartisipasi dan menyebarluaskan informasi resmi ini.',
	'Pesan berantai yang meminta data pribadi adalah hoaks; cek kebenarannya di portal resmi.',
	'Stunting dapat dicegah dengan gizi seimbang sejak kehamilan dan pemantauan tumbuh kembang anak.'
];

/** Queries the bench sends to search: stemmed forms and misspellings of words in the posts. */
export const SEARCH_QUERIES = ['sosialisasi imunisasi', 'vaksinasi lansia', 'pendaftaran sekolah', 'bantuan usaha mikro', 'demam berdarah', 'vaksinsi', 'imunisasy campak', 'posyandhu balita', 'pemerksaan kesehatan', 'bank sampa'];

export const ADUAN_TITLES = ['Jalan berlubang dekat sekolah', 'Sampah tidak diangkut tiga hari', 'Lampu jalan mati di gang', 'Selokan tersumbat saat hujan', 'Antrean puskesmas terlalu lama', 'KTP-el belum jadi', 'Bantuan sosial belum diterima', 'Air PDAM tidak mengalir', 'Pohon rawan tumbang', 'Pedagang berjualan di trotoar', 'Usul zebra cross di depan sekolah', 'Permintaan data posyandu'];
export const ADUAN_SENTENCES = ['Kondisi ini sudah berlangsung lebih dari seminggu.', 'Warga sekitar sudah melapor ke RT tetapi belum ada tindak lanjut.', 'Mohon segera ditinjau karena membahayakan anak-anak.', 'Lokasinya di dekat masjid dan warung, mudah ditemukan.', 'Kami berharap ada perbaikan sebelum musim hujan.', 'Terima kasih atas perhatian Bapak dan Ibu petugas.'];
export const FEEDBACK = ['Warga minta diingatkan lagi lewat grup WhatsApp.', 'Ibu-ibu senang ada jadwal per RW.', 'Poster dipasang di pos ronda dan warung.', 'Beberapa warga ragu karena kabar di media sosial; sudah dijelaskan.', 'Warga minta petugas hadir di pertemuan berikutnya.'];
export const QUESTIONS = ['Apakah layanan ini gratis?', 'Kalau buku KIA hilang bagaimana?', 'Di mana mendaftarnya?', 'Apakah anak di atas lima tahun boleh ikut?'];
