/**
 * Seeding for the XSS suite, continued (see xss-seed.ts): what residents file and use — accounts
 * with hostile names, aduan with notes and replies, surveys with answers, the service directory.
 */
import type { Session } from './api-client';
import { packCorpus } from './xss-corpus';
import { KEL, type SeedContext } from './xss-seed';

/** Residents with hostile display names. Returns the demo resident and the new ones, logged in. */
export async function seedResidents({ api, put, warga }: SeedContext): Promise<Session[]> {
	const unames = packCorpus(120);
	const filers: Session[] = [warga];
	for (let i = 0; i < unames.length; i++) {
		const email = `xss${i}.${Date.now()}@contoh.test`;
		const u = await put(`register ${i}`, ['user.name'], () => api.call('POST', '/api/v1/auth/register', { body: { name: unames[i], email, password: 'xss-sandi-panjang-123', kelurahan_code: KEL } }));
		if (u) filers.push(await api.login(email, 'xss-sandi-panjang-123'));
	}
	return filers;
}

/** A public aduan with hostile text from each filer in turn, one filed on someone's behalf; then notes and replies on each. */
export async function seedAduan({ api, put, anggota, petugas, warga, admin, visits }: SeedContext, filers: Session[]) {
	const unames = packCorpus(120);
	const atitles = packCorpus(150);
	const adesc = packCorpus(5000);
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
}

/** Survey `i`'s builder fields, from the packed corpus. */
function surveyBody(i: number) {
	const stitles = packCorpus(200);
	const sdesc = packCorpus(2000);
	const qtext = packCorpus(500);
	const opts = packCorpus(200);
	return {
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
	};
}

/** Surveys: builder fields, then answers from the demo resident and two filers; results public. */
export async function seedSurveys({ api, put, petugas, warga, visits, csvPaths }: SeedContext, filers: Session[]) {
	const stitles = packCorpus(200);
	const opts = packCorpus(200);
	const long = packCorpus(2000);
	for (let i = 0; i < stitles.length; i++) {
		const s = await put(`survey ${i}`, ['survey.title', 'survey.description', 'survey.question.text', 'survey.question.options', 'survey.question.section', 'survey.question.help'], () =>
			api.call('POST', '/api/v1/surveys', { as: petugas, body: surveyBody(i) })
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
		visits.push(
			{ path: `/survei/${s.id}`, as: 'anon', label: 'survei' },
			{ path: `/survei/${s.id}/hasil`, as: 'anon', label: 'survei hasil' },
			{ path: `/petugas/survei/${s.id}`, as: petugas, label: 'petugas survei' }
		);
		csvPaths.push({ path: `/api/v1/surveys/${s.id}/results.csv`, as: petugas });
	}
	visits.push({ path: '/survei', as: 'anon', label: 'survei list' }, { path: '/petugas/survei', as: petugas, label: 'petugas survei list' });
}

/** The service directory's services, with hostile text and hostile online links. */
export async function seedServices({ api, put, petugas, visits }: SeedContext) {
	const snames = packCorpus(200);
	const s300 = packCorpus(300);
	const long = packCorpus(2000);
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
}

/** The service directory's facilities and emergency numbers, and its lists. */
export async function seedFacilities({ api, put, petugas, visits }: SeedContext) {
	const snames = packCorpus(200);
	const s300 = packCorpus(300);
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
}
