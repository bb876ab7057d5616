import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, testApi, WATES } from '../../../../tests/factories';
import { auditLog, kims } from '../db/schema';
import type { Db } from '../db/client';
import { localDiskStorage, setFileStorage } from '../files/storage';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
const dir = mkdtempSync(join(tmpdir(), 'simpul-reverify-'));
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
	setFileStorage(localDiskStorage(dir));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG_1PX = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
const form = (bytes: Uint8Array, name: string) => {
	const fd = new FormData();
	fd.append('file', new File([bytes as BlobPart], name));
	return fd;
};
const kimRow = async (id: string) => (await db.select().from(kims).where(eq(kims.id, id)))[0];
const lastEntry = async (kimId: string, action: string) =>
	(await db.select().from(auditLog).where(and(eq(auditLog.entityId, kimId), eq(auditLog.action, action))).orderBy(desc(auditLog.id)).limit(1))[0];

async function verifiedKim() {
	const petugas = await buildActor(db, 'petugas');
	const kim = await buildKim(db, { verifiedAt: new Date('2025-01-05T03:00:00Z'), verifiedBy: petugas.userId, termStartsOn: '2025-01-01', termEndsOn: '2027-12-31' });
	const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
	return { kim, ketua, petugas };
}

describe('a pengurus changing what a petugas verified', () => {
	it.each([
		['name', { name: 'KIM Nama Baru' }, ['name']],
		['area', { kelurahan_code: WATES }, ['kelurahan_code', 'kecamatan_code']],
		['SK number', { sk_number: '9/KEP/2025' }, ['sk_number']],
		['SK date', { sk_date: '2025-02-01' }, ['sk_date']]
	] as const)('%s: the KIM goes back to registered, off the directory, and the audit entry says why', async (_label, body, fields) => {
		const { kim, ketua, petugas } = await verifiedKim();
		const res = await call('PATCH', `/api/v1/kims/${kim.id}`, { as: ketua, body });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ status: 'registered', verified_at: null });
		expect(await kimRow(kim.id)).toMatchObject({ status: 'registered', verifiedAt: null, verifiedBy: null, statusReason: null });
		const entry = await lastEntry(kim.id, 'kim.update');
		expect(entry.before).toMatchObject({ status: 'verified' });
		expect(entry.after).toMatchObject({ status: 'registered', reverify_fields: fields });
		expect((await call('GET', `/api/v1/kims/${kim.id}`)).status).toBe(404);
		expect((await call('GET', '/api/v1/kims')).body.data.map((k: { id: string }) => k.id)).not.toContain(kim.id);
		// A petugas verifies it again.
		expect((await call('POST', `/api/v1/kims/${kim.id}/verify`, { as: petugas })).body.status).toBe('verified');
	});

	it('keeps it verified for contact details, description, focus, social links, terms and an unchanged name', async () => {
		const { kim, ketua } = await verifiedKim();
		const res = await call('PATCH', `/api/v1/kims/${kim.id}`, {
			as: ketua,
			body: {
				name: kim.name, kelurahan_code: kim.kelurahanCode, sk_number: kim.skNumber, sk_date: kim.skDate,
				description: 'Baru', contact_phone: '081234567890', contact_email: 'kim@contoh.id', address: 'Jl. Baru 1',
				focus: ['ekonomi_kreatif'], instagram: 'https://www.instagram.com/kimbaru', term_starts_on: '2026-01-01', term_ends_on: '2028-12-31'
			}
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ status: 'verified', description: 'Baru', verified_at: '2025-01-05T03:00:00.000Z' });
		expect((await lastEntry(kim.id, 'kim.update')).after).not.toHaveProperty('reverify_fields');
		const logo = await call('POST', `/api/v1/kims/${kim.id}/files/logo`, { as: ketua, body: form(PNG_1PX, 'logo.png') });
		expect(logo.status).toBe(201);
		expect(logo.body.kim.status).toBe('verified');
	});

	it('a new SK file from the pengurus sends it back too; the upload’s audit entry says so', async () => {
		const { kim, ketua } = await verifiedKim();
		const res = await call('POST', `/api/v1/kims/${kim.id}/files/sk`, { as: ketua, body: form(PDF, 'sk.pdf') });
		expect(res.status).toBe(201);
		expect(res.body.kim).toMatchObject({ status: 'registered', has_sk_file: true });
		const entry = await lastEntry(kim.id, 'kim.upload_sk');
		expect(entry.before).toMatchObject({ status: 'verified' });
		expect(entry.after).toMatchObject({ status: 'registered', reverify_fields: ['sk_file'] });
	});

	it('staff edits never send it back', async () => {
		const { kim, petugas } = await verifiedKim();
		const res = await call('PATCH', `/api/v1/kims/${kim.id}`, { as: petugas, body: { name: 'KIM Dibetulkan Petugas', sk_number: '3/SK/2025' } });
		expect(res.body.status).toBe('verified');
		const sk = await call('POST', `/api/v1/kims/${kim.id}/files/sk`, { as: await buildActor(db, 'admin'), body: form(PDF, 'sk.pdf') });
		expect(sk.body.kim.status).toBe('verified');
	});

	it('a KIM that is not verified keeps its status', async () => {
		for (const status of ['registered', 'returned'] as const) {
			const kim = await buildKim(db, { status });
			const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
			const res = await call('PATCH', `/api/v1/kims/${kim.id}`, { as: ketua, body: { name: 'Nama Lain', sk_number: '5/SK/2025' } });
			expect(res.body.status).toBe(status);
		}
	});

	it('after going back to registered, deactivating and reactivating does not skip the new verification', async () => {
		const { kim, ketua, petugas } = await verifiedKim();
		await call('PATCH', `/api/v1/kims/${kim.id}`, { as: ketua, body: { name: 'KIM Ganti Nama' } });
		await call('POST', `/api/v1/kims/${kim.id}/deactivate`, { as: petugas });
		expect((await call('POST', `/api/v1/kims/${kim.id}/reactivate`, { as: petugas })).body.status).toBe('registered');
	});
});
