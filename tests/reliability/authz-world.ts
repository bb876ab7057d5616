/**
 * One fixture world for the authorization matrix and the hostile-input properties: KIMs A and B
 * with an anggota and a pengurus (ketua) each, a resident, unit staff of DPUPR, a petugas and an
 * admin, and resources "of KIM A" (the right KIM) to aim every operation at. `requestFor` turns an
 * operation into a request with valid path params (and, where cheap, a valid body) for an actor.
 * Operations that change state get a fresh target per call (`fresh: true` in REQUESTS), so one
 * actor's allowed call never changes what the next actor sees.
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import { holidays, kimMembers, notifications, outbox, unitMembers } from '../../src/lib/server/db/schema';
import { buildActor, buildKim, buildUser, testApi, TIDAR_SELATAN, WATES } from '../factories';
import { buildAduan, buildUnitStaff, ensureAduanReference } from '../../src/lib/server/aduan/aduan.factories';
import { hashClaimCode } from '../../src/lib/server/aduan/aduan.filing.rules';
import { buildPost, buildRumour } from '../../src/lib/server/posts/posts.factories';
import { buildAssignment, buildCampaign, buildReport, daysFromToday } from '../../src/lib/server/stats/stats.factories';
import { todayWib } from '../../src/lib/server/validation';

export const ACTORS = ['anonymous', 'warga', 'anggotaB', 'pengurusB', 'anggotaA', 'pengurusA', 'unitStaff', 'petugas', 'admin'] as const;
export type ActorName = (typeof ACTORS)[number];

const uid = () => randomBytes(4).toString('hex');
type Person = { email: string; userId: string };

export type World = Awaited<ReturnType<typeof buildWorld>>;
/** `freshSession`: log the actor in again and use that session (for logout, which ends it). */
export type Req = {
	method: string; path: string; body?: unknown; headers?: Record<string, string>; freshSession?: boolean;
	/** Undoes what the call changed about the actor (e.g. a KIM they now lead), so later rows see the same actors. */
	after?: (res: { status: number; body: any }) => Promise<unknown>;
};

/** Builds the world once per test file. */
export async function buildWorld(db: Db) {
	const { api, call } = testApi(db);
	await ensureAduanReference(db);
	const kimA = await buildKim(db);
	const kimB = await buildKim(db);
	const people: Record<Exclude<ActorName, 'anonymous'>, Person> = {
		warga: await buildActor(db, 'warga'),
		anggotaB: await buildActor(db, 'warga', { kimId: kimB.id, position: 'anggota' }),
		pengurusB: await buildActor(db, 'warga', { kimId: kimB.id, position: 'ketua' }),
		anggotaA: await buildActor(db, 'warga', { kimId: kimA.id, position: 'anggota' }),
		pengurusA: await buildActor(db, 'warga', { kimId: kimA.id, position: 'ketua' }),
		unitStaff: await buildUnitStaff(db, 'dpupr'),
		petugas: await buildActor(db, 'petugas'),
		admin: await buildActor(db, 'admin')
	};
	const as = (actor: ActorName) => (actor === 'anonymous' ? undefined : people[actor]);

	const publishedPost = await buildPost(db, { kimId: kimA.id, authorId: people.anggotaA.userId });
	const campaign = await buildCampaign(db, { createdBy: people.petugas.userId });
	const assignment = await buildAssignment(db, campaign.id, kimA.id);
	const report = await buildReport(db, { kimId: kimA.id, kelurahanCode: TIDAR_SELATAN, audienceCount: 10, reporterId: people.anggotaA.userId, campaignId: campaign.id });
	const rumour = await buildRumour(db, kimA.id);
	const aduan = {
		public: await buildAduan(db, { reporterId: people.warga.userId, privacy: 'public' }),
		anonymous: await buildAduan(db, { reporterId: people.warga.userId, privacy: 'anonymous' }),
		confidential: await buildAduan(db, { reporterId: people.warga.userId, privacy: 'confidential' }),
		/** Verified and forwarded to DPUPR, so its unit staff handle it. */
		forwarded: await buildAduan(db, { reporterId: people.warga.userId, privacy: 'confidential', status: 'in_progress', verifiedAt: new Date() })
	};
	const keyRes = await call('POST', '/api/v1/admin/api-keys', { as: people.admin, body: { name: `Kunci ${uid()}` } });
	const apiKey = { id: keyRes.body.id as string, key: keyRes.body.key as string };
	const survey = await openSurvey();
	const service = await call('POST', '/api/v1/services', { as: people.admin, body: serviceBody() });
	const facility = await call('POST', '/api/v1/facilities', { as: people.admin, body: facilityBody() });
	const emergency = await call('POST', '/api/v1/emergency-numbers', { as: people.admin, body: { label: `Darurat ${uid()}`, number: '112' } });
	for (const r of [service, facility, emergency]) if (r.status !== 201) throw new Error(`world: ${JSON.stringify(r.body)}`);
	const o311 = await api.request('/open311/v2/requests.json', {
		method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ api_key: apiKey.key, service_code: 'sampah', lat: '-7.47', long: '110.215', kelurahan_code: WATES, description: 'Tumpukan sampah di pinggir sungai belum diangkut seminggu.', email: `o311-${uid()}@test.id` }).toString()
	});
	const open311Token = ((await o311.json()) as { token?: string }[])[0]?.token;
	if (!open311Token) throw new Error('world: open311 token');
	const png = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0b5e55' } }).png().toBuffer());
	const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

	async function openSurvey() {
		const created = await call('POST', '/api/v1/surveys', { as: people.admin, body: surveyBody() });
		if (created.status !== 201) throw new Error(`world survey: ${JSON.stringify(created.body)}`);
		await call('POST', `/api/v1/surveys/${created.body.id}/open`, { as: people.admin });
		return created.body as { id: string; questions: { id: string }[] };
	}

	const freshKims: string[] = [];
	/** Fresh targets for state-changing operations; all belong to KIM A or are the agency's. */
	const fresh = {
		/** A KIM whose ketua and anggota are pengurus A and anggota A until `cleanup()`. */
		kim: async (status: 'registered' | 'verified' | 'returned' | 'inactive' = 'verified') => {
			const kim = await buildKim(db, { status, members: [[people.pengurusA.userId, 'ketua'], [people.anggotaA.userId, 'anggota']] });
			freshKims.push(kim.id);
			return kim;
		},
		/** Ends the memberships in fresh KIMs, so the A actors stay members of KIM A only. */
		cleanup: async () => {
			for (const id of freshKims.splice(0)) await db.delete(kimMembers).where(eq(kimMembers.kimId, id));
		},
		/** A member of KIM A to change or remove. */
		member: async () => (await buildActor(db, 'warga', { kimId: kimA.id, position: 'seksi' })).userId,
		post: (status: 'draft' | 'in_review' | 'published', over: Record<string, unknown> = {}) =>
			buildPost(db, { kimId: kimA.id, authorId: people.anggotaA.userId, status, ...over }),
		rumour: () => buildRumour(db, kimA.id),
		draftCampaign: () => buildCampaign(db, { status: 'draft', launchedAt: null, createdBy: people.petugas.userId }),
		activeCampaign: () => buildCampaign(db, { createdBy: people.petugas.userId }),
		assignment: async () => buildAssignment(db, (await buildCampaign(db, { createdBy: people.petugas.userId })).id, kimA.id),
		report: () => buildReport(db, { kimId: kimA.id, kelurahanCode: TIDAR_SELATAN, audienceCount: 5, reporterId: people.anggotaA.userId }),
		aduan: (over: Parameters<typeof buildAduan>[1] = {}) => buildAduan(db, { reporterId: people.warga.userId, ...over }),
		/** Filed by anggota A for a resident without internet: claimable with a code. */
		claimable: () => buildAduan(db, { reporterId: null, assistedBy: people.anggotaA.userId, onBehalfName: 'Mbah Sastro', claimCodeHash: hashClaimCode('ABCD-EFGH') }),
		holiday: async () => {
			const day = `2099-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
			await db.insert(holidays).values({ day, name: 'Libur uji', kind: 'local', isOff: true }).onConflictDoNothing();
			return day;
		},
		unitMember: async () => (await buildUnitStaff(db, 'dpupr')).userId,
		user: async () => (await buildUser(db)).id,
		notificationOf: async (userId: string) =>
			(await db.insert(notifications).values({ userId, kind: 'test', title: 'Uji', dedupeKey: `t:${uid()}` }).returning())[0].id,
		outbox: async () => (await db.insert(outbox).values({ topic: 'mail', payload: {}, status: 'failed' }).returning())[0].id,
		apiKey: async () => (await call('POST', '/api/v1/admin/api-keys', { as: people.admin, body: { name: `Kunci ${uid()}` } })).body.id as string,
		draftSurvey: async () => (await call('POST', '/api/v1/surveys', { as: people.admin, body: surveyBody() })).body.id as string,
		openSurvey,
		service: async () => (await call('POST', '/api/v1/services', { as: people.admin, body: serviceBody() })).body.slug as string,
		facility: async () => (await call('POST', '/api/v1/facilities', { as: people.admin, body: facilityBody() })).body.slug as string,
		/** Ends the memberships of a KIM the actor registered. */
		leaveKim: (kimId: string | undefined) => (kimId ? db.delete(kimMembers).where(eq(kimMembers.kimId, kimId)) : Promise.resolve()),
		leaveUnit: (userId: string) => db.delete(unitMembers).where(and(eq(unitMembers.unitCode, 'dpupr'), eq(unitMembers.userId, userId))),
		emergency: async () => (await call('POST', '/api/v1/emergency-numbers', { as: people.admin, body: { label: `Darurat ${uid()}`, number: '113' } })).body.id as string
	};
	return {
		db, api, call, people, as, kimA, kimB, publishedPost, campaign, assignment, report, rumour, aduan, apiKey, survey,
		open311Token, serviceSlug: service.body.slug as string, facilitySlug: facility.body.slug as string, emergencyId: emergency.body.id as string,
		png, pdf, fresh
	};
}

export const surveyBody = () => ({
	title: `Jajak pendapat ${uid()}`, description: 'Singkat', audience: { kind: 'all' }, anonymous: false,
	questions: [{ type: 'single_choice', text: 'Setuju pasar direnovasi?', options: ['Ya', 'Tidak'], required: true }]
});
export const serviceBody = () => ({
	name: `Layanan ${uid()}`, unit_code: 'disdukcapil', category: 'kependudukan', service_time: '1 hari kerja', location: 'Mal Pelayanan Publik', hours: 'Senin–Jumat 08.00–15.00', is_published: true
});
export const facilityBody = () => ({ name: `Puskesmas ${uid()}`, kind: 'puskesmas', address: 'Jl. Uji No. 1', kelurahan_code: TIDAR_SELATAN, is_published: true });
export const kimBody = () => ({ name: `KIM Uji ${uid()}`, kelurahan_code: TIDAR_SELATAN, sk_number: '12/KEP/2025', sk_date: '2025-01-10', focus: ['literasi'] });
export const postBody = (kimId?: string) => ({ kind: 'news', title: `Kabar ${uid()}`, summary: 'Ringkas', body: 'Isi tulisan.', ...(kimId ? { kim_id: kimId } : {}) });
export const campaignBody = (postIds: string[]) => ({
	title: `Kampanye ${uid()}`, objective: 'Warga tahu jadwal imunisasi.', key_messages: ['Gratis'], post_ids: postIds, whatsapp_template: 'Info: {tautan}',
	starts_on: todayWib(), ends_on: daysFromToday(30), target: { kind: 'all' }, target_reach: 100
});
export const reportBody = (kimId: string) => ({ kim_id: kimId, type: 'meeting', held_on: todayWib(), kelurahan_code: TIDAR_SELATAN, audience_count: 12 });
export const aduanBody = () => ({
	type: 'complaint', category_code: 'jalan-rusak', title: `Jalan berlubang ${uid()}`, description: 'Ada lubang besar di tengah jalan dekat sekolah, sudah dua minggu belum diperbaiki.',
	kelurahan_code: TIDAR_SELATAN, privacy: 'public'
});
export { TIDAR_SELATAN, WATES };

export const formWith = (bytes: Uint8Array, name: string, type: string) => {
	const fd = new FormData();
	fd.append('file', new File([bytes as BlobPart], name, { type }));
	return fd;
};
