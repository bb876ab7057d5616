/**
 * Demo posts: a few of every kind, published over the last weeks by the agency and by KIMs, plus
 * one post waiting for review and one draft, so the portal, search, feeds and newsroom have
 * something to show on first start. Written directly (no notifications, no mail).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { posts } from '../db/schema';
import { insertPostWithSlug, insertRevision, type NewPost, type Post } from '../posts/posts.queries';
import { postSlug } from '../posts/posts.rules';
import { todayWib } from '../validation';

export type DemoKim = { id: string; name: string; kelurahanCode: string | null; kelurahanName: string; boardId: string; memberId: string };

const DAY = 86400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

type DemoPost = Omit<NewPost, 'revision' | 'status'> & { status?: 'draft' | 'in_review' | 'published'; daysAgo?: number; publishedBy?: string | null };

async function write(db: Db, now: Date, p: DemoPost): Promise<Post> {
	const { daysAgo = 0, publishedBy = null, status = 'published', ...values } = p;
	const at = new Date(now.getTime() - daysAgo * DAY - 3 * 3600_000);
	const post = await insertPostWithSlug(db, postSlug(values.title), { ...values, status: 'draft', revision: 1, createdAt: at, updatedAt: at });
	await insertRevision(db, post, values.authorId ?? null);
	if (status === 'draft') return post;
	const [row] = await db
		.update(posts)
		.set(status === 'published' ? { status, submittedAt: at, publishedAt: at, publishedBy, reviewedBy: publishedBy } : { status, submittedAt: at })
		.where(eq(posts.id, post.id))
		.returning();
	return row as Post;
}

/**
 * Writes the demo posts; `kims` are verified demo KIMs (the first one is the demo pengurus' and
 * anggota's). Returns the published program and clarification the demo campaigns promote.
 */
export async function seedDemoPosts(db: Db, petugasId: string, kims: DemoKim[], now = new Date()) {
	const today = todayWib(now);
	const [k0, k1, k2] = kims;
	const agency = { kimId: null, authorId: petugasId, publishedBy: petugasId };
	const program = await write(db, now, {
		...agency,
		kind: 'program',
		title: 'Imunisasi campak dan rubela gratis untuk balita di semua posyandu',
		summary: 'Dinas Kesehatan mengajak orang tua membawa balita usia 9 bulan sampai 5 tahun untuk imunisasi campak-rubela (MR) gratis.',
		body: 'Campak dan rubela mudah menular dan bisa berakibat berat pada anak. **Imunisasi MR gratis** diberikan di setiap posyandu dan puskesmas.\n\n## Yang perlu dibawa\n\n- Buku KIA atau kartu imunisasi\n- Anak dalam keadaan sehat\n\nKader posyandu dan KIM di setiap kelurahan membantu mensosialisasikan jadwal ini kepada warga.',
		details: { eligibility: 'Balita usia 9 bulan sampai 5 tahun', how_to_join: 'Datang ke posyandu atau puskesmas terdekat sesuai jadwal, membawa buku KIA.', deadline: addDays(today, 30), contact: 'Dinas Kesehatan, telepon (0293) 362 000' },
		tags: ['kesehatan', 'posyandu', 'imunisasi'],
		daysAgo: 2
	});
	await write(db, now, {
		...agency,
		kind: 'program',
		title: 'Pendaftaran bantuan modal usaha mikro dibuka',
		summary: 'Pelaku usaha mikro ber-KTP kota ini dapat mendaftar bantuan modal dan pendampingan usaha.',
		body: 'Program bantuan modal usaha mikro membantu warga yang menjalankan usaha kecil di rumah, di pasar atau secara daring.\n\nPendaftar akan mendapat pelatihan pembukuan sederhana dan pemasaran lewat media sosial.',
		details: { eligibility: 'Warga ber-KTP kota ini yang memiliki usaha mikro paling sedikit 6 bulan', how_to_join: 'Daftar di kantor kelurahan dengan membawa KTP, KK dan foto tempat usaha.', deadline: addDays(today, 21), contact: 'Dinas Koperasi dan UMKM' },
		tags: ['umkm', 'ekonomi'],
		daysAgo: 6
	});
	await write(db, now, {
		...agency,
		kind: 'announcement',
		title: 'Gangguan aliran air bersih di Kecamatan Magelang Utara',
		summary: 'Perbaikan pipa induk membuat aliran air bersih terganggu selama dua hari. Warga diminta menampung air secukupnya.',
		body: 'Perumda Air Minum memperbaiki pipa induk. Selama perbaikan, aliran air di sebagian wilayah kecil atau berhenti.\n\nTruk tangki air bersih disiagakan di kantor kelurahan.',
		details: { expires_on: addDays(today, 5) },
		tags: ['air bersih', 'layanan publik'],
		daysAgo: 1
	});
	const clarification = await write(db, now, {
		...agency,
		kind: 'clarification',
		title: 'Hoaks: pesan berantai bantuan Rp 5 juta lewat tautan pendaftaran',
		summary: 'Beredar pesan WhatsApp yang meminta warga mengisi data diri di sebuah tautan untuk bantuan Rp 5 juta. Pesan itu hoaks.',
		body: 'Pemerintah kota **tidak pernah** meminta data pribadi lewat tautan di pesan berantai. Bantuan resmi diumumkan di portal ini dan di kantor kelurahan.\n\nJangan mengisi nomor KTP, nomor rekening atau kode OTP di tautan yang tidak jelas.',
		details: { claim: 'Ada bantuan tunai Rp 5 juta untuk setiap KK yang mendaftar lewat tautan di pesan WhatsApp.', verdict: 'hoax', sources: ['Dinas Sosial, keterangan resmi'] },
		tags: ['hoaks', 'bantuan sosial'],
		daysAgo: 4
	});
	if (k0) {
		await write(db, now, {
			kind: 'news',
			title: `Warga ${k0.kelurahanName} gotong royong membersihkan saluran air`,
			summary: 'Menjelang musim hujan, warga bersama KIM membersihkan saluran air agar tidak tersumbat.',
			body: 'Puluhan warga dari beberapa RW ikut kerja bakti pada Minggu pagi. KIM mencatat kegiatan dan membagikan jadwal kerja bakti berikutnya lewat grup WhatsApp RW.',
			details: {}, tags: ['lingkungan', 'kerja bakti'], kimId: k0.id, kelurahanCode: k0.kelurahanCode, authorId: k0.boardId, publishedBy: k0.boardId, daysAgo: 3
		});
		await write(db, now, {
			kind: 'news', status: 'in_review',
			title: `Pelatihan cek fakta untuk ibu-ibu PKK ${k0.kelurahanName}`,
			summary: 'KIM mengajak ibu-ibu PKK mengenali ciri pesan hoaks sebelum membagikannya.',
			body: 'Peserta belajar memeriksa sumber pesan, mencari berita pembanding dan melaporkan hoaks.',
			details: {}, tags: ['literasi digital', 'hoaks'], kimId: k0.id, kelurahanCode: k0.kelurahanCode, authorId: k0.memberId
		});
		await write(db, now, {
			kind: 'news', status: 'draft',
			title: `Jadwal posyandu bulan ini di ${k0.kelurahanName}`,
			summary: 'Draf jadwal posyandu per RW.',
			body: 'Draf: jadwal posyandu per RW akan dilengkapi setelah rapat kader.',
			details: {}, tags: ['posyandu'], kimId: k0.id, kelurahanCode: k0.kelurahanCode, authorId: k0.memberId
		});
	}
	if (k1) {
		await write(db, now, {
			kind: 'news',
			title: `KIM mensosialisasikan layanan pengaduan warga di ${k1.kelurahanName}`,
			summary: 'Dalam pertemuan RT, KIM menjelaskan cara menyampaikan keluhan layanan publik.',
			body: 'Warga diajak menyampaikan keluhan dengan jelas: apa masalahnya, di mana, dan sejak kapan. KIM juga membantu warga yang belum terbiasa memakai internet.',
			details: {}, tags: ['layanan publik', 'pengaduan'], kimId: k1.id, kelurahanCode: k1.kelurahanCode, authorId: k1.boardId, publishedBy: k1.boardId, daysAgo: 8
		});
	}
	if (k2) {
		await write(db, now, {
			kind: 'potential',
			title: `Getuk lindri buatan UMKM ${k2.kelurahanName}`,
			summary: 'Getuk lindri warna-warni buatan rumahan, dijual per kotak untuk oleh-oleh dan acara keluarga.',
			body: 'Dibuat setiap pagi dari singkong pilihan tanpa pengawet. Pesanan untuk acara bisa dipesan sehari sebelumnya.',
			details: { category: 'umkm', price: 25000, contact: '0812 3456 7890 (WhatsApp)', location: `${k2.kelurahanName}` },
			tags: ['umkm', 'kuliner'], kimId: k2.id, kelurahanCode: k2.kelurahanCode, authorId: k2.boardId, publishedBy: k2.boardId, daysAgo: 10
		});
		await write(db, now, {
			kind: 'potential',
			title: 'Jalan pagi ke puncak Gunung Tidar',
			summary: 'Bukit di tengah kota dengan jalur jalan kaki yang teduh, ramai pada akhir pekan.',
			body: 'Jalur menanjak sekitar 30 menit dengan anak tangga. Bawa air minum dan pakai alas kaki yang nyaman.',
			details: { category: 'tourism', contact: 'Pos informasi wisata', location: 'Gunung Tidar' },
			tags: ['wisata', 'olahraga'], kimId: k2.id, kelurahanCode: k2.kelurahanCode, authorId: k2.boardId, publishedBy: k2.boardId, daysAgo: 12
		});
	}
	return { program, clarification };
}
