/**
 * Hostile input, rendered: the XSS corpus (xss-corpus.ts) goes through the API into every
 * user-writable text field that reaches a page, then every page showing those fields is opened in
 * Chromium as the actor who sees it. A payload that runs calls `__xss(id)` (exposed to every frame)
 * or requests a URL containing `__xss/` (watched): neither may happen, nor any dialog. The DOM is
 * checked too: no element carries an injected handler, javascript:/data: link, srcdoc, object,
 * embed, base or refresh; JSON-LD still parses as JSON; the post's title comes back as text in
 * <title>, og:title and JSON-LD. Feeds must be well-formed XML with the payload escaped (their
 * HTML content is checked like a page); CSV exports must be formula-safe.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { client, type Session } from './api-client';
import { privateBuild } from './private-build';
import { startServer, type RunningServer } from './server';
import { packCorpus, WHOLE_CORPUS, XSS_CORPUS } from './xss-corpus';

const KEL = '33.71.01.1003';
const ymd = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const today = ymd(new Date());
const yesterday = ymd(new Date(Date.now() - 86400_000));
const inDays = (n: number) => ymd(new Date(Date.now() + n * 86400_000));

let server: RunningServer;
let copy: ReturnType<typeof privateBuild> | undefined;
let browser: Browser;
let api: ReturnType<typeof client>;

beforeAll(async () => {
	copy = privateBuild('xss');
	server = await startServer({ port: 5320, demo: true, cwd: copy.dir });
	api = client(server.url);
	browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
	});
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	copy?.remove();
});

/** What the seeding step could not store (the API refused the payload: that is safe, and listed). */
const refused: string[] = [];
/** Fields that carried payloads, by entity. */
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

type Visit = { path: string; as: 'anon' | Session; label: string; checkPost?: { title: string } };

/** Page checks, run in the page: the injected-markup census. */
function census() {
	const bad: string[] = [];
	const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background'];
	for (const el of Array.from(document.querySelectorAll('*'))) {
		for (const a of Array.from(el.attributes)) {
			const n = a.name.toLowerCase();
			const v = a.value;
			if (n.startsWith('on') && /xss|&#95;/i.test(v)) bad.push(`<${el.localName} ${n}="${v.slice(0, 60)}">`);
			if (urlAttrs.includes(n) && /^[\s\u0000-\u001f]*(javascript|vbscript|data:text)/i.test(v.replace(/[\t\n\r]/g, ''))) bad.push(`<${el.localName} ${n}="${v.slice(0, 60)}">`);
			if (n === 'srcdoc') bad.push(`<${el.localName} srcdoc>`);
		}
		const tag = el.localName;
		if (['object', 'embed', 'base', 'frameset'].includes(tag)) bad.push(`<${tag}>`);
		if (tag === 'meta' && (el.getAttribute('http-equiv') ?? '').toLowerCase() === 'refresh') bad.push('<meta refresh>');
		if (tag === 'img' && el.getAttribute('src') === 'x') bad.push('<img src=x>');
		if (tag === 'script') {
			const type = (el.getAttribute('type') ?? '').toLowerCase();
			const text = el.textContent ?? '';
			if (type === 'application/ld+json') {
				try {
					JSON.parse(text);
				} catch {
					bad.push('JSON-LD that is not JSON');
				}
			} else if (!el.hasAttribute('src') && text.includes('__xss') && !text.includes('__sveltekit')) bad.push(`<script>${text.slice(0, 60)}</script>`);
		}
		if (tag === 'iframe' || tag === 'math' || tag === 'mglyph') bad.push(`<${tag}>`);
	}
	return bad;
}

describe('XSS corpus in every user-writable text field stays inert in Chromium', () => {
	const visits: Visit[] = [];
	const feedChecks: string[] = [];
	const csvPaths: { path: string; as: Session }[] = [];
	let petugas: Session, pengurus: Session, anggota: Session, warga: Session, admin: Session;
	let kimId = '';
	let kimSlug = '';

	test('seed the corpus through the API', async () => {
		[petugas, pengurus, anggota, warga, admin] = await Promise.all(['petugas', 'pengurus', 'anggota', 'warga', 'admin'].map((r) => api.login(`${r}@simpul.test`)));
		const me = await api.must('GET', '/api/v1/me', { as: anggota });
		kimId = me.kims[0].id;
		const kim = await api.must('GET', `/api/v1/kims/${kimId}`, { as: pengurus });
		kimSlug = kim.slug;

		// Posts: agency posts by the petugas, one per packed title; each kind's extra fields too.
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
		expect(postIds.length).toBeGreaterThan(0);
		visits.push({ path: '/', as: 'anon', label: 'home' }, { path: '/berita', as: 'anon', label: 'berita' }, { path: '/redaksi', as: petugas, label: 'redaksi' });
		for (const q of ['xss', 'script', 'klik', 'javascript', 'gambar']) visits.push({ path: `/cari?q=${q}`, as: 'anon', label: `cari ${q}` });
		for (const t of tags.slice(0, 3)) visits.push({ path: `/berita?tag=${encodeURIComponent(t.toLowerCase())}`, as: 'anon', label: 'berita by tag' });
		feedChecks.push('/feed.xml', '/atom.xml', '/sitemap.xml');

		// Rumours flagged by a member, read by the newsroom.
		for (const t of packCorpus(2000)) await put('rumour', ['rumour.text', 'rumour.where_heard'], () => api.call('POST', '/api/v1/rumours', { as: anggota, body: { text: t, where_heard: t.slice(0, 200), kim_id: kimId, kelurahan_code: KEL } }));
		visits.push({ path: '/redaksi/isu', as: petugas, label: 'rumours' });

		// Campaigns by the petugas, targeted at the demo KIM, launched.
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
		expect(campaignIds.length).toBeGreaterThan(0);
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

		// Activity reports on the first campaign: notes, questions, feedback.
		const long = packCorpus(2000);
		const reportIds: string[] = [];
		for (let i = 0; i < long.length; i++) {
			const r = await put(`report ${i}`, ['report.notes', 'report.questions', 'report.feedback', 'report.rw', 'report.rt'], () =>
				api.call('POST', '/api/v1/activity-reports', {
					as: anggota,
					body: { kim_id: kimId, campaign_id: campaignIds[0], type: 'meeting', held_on: yesterday, kelurahan_code: KEL, audience_count: 12, notes: long[i], questions: long[(i + 1) % long.length], feedback: long[(i + 2) % long.length] }
				})
			);
			if (r) reportIds.push(r.id);
		}
		for (const id of reportIds) visits.push({ path: `/laporan/${id}`, as: petugas, label: 'laporan' });
		visits.push({ path: '/laporan', as: anggota, label: 'laporan list' });

		// Residents with hostile display names, each filing a public aduan with hostile text.
		const unames = packCorpus(120);
		const atitles = packCorpus(150);
		const adesc = packCorpus(5000);
		const filers: Session[] = [warga];
		for (let i = 0; i < unames.length; i++) {
			const email = `xss${i}.${Date.now()}@contoh.test`;
			const u = await put(`register ${i}`, ['user.name'], () => api.call('POST', '/api/v1/auth/register', { body: { name: unames[i], email, password: 'xss-sandi-panjang-123', kelurahan_code: KEL } }));
			if (u) filers.push(await api.login(email, 'xss-sandi-panjang-123'));
		}
		const aduan: { id: string; tracking: string; by: Session }[] = [];
		for (let i = 0; i < atitles.length; i++) {
			const by = filers[i % filers.length];
			const a = await put(`aduan ${i}`, ['aduan.title', 'aduan.description'], () =>
				api.call('POST', '/api/v1/aduan', {
					as: by,
					body: { type: 'complaint', category_code: 'jalan-rusak', title: atitles[i], description: adesc[i % adesc.length], kelurahan_code: KEL, privacy: 'public' }
				})
			);
			if (a) aduan.push({ id: a.id, tracking: a.tracking_id, by });
		}
		// Assisted filing: the name of the person helped.
		await put('aduan on behalf', ['aduan.on_behalf_of.name'], () =>
			api.call('POST', '/api/v1/aduan', {
				as: anggota,
				body: { type: 'complaint', category_code: 'sampah', title: atitles[0], description: adesc[0], kelurahan_code: KEL, privacy: 'public', on_behalf_of: { name: unames[0], consent: true } }
			})
		);
		const notes = packCorpus(4000);
		for (const [i, a] of aduan.entries()) {
			await put('aduan verify note', ['aduan.transition.note'], () => api.call('POST', `/api/v1/aduan/${a.id}/transition`, { as: petugas, body: { to: 'verified', note: notes[i % notes.length] } }));
			await put('aduan reply', ['aduan.message'], () => api.call('POST', `/api/v1/aduan/${a.id}/messages`, { as: petugas, body: { body: notes[(i + 1) % notes.length] } }));
			await put('aduan internal note', ['aduan.internal_note'], () => api.call('POST', `/api/v1/aduan/${a.id}/messages`, { as: petugas, body: { body: notes[(i + 2) % notes.length], internal: true } }));
			await put('aduan resident reply', ['aduan.resident_message'], () => api.call('POST', `/api/v1/aduan/${a.id}/messages`, { as: a.by, body: { body: notes[i % notes.length] } }));
			visits.push(
				{ path: `/aduan/${a.tracking}`, as: 'anon', label: 'aduan public' },
				...(i < 3 ? [{ path: `/aduan/saya/${a.tracking}`, as: a.by, label: 'aduan mine' }] : []),
				{ path: `/petugas/aduan/${a.id}`, as: petugas, label: 'aduan desk' }
			);
		}
		visits.push(
			{ path: '/aduan', as: 'anon', label: 'aduan list' },
			{ path: '/aduan/saya', as: warga, label: 'aduan saya' },
			{ path: '/aduan/statistik', as: 'anon', label: 'aduan statistik' },
			{ path: '/petugas/aduan', as: petugas, label: 'aduan board' },
			{ path: '/admin/pengguna', as: admin, label: 'admin users' }
		);

		// Surveys: builder fields, then answers from a resident; results public.
		const stitles = packCorpus(200);
		const sdesc = packCorpus(2000);
		const qtext = packCorpus(500);
		const opts = packCorpus(200);
		const surveyIds: string[] = [];
		for (let i = 0; i < stitles.length; i++) {
			const s = await put(`survey ${i}`, ['survey.title', 'survey.description', 'survey.question.text', 'survey.question.options', 'survey.question.section', 'survey.question.help'], () =>
				api.call('POST', '/api/v1/surveys', {
					as: petugas,
					body: {
						title: stitles[i],
						description: sdesc[i % sdesc.length],
						audience: { kind: 'all' },
						anonymous: false,
						questions: [
							{ type: 'single_choice', text: qtext[i % qtext.length], options: opts.slice(0, 4).map((_, j) => opts[(i + j) % opts.length]), required: true, section: stitles[i], help: qtext[(i + 1) % qtext.length] },
							{ type: 'multiple_choice', text: qtext[(i + 2) % qtext.length], options: opts.slice(0, 3).map((_, j) => opts[(i + j + 4) % opts.length]), required: false },
							{ type: 'text', text: qtext[(i + 3) % qtext.length], required: false },
							{ type: 'long_text', text: qtext[(i + 4) % qtext.length], required: false }
						]
					}
				})
			);
			if (!s) continue;
			await api.must('POST', `/api/v1/surveys/${s.id}/open`, { as: petugas });
			const full = await api.must('GET', `/api/v1/surveys/${s.id}`, { as: petugas });
			const qs = full.questions as { id: string; type: string; options: string[] | null }[];
			for (const [k, resp] of [warga, ...filers.slice(1, 3)].entries()) {
				await put(`survey answer ${i}`, ['survey.answer.text', 'survey.answer.long_text'], () =>
					api.call('POST', `/api/v1/surveys/${s.id}/responses`, {
						as: resp,
						body: {
							kelurahan_code: KEL,
							answers: qs.map((q) => ({
								question_id: q.id,
								value: q.type === 'single_choice' ? q.options![k % q.options!.length] : q.type === 'multiple_choice' ? q.options!.slice(0, 2) : q.type === 'text' ? opts[(i + k) % opts.length] : long[(i + k) % long.length]
							}))
						}
					})
				);
			}
			await api.call('POST', `/api/v1/surveys/${s.id}/publish-results`, { as: petugas });
			surveyIds.push(s.id);
			visits.push(
				{ path: `/survei/${s.id}`, as: 'anon', label: 'survei' },
				{ path: `/survei/${s.id}/hasil`, as: 'anon', label: 'survei hasil' },
				{ path: `/petugas/survei/${s.id}`, as: petugas, label: 'petugas survei' }
			);
			csvPaths.push({ path: `/api/v1/surveys/${s.id}/results.csv`, as: petugas });
		}
		visits.push({ path: '/survei', as: 'anon', label: 'survei list' }, { path: '/petugas/survei', as: petugas, label: 'petugas survei list' });

		// The service directory: services, facilities, emergency numbers.
		const snames = packCorpus(200);
		const s300 = packCorpus(300);
		for (let i = 0; i < snames.length; i++) {
			const s = await put(`service ${i}`, ['service.name', 'service.description', 'service.requirements', 'service.steps', 'service.fee_note', 'service.service_time', 'service.location', 'service.hours', 'service.contact'], () =>
				api.call('POST', '/api/v1/services', {
					as: petugas,
					body: {
						name: snames[i],
						unit_code: 'dpupr',
						category: 'lainnya',
						description: long[i % long.length],
						requirements: s300.slice(0, 3).map((_, j) => s300[(i + j) % s300.length]),
						steps: s300.slice(0, 3).map((_, j) => s300[(i + j + 3) % s300.length]),
						fee: 0,
						fee_note: s300[i % s300.length],
						service_time: snames[(i + 1) % snames.length],
						location: s300[(i + 1) % s300.length],
						hours: snames[(i + 2) % snames.length],
						contact: s300[(i + 2) % s300.length],
						is_published: true
					}
				})
			);
			if (!s) continue;
			visits.push({ path: `/layanan/${s.slug}`, as: 'anon', label: 'layanan' }, { path: `/petugas/layanan/${s.id}`, as: petugas, label: 'petugas layanan' });
		}
		for (const [i, u] of ['javascript:__xss(1011)', 'data:text/html,<script>parent.__xss(1012)</script>', ' javascript:__xss(1013)'].entries())
			await put(`service.online_url ${i}`, ['service.online_url'], () =>
				api.call('POST', '/api/v1/services', { as: petugas, body: { name: `Layanan uji ${i}`, unit_code: 'dpupr', category: 'lainnya', service_time: '1 hari', location: 'Kantor', hours: '08.00', online_url: u, is_published: true } })
			);
		for (let i = 0; i < snames.length; i++) {
			const f = await put(`facility ${i}`, ['facility.name', 'facility.address', 'facility.opening_hours', 'facility.phone', 'facility.description'], () =>
				api.call('POST', '/api/v1/facilities', {
					as: petugas,
					body: { name: snames[i], kind: 'other', address: s300[i % s300.length], kelurahan_code: KEL, opening_hours: snames[(i + 1) % snames.length], phone: '0293-000', description: packCorpus(1000)[i % packCorpus(1000).length], is_published: true }
				})
			);
			if (f) visits.push({ path: `/layanan/fasilitas/${f.slug}`, as: 'anon', label: 'fasilitas' }, { path: `/petugas/layanan/fasilitas/${f.id}`, as: petugas, label: 'petugas fasilitas' });
		}
		for (const [i, label] of packCorpus(100).entries())
			await put(`emergency ${i}`, ['emergency.label', 'emergency.description'], () =>
				api.call('POST', '/api/v1/emergency-numbers', { as: petugas, body: { label, number: `11${i}`, description: s300[i % s300.length], position: 50 + i } })
			);
		visits.push({ path: '/layanan', as: 'anon', label: 'layanan list' }, { path: '/layanan?q=xss', as: 'anon', label: 'layanan search' }, { path: '/petugas/layanan', as: petugas, label: 'petugas layanan list' });

		// The KIM profile, last (editing a verified KIM sends it back for review; one record: its name carries the first packed chunk; the rest go to text).
		const names = packCorpus(120);
		await put('kim', ['kim.name', 'kim.description', 'kim.address'], () =>
			api.call('PATCH', `/api/v1/kims/${kimId}`, { as: pengurus, body: { name: names[0], description: WHOLE_CORPUS.slice(0, 2000), address: packCorpus(300)[0] } })
		);
		for (const [f, v] of Object.entries({ website: 'javascript:__xss(1001)', instagram: '"><img src=x onerror=__xss(1002)>', facebook: 'javascript:__xss(1003)', youtube: 'data:text/html,<script>parent.__xss(1004)</script>', tiktok: ' javascript:__xss(1005)' }))
			await put(`kim.${f}`, [`kim.${f}`], () => api.call('PATCH', `/api/v1/kims/${kimId}`, { as: pengurus, body: { [f]: v } }));
		const kimNow = await api.must('GET', `/api/v1/kims/${kimId}`, { as: pengurus });
		kimSlug = kimNow.slug;
		visits.push(
			{ path: '/kim', as: 'anon', label: 'kim list' },
			{ path: `/kim/${kimSlug}`, as: pengurus, label: 'kim profile (back in review after the edit: members only)' },
			{ path: `/kim/${kimSlug}/kelola`, as: pengurus, label: 'kim kelola' },
			{ path: '/petugas/kim', as: petugas, label: 'petugas kim' }
		);

		// Admin-named things: holidays, API keys.
		for (const [i, name] of packCorpus(100).entries()) await put(`holiday ${i}`, ['holiday.name'], () => api.call('POST', '/api/v1/holidays', { as: admin, body: { day: `2027-0${(i % 9) + 1}-1${i % 10}`, name, kind: 'local' } }));
		for (const [i, name] of packCorpus(100).entries()) await put(`api key ${i}`, ['api_key.name'], () => api.call('POST', '/api/v1/admin/api-keys', { as: admin, body: { name } }));
		visits.push({ path: '/admin/libur', as: admin, label: 'libur' }, { path: '/admin/kunci-api', as: admin, label: 'kunci api' }, { path: '/admin', as: admin, label: 'admin' }, { path: '/notifikasi', as: pengurus, label: 'notifikasi' }, { path: '/notifikasi', as: warga, label: 'notifikasi warga' });

		console.info(`[xss] corpus ${XSS_CORPUS.length} payloads × ${fields.size} fields; ${visits.length} page visits planned; refused by the API: ${refused.length}`);
		for (const r of refused) console.info(`[xss] refused: ${r}`);
	});

	test('no payload runs on any page, and none becomes markup', async () => {
		expect(visits.length).toBeGreaterThan(50);
		const fired: string[] = [];
		const contexts = new Map<string, BrowserContext>();
		async function contextFor(as: Visit['as']) {
			const key = as === 'anon' ? 'anon' : as.email;
			let ctx = contexts.get(key);
			if (!ctx) {
				ctx = await browser.newContext({ baseURL: server.url });
				if (as !== 'anon') await ctx.addCookies([{ name: 'simpul_session', value: as.token, url: server.url }]);
				await ctx.exposeFunction('__xss', (id: unknown) => fired.push(`__xss(${String(id)}) on ${key}`));
				await ctx.route('**/*', (route) => {
					const u = route.request().url();
					if (u.includes('__xss') && !u.startsWith(server.url)) {
						fired.push(`request ${u}`);
						return route.abort();
					}
					if (u.includes('__xss/')) fired.push(`request ${u}`);
					return u.startsWith(server.url) || u.startsWith('data:') ? route.continue() : route.abort();
				});
				contexts.set(key, ctx);
			}
			return ctx;
		}
		const problems: string[] = [];
		const cspLog: string[] = [];
		let pages = 0;
		for (const v of visits) {
			const ctx = await contextFor(v.as);
			const page: Page = await ctx.newPage();
			const who = v.as === 'anon' ? 'anon' : v.as.email;
			page.on('dialog', (d) => {
				fired.push(`dialog "${d.message()}" on ${v.path} as ${who}`);
				void d.dismiss();
			});
			page.on('console', (m) => {
				if (/Content Security Policy|Refused to/i.test(m.text())) cspLog.push(`${v.path}: ${m.text().slice(0, 160)}`);
			});
			page.on('pageerror', (e) => {
				if (/__xss/.test(String(e))) fired.push(`pageerror ${e} on ${v.path}`);
			});
			const before = fired.length;
			const res = await page.goto(v.path, { waitUntil: 'load' }).catch((e: Error) => {
				throw new Error(`${v.path} as ${who}: ${e.message}\nserver output:\n${server.output().slice(-4000)}`);
			});
			if (!res || res.status() >= 400) problems.push(`${v.label} ${v.path} as ${who}: HTTP ${res?.status()}`);
			await page.waitForTimeout(100);
			// Focus and hover everything once: autofocus/onfocus/onmouseover payloads get their chance.
			await page.evaluate(() => {
				for (const el of Array.from(document.querySelectorAll('input,textarea,button,a,[tabindex]')).slice(0, 200)) (el as HTMLElement).focus?.();
			});
			const bad = await page.evaluate(census);
			for (const b of bad) problems.push(`${v.label} ${v.path} as ${who}: ${b}`);
			if (v.checkPost) {
				const seen = await page.evaluate(() => ({
					title: document.title,
					og: document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? null,
					ld: Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map((s) => JSON.parse(s.textContent ?? 'null'))
				}));
				const norm = (x: string) => x.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
				const t = norm(v.checkPost.title);
				seen.title = norm(seen.title);
				if (seen.og !== null) seen.og = norm(seen.og);
				if (!seen.title.includes(t)) problems.push(`${v.path}: <title> lost the text: ${seen.title.slice(0, 120)}`);
				if (seen.og !== null && !seen.og.includes(t)) problems.push(`${v.path}: og:title lost the text: ${seen.og.slice(0, 120)}`);
				const headlines = JSON.stringify(seen.ld);
				if (seen.ld.length && !headlines.includes(JSON.stringify(t).slice(1, -1).slice(0, 40))) problems.push(`${v.path}: JSON-LD lost the text`);
			}
			if (fired.length > before) problems.push(`${v.label} ${v.path} as ${who}: fired ${fired.slice(before).join('; ')}`);
			await page.close();
			pages++;
		}

		// Feeds: well-formed XML, payloads escaped, embedded HTML as inert as a page.
		const anon = await contextFor('anon');
		const feedPage = await anon.newPage();
		await feedPage.goto('/robots.txt');
		for (const path of feedChecks) {
			const res = await api.call('GET', path, { headers: { accept: 'application/xml' } });
			expect(res.status, path).toBe(200);
			const xml = String(res.body);
			const verdict = await feedPage.evaluate((src) => {
				const doc = new DOMParser().parseFromString(src, 'application/xml');
				if (doc.querySelector('parsererror')) return { ok: false, bad: ['not well-formed'] };
				const bad: string[] = [];
				for (const el of Array.from(doc.querySelectorAll('*'))) {
					const ns = el.namespaceURI ?? '';
					if (/xhtml|svg|MathML/i.test(ns)) bad.push(`element in ${ns}`);
					// HTML carried as escaped text: RSS <description>/<content:encoded>, Atom type="html".
					const isHtml = el.localName === 'description' || el.localName === 'encoded' || el.getAttribute('type') === 'html';
					if (isHtml && el.children.length === 0 && /__xss/.test(el.textContent ?? '')) {
						const html = new DOMParser().parseFromString(el.textContent ?? '', 'text/html');
						for (const e of Array.from(html.querySelectorAll('*'))) {
							for (const a of Array.from(e.attributes)) {
								if (a.name.startsWith('on')) bad.push(`${el.localName}: <${e.localName} ${a.name}>`);
								if (/^(href|src|action|formaction|data)$/.test(a.name) && /^\s*(javascript|vbscript|data:text)/i.test(a.value)) bad.push(`${el.localName}: ${a.name}=${a.value.slice(0, 40)}`);
							}
							if (['script', 'iframe', 'object', 'embed', 'base', 'svg', 'math', 'style', 'link', 'meta'].includes(e.localName)) bad.push(`${el.localName}: <${e.localName}>`);
						}
					}
				}
				return { ok: true, bad };
			}, xml);
			for (const b of verdict.bad) problems.push(`${path}: ${b}`);
		}
		await feedPage.close();

		// CSV exports: a cell starting with = + - @ (or tab / CR) would run as a formula in a spreadsheet.
		let csvCells = 0;
		for (const { path, as } of csvPaths) {
			const res = await api.call('GET', path, { as });
			expect(res.status, path).toBe(200);
			for (const cell of parseCsv(String(res.body))) {
				csvCells++;
				if (/^[=+\-@\t\r]/.test(cell) && !/^-?\d+([.,]\d+)?$/.test(cell)) problems.push(`${path}: formula cell ${JSON.stringify(cell.slice(0, 60))}`);
			}
		}

		for (const c of contexts.values()) await c.close();
		console.info(`[xss] ${pages} pages rendered, ${feedChecks.length} feeds, ${csvPaths.length} CSV exports (${csvCells} cells); fired ${fired.length}; CSP console lines ${cspLog.length}`);
		for (const l of cspLog.slice(0, 10)) console.info(`[xss] csp: ${l}`);
		expect(fired).toEqual([]);
		expect(problems).toEqual([]);
	});
});

/** RFC 4180 cells (quoted fields with "" escapes), flattened. */
function parseCsv(src: string): string[] {
	const cells: string[] = [];
	let i = 0;
	let cur = '';
	let quoted = false;
	let started = false;
	while (i < src.length) {
		const ch = src[i];
		if (quoted) {
			if (ch === '"' && src[i + 1] === '"') {
				cur += '"';
				i += 2;
				continue;
			}
			if (ch === '"') quoted = false;
			else cur += ch;
		} else if (ch === '"' && !started) {
			quoted = true;
			started = true;
		} else if (ch === ',' || ch === '\n' || ch === '\r') {
			if (ch === '\r' && src[i + 1] === '\n') i++;
			cells.push(cur);
			cur = '';
			started = false;
		} else {
			cur += ch;
			started = true;
		}
		i++;
	}
	if (cur || started) cells.push(cur);
	return cells;
}
