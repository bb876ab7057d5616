/**
 * Demo campaigns: one active campaign promoting the demo immunisation program to every verified
 * KIM (tasks in every state, share links with clicks over the last days, activity reports with
 * residents' feedback) and one anti-hoax campaign past its due date (overdue tasks), so the
 * inbox, share kits and reach pages show real numbers on first start. Deterministic: the same
 * dataset every time (a fixed pseudo-random sequence), dates relative to `now`.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/client';
import { activityReports, assignments, campaignPosts, campaigns, linkClicks, notifications, shareLinks } from '../db/schema';
import { todayWib } from '../validation';
import type { DemoKim } from './demo.posts';

const DAY = 86400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** A small deterministic generator (mulberry32) so the demo looks the same on every first start. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FEEDBACK = [
	{ questions: 'Apakah imunisasi MR aman untuk anak yang baru sembuh batuk pilek?', feedback: 'Ibu-ibu senang ada jadwal per RW, minta diingatkan lagi H-1 lewat grup WhatsApp.' },
	{ questions: 'Kalau buku KIA hilang, apakah anak tetap bisa diimunisasi?', feedback: 'Warga minta petugas kesehatan hadir di pertemuan berikutnya untuk menjawab pertanyaan.' },
	{ questions: null, feedback: 'Poster dipasang di pos ronda dan warung; banyak yang memotret QR-nya.' },
	{ questions: 'Apakah ada imunisasi untuk anak di atas 5 tahun?', feedback: 'Beberapa orang tua ragu karena kabar di media sosial; sudah dijelaskan dengan materi kampanye.' }
];
const TYPES = ['meeting', 'whatsapp_group', 'door_to_door', 'social_media', 'banner'] as const;

/** Writes the demo campaigns for `kims` (verified demo KIMs; the first is the demo pengurus'). */
export async function seedDemoCampaigns(db: Db, petugasId: string, kims: DemoKim[], programPostId: string, hoaxPostId: string, now = new Date()) {
	if (!kims.length) return;
	const rnd = random(42);
	const today = todayWib(now);
	const launchedAt = new Date(now.getTime() - 6 * DAY);
	const [mr] = await db
		.insert(campaigns)
		.values({
			title: 'Ayo imunisasi campak-rubela (MR) di posyandu',
			objective: 'Semua orang tua balita di setiap kelurahan tahu jadwal imunisasi MR gratis dan membawa anaknya ke posyandu.',
			keyMessages: ['Imunisasi MR gratis untuk balita 9 bulan sampai 5 tahun.', 'Bawa buku KIA ke posyandu atau puskesmas.', 'Imunisasi MR aman dan melindungi anak dari campak dan rubela.'],
			whatsappTemplate: 'Assalamualaikum Bapak/Ibu. {judul}. Jadwal dan syaratnya ada di sini: {tautan}\nMohon diteruskan ke grup RT/RW. Terima kasih.',
			priority: 'high',
			startsOn: addDays(today, -6),
			endsOn: addDays(today, 20),
			dueOn: addDays(today, 14),
			targetKind: 'all',
			targetReach: 5000,
			status: 'active',
			createdBy: petugasId,
			launchedAt,
			createdAt: new Date(launchedAt.getTime() - DAY),
			updatedAt: launchedAt
		})
		.returning();
	await db.insert(campaignPosts).values({ campaignId: mr.id, postId: programPostId, position: 0 });
	const [hoax] = await db
		.insert(campaigns)
		.values({
			title: 'Waspada pesan berantai bantuan palsu',
			objective: 'Warga tidak mengisi data pribadi di tautan bantuan palsu dan tahu saluran informasi resmi.',
			keyMessages: ['Pemerintah tidak pernah meminta data pribadi lewat tautan di pesan berantai.', 'Cek kebenaran kabar di portal resmi atau tanyakan ke KIM.'],
			whatsappTemplate: 'Hati-hati, Bapak/Ibu: {judul}. Penjelasan lengkap: {tautan}',
			priority: 'medium',
			startsOn: addDays(today, -20),
			endsOn: addDays(today, 5),
			dueOn: addDays(today, -2),
			targetKind: 'kims',
			targetKimIds: kims.slice(0, 3).map((k) => k.id),
			targetReach: 1500,
			status: 'active',
			createdBy: petugasId,
			launchedAt: new Date(now.getTime() - 20 * DAY),
			createdAt: new Date(now.getTime() - 21 * DAY),
			updatedAt: new Date(now.getTime() - 20 * DAY)
		})
		.returning();
	await db.insert(campaignPosts).values({ campaignId: hoax.id, postId: hoaxPostId, position: 0 });

	// The MR campaign: every verified KIM has a task; the demo KIM accepted, others in every state.
	const states = ['accepted', 'done', 'new', 'accepted', 'declined', 'done', 'new', 'accepted', 'done'] as const;
	for (const [i, kim] of kims.entries()) {
		const status = states[i % states.length];
		const respondedAt = new Date(launchedAt.getTime() + (i + 1) * 3600_000);
		const [a] = await db
			.insert(assignments)
			.values({
				campaignId: mr.id,
				kimId: kim.id,
				status,
				dueOn: mr.dueOn!,
				declineReason: status === 'declined' ? 'Pengurus sedang fokus pada kegiatan HUT kelurahan bulan ini.' : null,
				respondedBy: status === 'new' ? null : kim.boardId,
				respondedAt: status === 'new' ? null : respondedAt,
				doneAt: status === 'done' ? new Date(now.getTime() - DAY) : null,
				createdAt: launchedAt
			})
			.returning();
		await db.insert(notifications).values({
			userId: kim.boardId,
			kind: 'assignment_created',
			title: `Tugas baru: ${mr.title}`,
			body: `${kim.name} mendapat tugas menyebarkan kampanye ini sampai ${mr.dueOn}.`,
			url: '/tugas',
			dedupeKey: `assignment:${a.id}:created`,
			createdAt: launchedAt,
			readAt: i === 0 ? null : respondedAt
		});
		if (status === 'new' || status === 'declined') continue;

		// Share links of the board member and a member, clicked over the last six days.
		for (const userId of [...new Set([kim.boardId, kim.memberId])]) {
			const code = createHash('sha256').update(`demo:${mr.id}:${kim.id}:${userId}`).digest('base64url').replace(/[-_]/g, '').slice(0, 7);
			const [link] = await db.insert(shareLinks).values({ code, campaignId: mr.id, kimId: kim.id, userId, createdAt: respondedAt }).returning();
			const clicks = [];
			for (let d = 5; d >= 0; d--) {
				const n = Math.floor(rnd() * 9);
				for (let c = 0; c < n; c++) {
					const at = new Date(now.getTime() - d * DAY - Math.floor(rnd() * 8 * 3600_000));
					// Visitor keys are hashes in real data; here a few repeat within a day.
					clicks.push({ linkId: link.id, clickedAt: at, day: todayWib(at), visitorKey: createHash('sha256').update(`demo:${link.id}:${d}:${Math.floor(rnd() * 5)}`).digest('hex') });
				}
			}
			if (clicks.length) await db.insert(linkClicks).values(clicks);
		}
		// Activity reports in the KIM's kelurahan.
		const reports = status === 'done' ? 2 : 1;
		for (let r = 0; r < reports; r++) {
			const f = FEEDBACK[(i + r) % FEEDBACK.length];
			const audience = 12 + Math.floor(rnd() * 60);
			await db.insert(activityReports).values({
				kimId: kim.id,
				campaignId: mr.id,
				type: TYPES[(i + r) % TYPES.length],
				heldOn: addDays(today, -1 - r * 2 - (i % 3)),
				kelurahanCode: kim.kelurahanCode!,
				rw: String(1 + ((i + r) % 8)).padStart(2, '0'),
				rt: String(1 + (r % 4)).padStart(2, '0'),
				audienceCount: audience,
				womenCount: Math.floor(audience * 0.6),
				youthCount: Math.floor(audience * 0.2),
				notes: 'Materi kampanye dibacakan dan poster dibagikan.',
				questions: f.questions,
				feedback: f.feedback,
				reporterId: r === 0 ? kim.memberId : kim.boardId,
				createdAt: new Date(now.getTime() - (1 + r * 2) * DAY)
			});
		}
	}

	// The anti-hoax campaign: past its due date — one done, the rest overdue.
	for (const [i, kim] of kims.slice(0, 3).entries()) {
		await db.insert(assignments).values({
			campaignId: hoax.id,
			kimId: kim.id,
			status: i === 1 ? 'done' : i === 2 ? 'accepted' : 'new',
			dueOn: hoax.dueOn!,
			respondedBy: i === 0 ? null : kim.boardId,
			respondedAt: i === 0 ? null : new Date(now.getTime() - 19 * DAY),
			doneAt: i === 1 ? new Date(now.getTime() - 4 * DAY) : null,
			createdAt: hoax.launchedAt!
		});
	}
}
