import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, ctxFor, testApi } from '../../../../tests/factories';
import { auditLog, files, posts } from '../db/schema';
import type { Db } from '../db/client';
import { localDiskStorage, setFileStorage } from '../files/storage';
import { openFile } from '../files/files.actions';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
const dir = mkdtempSync(join(tmpdir(), 'simpul-post-uploads-'));
const storage = localDiskStorage(dir);
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
	setFileStorage(storage);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const form = (bytes: Uint8Array, name: string, type = 'application/octet-stream', extra: Record<string, string> = {}) => {
	const fd = new FormData();
	fd.append('file', new File([bytes as BlobPart], name, { type }));
	for (const [k, v] of Object.entries(extra)) fd.append(k, v);
	return fd;
};
const image = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#0b5e55' } });
const auditCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(sql`${auditLog.action} <> 'user.login'`))[0].n;
const storedFiles = () => readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('.')).length;

async function setup() {
	const kim = await buildKim(db);
	const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
	const pengurus = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
	const created = await call('POST', '/api/v1/posts', { as: anggota, body: { kind: 'news', title: 'Foto kegiatan', summary: 'Ringkas', body: 'Isi', kim_id: kim.id } });
	return { kim, anggota, pengurus, id: created.body.id as string };
}

describe('cover image', () => {
	it('stores a re-encoded image without EXIF plus WebP copies 320/640/1024 wide, and replaces the previous cover', async () => {
		const { anggota, id } = await setup();
		const withGps = await image(2000, 1000)
			.jpeg()
			.withExifMerge({ IFD0: { Make: 'KameraUji' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '7/1 28/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '110/1 13/1 0/1' } })
			.toBuffer();
		const res = await call('POST', `/api/v1/posts/${id}/cover`, { as: anggota, body: form(withGps, 'foto.jpg', 'image/jpeg') });
		expect(res.status).toBe(201);
		const cover = res.body.post.cover;
		expect(cover.url).toBe(`/berkas/${res.body.file.id}`);
		expect(cover.variants.map((v: { width: number }) => v.width)).toEqual([320, 640, 1024]);
		expect(cover.srcset).toBe(cover.variants.map((v: { url: string; width: number }) => `${v.url} ${v.width}w`).join(', '));
		const main = await openFile(ctxFor(db, null), storage, res.body.file.id);
		const meta = await sharp(main.bytes).metadata();
		expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['jpeg', 1600, 800, undefined]);
		expect(Buffer.from(main.bytes).includes(Buffer.from('KameraUji'))).toBe(false);
		for (const v of cover.variants) {
			const copy = await openFile(ctxFor(db, null), storage, v.url.split('/').pop());
			const m = await sharp(copy.bytes).metadata();
			expect([m.format, m.width, m.exif]).toEqual(['webp', v.width, undefined]);
		}
		expect(storedFiles()).toBeGreaterThanOrEqual(4);

		const count = storedFiles();
		const second = await call('POST', `/api/v1/posts/${id}/cover`, { as: anggota, body: form(await image(500, 300).png().toBuffer(), 'kecil.png') });
		expect(second.status).toBe(201);
		// A 500 px image gets the copies it can fill: 320 only.
		expect(second.body.post.cover.variants.map((v: { width: number }) => v.width)).toEqual([320]);
		expect(storedFiles()).toBe(count - 4 + 2);
		expect(await db.select().from(files).where(eq(files.id, res.body.file.id))).toEqual([]);
		const actions = (await db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id))).map((r) => r.a);
		expect(actions.filter((a) => a === 'post.upload_cover')).toHaveLength(2);
	});

	it('refuses a PHP file renamed .jpg, a 20 MB image and a PDF, storing nothing', async () => {
		const { anggota, id } = await setup();
		const count = storedFiles();
		const audits = await auditCount();
		const php = await call('POST', `/api/v1/posts/${id}/cover`, { as: anggota, body: form(new TextEncoder().encode('<?php system($_GET["c"]); ?>'), 'foto.jpg', 'image/jpeg') });
		expect(php.status).toBe(400);
		expect(php.body.errors).toEqual([{ path: 'file', message: 'Gambar sampul harus berupa JPG, PNG atau WebP' }]);
		const big = new Uint8Array(20 * MB);
		big.set(await image(10, 10).jpeg().toBuffer());
		const huge = await call('POST', `/api/v1/posts/${id}/cover`, { as: anggota, body: form(big, 'besar.jpg', 'image/jpeg') });
		expect(huge.status).toBe(400);
		expect(huge.body.errors).toEqual([{ path: 'file', message: expect.stringContaining('maksimal 5 MB') }]);
		const justOver = new Uint8Array(5 * MB + 1);
		justOver.set(await image(10, 10).png().toBuffer());
		expect((await call('POST', `/api/v1/posts/${id}/cover`, { as: anggota, body: form(justOver, 'a.png') })).body.errors[0].message).toContain('5 MB');
		expect((await call('POST', `/api/v1/posts/${id}/cover`, { as: anggota, body: form(PDF, 'a.jpg') })).status).toBe(400);
		expect(storedFiles()).toBe(count);
		expect(await auditCount()).toBe(audits);
		expect((await db.select().from(posts).where(eq(posts.id, id)))[0].coverFileId).toBeNull();
	});

	it('is changed on a published post by reviewers only (403 for the author), and by nobody outside the KIM', async () => {
		const { anggota, pengurus, id } = await setup();
		const other = await buildActor(db, 'warga', { kimId: (await buildKim(db)).id, position: 'ketua' });
		const png = await image(400, 300).png().toBuffer();
		expect((await call('POST', `/api/v1/posts/${id}/cover`, { as: other, body: form(png, 'a.png') })).status).toBe(403);
		expect((await call('POST', `/api/v1/posts/${id}/cover`, { body: form(png, 'a.png') })).status).toBe(401);
		await call('POST', `/api/v1/posts/${id}/publish`, { as: pengurus });
		const count = storedFiles();
		expect((await call('POST', `/api/v1/posts/${id}/cover`, { as: anggota, body: form(png, 'a.png') })).status).toBe(403);
		expect(storedFiles()).toBe(count);
		expect((await call('POST', `/api/v1/posts/${id}/cover`, { as: pengurus, body: form(png, 'a.png') })).status).toBe(201);
	});
});

describe('PDF attachments', () => {
	it('attaches real PDFs in order, with a title', async () => {
		const { anggota, id } = await setup();
		const first = await call('POST', `/api/v1/posts/${id}/attachments`, { as: anggota, body: form(PDF, 'jadwal.pdf', 'application/pdf', { title: 'Jadwal lengkap' }) });
		expect(first.status).toBe(201);
		expect(first.body.file).toMatchObject({ mime: 'application/pdf', size: PDF.byteLength });
		await call('POST', `/api/v1/posts/${id}/attachments`, { as: anggota, body: form(PDF, 'syarat.pdf') });
		const post = await call('GET', `/api/v1/posts/${id}`, { as: anggota });
		expect(post.body.attachments).toEqual([
			{ id: first.body.file.id, url: `/berkas/${first.body.file.id}`, title: 'Jadwal lengkap', name: 'jadwal.pdf', size: PDF.byteLength },
			expect.objectContaining({ title: null, name: 'syarat.pdf' })
		]);
		const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'post.add_attachment'));
		expect(entry).toMatchObject({ entityId: id, actorId: anggota.userId });
	});

	it('refuses a fake PDF, an image, and a file over 10 MB', async () => {
		const { anggota, id } = await setup();
		const count = storedFiles();
		const fake = await call('POST', `/api/v1/posts/${id}/attachments`, { as: anggota, body: form(new TextEncoder().encode('ini bukan pdf\n'), 'palsu.pdf', 'application/pdf') });
		expect(fake.status).toBe(400);
		expect(fake.body.errors).toEqual([{ path: 'file', message: 'Lampiran harus berupa berkas PDF' }]);
		expect((await call('POST', `/api/v1/posts/${id}/attachments`, { as: anggota, body: form(await image(10, 10).png().toBuffer(), 'a.pdf') })).status).toBe(400);
		const big = new Uint8Array(10 * MB + 1);
		big.set(PDF);
		const tooBig = await call('POST', `/api/v1/posts/${id}/attachments`, { as: anggota, body: form(big, 'besar.pdf') });
		expect(tooBig.status).toBe(400);
		expect(tooBig.body.errors[0].message).toContain('10 MB');
		expect((await call('POST', `/api/v1/posts/${id}/attachments`, { as: anggota, body: new FormData() })).status).toBe(400);
		expect(storedFiles()).toBe(count);
	});
});
