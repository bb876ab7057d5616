import { beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, testApi, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import { auditLog, facilities, publicServices } from '../db/schema';
import { findFacility, findService } from './layanan.queries';
import { seedAduanReference } from '../aduan/aduan.seed';
import type { Db } from '../db/client';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
let petugas: Awaited<ReturnType<typeof buildActor>>;
let admin: Awaited<ReturnType<typeof buildActor>>;
let warga: Awaited<ReturnType<typeof buildActor>>;
let anggota: Awaited<ReturnType<typeof buildActor>>;

const TIDAR_UTARA = '33.71.01.1010';
const errorsOf = (res: { body: { errors?: { path: string; message: string }[] } }) => Object.fromEntries((res.body.errors ?? []).map((e) => [e.path, e.message]));
const names = (res: { body: { data: { name: string }[] } }) => res.body.data.map((s) => s.name);

const service = (over: Record<string, unknown> = {}) => ({
	name: 'Penerbitan Akta Kelahiran',
	unit_code: 'disdukcapil',
	category: 'kependudukan',
	description: 'Akta bagi setiap anak yang lahir.',
	requirements: ['Surat keterangan lahir', 'Kartu Keluarga'],
	steps: ['Datang ke loket', 'Serahkan berkas'],
	fee: 0,
	service_time: '1 hari kerja',
	location: 'Mal Pelayanan Publik',
	hours: 'Senin–Jumat 08.00–15.00',
	...over
});
const facility = (over: Record<string, unknown> = {}) => ({
	name: 'Puskesmas Uji',
	kind: 'puskesmas',
	address: 'Jl. Uji No. 1',
	kelurahan_code: TIDAR_SELATAN,
	lat: -7.49,
	lng: 110.22,
	opening_hours: 'Senin–Kamis 07.30–14.00',
	phone: '(0293) 362345',
	...over
});

beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
	await seedAduanReference(db);
	petugas = await buildActor(db, 'petugas');
	admin = await buildActor(db, 'admin');
	warga = await buildActor(db, 'warga');
	const kim = await buildKim(db);
	anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
	for (const s of [
		service(),
		service({ name: 'Pendaftaran Penduduk Pindah Datang', description: 'Perpindahan warga antar kota.' }),
		service({ name: 'Nomor Induk Berusaha (NIB)', unit_code: 'dpmptsp', category: 'perizinan', description: 'Izin usaha lewat OSS.', fee: 0 }),
		service({ name: 'Izin Reklame', unit_code: 'dpmptsp', category: 'perizinan', description: 'Pemasangan papan reklame.', fee: 15000 }),
		service({ name: 'Pendataan Penduduk Miskin', category: 'sosial', description: 'Untuk bantuan sosial.' }),
		service({ name: 'Surat Pengantar di Tidar Utara', category: 'lainnya', description: 'Hanya di kantor kelurahan.', kelurahan_codes: [TIDAR_UTARA] })
	]) {
		const res = await call('POST', '/api/v1/services', { as: petugas, body: s });
		expect(res.status, JSON.stringify(res.body)).toBe(201);
	}
});

describe('services: search and filters', () => {
	it('finds by Indonesian stem: "kependudukan" finds the penduduk-based name', async () => {
		// The category "sosial" does not say "kependudukan": only the stem of the name matches.
		const res = await call('GET', `/api/v1/services?q=kependudukan&category=sosial`);
		expect(res.status).toBe(200);
		expect(names(res)).toEqual(['Pendataan Penduduk Miskin']);
		expect(names(await call('GET', `/api/v1/services?q=kependudukan&category=perizinan`))).toEqual([]);
		const all = await call('GET', `/api/v1/services?q=kependudukan`);
		expect(names(all)).toContain('Pendaftaran Penduduk Pindah Datang');
		expect(names(all)).not.toContain('Izin Reklame');
	});

	it('tolerates typos: "akte kelahrian" finds Akta Kelahiran first', async () => {
		const res = await call('GET', `/api/v1/services?q=${encodeURIComponent('akte kelahrian')}`);
		expect(names(res)[0]).toBe('Penerbitan Akta Kelahiran');
		expect(names(res)).not.toContain('Izin Reklame');
	});

	it('filters by category and by kelurahan (city-wide services plus the kelurahan’s own)', async () => {
		expect(names(await call('GET', '/api/v1/services?category=perizinan')).sort()).toEqual(['Izin Reklame', 'Nomor Induk Berusaha (NIB)']);
		const utara = names(await call('GET', `/api/v1/services?kelurahan_code=${TIDAR_UTARA}`));
		expect(utara).toContain('Surat Pengantar di Tidar Utara');
		expect(utara).toContain('Izin Reklame');
		expect(names(await call('GET', `/api/v1/services?kelurahan_code=${TIDAR_SELATAN}`))).not.toContain('Surat Pengantar di Tidar Utara');
		expect((await call('GET', '/api/v1/services?q=%00')).status).toBe(400);
		expect((await call('GET', `/api/v1/services?q=${'a'.repeat(201)}`)).status).toBe(400);
		expect((await call('GET', `/api/v1/services?q=${encodeURIComponent('!!! ???')}`)).status).toBe(200);
		const bad = await call('GET', '/api/v1/services?category=sulap');
		expect(bad.status).toBe(400);
		expect(errorsOf(bad).category).toBe('Pilih kategori layanan');
	});

	it('presents a service with unit, fee label, lists and URL', async () => {
		const res = await call('GET', '/api/v1/services/izin-reklame');
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			slug: 'izin-reklame', fee: 15000, fee_label: 'Rp 15.000', url: 'http://simpul.test/layanan/izin-reklame',
			unit: { code: 'dpmptsp', short_name: 'DPMPTSP' }, category_label: 'Perizinan dan usaha'
		});
		const free = await call('GET', '/api/v1/services/penerbitan-akta-kelahiran');
		expect(free.body).toMatchObject({ fee_label: 'Gratis', requirements: ['Surat keterangan lahir', 'Kartu Keluarga'], steps: ['Datang ke loket', 'Serahkan berkas'] });
		expect((await call('GET', '/api/v1/services/tidak-ada')).status).toBe(404);
	});
});

describe('services: management', () => {
	it('makes unique slugs, hides drafts from the public and shows them to staff', async () => {
		const res = await call('POST', '/api/v1/services', { as: admin, body: service({ is_published: false }) });
		expect(res.status).toBe(201);
		expect(res.body.slug).toBe('penerbitan-akta-kelahiran-2');
		expect(res.body.is_published).toBe(false);
		expect((await call('GET', '/api/v1/services/penerbitan-akta-kelahiran-2')).status).toBe(404);
		expect((await call('GET', '/api/v1/services/penerbitan-akta-kelahiran-2', { as: warga })).status).toBe(404);
		expect((await call('GET', '/api/v1/services/penerbitan-akta-kelahiran-2', { as: petugas })).status).toBe(200);
		expect(names(await call('GET', '/api/v1/services?category=kependudukan')).filter((n) => n === 'Penerbitan Akta Kelahiran')).toHaveLength(1);
		expect(names(await call('GET', '/api/v1/services?category=kependudukan', { as: petugas })).filter((n) => n === 'Penerbitan Akta Kelahiran')).toHaveLength(2);

		const published = await call('PATCH', `/api/v1/services/${res.body.id}`, { as: petugas, body: { is_published: true } });
		expect(published.status).toBe(200);
		expect((await call('GET', '/api/v1/services/penerbitan-akta-kelahiran-2')).status).toBe(200);
		const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'layanan.service.publish'));
		expect(entry).toMatchObject({ entityId: res.body.id, actorLabel: petugas.email });

		expect((await call('DELETE', '/api/v1/services/penerbitan-akta-kelahiran-2', { as: warga })).status).toBe(403);
		expect((await call('DELETE', '/api/v1/services/penerbitan-akta-kelahiran-2', { as: petugas })).status).toBe(204);
		expect((await call('GET', '/api/v1/services/penerbitan-akta-kelahiran-2', { as: petugas })).status).toBe(404);
		expect(await db.select().from(auditLog).where(like(auditLog.action, 'layanan.service.%'))).toHaveLength(9);
	});

	it('a UUID-shaped ref is an id only: another row whose slug is that UUID is never hit', async () => {
		const a = await call('POST', '/api/v1/services', { as: petugas, body: service({ name: 'Layanan Ref A' }) });
		const b = await call('POST', '/api/v1/services', { as: petugas, body: service({ name: 'Layanan Ref B' }) });
		expect(errorsOf(await call('PATCH', `/api/v1/services/${b.body.id}`, { as: petugas, body: { slug: a.body.id } }))).toHaveProperty('slug');
		// A slug stored before the rule (or by hand) that equals A's id.
		await db.update(publicServices).set({ slug: a.body.id }).where(eq(publicServices.id, b.body.id));
		expect((await findService(db, a.body.id))?.name).toBe('Layanan Ref A');
		const patched = await call('PATCH', `/api/v1/services/${a.body.id}`, { as: petugas, body: { service_time: '2 hari kerja' } });
		expect(patched.body).toMatchObject({ id: a.body.id, name: 'Layanan Ref A' });
		expect((await call('DELETE', `/api/v1/services/${a.body.id}`, { as: petugas })).status).toBe(204);
		expect((await call('GET', `/api/v1/services/${a.body.id}`, { as: petugas })).status).toBe(404);
		expect((await call('GET', `/api/v1/services/${b.body.id}`, { as: petugas })).body.name).toBe('Layanan Ref B');

		const f = await call('POST', '/api/v1/facilities', { as: petugas, body: facility({ name: 'Fasilitas Ref F' }) });
		const g = await call('POST', '/api/v1/facilities', { as: petugas, body: facility({ name: 'Fasilitas Ref G' }) });
		expect(f.status, JSON.stringify(f.body)).toBe(201);
		await db.update(facilities).set({ slug: f.body.id }).where(eq(facilities.id, g.body.id));
		expect((await findFacility(db, f.body.id))?.name).toBe('Fasilitas Ref F');
		expect((await findFacility(db, g.body.id))?.name).toBe('Fasilitas Ref G');
		await call('DELETE', `/api/v1/services/${b.body.id}`, { as: petugas });
		await call('DELETE', `/api/v1/facilities/${f.body.id}`, { as: petugas });
		await call('DELETE', `/api/v1/facilities/${g.body.id}`, { as: petugas });
	});

	it('refuses writes by warga, anggota and anonymous visitors, before looking at the body', async () => {
		expect((await call('POST', '/api/v1/services', { body: service() })).status).toBe(401);
		for (const who of [warga, anggota]) {
			const res = await call('POST', '/api/v1/services', { as: who, body: { nonsense: true } });
			expect(res.status).toBe(403);
			expect(res.headers.get('content-type')).toContain('application/problem+json');
			expect((await call('PATCH', '/api/v1/services/izin-reklame', { as: who, body: { fee: 1 } })).status).toBe(403);
			expect((await call('POST', '/api/v1/facilities', { as: who, body: facility() })).status).toBe(403);
			expect((await call('POST', '/api/v1/emergency-numbers', { as: who, body: { label: 'X', number: '112' } })).status).toBe(403);
		}
	});

	it('answers bad input with Indonesian field errors', async () => {
		const res = await call('POST', '/api/v1/services', {
			as: petugas,
			body: service({ name: ' ', unit_code: 'dinas-sulap', category: 'sulap', fee: -5, online_url: 'javascript:alert(1)', slug: 'Bukan Slug', requirements: ['x'.repeat(301)] })
		});
		expect(res.status).toBe(400);
		expect(res.headers.get('content-type')).toContain('application/problem+json');
		const e = errorsOf(res);
		expect(e.name).toBe('Masukkan nama');
		expect(e.category).toBe('Pilih kategori layanan');
		expect(e.fee).toMatch(/rupiah/);
		expect(e.online_url).toMatch(/https/);
		expect(e.slug).toMatch(/huruf kecil/);
		expect(e['requirements.0']).toMatch(/300/);
		// Database-backed checks: unknown unit, unknown kelurahan, slug in use.
		const db2 = await call('POST', '/api/v1/services', { as: petugas, body: service({ unit_code: 'dinas-sulap', kelurahan_codes: ['33.71.09.9999'], slug: 'izin-reklame' }) });
		expect(db2.status).toBe(400);
		expect(errorsOf(db2)).toEqual({
			slug: 'Alamat halaman ini sudah dipakai. Pilih alamat lain.',
			unit_code: 'Pilih perangkat daerah yang bertanggung jawab',
			kelurahan_codes: 'Pilih kelurahan yang ada dalam daftar'
		});
		expect((await call('PATCH', '/api/v1/services/tidak-ada', { as: petugas, body: { fee: 1 } })).status).toBe(404);
	});

	it('accepts fees as typed in a form ("Rp 15.000")', async () => {
		const res = await call('PATCH', '/api/v1/services/izin-reklame', { as: petugas, body: { fee: 'Rp 25.000' } });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ fee: 25000, fee_label: 'Rp 25.000' });
	});
});

describe('facilities', () => {
	it('keeps points inside the city and checks the kelurahan', async () => {
		const outside = await call('POST', '/api/v1/facilities', { as: petugas, body: facility({ lat: -6.2, lng: 106.8 }) });
		expect(outside.status).toBe(400);
		expect(errorsOf(outside).lat).toMatch(/luar kota/);
		const half = await call('POST', '/api/v1/facilities', { as: petugas, body: facility({ lng: null }) });
		expect(errorsOf(half).lng).toBe('Isi lintang dan bujur, atau kosongkan keduanya');
		const junk = await call('POST', '/api/v1/facilities', { as: petugas, body: facility({ lat: 'utara', kind: 'kastil', kelurahan_code: '33.71.09.9999', phone: 'telepon' }) });
		expect(junk.status).toBe(400);
		expect(Object.keys(errorsOf(junk)).sort()).toEqual(['kind', 'lat', 'phone']);
		const unknownPlace = await call('POST', '/api/v1/facilities', { as: petugas, body: facility({ kelurahan_code: '33.71.09.9999' }) });
		expect(errorsOf(unknownPlace).kelurahan_code).toBe('Pilih kelurahan yang ada dalam daftar');

		const ok = await call('POST', '/api/v1/facilities', { as: petugas, body: facility() });
		expect(ok.status).toBe(201);
		expect(ok.body).toMatchObject({ slug: 'puskesmas-uji', kind_label: 'Puskesmas', kelurahan: { code: TIDAR_SELATAN, name: 'Tidar Selatan' } });
		expect(ok.body.map_url).toContain('mlat=-7.490000&mlon=110.220000');
		// A PATCH that moves only one coordinate outside is checked against the merged point.
		const moved = await call('PATCH', '/api/v1/facilities/puskesmas-uji', { as: petugas, body: { lng: 111.5 } });
		expect(moved.status).toBe(400);
		expect(errorsOf(moved).lat).toMatch(/luar kota/);
		const nowhere = await call('PATCH', '/api/v1/facilities/puskesmas-uji', { as: petugas, body: { lat: null, lng: null } });
		expect(nowhere.status).toBe(200);
		expect(nowhere.body.map_url).toBeNull();
	});

	it('filters by kind, kelurahan (its own first, then its kecamatan) and search; drafts for staff only', async () => {
		await call('POST', '/api/v1/facilities', { as: petugas, body: facility({ name: 'Kantor Kelurahan Tidar Utara', kind: 'kantor_kelurahan', kelurahan_code: TIDAR_UTARA }) });
		await call('POST', '/api/v1/facilities', { as: petugas, body: facility({ name: 'Kantor Kelurahan Wates', kind: 'kantor_kelurahan', kelurahan_code: WATES }) });
		await call('POST', '/api/v1/facilities', { as: petugas, body: facility({ name: 'Posyandu Mawar', kind: 'posyandu', is_published: false }) });
		const near = names(await call('GET', `/api/v1/facilities?kelurahan_code=${TIDAR_UTARA}`));
		expect(near[0]).toBe('Kantor Kelurahan Tidar Utara');
		expect(near).toContain('Puskesmas Uji');
		expect(near).not.toContain('Kantor Kelurahan Wates');
		expect(near).not.toContain('Posyandu Mawar');
		expect(names(await call('GET', `/api/v1/facilities?kelurahan_code=${TIDAR_UTARA}`, { as: petugas }))).toContain('Posyandu Mawar');
		expect(names(await call('GET', '/api/v1/facilities?kind=kantor_kelurahan')).sort()).toEqual(['Kantor Kelurahan Tidar Utara', 'Kantor Kelurahan Wates']);
		expect(names(await call('GET', `/api/v1/facilities?q=${encodeURIComponent('puskesmas uji')}`))).toEqual(['Puskesmas Uji']);
		expect(names(await call('GET', `/api/v1/facilities?q=wates`))).toEqual(['Kantor Kelurahan Wates']);
		expect((await call('GET', '/api/v1/facilities/posyandu-mawar')).status).toBe(404);
		expect((await call('GET', '/api/v1/facilities?kind=kastil')).status).toBe(400);
		expect((await call('DELETE', '/api/v1/facilities/posyandu-mawar', { as: admin })).status).toBe(204);
	});
});

describe('emergency numbers', () => {
	it('lists 112 first whatever its position, with tel: links; staff manage them', async () => {
		const police = await call('POST', '/api/v1/emergency-numbers', { as: petugas, body: { label: 'Polisi', number: '110', position: 0 } });
		expect(police.status).toBe(201);
		await call('POST', '/api/v1/emergency-numbers', { as: petugas, body: { label: 'Layanan darurat', number: '112', position: '5' } });
		const list = await call('GET', '/api/v1/emergency-numbers');
		expect(list.body.data.map((e: { number: string; tel: string }) => e.tel)).toEqual(['tel:112', 'tel:110']);
		const bad = await call('POST', '/api/v1/emergency-numbers', { as: petugas, body: { label: '', number: 'abc', position: 5000 } });
		expect(Object.keys(errorsOf(bad)).sort()).toEqual(['label', 'number', 'position']);
		const changed = await call('PATCH', `/api/v1/emergency-numbers/${police.body.id}`, { as: petugas, body: { label: 'Polisi (Polres Magelang Kota)' } });
		expect(changed.body).toMatchObject({ label: 'Polisi (Polres Magelang Kota)', number: '110' });
		expect((await call('DELETE', `/api/v1/emergency-numbers/${police.body.id}`, { as: petugas })).status).toBe(204);
		expect((await call('DELETE', `/api/v1/emergency-numbers/${police.body.id}`, { as: petugas })).status).toBe(404);
		expect(await db.select().from(auditLog).where(like(auditLog.action, 'layanan.emergency.%'))).toHaveLength(4);
	});
});

it('documents the routes in the OpenAPI document', async () => {
	const res = await call('GET', '/api/openapi.json');
	expect(res.status).toBe(200);
	for (const path of ['/api/v1/services', '/api/v1/services/{slug}', '/api/v1/facilities', '/api/v1/facilities/{slug}', '/api/v1/emergency-numbers', '/api/v1/emergency-numbers/{id}']) {
		expect(res.body.paths[path], path).toBeDefined();
	}
	expect(res.body.components.schemas.CreatePublicServiceInput.properties.fee.type).toBe('integer');
});
