import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, ctxFor, PUBLIC_URL, testApi } from '../../../../tests/factories';
import { auditLog, posts } from '../db/schema';
import type { Db } from '../db/client';
import { createPost, updatePost } from './posts.write.actions';
import { publishPost, returnPost, submitPost, unpublishPost } from './posts.workflow.actions';
import { getPost, listPosts, listRevisions } from './posts.read.actions';
import { UpdatePostSchema, type CreatePost } from './posts.schema';

let db: Db;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
});

const input = (over: Partial<CreatePost> = {}): CreatePost => ({ kind: 'news', title: 'Kabar RW', summary: 'Ringkas', body: 'Isi', ...over }) as CreatePost;

describe('post actions (called directly)', () => {
	it('gives each post a free slug, also for the same title', async () => {
		const petugas = ctxFor(db, await buildActor(db, 'petugas'));
		const a = await createPost(petugas, input({ title: 'Rapat Koordinasi KIM' }));
		const b = await createPost(petugas, input({ title: 'Rapat koordinasi KIM!' }));
		const c = await createPost(petugas, input({ title: 'rss' }));
		expect([a.slug, b.slug, c.slug]).toEqual(['rapat-koordinasi-kim', 'rapat-koordinasi-kim-2', 'rss-1']);
	});

	it('publishes on schedule with the request clock', async () => {
		const now = new Date('2026-05-01T01:00:00Z');
		const kim = await buildKim(db);
		const ketua = ctxFor(db, await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' }), { now });
		const post = await createPost(ketua, input({ kim_id: kim.id, title: 'Lomba 17 Agustus' }));
		const at = new Date('2026-05-02T00:00:00Z');
		const { url, post: published } = await publishPost(ketua, post.id, at);
		expect(url).toBe(`${PUBLIC_URL}/berita/lomba-17-agustus`);
		expect(published).toMatchObject({ status: 'published', publishAt: at, publishedAt: at, publishedBy: ketua.actor!.userId });
		const anon = (t: Date) => ctxFor(db, null, { now: t });
		await expect(getPost(anon(now), post.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect((await listPosts(anon(now), { kim_id: kim.id })).map((p) => p.id)).toEqual([]);
		const later = new Date('2026-05-02T00:00:00Z');
		expect((await getPost(anon(later), 'lomba-17-agustus')).is_public).toBe(true);
		expect((await listPosts(anon(later), { kim_id: kim.id })).map((p) => p.id)).toEqual([post.id]);
		await expect(publishPost(ketua, post.id, new Date('2027-06-01T00:00:00Z'))).rejects.toMatchObject({ code: 'INVALID', details: { errors: [{ path: 'publish_at', message: 'Waktu terbit paling lambat satu tahun dari sekarang' }] } });
	});

	it('refuses with the right codes and changes nothing', async () => {
		const kim = await buildKim(db);
		const anggota = ctxFor(db, await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' }));
		const post = await createPost(anggota, input({ kim_id: kim.id }));
		await expect(publishPost(anggota, post.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(returnPost(anggota, post.id, 'x')).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(unpublishPost(anggota, post.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(submitPost(ctxFor(db, null), post.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		await expect(createPost(ctxFor(db, null), input())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		await expect(updatePost(ctxFor(db, await buildActor(db, 'warga')), post.id, { title: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(submitPost(anggota, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const [row] = await db.select().from(posts).where(eq(posts.id, post.id));
		expect(row).toMatchObject({ status: 'draft', title: 'Kabar RW', revision: 1 });
		expect((await db.select().from(auditLog).where(eq(auditLog.entityId, post.id))).map((e) => e.action)).toEqual(['post.create']);
	});

	it('keeps a revision per change, readable by the KIM’s members and staff', async () => {
		const kim = await buildKim(db);
		const anggota = ctxFor(db, await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' }));
		const post = await createPost(anggota, input({ kim_id: kim.id, title: 'Versi satu' }));
		await updatePost(anggota, post.id, { title: 'Versi dua' });
		await updatePost(anggota, post.id, UpdatePostSchema.parse({ tags: [' Baru'] }));
		const same = await updatePost(anggota, post.id, { title: 'Versi dua' });
		expect(same.revision).toBe(3);
		const revs = await listRevisions(ctxFor(db, await buildActor(db, 'petugas')), post.id);
		expect(revs.map((r) => [r.revision, r.title, r.tags])).toEqual([[3, 'Versi dua', ['baru']], [2, 'Versi dua', []], [1, 'Versi satu', []]]);
		await expect(listRevisions(ctxFor(db, null), post.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});

describe('OpenAPI document', () => {
	it('describes the posts, search and rumour routes', async () => {
		const { call } = testApi(db);
		const doc = await call('GET', '/api/openapi.json');
		expect(doc.status).toBe(200);
		for (const path of ['/api/v1/posts', '/api/v1/posts/{id}', '/api/v1/posts/{id}/submit', '/api/v1/posts/{id}/publish', '/api/v1/posts/{id}/return', '/api/v1/posts/{id}/unpublish', '/api/v1/posts/{id}/revisions', '/api/v1/posts/{id}/cover', '/api/v1/posts/{id}/attachments', '/api/v1/search', '/api/v1/rumours', '/api/v1/rumours/{id}/convert', '/api/v1/rumours/{id}/dismiss']) {
			expect(Object.keys(doc.body.paths)).toContain(path);
		}
	});
});
