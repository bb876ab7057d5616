import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildUser, testApi, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import { assertMatches } from '../../../../tests/fixtures/open311/schemas';
import type { Db } from '../db/client';
import { aduan, aduanEvents, apiKeys } from '../db/schema';
import { assertWellFormed } from '../portal/wellformed';
import { buildAduan, ensureAduanReference } from '../aduan/aduan.factories';

let db: Db;
let api: ReturnType<typeof testApi>['api'];
let call: ReturnType<typeof testApi>['call'];
let admin: Awaited<ReturnType<typeof buildUser>>;
let key: string;
const bodies: string[] = [];
const DAY = 86_400_000;
const SECRET = { name: 'Wiryo Sembunyiwati', email: 'wiryo.sembunyi@contoh.id', phone: '081377665544' };
const POSTER = { first: 'Larasati', last: 'Tersembunyi', email: 'laras.tersembunyi@contoh.id', phone: '085711223344' };
const ids: Record<string, string> = {};
/** Thread text that is not for Open311: a verify note and the reporter's reopen text. */
const VERIFY_NOTE = 'Diverifikasi oleh Bu Sekarwangi, diteruskan ke DLH';
const REOPEN_NOTE = 'Belum beres, saya Wiryo di rumah nomor tujuh';

/** GET/POST raw, remembering every body for the privacy sweep. */
async function raw(method: string, path: string, init: { body?: BodyInit; type?: string } = {}) {
	const res = await api.request(path, { method, body: init.body, headers: init.type ? { 'content-type': init.type } : {} });
	const text = await res.text();
	bodies.push(text);
	return { status: res.status, text, type: res.headers.get('content-type') ?? '', json: () => JSON.parse(text) };
}
const getJson = async (path: string) => {
	const r = await raw('GET', path);
	return { status: r.status, body: r.json(), type: r.type };
};
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const FORM = 'application/x-www-form-urlencoded';

beforeAll(async () => {
	db = (await createTestDatabase()).db;
	({ api, call } = testApi(db));
	await ensureAduanReference(db);
	admin = await buildUser(db, { role: 'admin' });
	key = (await call('POST', '/api/v1/admin/api-keys', { as: admin, body: { name: 'Aplikasi uji' } })).body.key;
	const reporter = await buildUser(db, { ...SECRET });
	const now = Date.now();
	const add = async (name: string, over: Parameters<typeof buildAduan>[1]) => {
		const a = await buildAduan(db, { reporterId: reporter.id, onBehalfName: SECRET.name, onBehalfEmail: SECRET.email, onBehalfPhone: SECRET.phone, ...over });
		ids[name] = a.trackingId;
		return a;
	};
	await add('public', { createdAt: new Date(now - 2 * DAY), privacy: 'public', lat: -7.4797, lng: 110.2177, title: 'Jalan <berlubang> & licin' });
	const anon = await add('anonymous', { createdAt: new Date(now - 3 * DAY), privacy: 'anonymous', lat: -7.48, lng: 110.22, categoryCode: 'sampah', kelurahanCode: WATES, status: 'in_progress', verifiedAt: new Date(now - 2 * DAY) });
	await db.insert(aduanEvents).values([
		{ aduanId: anon.id, kind: 'status', fromStatus: 'received', toStatus: 'verified', body: VERIFY_NOTE, authorRole: 'agency', createdAt: new Date(now - 2 * DAY) },
		{ aduanId: anon.id, kind: 'status', fromStatus: 'resolved', toStatus: 'in_progress', body: REOPEN_NOTE, authorRole: 'reporter', createdAt: new Date(now - 1 * DAY) }
	]);
	await add('confidential', { createdAt: new Date(now - 1 * DAY), privacy: 'confidential', description: 'Rahasia: pungutan liar di kantor, mohon ditindak segera.' });
	await add('old', { createdAt: new Date(now - 120 * DAY), privacy: 'public' });
	const closed = await add('closed', { createdAt: new Date(now - 10 * DAY), privacy: 'public', status: 'resolved', resolvedAt: new Date(now - 5 * DAY), verifiedAt: new Date(now - 9 * DAY), kelurahanCode: TIDAR_SELATAN });
	await db.insert(aduanEvents).values([
		{ aduanId: closed.id, kind: 'status', fromStatus: 'in_progress', toStatus: 'resolved', body: 'Lubang sudah ditambal & jalan rata.', authorRole: 'unit', createdAt: new Date(now - 5 * DAY) },
		{ aduanId: closed.id, kind: 'note', body: 'Catatan internal: vendor terlambat', isInternal: true, authorRole: 'unit', createdAt: new Date(now - 4 * DAY) },
		{ aduanId: closed.id, kind: 'status', toStatus: 'resolved', body: 'Catatan status internal', isInternal: true, authorRole: 'unit', createdAt: new Date(now - 4 * DAY) }
	]);
});

describe('discovery and services', () => {
	it('answers discovery in JSON and XML', async () => {
		const json = await getJson('/open311/v2/discovery.json');
		expect(json.status).toBe(200);
		expect(json.body.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://simpul.test/open311/v2', formats: ['application/json', 'text/xml'] });
		const xml = await raw('GET', '/open311/v2/discovery.xml');
		expect(xml.type).toContain('text/xml');
		expect(xml.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
		assertWellFormed(xml.text);
		expect(xml.text).toContain('<url>http://simpul.test/open311/v2</url>');
	});

	it('lists the active categories as services (schema-valid) and in XML', async () => {
		const res = await getJson('/open311/v2/services.json');
		expect(res.status).toBe(200);
		expect(res.type).toContain('application/json');
		assertMatches('services.json', res.body);
		const road = res.body.find((s: { service_code: string }) => s.service_code === 'jalan-rusak');
		expect(road).toMatchObject({ metadata: false, type: 'realtime', group: expect.any(String) });
		const xml = await raw('GET', '/open311/v2/services.xml');
		assertWellFormed(xml.text);
		expect(xml.text).toMatch(/^<\?xml[^>]*>\n<services><service><service_code>/);
		for (const s of res.body) expect(xml.text).toContain(`<service_code>${s.service_code}</service_code>`);
	});

	it('gives a service definition without attributes; unknown → 404 in Open311 form', async () => {
		const res = await getJson('/open311/v2/services/jalan-rusak.json');
		assertMatches('service-definition.json', res.body);
		expect(res.body).toEqual({ service_code: 'jalan-rusak', attributes: [] });
		const xml = await raw('GET', '/open311/v2/services/jalan-rusak.xml');
		assertWellFormed(xml.text);
		expect(xml.text).toContain('<service_definition><service_code>jalan-rusak</service_code><attributes/></service_definition>');
		const missing = await getJson('/open311/v2/services/tidak-ada.json');
		expect(missing.status).toBe(404);
		expect(missing.body).toEqual([{ code: 404, description: expect.stringContaining('tidak-ada') }]);
		const missingXml = await raw('GET', '/open311/v2/services/tidak-ada.xml');
		expect(missingXml.status).toBe(404);
		assertWellFormed(missingXml.text);
		expect(missingXml.text).toContain('<errors><error><code>404</code><description>');
	});

	it('checks jurisdiction_id and unknown paths', async () => {
		expect((await getJson('/open311/v2/services.json?jurisdiction_id=33.71')).status).toBe(200);
		const wrong = await getJson('/open311/v2/services.json?jurisdiction_id=33.72');
		expect(wrong.status).toBe(400);
		expect(wrong.body[0]).toMatchObject({ code: 400, description: expect.stringContaining('33.71') });
		expect((await getJson('/open311/v2/services.html')).status).toBe(404);
		expect((await getJson('/open311/v2/nothing.json')).body).toEqual([{ code: 404, description: expect.any(String) }]);
		expect((await raw('GET', '/open311/v3/services.xml')).text).toContain('<errors>');
	});
});

describe('GET requests', () => {
	it('lists the last 90 days without confidential aduan, schema-valid', async () => {
		const res = await getJson('/open311/v2/requests.json');
		expect(res.status).toBe(200);
		assertMatches('requests.json', res.body);
		const got = res.body.map((r: { service_request_id: string }) => r.service_request_id);
		expect(got).toEqual([ids.public, ids.anonymous, ids.closed]);
		const pub = res.body[0];
		expect(pub).toMatchObject({ status: 'open', service_code: 'jalan-rusak', lat: -7.4797, long: 110.2177, address: 'Tidar Selatan', agency_responsible: 'Dinas Pekerjaan Umum dan Penataan Ruang' });
		expect(pub.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
		expect(pub.expected_datetime).toMatch(/\+07:00$/);
		expect(res.body[1]).toMatchObject({ lat: null, long: null, address: 'Wates', status_notes: null });
		// Only a rejection reason is a public note (as on the web tracking page), not the thread.
		expect(res.body[2]).toMatchObject({ status: 'closed', status_notes: null });
	});

	it('filters by id list, service_code, status and dates', async () => {
		const byId = await getJson(`/open311/v2/requests.json?service_request_id=${ids.old},${ids.confidential},${ids.anonymous.toLowerCase()}`);
		expect(byId.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([ids.anonymous, ids.old]);
		const sampah = await getJson('/open311/v2/requests.json?service_code=sampah');
		expect(sampah.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([ids.anonymous]);
		const closed = await getJson('/open311/v2/requests.json?status=closed');
		expect(closed.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([ids.closed]);
		const open = await getJson('/open311/v2/requests.json?status=open&service_code=jalan-rusak,sampah');
		expect(open.body).toHaveLength(2);
		const start = new Date(Date.now() - 130 * DAY).toISOString();
		const end = new Date(Date.now() - 100 * DAY).toISOString();
		const dated = await getJson(`/open311/v2/requests.json?start_date=${start}&end_date=${end}`);
		expect(dated.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([ids.old]);
		assertMatches('requests.json', dated.body);
	});

	it('refuses bad filters in Open311 form', async () => {
		for (const q of ['status=pending', 'start_date=kemarin', 'start_date=2026-01-01&end_date=2026-06-01', 'start_date=2026-03-01&end_date=2026-02-01']) {
			const res = await getJson(`/open311/v2/requests.json?${q}`);
			expect(res.status, q).toBe(400);
			expect(res.body[0].code).toBe(400);
		}
	});

	it('answers the same values in XML', async () => {
		const json = (await getJson('/open311/v2/requests.json')).body;
		const xml = await raw('GET', '/open311/v2/requests.xml');
		assertWellFormed(xml.text);
		expect(xml.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<service_requests><request>/);
		expect(xml.text.match(/<request>/g)).toHaveLength(json.length);
		for (const r of json) {
			expect(xml.text).toContain(`<service_request_id>${r.service_request_id}</service_request_id>`);
			expect(xml.text).toContain(`<requested_datetime>${r.requested_datetime}</requested_datetime>`);
		}
		expect(xml.text).not.toContain('Lubang sudah ditambal');
		expect(xml.text).toContain('<lat>-7.4797</lat>');
	});

	it('answers one request by id (also via request/), confidential and unknown → 404', async () => {
		const one = await getJson(`/open311/v2/requests/${ids.public}.json`);
		expect(one.status).toBe(200);
		assertMatches('requests.json', one.body);
		expect(one.body).toHaveLength(1);
		expect((await getJson(`/open311/v2/request/${ids.public}.json`)).body[0].service_request_id).toBe(ids.public);
		const xml = await raw('GET', `/open311/v2/requests/${ids.closed}.xml`);
		assertWellFormed(xml.text);
		expect(xml.text).toContain('<status>closed</status>');
		for (const id of [ids.confidential, 'MGL-2026-999999', 'bukan-id']) {
			const res = await getJson(`/open311/v2/requests/${id}.json`);
			expect(res.status, id).toBe(404);
			expect(res.body[0].code).toBe(404);
		}
	});
});

describe('POST requests', () => {
	const valid = {
		service_code: 'lampu-jalan', address_string: 'Jl. Pahlawan 12, Kelurahan Rejowinangun Utara, Kota Magelang',
		description: 'Lampu jalan mati sejak tiga hari, jalan sangat gelap di malam hari.',
		first_name: POSTER.first, last_name: POSTER.last, email: POSTER.email, phone: POSTER.phone, media_url: 'https://contoh.id/foto.jpg'
	};

	it('needs a live api_key (403 in Open311 form)', async () => {
		const none = await raw('POST', '/open311/v2/requests.json', { body: form(valid), type: FORM });
		expect(none.status).toBe(403);
		expect(none.json()).toEqual([{ code: 403, description: expect.any(String) }]);
		const bad = await raw('POST', '/open311/v2/requests.xml', { body: form({ ...valid, api_key: 's311_salah' }), type: FORM });
		expect(bad.status).toBe(403);
		assertWellFormed(bad.text);
		expect(bad.text).toContain('<code>403</code>');
	});

	it('answers a form it cannot parse with 400 in Open311 form, not 500', async () => {
		for (const type of ['multipart/form-data', 'multipart/form-data; boundary=zz']) {
			const res = await raw('POST', '/open311/v2/requests.json', { body: '--zz\r\ncontent-disposition: form-data; name="api_key"\r\n\r\nabc', type });
			expect(res.status).toBe(400);
			expect(res.json()).toEqual([{ code: 400, description: expect.any(String) }]);
		}
	});

	it('files an aduan from a form-encoded body', async () => {
		const res = await raw('POST', '/open311/v2/requests.json', { body: form({ ...valid, api_key: key, jurisdiction_id: '33.71' }), type: FORM });
		expect(res.status).toBe(200);
		const body = res.json();
		assertMatches('request-response.json', body);
		expect(body).toEqual([{ service_request_id: expect.stringMatching(/^[A-Z]+-\d{4}-\d{6}$/), token: expect.stringMatching(/^[0-9a-f]{32}$/), service_notice: expect.stringContaining(body[0].service_request_id) }]);
		const [row] = await db.select().from(aduan).where(eq(aduan.trackingId, body[0].service_request_id));
		expect(row).toMatchObject({
			source: 'open311', privacy: 'anonymous', reporterId: null, categoryCode: 'lampu-jalan', kelurahanCode: '33.71.03.1003' /* Rejowinangun Utara */,
			onBehalfName: `${POSTER.first} ${POSTER.last}`, onBehalfEmail: POSTER.email, onBehalfPhone: POSTER.phone, open311Token: body[0].token, title: 'Lampu jalan mati sejak tiga hari, jalan sangat gelap di malam hari.'
		});
		const [stored] = await db.select().from(apiKeys);
		expect(row.apiKeyId).toBe(stored.id);
		expect(stored.lastUsedAt).not.toBeNull();
		const token = await getJson(`/open311/v2/tokens/${body[0].token}.json`);
		assertMatches('token-response.json', token.body);
		expect(token.body).toEqual([{ service_request_id: row.trackingId, token: body[0].token }]);
		const tokenXml = await raw('GET', `/open311/v2/tokens/${body[0].token}.xml`);
		assertWellFormed(tokenXml.text);
		expect(tokenXml.text).toContain(`<service_request_id>${row.trackingId}</service_request_id>`);
		const listed = await getJson(`/open311/v2/requests/${row.trackingId}.json`);
		expect(listed.body[0]).toMatchObject({ status: 'open', service_code: 'lampu-jalan', address: 'Rejowinangun Utara', lat: null });
	});

	it('files from a JSON body with a point and answers XML', async () => {
		const res = await raw('POST', '/open311/v2/requests.xml', {
			body: JSON.stringify({ api_key: key, service_code: 'sampah', lat: -7.47, long: 110.215, kelurahan_code: WATES, privacy: 'public', description: 'Tumpukan sampah di pinggir sungai belum diangkut seminggu.', email: POSTER.email }),
			type: 'application/json'
		});
		expect(res.status).toBe(200);
		assertWellFormed(res.text);
		const id = /<service_request_id>([^<]+)<\/service_request_id>/.exec(res.text)![1];
		expect(res.text).toContain('<account_id/>');
		const one = await getJson(`/open311/v2/requests/${id}.json`);
		expect(one.body[0]).toMatchObject({ lat: -7.47, long: 110.215, address: 'Wates', service_code: 'sampah' });
	});

	it('refuses a wrong jurisdiction, unknown service, missing location, a point outside the city, short description', async () => {
		const cases: [Record<string, string>, string][] = [
			[{ jurisdiction_id: '31.71' }, 'jurisdiction_id'],
			[{ service_code: 'tidak-ada' }, 'service_code'],
			[{ service_code: '' }, 'service_code'],
			[{ address_string: '' }, 'address_string'],
			[{ address_string: 'Jl. Merdeka 1, Jakarta' }, 'address_string'],
			[{ lat: '-6.2', long: '106.8' }, 'lat'],
			[{ lat: 'utara', long: '110.2' }, 'lat'],
			[{ description: 'Pendek' }, 'description'],
			[{ privacy: 'rahasia' }, 'privacy']
		];
		for (const [over, param] of cases) {
			const res = await raw('POST', '/open311/v2/requests.json', { body: form({ ...valid, api_key: key, ...over }), type: FORM });
			expect(res.status, JSON.stringify(over)).toBe(400);
			expect(res.json()[0].description.startsWith(`${param}:`), res.text).toBe(true);
		}
		const broken = await raw('POST', '/open311/v2/requests.json', { body: '{"api_key":', type: 'application/json' });
		expect(broken.status).toBe(400);
	});

	it('keeps a confidential POST out of Open311 afterwards', async () => {
		const res = await raw('POST', '/open311/v2/requests.json', { body: form({ ...valid, api_key: key, privacy: 'confidential' }), type: FORM });
		expect(res.status).toBe(200);
		const [{ service_request_id: id, token }] = res.json();
		expect((await getJson(`/open311/v2/requests/${id}.json`)).status).toBe(404);
		expect((await getJson(`/open311/v2/tokens/${token}.json`)).status).toBe(404);
		expect((await getJson('/open311/v2/requests.json')).body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(id);
	});

	it('stops accepting a revoked key', async () => {
		const issued = await call('POST', '/api/v1/admin/api-keys', { as: admin, body: { name: 'Sementara' } });
		expect((await call('POST', `/api/v1/admin/api-keys/${issued.body.id}/revoke`, { as: admin })).status).toBe(200);
		const res = await raw('POST', '/open311/v2/requests.json', { body: form({ ...valid, api_key: issued.body.key }), type: FORM });
		expect(res.status).toBe(403);
	});
});

describe('privacy', () => {
	it('never shows confidential aduan, internal notes or any reporter data in any Open311 answer', async () => {
		for (const path of ['/open311/v2/requests.json', '/open311/v2/requests.xml', `/open311/v2/requests.json?service_request_id=${Object.values(ids).join(',')}`]) await raw('GET', path);
		const all = bodies.join('\n');
		for (const secret of [SECRET.name, SECRET.email, SECRET.phone, POSTER.first, POSTER.last, POSTER.email, POSTER.phone, ids.confidential, 'pungutan liar', 'internal', 'vendor terlambat', VERIFY_NOTE, REOPEN_NOTE, 'Sekarwangi', 'rumah nomor tujuh']) {
			expect(all, secret).not.toContain(secret);
		}
	});
});
