/**
 * The two ready survey templates, in Indonesian. A petugas creates a draft from one and adjusts
 * it before opening. The digital-literacy items follow the four pillars of Indonesia's digital
 * literacy framework (Kecakapan, Etika, Keamanan, Budaya Digital), 1–5 agreement scale.
 */
import type { Pillar } from './surveys.results';
import type { QuestionType } from './surveys.rules';

export const TEMPLATES = ['info_needs', 'digital_literacy'] as const;
export type TemplateId = (typeof TEMPLATES)[number];

export type TemplateQuestion = { section: string | null; type: QuestionType; text: string; help?: string; options?: string[]; required: boolean; pillar?: Pillar };
export type Template = { title: string; description: string; anonymous: boolean; questions: TemplateQuestion[] };

const TOPICS = ['Kesehatan (puskesmas, posyandu, BPJS)', 'Pendidikan dan beasiswa', 'Bantuan sosial', 'Lowongan kerja dan pelatihan', 'Perizinan dan administrasi kependudukan', 'Kebencanaan dan cuaca', 'Program dan kegiatan kelurahan', 'UMKM dan harga kebutuhan pokok', 'Lalu lintas dan transportasi'];
const CHANNELS = ['KIM (Kelompok Informasi Masyarakat)', 'Grup WhatsApp warga', 'Papan pengumuman', 'Radio komunitas', 'Situs web atau media sosial Pemkot', 'Pertemuan RT/RW', 'Televisi atau koran', 'Dari mulut ke mulut'];
const AGES = ['Di bawah 18 tahun', '18–25 tahun', '26–40 tahun', '41–60 tahun', 'Di atas 60 tahun'];
const AGREE = 'Pilih 1 (sangat tidak setuju) sampai 5 (sangat setuju).';

const infoNeeds: Template = {
	title: 'Survei Kebutuhan Informasi Warga',
	description: 'Bantu kami mengetahui informasi apa yang Anda butuhkan dan lewat saluran apa Anda ingin menerimanya. Mengisi survei ini sekitar 3 menit.',
	anonymous: false,
	questions: [
		{ section: 'Informasi yang Anda butuhkan', type: 'multiple_choice', text: 'Informasi apa saja yang paling Anda butuhkan?', help: 'Boleh pilih lebih dari satu.', options: TOPICS, required: true },
		{ section: 'Informasi yang Anda butuhkan', type: 'single_choice', text: 'Seberapa sering Anda mencari informasi tentang layanan pemerintah kota?', options: ['Hampir setiap hari', 'Setiap minggu', 'Setiap bulan', 'Jarang', 'Tidak pernah'], required: true },
		{ section: 'Saluran informasi', type: 'multiple_choice', text: 'Dari mana Anda mendapat informasi tersebut saat ini?', help: 'Boleh pilih lebih dari satu.', options: CHANNELS, required: true },
		{ section: 'Saluran informasi', type: 'single_choice', text: 'Saluran mana yang paling Anda sukai untuk menerima informasi?', options: CHANNELS, required: true },
		{ section: 'Saluran informasi', type: 'scale', text: 'Seberapa Anda percaya pada informasi dari pemerintah kota?', help: 'Pilih 1 (sangat tidak percaya) sampai 5 (sangat percaya).', required: true },
		{ section: 'Tentang Anda', type: 'single_choice', text: 'Berapa usia Anda?', options: AGES, required: true },
		{ section: 'Tentang Anda', type: 'long_text', text: 'Informasi apa yang selama ini sulit Anda dapatkan?', help: 'Tidak wajib. Jangan tulis nama atau nomor telepon.', required: false }
	]
};

const item = (pillar: Pillar, section: string, text: string): TemplateQuestion => ({ section, type: 'scale', text, help: AGREE, required: true, pillar });

const digitalLiteracy: Template = {
	title: 'Indeks Literasi Digital',
	description: 'Survei singkat tentang kecakapan, etika, keamanan dan budaya digital warga. Jawaban tidak dikaitkan dengan akun Anda; hasilnya diringkas per kelurahan.',
	anonymous: true,
	questions: [
		item('kecakapan', 'Kecakapan Digital', 'Saya bisa mencari informasi yang saya butuhkan di internet.'),
		item('kecakapan', 'Kecakapan Digital', 'Saya bisa memakai aplikasi pesan (misalnya WhatsApp) untuk mengirim foto dan dokumen.'),
		item('kecakapan', 'Kecakapan Digital', 'Saya bisa mengisi formulir layanan pemerintah secara daring.'),
		item('etika', 'Etika Digital', 'Saya memeriksa kebenaran sebuah kabar sebelum membagikannya.'),
		item('etika', 'Etika Digital', 'Saya menjaga sopan santun saat berkomentar di media sosial.'),
		item('etika', 'Etika Digital', 'Saya menyebut sumber saat membagikan tulisan atau foto orang lain.'),
		item('keamanan', 'Keamanan Digital', 'Saya tidak pernah memberikan kode OTP kepada siapa pun.'),
		item('keamanan', 'Keamanan Digital', 'Saya memakai kata sandi yang berbeda untuk akun-akun penting.'),
		item('keamanan', 'Keamanan Digital', 'Saya bisa mengenali pesan penipuan (misalnya undian palsu atau tautan mencurigakan).'),
		item('budaya', 'Budaya Digital', 'Saya memakai internet untuk mengenal dan mempromosikan budaya atau produk lokal.'),
		item('budaya', 'Budaya Digital', 'Saya menghargai perbedaan pendapat dan keberagaman di ruang digital.'),
		item('budaya', 'Budaya Digital', 'Saya ikut kegiatan warga atau kelurahan yang diumumkan lewat internet.')
	]
};

export const TEMPLATE_CONTENT: Record<TemplateId, Template> = { info_needs: infoNeeds, digital_literacy: digitalLiteracy };

