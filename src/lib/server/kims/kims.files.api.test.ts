import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, ctxFor, testApi } from '../../../../tests/factories';
import { auditLog, files, kims } from '../db/schema';
import type { Db } from '../db/client';
import { localDiskStorage, setFileStorage } from '../files/storage';
import { fileHeaders, openFile } from '../files/files.actions';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
const dir = mkdtempSync(join(tmpdir(), 'simpul-uploads-'));
const storage = localDiskStorage(dir);
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
	setFileStorage(storage);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const form = (bytes: Uint8Array, name: string, type = 'application/octet-stream') => {
	const fd = new FormData();
	fd.append('file', new File([bytes as BlobPart], name, { type }));
	return fd;
};
const image = (width: number, height: number) =>
	sharp({ create: { width, height, channels: 3, background: '#0b5e55' } });
/** Audit entries other than logins (the test caller logs each new actor in, which is audited). */
const auditCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(sql`${auditLog.action} <> 'user.login'`))[0].n;
const storedFiles = () => readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('.')).length;

async function setup() {
	const kim = await buildKim(db);
	const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
	return { kim, ketua };
}

describe('decree (SK) upload', () => {
	it('stores a PDF, links it to the KIM, audits it, and serves it only to staff and members', async () => {
		const { kim, ketua } = await setup();
		const res = await call('POST', `/api/v1/kims/${kim.id}/files/sk`, { as: ketua, body: form(PDF, 'sk.pdf', 'application/pdf') });
		expect(res.status).toBe(201);
		expect(res.body.file).toMatchObject({ mime: 'application/pdf', size: PDF.byteLength, url: `/berkas/${res.body.file.id}` });
		expect(res.body.kim).toMatchObject({ has_sk_file: true, sk_file_url: `/berkas/${res.body.file.id}` });
		const [row] = await db.select().from(kims).where(eq(kims.id, kim.id));
		expect(row.skFileId).toBe(res.body.file.id);
		const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'kim.upload_sk'));
		expect(entry).toMatchObject({ entityId: kim.id, actorId: ketua.userId });

		// A new decree sends the verified KIM back to the petugas (kims.reverify.api.test.ts).
		expect(res.body.kim.status).toBe('registered');
		expect((await call('POST', `/api/v1/kims/${kim.id}/verify`, { as: await buildActor(db, 'petugas') })).body.status).toBe('verified');
		// Public KIM data says a decree exists but does not link it.
		const pub = await call('GET', `/api/v1/kims/${kim.id}`);
		expect(pub.body).toMatchObject({ has_sk_file: true, sk_file_url: null });

		const id = res.body.file.id;
		const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		const opened = await openFile(ctxFor(db, anggota), storage, id);
		expect(new TextDecoder().decode(opened.bytes)).toMatch(/^%PDF-/);
		expect(fileHeaders(opened.file)).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store' });
		expect(fileHeaders(opened.file)['content-disposition']).toMatch(/^inline; filename="kim_sk-[0-9a-f]{8}\.pdf"$/);
		await expect(openFile(ctxFor(db, await buildActor(db, 'petugas')), storage, id)).resolves.toBeDefined();
		await expect(openFile(ctxFor(db, await buildActor(db, 'warga')), storage, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		const other = await buildKim(db);
		await expect(openFile(ctxFor(db, await buildActor(db, 'warga', { kimId: other.id, position: 'ketua' })), storage, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(openFile(ctxFor(db, null), storage, id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		await expect(openFile(ctxFor(db, null), storage, 'bukan-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('replaces the previous decree and deletes its bytes', async () => {
		const { kim, ketua } = await setup();
		const first = await call('POST', `/api/v1/kims/${kim.id}/files/sk`, { as: ketua, body: form(PDF, 'a.pdf') });
		const count = storedFiles();
		const second = await call('POST', `/api/v1/kims/${kim.id}/files/sk`, { as: ketua, body: form(await image(60, 40).png().toBuffer(), 'b.png') });
		expect(second.status).toBe(201);
		expect(second.body.file.mime).toBe('image/png');
		expect(await db.select().from(files).where(eq(files.id, first.body.file.id))).toEqual([]);
		expect(storedFiles()).toBe(count);
	});

	it('refuses a text file renamed .pdf (content decides, not the name or type)', async () => {
		const { kim, ketua } = await setup();
		const count = storedFiles();
		const res = await call('POST', `/api/v1/kims/${kim.id}/files/sk`, { as: ketua, body: form(new TextEncoder().encode('ini bukan pdf, hanya teks biasa\n'), 'sk.pdf', 'application/pdf') });
		expect(res.status).toBe(400);
		expect(res.body.errors).toEqual([{ path: 'file', message: 'Berkas SK harus PDF atau foto (JPG, PNG, WebP)' }]);
		expect(storedFiles()).toBe(count);
		expect((await db.select().from(kims).where(eq(kims.id, kim.id)))[0].skFileId).toBeNull();
	});

	it('refuses a file over 5 MB, and a body far over the limit before reading it', async () => {
		const { kim, ketua } = await setup();
		const big = new Uint8Array(5 * 1024 * 1024 + 1);
		big.set(PDF);
		const res = await call('POST', `/api/v1/kims/${kim.id}/files/sk`, { as: ketua, body: form(big, 'besar.pdf') });
		expect(res.status).toBe(400);
		expect(res.body.errors[0]).toEqual({ path: 'file', message: expect.stringContaining('maksimal 5 MB') });
		const huge = await call('POST', `/api/v1/kims/${kim.id}/files/sk`, { as: ketua, body: form(new Uint8Array(8 * 1024 * 1024), 'x.pdf') });
		expect(huge.status).toBe(400);
		expect(huge.body.errors[0].path).toBe('file');
	});

	it('needs a file', async () => {
		const { kim, ketua } = await setup();
		const res = await call('POST', `/api/v1/kims/${kim.id}/files/sk`, { as: ketua, body: new FormData() });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].path).toBe('file');
	});

	it('refuses anggota and other KIMs’ pengurus with 403 and stores nothing', async () => {
		const { kim } = await setup();
		const other = await buildKim(db);
		const audits = await auditCount();
		const count = storedFiles();
		for (const who of [await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' }), await buildActor(db, 'warga', { kimId: other.id, position: 'ketua' })]) {
			expect((await call('POST', `/api/v1/kims/${kim.id}/files/sk`, { as: who, body: form(PDF, 'sk.pdf') })).status).toBe(403);
			expect((await call('POST', `/api/v1/kims/${kim.id}/files/logo`, { as: who, body: form(await image(10, 10).png().toBuffer(), 'l.png') })).status).toBe(403);
		}
		expect((await call('POST', `/api/v1/kims/${kim.id}/files/sk`, { body: form(PDF, 'sk.pdf') })).status).toBe(401);
		expect(storedFiles()).toBe(count);
		expect(await auditCount()).toBe(audits);
	});
});

describe('logo upload', () => {
	it('re-encodes a JPEG upright, drops its EXIF (GPS included) and shrinks it to 512 px', async () => {
		const { kim, ketua } = await setup();
		const withGps = await image(1200, 800)
			.jpeg()
			.withMetadata({ orientation: 6 })
			.withExifMerge({ IFD0: { Make: 'KameraUji' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '7/1 28/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '110/1 13/1 0/1' } })
			.toBuffer();
		const before = await sharp(withGps).metadata();
		expect(before.exif).toBeDefined();
		expect(before.exif!.includes(Buffer.from([0x88, 0x25])) || before.exif!.includes(Buffer.from([0x25, 0x88]))).toBe(true); // GPS IFD pointer
		const res = await call('POST', `/api/v1/kims/${kim.id}/files/logo`, { as: ketua, body: form(withGps, 'logo.jpg', 'image/jpeg') });
		expect(res.status).toBe(201);
		expect(res.body.kim.logo_url).toBe(`/berkas/${res.body.file.id}`);
		const opened = await openFile(ctxFor(db, null), storage, res.body.file.id);
		const after = await sharp(opened.bytes).metadata();
		expect(after.format).toBe('jpeg');
		expect(after.exif).toBeUndefined();
		expect(after.orientation).toBeUndefined();
		expect(Buffer.from(opened.bytes).includes(Buffer.from('KameraUji'))).toBe(false);
		// Orientation 6 = rotated 90°: the upright image is portrait, fitted into 512 px.
		expect([after.width, after.height]).toEqual([341, 512]);
		expect(fileHeaders(opened.file)).toMatchObject({ 'content-type': 'image/jpeg', 'x-content-type-options': 'nosniff', 'cache-control': 'public, max-age=31536000, immutable' });
	});

	it('refuses a PDF or a non-image as a logo, and a logo over 2 MB', async () => {
		const { kim, ketua } = await setup();
		const pdf = await call('POST', `/api/v1/kims/${kim.id}/files/logo`, { as: ketua, body: form(PDF, 'logo.png', 'image/png') });
		expect(pdf.status).toBe(400);
		expect(pdf.body.errors).toEqual([{ path: 'file', message: 'Logo harus berupa gambar JPG, PNG atau WebP' }]);
		const svg = await call('POST', `/api/v1/kims/${kim.id}/files/logo`, { as: ketua, body: form(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg', 'image/svg+xml') });
		expect(svg.status).toBe(400);
		const big = new Uint8Array(2 * 1024 * 1024 + 10);
		big.set(await image(10, 10).png().toBuffer());
		const tooBig = await call('POST', `/api/v1/kims/${kim.id}/files/logo`, { as: ketua, body: form(big, 'logo.png') });
		expect(tooBig.status).toBe(400);
		expect(tooBig.body.errors[0].message).toContain('2 MB');
	});

	it('refuses a broken image that only looks like a PNG', async () => {
		const { kim, ketua } = await setup();
		const png = await image(20, 20).png().toBuffer();
		const broken = png.subarray(0, 40);
		const res = await call('POST', `/api/v1/kims/${kim.id}/files/logo`, { as: ketua, body: form(broken, 'logo.png') });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].path).toBe('file');
	});
});
