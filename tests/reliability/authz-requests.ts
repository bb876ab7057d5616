/**
 * How to call each operation against the fixture world (authz-world.ts), aimed at resources of
 * KIM A (the right KIM) or the agency's. Keys are `METHOD /path` as in the OpenAPI document,
 * optionally with a ` [variant]` suffix for a second target of the same operation. A builder
 * that creates its target (`w.fresh.*`) is called once per actor, so state never leaks between
 * actors.
 */
import {
	aduanBody, campaignBody, facilityBody, formWith, kimBody, postBody, reportBody, serviceBody, surveyBody, TIDAR_SELATAN,
	type ActorName, type Req, type World
} from './authz-world';

type Build = (w: World, actor: ActorName) => Req | Promise<Req>;
const rnd = () => Math.random().toString(36).slice(2, 8);
const get = (path: string): Build => () => ({ method: 'GET', path });
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

export const REQUESTS: Record<string, Build> = {
	// auth
	'POST /api/v1/auth/login': (w) => ({ method: 'POST', path: '/api/v1/auth/login', body: { email: w.people.warga.email, password: 'rahasia-panjang' } }),
	'POST /api/v1/auth/register': () => ({ method: 'POST', path: '/api/v1/auth/register', body: { name: 'Warga Baru', email: `baru-${rnd()}@test.id`, password: 'rahasia-panjang-sekali' } }),
	'POST /api/v1/auth/logout': () => ({ method: 'POST', path: '/api/v1/auth/logout', freshSession: true }),
	'POST /api/v1/auth/password/forgot': () => ({ method: 'POST', path: '/api/v1/auth/password/forgot', body: { email: `siapa-${rnd()}@test.id` } }),
	'POST /api/v1/auth/password/reset': () => ({ method: 'POST', path: '/api/v1/auth/password/reset', body: { token: 'x'.repeat(43), password: 'rahasia-panjang-baru' } }),
	'GET /api/v1/me': get('/api/v1/me'),
	// regions
	'GET /api/v1/regions': get('/api/v1/regions?level=kelurahan&parent=33.71.01'),
	'PATCH /api/v1/regions/{code}': () => ({ method: 'PATCH', path: `/api/v1/regions/${TIDAR_SELATAN}`, body: { population: 9000 } }),
	'POST /api/v1/regions/import': () => ({ method: 'POST', path: '/api/v1/regions/import', body: { csv: `code,population\n${TIDAR_SELATAN},9100\n` } }),
	'POST /api/v1/regions/regencies': () => ({ method: 'POST', path: '/api/v1/regions/regencies', body: { code: '33.71' } }),
	// kims
	'GET /api/v1/kims': get('/api/v1/kims'),
	'POST /api/v1/kims': (w) => ({ method: 'POST', path: '/api/v1/kims', body: kimBody(), after: (res) => w.fresh.leaveKim(res.body?.id) }),
	'GET /api/v1/kims/{id}': (w) => ({ method: 'GET', path: `/api/v1/kims/${w.kimA.id}` }),
	'GET /api/v1/kims/{id} [registered]': async (w) => ({ method: 'GET', path: `/api/v1/kims/${(await w.fresh.kim('registered')).id}` }),
	'PATCH /api/v1/kims/{id}': (w) => ({ method: 'PATCH', path: `/api/v1/kims/${w.kimA.id}`, body: { description: 'Komunitas informasi warga.' } }),
	'POST /api/v1/kims/{id}/verify': async (w) => ({ method: 'POST', path: `/api/v1/kims/${(await w.fresh.kim('registered')).id}/verify` }),
	'POST /api/v1/kims/{id}/return': async (w) => ({ method: 'POST', path: `/api/v1/kims/${(await w.fresh.kim('registered')).id}/return`, body: { reason: 'SK belum ditandatangani.' } }),
	'POST /api/v1/kims/{id}/resubmit': async (w) => ({ method: 'POST', path: `/api/v1/kims/${(await w.fresh.kim('returned')).id}/resubmit` }),
	'POST /api/v1/kims/{id}/deactivate': async (w) => ({ method: 'POST', path: `/api/v1/kims/${(await w.fresh.kim('verified')).id}/deactivate`, body: { reason: 'Tidak aktif.' } }),
	'POST /api/v1/kims/{id}/reactivate': async (w) => ({ method: 'POST', path: `/api/v1/kims/${(await w.fresh.kim('inactive')).id}/reactivate` }),
	'POST /api/v1/kims/{id}/files/sk': async (w) => ({ method: 'POST', path: `/api/v1/kims/${(await w.fresh.kim('verified')).id}/files/sk`, body: formWith(w.pdf, 'sk.pdf', 'application/pdf') }),
	'POST /api/v1/kims/{id}/files/logo': async (w) => ({ method: 'POST', path: `/api/v1/kims/${(await w.fresh.kim('verified')).id}/files/logo`, body: formWith(w.png, 'logo.png', 'image/png') }),
	'GET /api/v1/kims/{id}/members': (w) => ({ method: 'GET', path: `/api/v1/kims/${w.kimA.id}/members` }),
	'POST /api/v1/kims/{id}/members': (w) => ({ method: 'POST', path: `/api/v1/kims/${w.kimA.id}/members`, body: { email: `anggota-${rnd()}@test.id`, name: 'Anggota Baru', position: 'anggota' } }),
	'PATCH /api/v1/kims/{id}/members/{userId}': async (w) => ({ method: 'PATCH', path: `/api/v1/kims/${w.kimA.id}/members/${await w.fresh.member()}`, body: { position: 'anggota' } }),
	'PATCH /api/v1/kims/{id}/members/{userId} [member of B]': (w) => ({ method: 'PATCH', path: `/api/v1/kims/${w.kimA.id}/members/${w.people.anggotaB.userId}`, body: { position: 'sekretaris' } }),
	'DELETE /api/v1/kims/{id}/members/{userId}': async (w) => ({ method: 'DELETE', path: `/api/v1/kims/${w.kimA.id}/members/${await w.fresh.member()}` }),
	// users, audit, outbox
	'GET /api/v1/admin/users': get('/api/v1/admin/users'),
	'POST /api/v1/admin/users': () => ({ method: 'POST', path: '/api/v1/admin/users', body: { name: 'Petugas Baru', email: `petugas-${rnd()}@test.id`, role: 'petugas' } }),
	'PATCH /api/v1/admin/users/{id}': async (w) => ({ method: 'PATCH', path: `/api/v1/admin/users/${await w.fresh.user()}`, body: { is_active: false } }),
	'GET /api/v1/audit': get('/api/v1/audit'),
	'GET /api/v1/admin/outbox': get('/api/v1/admin/outbox'),
	'POST /api/v1/admin/outbox/{id}/retry': async (w) => ({ method: 'POST', path: `/api/v1/admin/outbox/${await w.fresh.outbox()}/retry` }),
	// posts
	'GET /api/v1/posts': get('/api/v1/posts'),
	'POST /api/v1/posts': (w) => ({ method: 'POST', path: '/api/v1/posts', body: postBody(w.kimA.id) }),
	'POST /api/v1/posts [agency]': () => ({ method: 'POST', path: '/api/v1/posts', body: postBody() }),
	'GET /api/v1/posts/{id}': async (w) => ({ method: 'GET', path: `/api/v1/posts/${(await w.fresh.post('in_review')).id}` }),
	'GET /api/v1/posts/{id} [published]': (w) => ({ method: 'GET', path: `/api/v1/posts/${w.publishedPost.id}` }),
	'PATCH /api/v1/posts/{id}': async (w) => ({ method: 'PATCH', path: `/api/v1/posts/${(await w.fresh.post('in_review')).id}`, body: { summary: 'Ringkasan baru' } }),
	'PATCH /api/v1/posts/{id} [draft]': async (w) => ({ method: 'PATCH', path: `/api/v1/posts/${(await w.fresh.post('draft')).id}`, body: { summary: 'Ringkasan baru' } }),
	'GET /api/v1/posts/{id}/revisions': async (w) => ({ method: 'GET', path: `/api/v1/posts/${(await w.fresh.post('in_review')).id}/revisions` }),
	'POST /api/v1/posts/{id}/submit': async (w) => ({ method: 'POST', path: `/api/v1/posts/${(await w.fresh.post('draft')).id}/submit` }),
	'POST /api/v1/posts/{id}/publish': async (w) => ({ method: 'POST', path: `/api/v1/posts/${(await w.fresh.post('in_review')).id}/publish`, body: {} }),
	'POST /api/v1/posts/{id}/return': async (w) => ({ method: 'POST', path: `/api/v1/posts/${(await w.fresh.post('in_review')).id}/return`, body: { comment: 'Tambahkan sumber.' } }),
	'POST /api/v1/posts/{id}/unpublish': async (w) => ({ method: 'POST', path: `/api/v1/posts/${(await w.fresh.post('published')).id}/unpublish` }),
	'POST /api/v1/posts/{id}/cover': async (w) => ({ method: 'POST', path: `/api/v1/posts/${(await w.fresh.post('draft')).id}/cover`, body: formWith(w.png, 'c.png', 'image/png') }),
	'POST /api/v1/posts/{id}/attachments': async (w) => ({ method: 'POST', path: `/api/v1/posts/${(await w.fresh.post('draft')).id}/attachments`, body: formWith(w.pdf, 'a.pdf', 'application/pdf') }),
	'GET /api/v1/search': get('/api/v1/search?q=jalan'),
	'GET /api/v1/rumours': get('/api/v1/rumours'),
	'POST /api/v1/rumours': (w) => ({ method: 'POST', path: '/api/v1/rumours', body: { text: 'Katanya air PDAM mati seminggu.', kim_id: w.kimA.id } }),
	'POST /api/v1/rumours/{id}/convert': async (w) => ({ method: 'POST', path: `/api/v1/rumours/${(await w.fresh.rumour()).id}/convert`, body: {} }),
	'POST /api/v1/rumours/{id}/dismiss': async (w) => ({ method: 'POST', path: `/api/v1/rumours/${(await w.fresh.rumour()).id}/dismiss`, body: { reason: 'Bukan kabar.' } }),
	// campaigns
	'GET /api/v1/campaigns': get('/api/v1/campaigns'),
	'POST /api/v1/campaigns': (w) => ({ method: 'POST', path: '/api/v1/campaigns', body: campaignBody([w.publishedPost.id]) }),
	'GET /api/v1/campaigns/{id}': (w) => ({ method: 'GET', path: `/api/v1/campaigns/${w.campaign.id}` }),
	'GET /api/v1/campaigns/{id} [draft]': async (w) => ({ method: 'GET', path: `/api/v1/campaigns/${(await w.fresh.draftCampaign()).id}` }),
	'PATCH /api/v1/campaigns/{id}': async (w) => ({ method: 'PATCH', path: `/api/v1/campaigns/${(await w.fresh.draftCampaign()).id}`, body: { title: 'Judul baru' } }),
	'POST /api/v1/campaigns/{id}/launch': async (w) => ({ method: 'POST', path: `/api/v1/campaigns/${(await w.fresh.draftCampaign()).id}/launch` }),
	'POST /api/v1/campaigns/{id}/finish': async (w) => ({ method: 'POST', path: `/api/v1/campaigns/${(await w.fresh.activeCampaign()).id}/finish` }),
	'GET /api/v1/campaigns/{id}/assignments': (w) => ({ method: 'GET', path: `/api/v1/campaigns/${w.campaign.id}/assignments` }),
	'POST /api/v1/campaigns/{id}/poster': async (w) => ({ method: 'POST', path: `/api/v1/campaigns/${(await w.fresh.draftCampaign()).id}/poster`, body: formWith(w.png, 'p.png', 'image/png') }),
	'POST /api/v1/campaigns/{id}/leaflet': async (w) => ({ method: 'POST', path: `/api/v1/campaigns/${(await w.fresh.draftCampaign()).id}/leaflet`, body: formWith(w.pdf, 'l.pdf', 'application/pdf') }),
	'GET /api/v1/assignments': (w) => ({ method: 'GET', path: `/api/v1/assignments?kim_id=${w.kimA.id}` }),
	'POST /api/v1/assignments/{id}/accept': async (w) => ({ method: 'POST', path: `/api/v1/assignments/${(await w.fresh.assignment()).id}/accept` }),
	'POST /api/v1/assignments/{id}/complete': async (w) => ({ method: 'POST', path: `/api/v1/assignments/${(await w.fresh.assignment()).id}/complete` }),
	'POST /api/v1/assignments/{id}/decline': async (w) => ({ method: 'POST', path: `/api/v1/assignments/${(await w.fresh.assignment()).id}/decline`, body: { reason: 'Tidak ada anggota yang bisa.' } }),
	'POST /api/v1/assignments/{id}/members': async (w) => ({ method: 'POST', path: `/api/v1/assignments/${(await w.fresh.assignment()).id}/members`, body: { user_ids: [w.people.anggotaA.userId] } }),
	'GET /api/v1/campaigns/{id}/share-kit': (w) => ({ method: 'GET', path: `/api/v1/campaigns/${w.campaign.id}/share-kit?kim_id=${w.kimA.id}` }),
	// activity reports and stats
	'POST /api/v1/activity-reports': (w) => ({ method: 'POST', path: '/api/v1/activity-reports', body: reportBody(w.kimA.id) }),
	'GET /api/v1/activity-reports': get('/api/v1/activity-reports'),
	'GET /api/v1/activity-reports/{id}': (w) => ({ method: 'GET', path: `/api/v1/activity-reports/${w.report.id}` }),
	'POST /api/v1/activity-reports/{id}/photos': async (w) => ({ method: 'POST', path: `/api/v1/activity-reports/${(await w.fresh.report()).id}/photos`, body: formWith(w.png, 'f.png', 'image/png') }),
	'GET /api/v1/campaigns/{id}/stats': (w) => ({ method: 'GET', path: `/api/v1/campaigns/${w.campaign.id}/stats` }),
	'GET /api/v1/campaigns/{id}/stats.csv': (w) => ({ method: 'GET', path: `/api/v1/campaigns/${w.campaign.id}/stats.csv` }),
	'GET /api/v1/dashboard': get('/api/v1/dashboard'),
	// notifications
	'GET /api/v1/notifications': get('/api/v1/notifications'),
	'POST /api/v1/notifications/read-all': () => ({ method: 'POST', path: '/api/v1/notifications/read-all' }),
	'POST /api/v1/notifications/{id}/read': async (w) => ({ method: 'POST', path: `/api/v1/notifications/${await w.fresh.notificationOf(w.people.pengurusA.userId)}/read` }),
	// aduan
	'GET /api/v1/aduan/stats': get('/api/v1/aduan/stats'),
	'POST /api/v1/aduan': () => ({ method: 'POST', path: '/api/v1/aduan', body: aduanBody() }),
	'GET /api/v1/aduan/mine': get('/api/v1/aduan/mine'),
	'GET /api/v1/aduan/{tracking_id}': (w) => ({ method: 'GET', path: `/api/v1/aduan/${w.aduan.confidential.trackingId}` }),
	'GET /api/v1/aduan/{tracking_id} [public]': (w) => ({ method: 'GET', path: `/api/v1/aduan/${w.aduan.public.trackingId}` }),
	'GET /api/v1/aduan/{tracking_id} [anonymous]': (w) => ({ method: 'GET', path: `/api/v1/aduan/${w.aduan.anonymous.trackingId}` }),
	'GET /api/v1/aduan/{tracking_id} [forwarded]': (w) => ({ method: 'GET', path: `/api/v1/aduan/${w.aduan.forwarded.trackingId}` }),
	'POST /api/v1/aduan/{tracking_id}/claim': async (w) => ({ method: 'POST', path: `/api/v1/aduan/${(await w.fresh.claimable()).trackingId}/claim`, body: { code: 'ABCD-EFGH' } }),
	'POST /api/v1/aduan/{tracking_id}/photos': async (w) => ({ method: 'POST', path: `/api/v1/aduan/${(await w.fresh.aduan()).trackingId}/photos`, body: formWith(w.png, 'f.png', 'image/png') }),
	'GET /api/v1/aduan/board': get('/api/v1/aduan/board'),
	'POST /api/v1/aduan/{id}/transition': async (w) => ({ method: 'POST', path: `/api/v1/aduan/${(await w.fresh.aduan({ status: 'in_progress', verifiedAt: new Date() })).id}/transition`, body: { to: 'resolved', note: 'Lubang sudah ditambal.' } }),
	'POST /api/v1/aduan/{id}/transition [other unit]': async (w) => ({ method: 'POST', path: `/api/v1/aduan/${(await w.fresh.aduan({ categoryCode: 'sampah', status: 'in_progress', verifiedAt: new Date() })).id}/transition`, body: { to: 'resolved', note: 'Sampah sudah diangkut.' } }),
	'POST /api/v1/aduan/{id}/reassign': async (w) => ({ method: 'POST', path: `/api/v1/aduan/${(await w.fresh.aduan({ status: 'in_progress', verifiedAt: new Date() })).id}/reassign`, body: { unit_code: 'dlh', note: 'Urusan DLH.' } }),
	'POST /api/v1/aduan/{id}/messages': (w) => ({ method: 'POST', path: `/api/v1/aduan/${w.aduan.forwarded.id}/messages`, body: { body: 'Mohon kabar terbarunya.' } }),
	'POST /api/v1/aduan/{id}/messages [internal]': (w) => ({ method: 'POST', path: `/api/v1/aduan/${w.aduan.forwarded.id}/messages`, body: { body: 'Catatan internal.', internal: true } }),
	'POST /api/v1/aduan/{id}/rating': async (w) => ({ method: 'POST', path: `/api/v1/aduan/${(await w.fresh.aduan({ status: 'resolved', verifiedAt: new Date(), resolvedAt: new Date() })).id}/rating`, body: { rating: 5 } }),
	'GET /api/v1/aduan/{id}/thread': (w) => ({ method: 'GET', path: `/api/v1/aduan/${w.aduan.forwarded.id}/thread` }),
	'GET /api/v1/aduan/{id}/thread [other unit]': async (w) => ({ method: 'GET', path: `/api/v1/aduan/${(await w.fresh.aduan({ categoryCode: 'sampah', status: 'in_progress', verifiedAt: new Date() })).id}/thread` }),
	'GET /api/v1/holidays': get('/api/v1/holidays'),
	'POST /api/v1/holidays': () => ({ method: 'POST', path: '/api/v1/holidays', body: { day: `2098-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`, name: 'Libur uji' } }),
	'DELETE /api/v1/holidays/{day}': async (w) => ({ method: 'DELETE', path: `/api/v1/holidays/${await w.fresh.holiday()}` }),
	'GET /api/v1/units': get('/api/v1/units'),
	'GET /api/v1/units/{code}/members': get('/api/v1/units/dpupr/members'),
	'POST /api/v1/units/{code}/members': async (w) => ({ method: 'POST', path: '/api/v1/units/dpupr/members', body: { email: w.people.anggotaB.email }, after: () => w.fresh.leaveUnit(w.people.anggotaB.userId) }),
	'DELETE /api/v1/units/{code}/members/{user_id}': async (w) => ({ method: 'DELETE', path: `/api/v1/units/dpupr/members/${await w.fresh.unitMember()}` }),
	'POST /api/v1/admin/api-keys': () => ({ method: 'POST', path: '/api/v1/admin/api-keys', body: { name: `Aplikasi ${rnd()}` } }),
	'GET /api/v1/admin/api-keys': get('/api/v1/admin/api-keys'),
	'POST /api/v1/admin/api-keys/{id}/revoke': async (w) => ({ method: 'POST', path: `/api/v1/admin/api-keys/${await w.fresh.apiKey()}/revoke` }),
	// open311 (GeoReport v2; machine clients authenticate with an api_key, not a session)
	'GET /open311/v2/discovery.{format}': get('/open311/v2/discovery.json'),
	'GET /open311/v2/services.{format}': get('/open311/v2/services.json'),
	'GET /open311/v2/services/{service_code}.{format}': get('/open311/v2/services/sampah.json'),
	'GET /open311/v2/requests.{format}': get('/open311/v2/requests.json'),
	'POST /open311/v2/requests.{format}': () => ({ method: 'POST', path: '/open311/v2/requests.json', headers: FORM, body: new URLSearchParams({ service_code: 'sampah', kelurahan_code: TIDAR_SELATAN, description: 'Sampah menumpuk di pinggir jalan tiga hari.' }).toString() }),
	'POST /open311/v2/requests.{format} [api_key]': (w) => ({ method: 'POST', path: '/open311/v2/requests.json', headers: FORM, body: new URLSearchParams({ api_key: w.apiKey.key, service_code: 'sampah', lat: '-7.47', long: '110.215', kelurahan_code: TIDAR_SELATAN, description: 'Sampah menumpuk di pinggir jalan tiga hari.', email: `o-${rnd()}@test.id` }).toString() }),
	'GET /open311/v2/requests/{service_request_id}.{format}': (w) => ({ method: 'GET', path: `/open311/v2/requests/${w.aduan.public.trackingId}.json` }),
	'GET /open311/v2/tokens/{token}.{format}': (w) => ({ method: 'GET', path: `/open311/v2/tokens/${w.open311Token}.json` }),
	// layanan
	'GET /api/v1/services': get('/api/v1/services'),
	'POST /api/v1/services': () => ({ method: 'POST', path: '/api/v1/services', body: serviceBody() }),
	'GET /api/v1/services/{slug}': (w) => ({ method: 'GET', path: `/api/v1/services/${w.serviceSlug}` }),
	'PATCH /api/v1/services/{slug}': (w) => ({ method: 'PATCH', path: `/api/v1/services/${w.serviceSlug}`, body: { hours: 'Senin–Sabtu 08.00–15.00' } }),
	'DELETE /api/v1/services/{slug}': async (w) => ({ method: 'DELETE', path: `/api/v1/services/${await w.fresh.service()}` }),
	'GET /api/v1/facilities': get('/api/v1/facilities'),
	'POST /api/v1/facilities': () => ({ method: 'POST', path: '/api/v1/facilities', body: facilityBody() }),
	'GET /api/v1/facilities/{slug}': (w) => ({ method: 'GET', path: `/api/v1/facilities/${w.facilitySlug}` }),
	'PATCH /api/v1/facilities/{slug}': (w) => ({ method: 'PATCH', path: `/api/v1/facilities/${w.facilitySlug}`, body: { phone: '(0293) 362345' } }),
	'DELETE /api/v1/facilities/{slug}': async (w) => ({ method: 'DELETE', path: `/api/v1/facilities/${await w.fresh.facility()}` }),
	'GET /api/v1/emergency-numbers': get('/api/v1/emergency-numbers'),
	'POST /api/v1/emergency-numbers': () => ({ method: 'POST', path: '/api/v1/emergency-numbers', body: { label: `Damkar ${rnd()}`, number: '113' } }),
	'PATCH /api/v1/emergency-numbers/{id}': (w) => ({ method: 'PATCH', path: `/api/v1/emergency-numbers/${w.emergencyId}`, body: { description: 'Siaga 24 jam' } }),
	'DELETE /api/v1/emergency-numbers/{id}': async (w) => ({ method: 'DELETE', path: `/api/v1/emergency-numbers/${await w.fresh.emergency()}` }),
	// surveys
	'GET /api/v1/surveys': get('/api/v1/surveys'),
	'POST /api/v1/surveys': () => ({ method: 'POST', path: '/api/v1/surveys', body: surveyBody() }),
	'GET /api/v1/surveys/{id}': (w) => ({ method: 'GET', path: `/api/v1/surveys/${w.survey.id}` }),
	'GET /api/v1/surveys/{id} [draft]': async (w) => ({ method: 'GET', path: `/api/v1/surveys/${await w.fresh.draftSurvey()}` }),
	'PATCH /api/v1/surveys/{id}': async (w) => ({ method: 'PATCH', path: `/api/v1/surveys/${await w.fresh.draftSurvey()}`, body: { description: 'Lebih jelas' } }),
	'POST /api/v1/surveys/{id}/open': async (w) => ({ method: 'POST', path: `/api/v1/surveys/${await w.fresh.draftSurvey()}/open` }),
	'POST /api/v1/surveys/{id}/close': async (w) => ({ method: 'POST', path: `/api/v1/surveys/${(await w.fresh.openSurvey()).id}/close` }),
	'POST /api/v1/surveys/{id}/publish-results': async (w) => ({ method: 'POST', path: `/api/v1/surveys/${(await w.fresh.openSurvey()).id}/publish-results` }),
	'POST /api/v1/surveys/{id}/responses': async (w) => {
		const s = await w.fresh.openSurvey();
		return { method: 'POST', path: `/api/v1/surveys/${s.id}/responses`, body: { answers: [{ question_id: s.questions[0].id, value: 'Ya' }], kelurahan_code: TIDAR_SELATAN } };
	},
	'GET /api/v1/surveys/{id}/results': (w) => ({ method: 'GET', path: `/api/v1/surveys/${w.survey.id}/results` }),
	'GET /api/v1/surveys/{id}/results [published]': async (w) => {
		const s = await w.fresh.openSurvey();
		await w.call('POST', `/api/v1/surveys/${s.id}/publish-results`, { as: w.people.admin });
		return { method: 'GET', path: `/api/v1/surveys/${s.id}/results` };
	},
	'GET /api/v1/surveys/{id}/results.csv': (w) => ({ method: 'GET', path: `/api/v1/surveys/${w.survey.id}/results.csv` })
};
