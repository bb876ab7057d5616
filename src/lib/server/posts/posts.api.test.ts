import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, PUBLIC_URL, testApi, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import { auditLog, postRevisions, posts } from '../db/schema';
import type { Db } from '../db/client';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
});

/** Audit entries other than logins (the test caller logs each new actor in). */
const auditCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(sql`${auditLog.action} <> 'user.login'`))[0].n;
const row = async (id: string) => (await db.select().from(posts).where(eq(posts.id, id)))[0];

/** A verified KIM with an anggota, a second anggota and a pengurus (ketua); another KIM with its own pengurus and anggota. */
async function setup() {
	const kim = await buildKim(db);
	const other = await buildKim(db);
	return {
		kim,
		anggota: await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' }),
		anggota2: await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' }),
		pengurus: await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' }),
		otherPengurus: await buildActor(db, 'warga', { kimId: other.id, position: 'ketua' }),
		otherAnggota: await buildActor(db, 'warga', { kimId: other.id, position: 'anggota' }),
		petugas: await buildActor(db, 'petugas'),
		warga: await buildActor(db, 'warga')
	};
}

const news = (kimId: string | null, over: Record<string, unknown> = {}) => ({
	kind: 'news', title: 'Kerja bakti RW 03', summary: 'Warga membersihkan selokan.', body: 'Minggu pagi **semua** warga ikut.', ...(kimId ? { kim_id: kimId } : {}), ...over
});

describe('the review journey through the API', () => {
	it('anggota writes, pengurus returns with a comment, anggota fixes and resubmits, pengurus publishes, the public reads it', async () => {
		const s = await setup();
		const created = await call('POST', '/api/v1/posts', { as: s.anggota, body: news(s.kim.id, { tags: ['Lingkungan', 'lingkungan', ' Kerja Bakti '] }) });
		expect(created.status).toBe(201);
		expect(created.body).toEqual({ id: expect.any(String), status: 'draft' });
		const id = created.body.id;
		const stored = await row(id);
		expect(stored).toMatchObject({ kimId: s.kim.id, authorId: s.anggota.userId, kelurahanCode: TIDAR_SELATAN, tags: ['lingkungan', 'kerja bakti'], slug: 'kerja-bakti-rw-03', revision: 1 });

		// Not public yet: 404 for the public and other KIMs, visible to the KIM's members and staff.
		expect((await call('GET', `/api/v1/posts/${id}`)).status).toBe(404);
		expect((await call('GET', `/api/v1/posts/${id}`, { as: s.otherPengurus })).status).toBe(404);
		expect((await call('GET', `/api/v1/posts/${id}`, { as: s.anggota2 })).status).toBe(200);
		expect((await call('GET', `/api/v1/posts/${id}`, { as: s.petugas })).body.can).toMatchObject({ publish: true, edit: true });

		// The anggota cannot publish alone, not even their own draft.
		const before = await auditCount();
		expect((await call('POST', `/api/v1/posts/${id}/publish`, { as: s.anggota })).status).toBe(403);
		expect((await call('POST', `/api/v1/posts/${id}/submit`, { as: s.anggota })).body).toEqual({ id, status: 'in_review' });
		expect((await call('POST', `/api/v1/posts/${id}/publish`, { as: s.anggota })).status).toBe(403);
		// Nor can a pengurus of another KIM review it, nor a resident.
		for (const who of [s.otherPengurus, s.warga, s.otherAnggota]) {
			expect((await call('POST', `/api/v1/posts/${id}/publish`, { as: who })).status).toBe(403);
			expect((await call('POST', `/api/v1/posts/${id}/return`, { as: who, body: { comment: 'x' } })).status).toBe(403);
		}
		expect((await call('POST', `/api/v1/posts/${id}/publish`)).status).toBe(401);
		expect((await row(id)).status).toBe('in_review');
		expect(await auditCount()).toBe(before + 1); // only the submit

		// The author may not edit while it is in review.
		expect((await call('PATCH', `/api/v1/posts/${id}`, { as: s.anggota, body: { title: 'Ubah' } })).status).toBe(403);

		// Returning needs a comment.
		const noComment = await call('POST', `/api/v1/posts/${id}/return`, { as: s.pengurus, body: {} });
		expect(noComment.status).toBe(400);
		expect(noComment.body.errors).toEqual([{ path: 'comment', message: 'Tulis catatan agar penulis tahu apa yang harus diperbaiki' }]);
		expect((await call('POST', `/api/v1/posts/${id}/return`, { as: s.pengurus, body: { comment: 'Tambahkan jam mulai.' } })).body.status).toBe('draft');
		const returned = await call('GET', `/api/v1/posts/${id}`, { as: s.anggota });
		expect(returned.body).toMatchObject({ status: 'draft', review_comment: 'Tambahkan jam mulai.' });

		// The author fixes it (a new revision) and resubmits; the comment is cleared on submit.
		const edited = await call('PATCH', `/api/v1/posts/${id}`, { as: s.anggota, body: { body: 'Minggu pagi pukul 07.00 semua warga ikut.' } });
		expect(edited.status).toBe(200);
		expect(edited.body).toMatchObject({ revision: 2, body_html: '<p>Minggu pagi pukul 07.00 semua warga ikut.</p>\n' });
		expect((await call('POST', `/api/v1/posts/${id}/submit`, { as: s.anggota })).body.status).toBe('in_review');
		expect((await row(id)).reviewComment).toBeNull();

		const published = await call('POST', `/api/v1/posts/${id}/publish`, { as: s.pengurus });
		expect(published.status).toBe(200);
		expect(published.body).toMatchObject({ id, status: 'published', url: `${PUBLIC_URL}/berita/kerja-bakti-rw-03`, publish_at: null });
		expect((await call('POST', `/api/v1/posts/${id}/publish`, { as: s.pengurus })).status).toBe(409);

		const pub = await call('GET', `/api/v1/posts/kerja-bakti-rw-03`);
		expect(pub.status).toBe(200);
		expect(pub.body).toMatchObject({ id, status: 'published', is_public: true, url: `${PUBLIC_URL}/berita/kerja-bakti-rw-03`, review_comment: null, author_name: expect.any(String), can: { edit: false, publish: false } });
		const list = await call('GET', `/api/v1/posts?kim_id=${s.kim.id}`);
		expect(list.body.data.map((p: { id: string }) => p.id)).toEqual([id]);

		const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id)).map((r) => r.action);
		expect(actions).toEqual(['post.create', 'post.submit', 'post.return', 'post.update', 'post.submit', 'post.publish']);
	});

	it('a pengurus edits a published post (a revision is kept); nobody else does', async () => {
		const s = await setup();
		const { body } = await call('POST', '/api/v1/posts', { as: s.anggota, body: news(s.kim.id) });
		await call('POST', `/api/v1/posts/${body.id}/publish`, { as: s.pengurus });
		const before = await auditCount();
		for (const who of [s.anggota, s.anggota2, s.otherPengurus, s.warga]) {
			const res = await call('PATCH', `/api/v1/posts/${body.id}`, { as: who, body: { title: 'Judul baru' } });
			expect(res.status).toBe(403);
			expect(res.headers.get('content-type')).toBe('application/problem+json');
		}
		expect((await call('PATCH', `/api/v1/posts/${body.id}`, { body: { title: 'Judul baru' } })).status).toBe(401);
		expect(await auditCount()).toBe(before);
		expect((await row(body.id)).title).toBe('Kerja bakti RW 03');

		expect((await call('PATCH', `/api/v1/posts/${body.id}`, { as: s.pengurus, body: { title: 'Kerja bakti RW 03 (ralat)' } })).status).toBe(200);
		expect((await call('PATCH', `/api/v1/posts/${body.id}`, { as: s.petugas, body: { summary: 'Diperbarui petugas.' } })).status).toBe(200);
		const revs = await call('GET', `/api/v1/posts/${body.id}/revisions`, { as: s.anggota });
		expect(revs.status).toBe(200);
		expect(revs.body.data.map((r: { revision: number; title: string }) => [r.revision, r.title])).toEqual([
			[3, 'Kerja bakti RW 03 (ralat)'], [2, 'Kerja bakti RW 03 (ralat)'], [1, 'Kerja bakti RW 03']
		]);
		expect(revs.body.data[0]).toMatchObject({ summary: 'Diperbarui petugas.', editor_id: s.petugas.userId });
		// The slug stays, so shared links keep working.
		expect((await row(body.id)).slug).toBe('kerja-bakti-rw-03-2');
		expect((await call('GET', `/api/v1/posts/${body.id}/revisions`)).status).toBe(401);
		expect((await call('GET', `/api/v1/posts/${body.id}/revisions`, { as: s.warga })).status).toBe(403);
		expect((await call('GET', `/api/v1/posts/${body.id}/revisions`, { as: s.otherPengurus })).status).toBe(403);
		// A save without changes keeps no revision.
		await call('PATCH', `/api/v1/posts/${body.id}`, { as: s.pengurus, body: { title: 'Kerja bakti RW 03 (ralat)' } });
		expect(await db.select().from(postRevisions).where(eq(postRevisions.postId, body.id))).toHaveLength(3);
	});

	it('unpublishes back to draft (reviewers only); the post leaves the public list', async () => {
		const s = await setup();
		const { body } = await call('POST', '/api/v1/posts', { as: s.pengurus, body: news(s.kim.id, { title: 'Untuk ditarik' }) });
		// A pengurus may publish their own draft directly.
		expect((await call('POST', `/api/v1/posts/${body.id}/publish`, { as: s.pengurus })).status).toBe(200);
		expect((await call('POST', `/api/v1/posts/${body.id}/unpublish`, { as: s.anggota })).status).toBe(403);
		expect((await call('POST', `/api/v1/posts/${body.id}/unpublish`, { as: s.otherPengurus })).status).toBe(403);
		expect((await call('POST', `/api/v1/posts/${body.id}/unpublish`, { as: s.pengurus })).body.status).toBe('draft');
		expect((await call('POST', `/api/v1/posts/${body.id}/unpublish`, { as: s.pengurus })).status).toBe(409);
		expect((await call('GET', `/api/v1/posts/${body.id}`)).status).toBe(404);
		expect((await call('POST', `/api/v1/posts/${body.id}/return`, { as: s.pengurus, body: { comment: 'x' } })).status).toBe(409);
	});

	it('schedules a publication: not public before publish_at', async () => {
		const s = await setup();
		const { body } = await call('POST', '/api/v1/posts', { as: s.anggota, body: news(s.kim.id, { title: 'Terjadwal' }) });
		await call('POST', `/api/v1/posts/${body.id}/submit`, { as: s.anggota });
		const past = await call('POST', `/api/v1/posts/${body.id}/publish`, { as: s.pengurus, body: { publish_at: '2020-01-01T08:00:00+07:00' } });
		expect(past.status).toBe(400);
		expect(past.body.errors).toEqual([{ path: 'publish_at', message: 'Waktu terbit terjadwal harus setelah saat ini' }]);
		const bad = await call('POST', `/api/v1/posts/${body.id}/publish`, { as: s.pengurus, body: { publish_at: 'besok pagi' } });
		expect(bad.body.errors[0].path).toBe('publish_at');
		const at = new Date(Date.now() + 2 * 86400_000);
		const res = await call('POST', `/api/v1/posts/${body.id}/publish`, { as: s.pengurus, body: { publish_at: at.toISOString() } });
		expect(res.body).toMatchObject({ status: 'published', publish_at: at.toISOString() });
		expect((await call('GET', `/api/v1/posts/${body.id}`)).status).toBe(404);
		expect((await call('GET', '/api/v1/posts?q=Terjadwal')).body.data).toEqual([]);
		expect((await call('GET', `/api/v1/posts/${body.id}`, { as: s.anggota2 })).body).toMatchObject({ is_public: false, publish_at: at.toISOString() });
	});
});

describe('who writes what', () => {
	it('agency posts and programs are for staff; KIM posts for that KIM’s members', async () => {
		const s = await setup();
		const program = { kind: 'program', title: 'Beasiswa pelajar', summary: 'Ringkas', body: 'Isi', eligibility: 'Pelajar SMA', how_to_join: 'Daftar di kelurahan', deadline: '2026-12-31', contact: '0293-123' };
		const agency = await call('POST', '/api/v1/posts', { as: s.petugas, body: program });
		expect(agency.status).toBe(201);
		expect((await row(agency.body.id)).details).toEqual({ eligibility: 'Pelajar SMA', how_to_join: 'Daftar di kelurahan', deadline: '2026-12-31', contact: '0293-123' });
		expect((await call('POST', '/api/v1/posts', { as: s.pengurus, body: { ...program, kim_id: s.kim.id } })).status).toBe(403);
		expect((await call('POST', '/api/v1/posts', { as: s.petugas, body: { ...program, kim_id: s.kim.id } })).status).toBe(403);
		expect((await call('POST', '/api/v1/posts', { as: s.pengurus, body: news(null) })).status).toBe(403);
		expect((await call('POST', '/api/v1/posts', { as: s.otherAnggota, body: news(s.kim.id) })).status).toBe(403);
		expect((await call('POST', '/api/v1/posts', { as: s.warga, body: news(s.kim.id) })).status).toBe(403);
		expect((await call('POST', '/api/v1/posts', { body: news(null) })).status).toBe(401);
		// Agency drafts are staff only; the petugas publishes them.
		expect((await call('GET', `/api/v1/posts/${agency.body.id}`, { as: s.pengurus })).status).toBe(404);
		expect((await call('POST', `/api/v1/posts/${agency.body.id}/publish`, { as: s.pengurus })).status).toBe(403);
		expect((await call('POST', `/api/v1/posts/${agency.body.id}/publish`, { as: await buildActor(db, 'admin') })).status).toBe(200);
		const shown = await call('GET', `/api/v1/posts/${agency.body.id}`);
		expect(shown.body).toMatchObject({ kind: 'program', kim_id: null, eligibility: 'Pelajar SMA', deadline: '2026-12-31' });
	});

	it('an anggota cannot edit another anggota’s draft; the pengurus can', async () => {
		const s = await setup();
		const { body } = await call('POST', '/api/v1/posts', { as: s.anggota, body: news(s.kim.id) });
		expect((await call('PATCH', `/api/v1/posts/${body.id}`, { as: s.anggota2, body: { title: 'Bukan milikku' } })).status).toBe(403);
		expect((await call('POST', `/api/v1/posts/${body.id}/submit`, { as: s.anggota2 })).status).toBe(403);
		expect((await call('PATCH', `/api/v1/posts/${body.id}`, { as: s.pengurus, body: { title: 'Disunting ketua' } })).status).toBe(200);
	});

	it('a KIM that is not verified cannot post yet', async () => {
		const kim = await buildKim(db, { status: 'registered' });
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const res = await call('POST', '/api/v1/posts', { as: ketua, body: news(kim.id) });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].path).toBe('kim_id');
	});
});

describe('bad input', () => {
	it('answers field errors in Indonesian with their paths', async () => {
		const s = await setup();
		const res = await call('POST', '/api/v1/posts', { as: s.anggota, body: { kind: 'opini', title: ' ', summary: 'x'.repeat(501), kim_id: s.kim.id } });
		expect(res.status).toBe(400);
		expect(res.headers.get('content-type')).toBe('application/problem+json');
		expect(res.body.code).toBe('INVALID');
		const byPath = Object.fromEntries(res.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
		expect(byPath).toMatchObject({
			kind: 'Pilih jenis tulisan: berita, program, pengumuman, potensi atau klarifikasi',
			title: 'Tulis judul',
			summary: 'Isian ini maksimal 500 karakter',
			body: 'Tulis isi tulisan'
		});
	});

	it('checks kind fields: values, and fields of another kind', async () => {
		const s = await setup();
		const res = await call('POST', '/api/v1/posts', {
			as: s.anggota,
			body: { kind: 'potential', title: 'Batik', summary: 'Ringkas', body: 'Isi', kim_id: s.kim.id, category: 'kuliner', price: -5, verdict: 'hoax', sources: ['javascript:alert(1)'] }
		});
		const byPath = Object.fromEntries(res.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
		expect(byPath).toMatchObject({
			category: 'Pilih kategori: UMKM, wisata atau budaya',
			price: 'Tulis harga dalam rupiah tanpa titik, misalnya 15000',
			'sources.0': 'Tulis alamat sumber lengkap, misalnya https://www.kominfo.go.id/berita'
		});
		const foreign = await call('POST', '/api/v1/posts', { as: s.anggota, body: { ...news(s.kim.id), verdict: 'hoax', expires_on: '2026-01-01' } });
		expect(foreign.body.errors).toEqual([
			{ path: 'expires_on', message: 'Isian ini tidak berlaku untuk jenis Berita' },
			{ path: 'verdict', message: 'Isian ini tidak berlaku untuk jenis Berita' }
		]);
		const ok = await call('POST', '/api/v1/posts', { as: s.anggota, body: { kind: 'potential', title: 'Batik Tidar', summary: 'Ringkas', body: 'Isi', kim_id: s.kim.id, category: 'umkm', price: '150000', location: 'Jl. Tidar 1', kelurahan_code: WATES } });
		expect(ok.status).toBe(201);
		expect(await row(ok.body.id)).toMatchObject({ details: { category: 'umkm', price: 150000, location: 'Jl. Tidar 1' }, kelurahanCode: WATES });
		const patch = await call('PATCH', `/api/v1/posts/${ok.body.id}`, { as: s.anggota, body: { claim: 'x' } });
		expect(patch.body.errors).toEqual([{ path: 'claim', message: 'Isian ini tidak berlaku untuk jenis Potensi' }]);
		const cleared = await call('PATCH', `/api/v1/posts/${ok.body.id}`, { as: s.anggota, body: { price: null, location: '' } });
		expect(cleared.body).toMatchObject({ category: 'umkm', price: null, location: null });
		const region = await call('POST', '/api/v1/posts', { as: s.anggota, body: news(s.kim.id, { kelurahan_code: '99.99.99.9999' }) });
		expect(region.body.errors).toEqual([{ path: 'kelurahan_code', message: 'Pilih kelurahan yang ada dalam daftar' }]);
	});

	it('refuses bad list filters and unknown posts', async () => {
		expect((await call('GET', '/api/v1/posts?kind=opini')).status).toBe(400);
		expect((await call('GET', '/api/v1/posts?limit=1000')).status).toBe(400);
		expect((await call('GET', '/api/v1/posts/tidak-ada')).status).toBe(404);
		expect((await call('POST', '/api/v1/posts/00000000-0000-4000-8000-000000000000/submit', { as: await buildActor(db, 'petugas') })).status).toBe(404);
	});
});

describe('lists', () => {
	it('shows the public only listed posts, members also their KIM’s unpublished ones, staff all', async () => {
		const s = await setup();
		const mk = async (title: string, over: Record<string, unknown> = {}) => (await call('POST', '/api/v1/posts', { as: s.pengurus, body: news(s.kim.id, { title, ...over }) })).body.id as string;
		const draft = await mk('Draf daftar');
		const live = await mk('Terbit daftar');
		await call('POST', `/api/v1/posts/${live}/publish`, { as: s.pengurus });
		const expired = await mk('Pengumuman lama', { kind: 'announcement', expires_on: '2020-01-01' });
		await call('POST', `/api/v1/posts/${expired}/publish`, { as: s.pengurus });
		const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((p) => p.id).sort();
		const filter = `/api/v1/posts?kim_id=${s.kim.id}`;
		expect(ids(await call('GET', filter))).toEqual([live]);
		expect(ids(await call('GET', filter, { as: s.otherPengurus }))).toEqual([live]);
		expect(ids(await call('GET', filter, { as: s.anggota2 }))).toEqual([draft, expired, live].sort());
		expect(ids(await call('GET', `${filter}&status=draft`, { as: s.petugas }))).toEqual([draft]);
		expect(ids(await call('GET', `${filter}&status=draft`))).toEqual([]);
		expect(ids(await call('GET', `${filter}&kecamatan_code=33.71.01`))).toEqual([live]);
		expect(ids(await call('GET', `${filter}&kecamatan_code=33.71.02`))).toEqual([]);
		expect(ids(await call('GET', `${filter}&q=terbit`))).toEqual([live]);
		// The expired announcement is still reachable by its URL, marked expired.
		expect((await call('GET', `/api/v1/posts/${expired}`)).body).toMatchObject({ is_public: true, expired: true, expires_on: '2020-01-01' });
		expect(ids(await call('GET', `/api/v1/posts?kind=announcement&kim_id=${s.kim.id}`))).toEqual([]);
	});
});
