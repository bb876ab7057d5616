import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, ctxFor, testApi } from '../../../../tests/factories';
import { buildPost } from '../posts/posts.factories';
import { campaigns, files } from '../db/schema';
import type { Db } from '../db/client';
import { localDiskStorage, setFileStorage } from '../files/storage';
import { openFile } from '../files/files.actions';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
const dir = mkdtempSync(join(tmpdir(), 'simpul-campaign-uploads-'));
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
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

async function setup() {
	const petugas = await buildActor(db, 'petugas');
	const kim = await buildKim(db);
	const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
	const post = await buildPost(db);
	const created = await call('POST', '/api/v1/campaigns', {
		as: petugas,
		body: { title: 'Poster', objective: 'Tujuan', key_messages: ['Satu'], post_ids: [post.id], whatsapp_template: '{judul} {tautan}', priority: 'low', starts_on: today, ends_on: today, target: { kind: 'kims', kim_ids: [kim.id] }, target_reach: 10 }
	});
	return { petugas, ketua, id: created.body.id as string };
}

describe('campaign materials', () => {
	it('stores the poster re-encoded without EXIF, replaces it, and shows it in the campaign', async () => {
		const { petugas, id } = await setup();
		const withGps = await sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#0b5e55' } })
			.jpeg()
			.withExifMerge({ IFD0: { Make: 'KameraUji' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '7/1 28/1 0/1' } })
			.toBuffer();
		const first = await call('POST', `/api/v1/campaigns/${id}/poster`, { as: petugas, body: form(withGps, 'poster.jpg', 'image/jpeg') });
		expect(first.status).toBe(201);
		expect(first.body.campaign.materials.poster).toMatchObject({ id: first.body.file.id, url: `/berkas/${first.body.file.id}`, mime: 'image/jpeg' });
		const stored = await openFile(ctxFor(db, null), storage, first.body.file.id);
		const meta = await sharp(stored.bytes).metadata();
		expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['jpeg', 2400, 1200, undefined]);

		const png = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#fff' } }).png().toBuffer();
		const second = await call('POST', `/api/v1/campaigns/${id}/poster`, { as: petugas, body: form(png, 'p.png') });
		expect(second.status).toBe(201);
		expect(await db.select().from(files).where(eq(files.id, first.body.file.id))).toEqual([]);
		expect((await db.select().from(campaigns).where(eq(campaigns.id, id)))[0].posterFileId).toBe(second.body.file.id);
	});

	it('checks the leaflet by content and refuses non-staff and finished campaigns', async () => {
		const { petugas, ketua, id } = await setup();
		const fake = await call('POST', `/api/v1/campaigns/${id}/leaflet`, { as: petugas, body: form(new TextEncoder().encode('bukan pdf'), 'leaflet.pdf', 'application/pdf') });
		expect(fake.status).toBe(400);
		expect(fake.body.errors).toEqual([{ path: 'file', message: 'Leaflet harus berupa berkas PDF' }]);
		const jpegAsPoster = await call('POST', `/api/v1/campaigns/${id}/poster`, { as: petugas, body: form(PDF, 'poster.jpg', 'image/jpeg') });
		expect(jpegAsPoster.body.errors).toEqual([{ path: 'file', message: 'Poster harus berupa gambar JPG, PNG atau WebP' }]);
		expect((await call('POST', `/api/v1/campaigns/${id}/leaflet`, { as: ketua, body: form(PDF, 'l.pdf') })).status).toBe(403);
		expect((await call('POST', `/api/v1/campaigns/00000000-0000-4000-8000-000000000000/leaflet`, { as: petugas, body: form(PDF, 'l.pdf') })).status).toBe(404);
		const ok = await call('POST', `/api/v1/campaigns/${id}/leaflet`, { as: petugas, body: form(PDF, 'leaflet.pdf') });
		expect(ok.status).toBe(201);
		expect(ok.body.campaign.materials.leaflet).toMatchObject({ mime: 'application/pdf', name: 'leaflet.pdf' });
		await db.update(campaigns).set({ status: 'finished' }).where(eq(campaigns.id, id));
		expect((await call('POST', `/api/v1/campaigns/${id}/leaflet`, { as: petugas, body: form(PDF, 'l.pdf') })).status).toBe(409);
	});
});
