/**
 * Seeding for the XSS suite (xss.test.ts): puts the corpus through the API into every
 * user-writable text field, one function per entity, and plans the page visits, feeds and CSV
 * exports that show those fields. Here the seeding context, the newsroom, campaigns, the KIM
 * profile and admin things; what residents file and use is in xss-seed-residents.ts. The functions
 * run in the order the test calls them: later ones use what earlier ones made (posts for
 * campaigns, the first campaign for reports, the filers for survey answers), and the KIM profile
 * goes last (editing it sends the KIM back for review).
 */
import type { client, Session } from './api-client';
import { packCorpus, WHOLE_CORPUS } from './xss-corpus';

export const KEL = '33.71.01.1003';
const ymd = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const yesterday = ymd(new Date(Date.now() - 86400_000));
const inDays = (n: number) => ymd(new Date(Date.now() + n * 86400_000));

export type Visit = { path: string; as: 'anon' | Session; label: string; checkPost?: { title: string } };
export type CsvPath = { path: string; as: Session };
export type Cast = { petugas: Session; pengurus: Session; anggota: Session; warga: Session; admin: Session; kimId: string };
type Put = <T = any>(label: string, fieldNames: string[], run: () => Promise<{ status: number; body: T }>) => Promise<T | null>;

/** What the seeding shares: the API, the demo actors, what was stored or refused, and what to check later. */
export type SeedContext = Cast & {
	api: ReturnType<typeof client>;
	/** Runs one write: a 5xx fails the run, a 4xx is listed in `refused`, a success adds its fields to `fields`. */
	put: Put;
	/** What the seeding step could not store (the API refused the payload: that is safe, and listed). */
	refused: string[];
	/** Fields that carried payloads, by entity. */
	fields: Set<string>;
	visits: Visit[];
	feedChecks: string[];
	csvPaths: CsvPath[];
};

export function seedContext(api: ReturnType<typeof client>, cast: Cast, plan: { visits: Visit[]; feedChecks: string[]; csvPaths: CsvPath[] }): SeedContext {
	const refused: string[] = [];
	const fields = new Set<string>();
	async function put<T = any>(label: string, fieldNames: string[], run: () => Promise<{ status: number; body: T }>): Promise<T | null> {
		const r = await run();
		if (r.status >= 500) throw new Error(`${label}: ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
		if (r.status >= 400) {
			refused.push(`${label} → ${r.status} ${JSON.stringify((r.body as any)?.errors ?? r.body).slice(0, 300)}`);
			return null;
		}
		for (const f of fieldNames) fields.add(f);
		return r.body;
	}
	return { ...cast, api, put, refused, fields, ...plan };
}

/** Agency posts by the petugas, one per packed title; each kind's extra fields too. Returns the published ids. */
export async function seedPosts({ api, put, petugas, visits }: SeedContext): Promise<string[]> {
	const titles = packCorpus(200);
	const summaries = packCorpus(500);
	const tags = packCorpus(40);
	const kinds = ['news', 'program', 'announcement', 'potential', 'clarification'] as const;
	const postIds: string[] = [];
	for (let i = 0; i < titles.length; i++) {
		const kind = kinds[i % kinds.length];
		const extra: Record<string, unknown> =
			kind === 'program'
				? { eligibility: summaries[i % summaries.length], how_to_join: summaries[(i + 1) % summaries.length], contact: titles[(i + 1) % titles.length], deadline: inDays(30) }
				: kind === 'potential'
					? { category: 'culture', location: titles[(i + 2) % titles.length], contact: titles[(i + 3) % titles.length] }
					: kind === 'clarification'
						? { claim: summaries[(i + 2) % summaries.length], verdict: 'hoax', sources: ['https://www.magelangkota.go.id/'] }
						: kind === 'announcement'
							? { expires_on: inDays(60) }
							: {};
		const body = `## ${titles[i]}\n\n${WHOLE_CORPUS}`;
		const post = await put(`post ${kind} ${i}`, ['post.title', 'post.summary', 'post.body', 'post.tags', ...Object.keys(extra).map((k) => `post.${k}`)], () =>
			api.call('POST', '/api/v1/posts', {
				as: petugas,
				body: { kind, title: titles[i], summary: summaries[i % summaries.length], body, kelurahan_code: KEL, tags: tags.slice((i * 3) % tags.length, ((i * 3) % tags.length) + 3), ...extra }
			})
		);
		if (!post) continue;
		await api.call('POST', `/api/v1/posts/${post.id}/submit`, { as: petugas });
		await api.must('POST', `/api/v1/posts/${post.id}/publish`, { as: petugas, body: {} });
		postIds.push(post.id);
		const published = await api.must('GET', `/api/v1/posts/${post.id}`, { as: petugas });
		const path = new URL(published.url).pathname;
		visits.push({ path, as: 'anon', label: `post ${i}`, checkPost: { title: titles[i] } });
		if (i < 3) visits.push({ path: `/redaksi/${post.id}`, as: petugas, label: `redaksi post ${i}` });
	}
	return postIds;
}

/** The pages listing and searching the posts, and the feeds. */
export function planPostListings({ visits, feedChecks, petugas }: SeedContext) {
	const tags = packCorpus(40);
	visits.push({ path: '/', as: 'anon', label: 'home' }, { path: '/berita', as: 'anon', label: 'berita' }, { path: '/redaksi', as: petugas, label: 'redaksi' });
	for (const q of ['xss', 'script', 'klik', 'javascript', 'gambar']) visits.push({ path: `/cari?q=${q}`, as: 'anon', label: `cari ${q}` });
	for (const t of tags.slice(0, 3)) visits.push({ path: `/berita?tag=${encodeURIComponent(t.toLowerCase())}`, as: 'anon', label: 'berita by tag' });
	feedChecks.push('/feed.xml', '/atom.xml', '/sitemap.xml');
}

/** Rumours flagged by a member, read by the newsroom. */
export async function seedRumours({ api, put, anggota, petugas, kimId, visits }: SeedContext) {
	for (const t of packCorpus(2000)) await put('rumour', ['rumour.text', 'rumour.where_heard'], () => api.call('POST', '/api/v1/rumours', { as: anggota, body: { text: t, where_heard: t.slice(0, 200), kim_id: kimId, kelurahan_code: KEL } }));
	visits.push({ path: '/redaksi/isu', as: petugas, label: 'rumours' });
}

/** Campaigns by the petugas on the first post, targeted at the demo KIM, launched. Returns the launched ids. */
export async function seedCampaigns({ api, put, petugas, kimId }: SeedContext, postIds: string[]): Promise<string[]> {
	const ctitles = packCorpus(200);
	const objectives = packCorpus(2000);
	const messages = packCorpus(300);
	const wa = packCorpus(1000);
	const campaignIds: string[] = [];
	for (let i = 0; i < ctitles.length; i++) {
		const c = await put(`campaign ${i}`, ['campaign.title', 'campaign.objective', 'campaign.key_messages', 'campaign.whatsapp_template'], () =>
			api.call('POST', '/api/v1/campaigns', {
				as: petugas,
				body: {
					title: ctitles[i],
					objective: objectives[i % objectives.length],
					key_messages: messages.slice(0, 5).map((m, j) => messages[(i + j) % messages.length]),
					post_ids: postIds.slice(0, 1),
					whatsapp_template: `${wa[i % wa.length]} {link}`,
					priority: 'high',
					starts_on: yesterday,
					ends_on: inDays(30),
					target: { kind: 'kims', kim_ids: [kimId] },
					target_reach: 100
				}
			})
		);
		if (!c) continue;
		await api.must('POST', `/api/v1/campaigns/${c.id}/launch`, { as: petugas });
		campaignIds.push(c.id);
	}
	return campaignIds;
}

/** The KIM accepts its tasks; the campaign pages and stats exports of each, the lists. */
export async function acceptAndPlanCampaigns({ api, pengurus, anggota, petugas, visits, csvPaths }: SeedContext, campaignIds: string[]) {
	const assignments = (await api.must('GET', '/api/v1/assignments', { as: pengurus })).data as { id: string; campaign_id: string }[];
	for (const a of assignments.filter((a) => campaignIds.includes(a.campaign_id))) await api.call('POST', `/api/v1/assignments/${a.id}/accept`, { as: pengurus });
	for (const id of campaignIds) {
		visits.push(
			{ path: `/petugas/kampanye/${id}`, as: petugas, label: 'petugas kampanye' },
			{ path: `/kampanye/${id}`, as: anggota, label: 'kampanye' },
			{ path: `/kampanye/${id}/bagikan`, as: anggota, label: 'bagikan' },
			{ path: `/kampanye/${id}/jangkauan`, as: petugas, label: 'jangkauan' }
		);
		csvPaths.push({ path: `/api/v1/campaigns/${id}/stats.csv`, as: petugas });
	}
	visits.push({ path: '/petugas/kampanye', as: petugas, label: 'petugas kampanye list' }, { path: '/tugas', as: pengurus, label: 'tugas' }, { path: '/tugas', as: anggota, label: 'tugas anggota' });
}

/** Activity reports on one campaign: notes, questions, feedback. */
export async function seedReports({ api, put, anggota, petugas, kimId, visits }: SeedContext, campaignId: string) {
	const long = packCorpus(2000);
	const reportIds: string[] = [];
	for (let i = 0; i < long.length; i++) {
		const r = await put(`report ${i}`, ['report.notes', 'report.questions', 'report.feedback', 'report.rw', 'report.rt'], () =>
			api.call('POST', '/api/v1/activity-reports', {
				as: anggota,
				body: { kim_id: kimId, campaign_id: campaignId, type: 'meeting', held_on: yesterday, kelurahan_code: KEL, audience_count: 12, notes: long[i], questions: long[(i + 1) % long.length], feedback: long[(i + 2) % long.length] }
			})
		);
		if (r) reportIds.push(r.id);
	}
	for (const id of reportIds) visits.push({ path: `/laporan/${id}`, as: petugas, label: 'laporan' });
	visits.push({ path: '/laporan', as: anggota, label: 'laporan list' });
}

/**
 * The KIM profile (editing a verified KIM sends it back for review; one record: its name carries
 * the first packed chunk; the rest go to text), then hostile social links one by one.
 */
export async function seedKimProfile({ api, put, pengurus, petugas, kimId, visits }: SeedContext) {
	const names = packCorpus(120);
	await put('kim', ['kim.name', 'kim.description', 'kim.address'], () =>
		api.call('PATCH', `/api/v1/kims/${kimId}`, { as: pengurus, body: { name: names[0], description: WHOLE_CORPUS.slice(0, 2000), address: packCorpus(300)[0] } })
	);
	for (const [f, v] of Object.entries({ website: 'javascript:__xss(1001)', instagram: '"><img src=x onerror=__xss(1002)>', facebook: 'javascript:__xss(1003)', youtube: 'data:text/html,<script>parent.__xss(1004)</script>', tiktok: ' javascript:__xss(1005)' }))
		await put(`kim.${f}`, [`kim.${f}`], () => api.call('PATCH', `/api/v1/kims/${kimId}`, { as: pengurus, body: { [f]: v } }));
	const kimNow = await api.must('GET', `/api/v1/kims/${kimId}`, { as: pengurus });
	const kimSlug = kimNow.slug;
	visits.push(
		{ path: '/kim', as: 'anon', label: 'kim list' },
		{ path: `/kim/${kimSlug}`, as: pengurus, label: 'kim profile (back in review after the edit: members only)' },
		{ path: `/kim/${kimSlug}/kelola`, as: pengurus, label: 'kim kelola' },
		{ path: '/petugas/kim', as: petugas, label: 'petugas kim' }
	);
}

/** Admin-named things: holidays, API keys; the admin pages and the notification inboxes. */
export async function seedAdminThings({ api, put, admin, pengurus, warga, visits }: SeedContext) {
	for (const [i, name] of packCorpus(100).entries()) await put(`holiday ${i}`, ['holiday.name'], () => api.call('POST', '/api/v1/holidays', { as: admin, body: { day: `2027-0${(i % 9) + 1}-1${i % 10}`, name, kind: 'local' } }));
	for (const [i, name] of packCorpus(100).entries()) await put(`api key ${i}`, ['api_key.name'], () => api.call('POST', '/api/v1/admin/api-keys', { as: admin, body: { name } }));
	visits.push({ path: '/admin/libur', as: admin, label: 'libur' }, { path: '/admin/kunci-api', as: admin, label: 'kunci api' }, { path: '/admin', as: admin, label: 'admin' }, { path: '/notifikasi', as: pengurus, label: 'notifikasi' }, { path: '/notifikasi', as: warga, label: 'notifikasi warga' });
}
