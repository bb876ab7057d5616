import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, ctxFor, TIDAR_SELATAN } from '../../../../tests/factories';
import { aduan } from '../db/schema';
import type { Db } from '../db/client';
import { buildUnitStaff } from './aduan.factories';
import { getFileStorage } from '../files/storage';
import { addAduanPhotos, openAduanPhoto } from './aduan.read.actions';
import { buildFilingWorld, filingBody as body, type FilingWorld } from './aduan.api.world';

let db: Db;
let { call, resident } = {} as FilingWorld;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	({ call, resident } = await buildFilingWorld(db));
});

describe('GET /api/v1/aduan/{tracking_id} and /mine', () => {
	it('shows status, history and due dates publicly; a wrong id is 404', async () => {
		const r = await resident();
		const filed = await call('POST', '/api/v1/aduan', { as: r, body: body() });
		const res = await call('GET', `/api/v1/aduan/${filed.body.tracking_id.toLowerCase()}`);
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ tracking_id: filed.body.tracking_id, status: 'received', status_label: 'Diterima', category: { code: 'jalan-rusak' }, unit: { code: 'dpupr' }, kelurahan: { code: TIDAR_SELATAN } });
		expect(res.body.history).toHaveLength(1);
		expect(res.body.due.verify_by).toBe(filed.body.due.verify_by);
		expect((await call('GET', '/api/v1/aduan/MGL-2020-999999')).status).toBe(404);
		expect((await call('GET', '/api/v1/aduan/bukan-id')).status).toBe(404);
	});

	it('lists only the caller’s own aduan', async () => {
		const a = await resident();
		const b = await resident();
		await call('POST', '/api/v1/aduan', { as: a, body: body() });
		await call('POST', '/api/v1/aduan', { as: b, body: body({ privacy: 'confidential' }) });
		const mine = await call('GET', '/api/v1/aduan/mine', { as: a });
		expect(mine.status).toBe(200);
		expect(mine.body.data).toHaveLength(1);
		expect((await call('GET', '/api/v1/aduan/mine')).status).toBe(401);
	});

	it('refuses photos from others and keeps at most three', async () => {
		const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
			.jpeg()
			.withExif({ IFD0: { Make: 'KameraRahasia', Model: 'X' } })
			.toBuffer();
		const r = await resident();
		const other = await resident();
		const filed = await call('POST', '/api/v1/aduan', { as: r, body: body() });
		const form = () => {
			const f = new FormData();
			f.append('file', new File([new Uint8Array(jpeg)], 'foto.jpg', { type: 'image/jpeg' }));
			return f;
		};
		expect((await call('POST', `/api/v1/aduan/${filed.body.tracking_id}/photos`, { as: other, body: form() })).status).toBe(403);
		const ok = await call('POST', `/api/v1/aduan/${filed.body.tracking_id}/photos`, { as: r, body: form() });
		expect(ok.status).toBe(201);
		expect(ok.body.photos[0].url).toMatch(/^\/aduan\/foto\//);
		const three = new FormData();
		for (let i = 0; i < 3; i++) three.append('file', new File([new Uint8Array(jpeg)], `f${i}.jpg`, { type: 'image/jpeg' }));
		expect((await call('POST', `/api/v1/aduan/${filed.body.tracking_id}/photos`, { as: r, body: three })).status).toBe(400);
		const text = new FormData();
		text.append('file', new File([new TextEncoder().encode('bukan gambar')], 'x.jpg', { type: 'image/jpeg' }));
		expect((await call('POST', `/api/v1/aduan/${filed.body.tracking_id}/photos`, { as: r, body: text })).status).toBe(400);
		const view = await call('GET', `/api/v1/aduan/${filed.body.tracking_id}`);
		expect(view.body.photos).toHaveLength(1);
		// Stored re-encoded, without the camera's EXIF; served to visitors for a public aduan.
		const { bytes } = await openAduanPhoto(ctxFor(db, null), getFileStorage(), ok.body.photos[0].id);
		expect((await sharp(Buffer.from(bytes)).metadata()).exif).toBeUndefined();
		expect(Buffer.from(bytes).includes(Buffer.from('KameraRahasia'))).toBe(false);
	});

	it('rechecks on the locked row: no photos once the aduan was closed meanwhile', async () => {
		const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#339' } }).png().toBuffer();
		const r = await resident();
		const filed = await call('POST', '/api/v1/aduan', { as: r, body: body() });
		// The aduan is closed between the first check and the locked transaction.
		const racing = Object.create(db) as Db;
		racing.transaction = (async (fn: Parameters<Db['transaction']>[0]) => {
			await db.update(aduan).set({ status: 'closed', closedAt: new Date() }).where(eq(aduan.id, filed.body.id));
			return db.transaction(fn);
		}) as Db['transaction'];
		const actor = await (await import('../auth/auth.queries')).loadActor(db, r.id);
		await expect(addAduanPhotos(ctxFor(db, actor, { db: racing }), getFileStorage(), filed.body.tracking_id, [{ bytes: new Uint8Array(png), name: 'x.png' }])).rejects.toMatchObject({ code: 'FORBIDDEN' });
		expect((await call('GET', `/api/v1/aduan/${filed.body.tracking_id}`)).body.photos).toEqual([]);
	});

	it('serves a confidential aduan’s photos to the filer and the handling staff only', async () => {
		const sharp = (await import('sharp')).default;
		const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#393' } }).png().toBuffer();
		const r = await resident();
		const filed = await call('POST', '/api/v1/aduan', { as: r, body: body({ privacy: 'confidential' }) });
		const f = new FormData();
		f.append('file', new File([new Uint8Array(png)], 'rahasia.png', { type: 'image/png' }));
		const up = await call('POST', `/api/v1/aduan/${filed.body.tracking_id}/photos`, { as: r, body: f });
		expect(up.status).toBe(201);
		const id = up.body.photos[0].id;
		const reporter = (await import('../auth/auth.queries')).loadActor;
		await expect(openAduanPhoto(ctxFor(db, null), getFileStorage(), id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(openAduanPhoto(ctxFor(db, await buildActor(db)), getFileStorage(), id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(openAduanPhoto(ctxFor(db, await buildUnitStaff(db, 'dlh')), getFileStorage(), id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect((await openAduanPhoto(ctxFor(db, await reporter(db, r.id)), getFileStorage(), id)).file.mime).toBe('image/png');
		// The category's unit only once the aduan has been verified and forwarded to it.
		const dpupr = await buildUnitStaff(db, 'dpupr');
		await expect(openAduanPhoto(ctxFor(db, dpupr), getFileStorage(), id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect((await call('POST', `/api/v1/aduan/${filed.body.id}/transition`, { as: await buildActor(db, 'petugas'), body: { to: 'verified', unit_code: 'dpupr' } })).status).toBe(200);
		expect((await openAduanPhoto(ctxFor(db, dpupr), getFileStorage(), id)).file.mime).toBe('image/png');
		await expect(openAduanPhoto(ctxFor(db, null), getFileStorage(), 'bukan-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});
