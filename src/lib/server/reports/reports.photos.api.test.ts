import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, ctxFor, testApi, TIDAR_SELATAN } from '../../../../tests/factories';
import { activityReportPhotos, activityReports, auditLog, files } from '../db/schema';
import type { Db } from '../db/client';
import { localDiskStorage, setFileStorage } from '../files/storage';
import { openFile } from '../files/files.actions';
import { todayWib } from '../validation';
import { createReport } from './reports.actions';
import { openReportPhoto } from './reports.read.actions';
import { CreateReportSchema } from './reports.schema';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
const dir = mkdtempSync(join(tmpdir(), 'simpul-report-photos-'));
const storage = localDiskStorage(dir);
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
	setFileStorage(storage);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const storedFiles = () => readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('.')).length;
const image = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#0b5e55' } });
const PHP = new TextEncoder().encode('<?php system($_GET["c"]); ?>');
const form = (...parts: [Uint8Array, string][]) => {
	const fd = new FormData();
	for (const [bytes, name] of parts) fd.append('file', new File([bytes as BlobPart], name, { type: 'image/jpeg' }));
	return fd;
};
const withGps = () =>
	image(2400, 1200)
		.jpeg()
		.withExifMerge({ IFD0: { Make: 'KameraUji' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '7/1 28/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '110/1 13/1 0/1' } })
		.toBuffer();
const input = (kimId: string) => CreateReportSchema.parse({ kim_id: kimId, type: 'meeting', held_on: todayWib(), kelurahan_code: TIDAR_SELATAN, audience_count: 20 });

async function setup() {
	const kim = await buildKim(db);
	const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
	const other = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
	const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
	const res = await call('POST', '/api/v1/activity-reports', { as: anggota, body: { kim_id: kim.id, type: 'meeting', held_on: todayWib(), kelurahan_code: TIDAR_SELATAN, audience_count: 20 } });
	return { kim, anggota, other, ketua, id: res.body.id as string };
}

describe('POST /api/v1/activity-reports/{id}/photos', () => {
	it('stores re-encoded photos without EXIF, shrunk to 1600 px, served only to staff and the KIM’s members', async () => {
		const { kim, anggota, id } = await setup();
		const res = await call('POST', `/api/v1/activity-reports/${id}/photos`, { as: anggota, body: form([await withGps(), 'rapat.jpg'], [await image(300, 200).png().toBuffer(), 'b.png']) });
		expect(res.status).toBe(201);
		expect(res.body.photos).toHaveLength(2);
		const [first] = res.body.photos;
		expect(first.url).toBe(`/laporan/foto/${first.id}`);
		const { bytes } = await openReportPhoto(ctxFor(db, anggota), storage, first.id);
		const meta = await sharp(bytes).metadata();
		expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['jpeg', 1600, 800, undefined]);
		expect(Buffer.from(bytes).includes(Buffer.from('KameraUji'))).toBe(false);
		const [row] = await db.select().from(files).where(eq(files.id, first.id));
		expect(row).toMatchObject({ purpose: 'report_photo', isPublic: false, ownerId: id });
		// Not public: another KIM's member and anonymous visitors cannot open it, staff can (also by /berkas).
		const outsider = await buildActor(db, 'warga', { kimId: (await buildKim(db)).id, position: 'ketua' });
		await expect(openReportPhoto(ctxFor(db, outsider), storage, first.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(openReportPhoto(ctxFor(db, null), storage, first.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		await expect(openFile(ctxFor(db, null), storage, first.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		expect((await openReportPhoto(ctxFor(db, await buildActor(db, 'petugas')), storage, first.id)).file.id).toBe(first.id);
		const listed = await call('GET', `/api/v1/activity-reports?kim_id=${kim.id}`, { as: anggota });
		expect(listed.body.data[0].photos.map((p: { id: string }) => p.id)).toEqual(res.body.photos.map((p: { id: string }) => p.id));
		const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'report.add_photos'));
		expect(entry).toMatchObject({ entityId: id, actorId: anggota.userId });
	});

	it('refuses a PHP file renamed .jpg (and stores nothing, not even the good photo sent with it)', async () => {
		const { anggota, id } = await setup();
		const count = storedFiles();
		const res = await call('POST', `/api/v1/activity-reports/${id}/photos`, { as: anggota, body: form([await image(50, 50).jpeg().toBuffer(), 'ok.jpg'], [PHP, 'foto.jpg']) });
		expect(res.status).toBe(400);
		expect(res.body.errors).toEqual([{ path: 'file', message: 'Foto harus berupa JPG, PNG atau WebP' }]);
		expect(storedFiles()).toBe(count);
		expect(await db.select().from(activityReportPhotos).where(eq(activityReportPhotos.reportId, id))).toEqual([]);
	});

	it('allows at most 5 photos per report', async () => {
		const { anggota, id } = await setup();
		const small = await image(20, 20).png().toBuffer();
		expect((await call('POST', `/api/v1/activity-reports/${id}/photos`, { as: anggota, body: form(...Array.from({ length: 4 }, (_, i) => [small, `${i}.png`] as [Uint8Array, string])) })).status).toBe(201);
		const tooMany = await call('POST', `/api/v1/activity-reports/${id}/photos`, { as: anggota, body: form([small, 'a.png'], [small, 'b.png']) });
		expect(tooMany.status).toBe(400);
		expect(tooMany.body.errors[0].message).toBe('Paling banyak 5 foto untuk satu laporan');
		expect((await call('POST', `/api/v1/activity-reports/${id}/photos`, { as: anggota, body: form([small, 'e.png']) })).status).toBe(201);
		expect(await db.select().from(activityReportPhotos).where(eq(activityReportPhotos.reportId, id))).toHaveLength(5);
	});

	it('is for the reporter and the KIM’s pengurus only', async () => {
		const { anggota, other, ketua, id } = await setup();
		const png = await image(40, 30).png().toBuffer();
		const outsider = await buildActor(db, 'warga', { kimId: (await buildKim(db)).id, position: 'ketua' });
		expect((await call('POST', `/api/v1/activity-reports/${id}/photos`, { as: other, body: form([png, 'a.png']) })).status).toBe(403);
		expect((await call('POST', `/api/v1/activity-reports/${id}/photos`, { as: outsider, body: form([png, 'a.png']) })).status).toBe(403);
		expect((await call('POST', `/api/v1/activity-reports/${id}/photos`, { body: form([png, 'a.png']) })).status).toBe(401);
		expect((await call('POST', `/api/v1/activity-reports/0b9f6c1e-0000-4000-8000-000000000000/photos`, { as: anggota, body: form([png, 'a.png']) })).status).toBe(404);
		expect((await call('POST', `/api/v1/activity-reports/${id}/photos`, { as: ketua, body: form([png, 'a.png']) })).status).toBe(201);
		expect((await call('POST', `/api/v1/activity-reports/${id}/photos`, { as: anggota, body: new FormData() })).status).toBe(400);
	});
});

describe('a report sent with its photos (the /lapor form)', () => {
	it('stores both in one go; a bad photo refuses the whole report', async () => {
		const kim = await buildKim(db);
		const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		const ctx = ctxFor(db, anggota);
		const count = storedFiles();
		await expect(createReport(ctx, input(kim.id), { storage, photos: [{ bytes: await image(30, 30).jpeg().toBuffer() }, { bytes: PHP, name: 'x.jpg' }] }))
			.rejects.toMatchObject({ code: 'INVALID', details: { errors: [{ path: 'photos', message: 'Foto harus berupa JPG, PNG atau WebP' }] } });
		expect(await db.select().from(activityReports).where(eq(activityReports.kimId, kim.id))).toEqual([]);
		expect(storedFiles()).toBe(count);
		const { report } = await createReport(ctx, input(kim.id), { storage, photos: [{ bytes: await withGps(), name: 'a.jpg' }] });
		const photos = await db.select().from(activityReportPhotos).where(eq(activityReportPhotos.reportId, report.id));
		expect(photos).toHaveLength(1);
		expect(storedFiles()).toBe(count + 1);
		// A report refused by the rules after the photos were checked leaves no bytes behind.
		await expect(createReport(ctx, { ...input(kim.id), audience_count: 999_999 }, { storage, photos: [{ bytes: await withGps() }] })).rejects.toMatchObject({ code: 'INVALID' });
		expect(storedFiles()).toBe(count + 1);
	});
});
