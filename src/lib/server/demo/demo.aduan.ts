import type { Db } from '../db/client';
import type { FileStorage } from '../files/storage';
import { aduan, aduanEvents, unitMembers, users } from '../db/schema';
import { hashPassword } from '../auth/password';
import { AUTO_CLOSE_AFTER_DAYS, deadlineAfter, formatTrackingId, PLAN_WITHIN_DAYS, VERIFY_WITHIN_DAYS, type AduanStatus } from '../aduan/aduan.rules';
import { ensureAduanReference } from '../aduan/aduan.factories';
import { findCategory, loadHolidaySet, nextTrackingSeq } from '../aduan/aduan.queries';
import { hashClaimCode, trackingPrefix, wibYear } from '../aduan/aduan.filing.rules';
import type { DemoKim } from './demo.posts';
import { DEMO_PASSWORD } from './demo.seed';

export type DemoAduanInput = {
	petugasId: string;
	wargaId: string;
	villages: { code: string; name: string }[];
	verifiedKims: DemoKim[];
	storage?: FileStorage;
};

export const DEMO_UNIT_ACCOUNTS = { staff: 'dpupr@simpul.test', supervisor: 'kepala.dpupr@simpul.test' } as const;
/** The claim code of the first demo assisted filing (documented in the README for trying claims). */
export const DEMO_CLAIM_CODE = 'DEMO2345';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

type Who = 'warga' | 'resident' | 'assisted';
type Scenario = {
	days: number; status: AduanStatus; cat: string; privacy: 'public' | 'anonymous' | 'confidential'; who: Who;
	title: string; text: string; type?: 'complaint' | 'aspiration' | 'information_request';
	late?: boolean; rating?: number; reason?: string; messages?: boolean;
};

const S: Scenario[] = [
	{ days: 58, status: 'closed', cat: 'jalan-rusak', privacy: 'public', who: 'warga', rating: 5, messages: true, title: 'Jalan berlubang di Jalan Tidar dekat SD', text: 'Ada tiga lubang besar di Jalan Tidar dekat SD Negeri, berbahaya untuk anak sekolah yang bersepeda.' },
	{ days: 55, status: 'closed', cat: 'sampah', privacy: 'anonymous', who: 'resident', rating: 4, title: 'Sampah TPS tidak diangkut tiga hari', text: 'Sampah di TPS dekat pasar tidak diangkut sejak Senin, baunya sampai ke rumah warga.' },
	{ days: 52, status: 'closed', cat: 'lampu-jalan', privacy: 'public', who: 'resident', rating: 3, late: true, title: 'Lampu jalan mati sepanjang 100 meter', text: 'Empat lampu penerangan jalan di Jalan Ikhlas mati, jalan gelap total pada malam hari.' },
	{ days: 50, status: 'rejected', cat: 'perizinan', privacy: 'public', who: 'resident', reason: 'Bukan kewenangan Pemerintah Kota: izin ini diterbitkan oleh pemerintah provinsi. Silakan hubungi DPMPTSP Provinsi Jawa Tengah.', title: 'Izin usaha tambang belum keluar', text: 'Saya sudah mengajukan izin usaha tambang pasir tiga bulan lalu tetapi belum ada kabar.' },
	{ days: 47, status: 'closed', cat: 'drainase', privacy: 'public', who: 'assisted', rating: 5, messages: true, title: 'Selokan tersumbat, air meluap ke jalan', text: 'Selokan di RT 03 tersumbat sampah dan tanah, setiap hujan air meluap ke jalan dan rumah.' },
	{ days: 44, status: 'resolved', cat: 'layanan-kesehatan', privacy: 'confidential', who: 'resident', messages: true, title: 'Antrean puskesmas sangat lama', text: 'Saya menunggu lebih dari empat jam di puskesmas untuk kontrol, tanpa nomor antrean yang jelas.' },
	{ days: 41, status: 'closed', cat: 'adminduk', privacy: 'anonymous', who: 'warga', rating: 2, late: true, title: 'KTP-el belum jadi setelah dua bulan', text: 'Perekaman KTP-el sudah dua bulan lalu, setiap datang dijawab blangko habis.' },
	{ days: 38, status: 'rejected', cat: 'lainnya', privacy: 'anonymous', who: 'resident', reason: 'Aduan berisi tuduhan kepada perorangan tanpa keterangan masalah layanan publik. Silakan ajukan lagi dengan uraian yang jelas.', title: 'Tetangga berisik', text: 'Tetangga saya sering berisik dan saya ingin pemerintah menegurnya secepatnya.' },
	{ days: 35, status: 'in_progress', cat: 'jalan-rusak', privacy: 'public', who: 'resident', messages: true, title: 'Trotoar ambles di depan pertokoan', text: 'Trotoar di depan pertokoan Jalan Pemuda ambles dan paving lepas, pejalan kaki harus turun ke jalan.' },
	{ days: 32, status: 'closed', cat: 'bantuan-sosial', privacy: 'confidential', who: 'assisted', rating: 4, title: 'Bantuan sembako lansia belum diterima', text: 'Ibu saya lansia terdaftar sebagai penerima bantuan, tetapi bulan ini belum menerima sembako.' },
	{ days: 29, status: 'resolved', cat: 'air-bersih', privacy: 'public', who: 'warga', title: 'Air PDAM tidak mengalir sejak pagi', text: 'Air PDAM di RW 05 tidak mengalir sejak pukul enam pagi tanpa pemberitahuan.' },
	{ days: 27, status: 'in_progress', cat: 'drainase', privacy: 'anonymous', who: 'resident', late: true, title: 'Genangan air di perempatan setiap hujan', text: 'Perempatan dekat masjid tergenang setinggi lutut setiap hujan deras, kendaraan sering mogok.' },
	{ days: 24, status: 'closed', cat: 'informasi-publik', type: 'information_request', privacy: 'public', who: 'resident', rating: 5, title: 'Data jumlah posyandu per kelurahan', text: 'Saya mahasiswa, mohon data jumlah posyandu aktif per kelurahan tahun ini untuk penelitian.' },
	{ days: 21, status: 'verified', cat: 'ketertiban', privacy: 'public', who: 'resident', late: true, title: 'PKL berjualan di trotoar alun-alun', text: 'Pedagang kaki lima memenuhi trotoar sisi timur alun-alun sehingga pejalan kaki turun ke jalan.' },
	{ days: 19, status: 'in_progress', cat: 'taman-pohon', privacy: 'public', who: 'assisted', messages: true, title: 'Pohon besar rawan tumbang', text: 'Pohon besar di pinggir jalan dekat sekolah miring dan akarnya terangkat, rawan tumbang saat angin.' },
	{ days: 16, status: 'verified', cat: 'pendidikan', type: 'aspiration', privacy: 'public', who: 'warga', title: 'Usul perpustakaan keliling ke kampung', text: 'Mohon mobil perpustakaan keliling dijadwalkan ke kampung kami sebulan sekali untuk anak-anak.' },
	{ days: 13, status: 'received', cat: 'jalan-rusak', privacy: 'anonymous', who: 'resident', late: true, title: 'Jembatan kecil retak', text: 'Jembatan kecil di atas saluran irigasi retak di bagian tengah, motor masih lewat setiap hari.' },
	{ days: 11, status: 'resolved', cat: 'lampu-jalan', privacy: 'public', who: 'resident', title: 'Lampu lalu lintas berkedip terus', text: 'Lampu lalu lintas di perempatan dekat terminal berkedip kuning terus sejak kemarin sore.' },
	{ days: 9, status: 'received', cat: 'pencemaran', privacy: 'confidential', who: 'resident', late: true, title: 'Pembakaran sampah setiap malam', text: 'Ada pembakaran sampah plastik setiap malam di lahan kosong, asapnya masuk ke rumah warga.' },
	{ days: 7, status: 'verified', cat: 'drainase', privacy: 'public', who: 'resident', title: 'Saluran air rusak di gang sempit', text: 'Tutup saluran air di gang sempit pecah, sudah ada anak yang terperosok kakinya.' },
	{ days: 5, status: 'in_progress', cat: 'sampah', privacy: 'public', who: 'warga', title: 'Tempat sampah taman kota penuh', text: 'Tempat sampah di taman kota penuh dan berserakan setelah akhir pekan.' },
	{ days: 3, status: 'received', cat: 'bencana', privacy: 'public', who: 'assisted', title: 'Tebing longsor kecil di belakang rumah warga', text: 'Tebing setinggi tiga meter di belakang rumah warga RT 02 longsor sebagian setelah hujan.' },
	{ days: 2, status: 'received', cat: 'lalu-lintas', type: 'aspiration', privacy: 'public', who: 'resident', title: 'Usul zebra cross di depan sekolah', text: 'Mohon dibuatkan zebra cross dan rambu sekolah di depan SD, banyak kendaraan melaju kencang.' },
	{ days: 1, status: 'received', cat: 'jalan-rusak', privacy: 'public', who: 'warga', title: 'Aspal mengelupas di tanjakan', text: 'Aspal di tanjakan dekat makam mengelupas dan berpasir, motor sering tergelincir.' },
	{ days: 0, status: 'received', cat: 'adminduk', privacy: 'confidential', who: 'resident', title: 'Akta kelahiran salah nama ibu', text: 'Nama ibu di akta kelahiran anak saya salah ketik, saya perlu tahu cara memperbaikinya.' }
];

const NAMES = ['Sri Wahyuni', 'Bambang Riyadi', 'Tri Astuti', 'Agung Prasetyo', 'Endang Sulastri', 'Yudi Hartono', 'Retno Palupi', 'Slamet Widodo'];
const BEHALF = ['Mbah Karto', 'Bu Painem', 'Pak Sastro', 'Mbah Warsini'];
const PLAN = 'Rencana tindak lanjut: petugas meninjau lokasi dalam minggu ini, lalu perbaikan dijadwalkan sesuai anggaran pemeliharaan.';
const RESOLVED = 'Sudah kami tangani. Mohon periksa dan beri penilaian; bila belum beres, Anda dapat membuka kembali aduan ini.';

/**
 * Demo aduan over the last 60 days in every status and privacy mode, with status events, plans,
 * a few messages and ratings, by the demo warga, new demo residents and (assisted) the demo
 * anggota; plus the DPUPR demo staff and supervisor. Deadlines follow aduan.rules.
 */
export async function seedDemoAduan(db: Db, input: DemoAduanInput, now = new Date()) {
	if (input.villages.length === 0) return;
	await ensureAduanReference(db);
	const holidays = await loadHolidaySet(db);
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const user = async (email: string, name: string, kelurahanCode: string | null = null) => {
		const [row] = await db.insert(users).values({ email, name, role: 'warga', passwordHash, isDemo: true, kelurahanCode }).returning();
		return row;
	};
	const staff = await user(DEMO_UNIT_ACCOUNTS.staff, 'Petugas DPUPR (demo)');
	const head = await user(DEMO_UNIT_ACCOUNTS.supervisor, 'Kepala Bidang DPUPR (demo)');
	await db.insert(unitMembers).values([{ unitCode: 'dpupr', userId: staff.id }, { unitCode: 'dpupr', userId: head.id, isSupervisor: true }]);
	const residents: string[] = [];
	for (let i = 0; i < NAMES.length; i++) {
		const v = input.villages[(i * 3) % input.villages.length];
		residents.push((await user(`warga${i + 1}@demo.simpul.test`, NAMES[i], v.code)).id);
	}
	const anggotaId = input.verifiedKims[0]?.memberId ?? null;
	let assisted = 0;
	for (let i = 0; i < S.length; i++) {
		const s = S[i];
		const category = (await findCategory(db, s.cat))!;
		const village = input.villages[(i * 5) % input.villages.length];
		const createdAt = new Date(now.getTime() - s.days * DAY - (i % 5) * 2 * HOUR);
		const asAssisted = s.who === 'assisted' && anggotaId !== null;
		const reporterId = asAssisted ? null : s.who === 'warga' ? input.wargaId : residents[i % residents.length];
		const year = wibYear(createdAt);
		const verifyBy = deadlineAfter(createdAt, VERIFY_WITHIN_DAYS, holidays);
		const step = (base: Date, days: number) => new Date(Math.min(base.getTime() + days * DAY, now.getTime() - HOUR));
		const reached = (st: AduanStatus) => ['verified', 'in_progress', 'resolved', 'closed'].indexOf(s.status) >= ['verified', 'in_progress', 'resolved', 'closed'].indexOf(st);
		const verifiedAt = s.status !== 'received' && s.status !== 'rejected' ? (s.late ? new Date(verifyBy.getTime() + DAY) : step(createdAt, 1)) : null;
		const unitStaffId = category.unitCode === 'dpupr' ? staff.id : input.petugasId;
		const planBy = verifiedAt ? deadlineAfter(verifiedAt, PLAN_WITHIN_DAYS, holidays) : null;
		const planPostedAt = verifiedAt && reached('in_progress') ? step(verifiedAt, s.late ? 8 : 2) : null;
		const resolvedAt = planPostedAt && reached('resolved') ? step(planPostedAt, 4) : null;
		const autoCloseAt = resolvedAt ? deadlineAfter(resolvedAt, AUTO_CLOSE_AFTER_DAYS, holidays) : null;
		const closedAt = resolvedAt && s.status === 'closed' ? step(resolvedAt, 2) : null;
		const rejectedAt = s.status === 'rejected' ? step(createdAt, 1) : null;
		const [row] = await db.insert(aduan).values({
			trackingId: formatTrackingId(trackingPrefix('33.71'), year, await nextTrackingSeq(db, year)),
			type: s.type ?? 'complaint',
			categoryCode: category.code,
			unitCode: category.unitCode,
			title: s.title,
			description: s.text,
			kelurahanCode: village.code,
			lat: i % 3 === 0 ? -7.47 - (i % 7) * 0.005 : null,
			lng: i % 3 === 0 ? 110.2 + (i % 5) * 0.006 : null,
			privacy: s.privacy,
			status: s.status,
			source: asAssisted ? 'assisted' : 'web',
			reporterId,
			assistedBy: asAssisted ? anggotaId : null,
			onBehalfName: asAssisted ? BEHALF[assisted % BEHALF.length] : null,
			onBehalfPhone: asAssisted ? `08122${String(700000 + assisted * 1111)}` : null,
			consentAt: asAssisted ? createdAt : null,
			claimCodeHash: asAssisted ? hashClaimCode(assisted === 0 ? DEMO_CLAIM_CODE : `DM${String(100000 + i * 7919).slice(-6)}`) : null,
			verifyBy, planBy, planPostedAt, autoCloseAt, verifiedAt, resolvedAt, closedAt, rejectedAt,
			rejectReason: s.reason ?? null,
			rating: s.rating ?? null,
			ratingComment: s.rating ? (s.rating >= 4 ? 'Terima kasih, cepat ditangani.' : 'Sudah beres, tetapi lama sekali.') : null,
			ratedAt: s.rating && closedAt ? closedAt : null,
			escalatedFor: s.late && s.status === 'received' ? 'verify' : null,
			createdAt,
			updatedAt: closedAt ?? resolvedAt ?? planPostedAt ?? verifiedAt ?? rejectedAt ?? createdAt
		}).returning();
		if (asAssisted) assisted++;
		const filer = reporterId ?? anggotaId;
		const ev: (typeof aduanEvents.$inferInsert)[] = [{ aduanId: row.id, kind: 'status', toStatus: 'received', authorId: filer, authorRole: asAssisted ? 'staff' : 'reporter', createdAt }];
		if (rejectedAt) ev.push({ aduanId: row.id, kind: 'status', fromStatus: 'received', toStatus: 'rejected', body: s.reason, authorId: input.petugasId, authorRole: 'staff', createdAt: rejectedAt });
		if (verifiedAt) ev.push({ aduanId: row.id, kind: 'status', fromStatus: 'received', toStatus: 'verified', authorId: input.petugasId, authorRole: 'staff', createdAt: verifiedAt });
		if (planPostedAt) {
			ev.push({ aduanId: row.id, kind: 'plan', body: PLAN, authorId: unitStaffId, authorRole: 'unit', createdAt: planPostedAt });
			ev.push({ aduanId: row.id, kind: 'status', fromStatus: 'verified', toStatus: 'in_progress', authorId: unitStaffId, authorRole: 'unit', createdAt: planPostedAt });
		}
		if (s.messages && verifiedAt) {
			const at = new Date((verifiedAt.getTime() + (planPostedAt ?? now).getTime()) / 2);
			ev.push({ aduanId: row.id, kind: 'message', body: 'Mohon kirim foto lokasi yang lebih dekat dan patokan terdekat.', authorId: unitStaffId, authorRole: 'unit', createdAt: at });
			ev.push({ aduanId: row.id, kind: 'message', body: 'Lokasinya persis di depan warung Bu Sri, sebelah gardu ronda.', authorId: filer, authorRole: 'reporter', createdAt: new Date(at.getTime() + 3 * HOUR) });
			ev.push({ aduanId: row.id, kind: 'note', body: 'Catatan internal: koordinasi dengan kelurahan untuk akses lokasi.', isInternal: true, authorId: unitStaffId, authorRole: 'unit', createdAt: new Date(at.getTime() + 4 * HOUR) });
		}
		if (resolvedAt) ev.push({ aduanId: row.id, kind: 'status', fromStatus: 'in_progress', toStatus: 'resolved', body: RESOLVED, authorId: unitStaffId, authorRole: 'unit', createdAt: resolvedAt });
		if (closedAt) {
			ev.push({ aduanId: row.id, kind: 'status', fromStatus: 'resolved', toStatus: 'closed', authorId: filer, authorRole: 'reporter', createdAt: closedAt });
			if (s.rating) ev.push({ aduanId: row.id, kind: 'rating', body: String(s.rating), authorId: filer, authorRole: 'reporter', createdAt: closedAt });
		}
		ev.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
		await db.insert(aduanEvents).values(ev);
	}
	void input.storage;
}
