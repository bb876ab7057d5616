import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildKim, ctxFor } from '../../../../../tests/factories';
import { kims } from '$lib/server/db/schema';
import type { Db } from '$lib/server/db/client';
import { actions } from './+page.server';

let db: Db;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
});

type Actor = Awaited<ReturnType<typeof buildActor>>;
const MB = 1024 * 1024;

/** The parts of a RequestEvent the actions read. */
function event(slug: string, actor: Actor, request: Pick<Request, 'headers' | 'formData'>) {
	const url = new URL(`http://simpul.test/kim/${slug}/kelola`);
	return { params: { slug }, url, request, locals: { actor, ctx: ctxFor(db, actor) } } as unknown as RequestEvent<{ slug: string }, '/kim/[slug]/kelola'>;
}
const unread = (contentLength: string) => ({
	headers: new Headers({ 'content-length': contentLength, 'content-type': 'multipart/form-data; boundary=x' }),
	formData: () => {
		throw new Error('the body was read');
	}
});
const post = (fields: Record<string, string>) => {
	const fd = new FormData();
	for (const [k, v] of Object.entries(fields)) fd.append(k, v);
	return new Request('http://simpul.test/', { method: 'POST', body: fd });
};
/** Runs an action; a redirect comes back as its location. */
async function run(action: keyof typeof actions, e: ReturnType<typeof event>) {
	try {
		return await actions[action](e);
	} catch (thrown) {
		if (thrown && typeof thrown === 'object' && 'location' in thrown) return { location: (thrown as { location: string }).location };
		throw thrown;
	}
}

describe('kelola upload forms', () => {
	it('refuse a body declared too large before reading it, with the API’s message', async () => {
		const kim = await buildKim(db);
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const sk = await run('sk', event(kim.slug, ketua, unread(String(20 * MB))));
		expect(sk).toMatchObject({
			status: 400,
			data: { message: 'Ukuran berkas maksimal 5 MB. Perkecil atau pindai ulang dengan resolusi lebih rendah.', errors: [{ path: 'file' }], values: { form: 'sk' } }
		});
		const logo = await run('logo', event(kim.slug, ketua, unread(String(3 * MB))));
		expect(logo).toMatchObject({ status: 400, data: { errors: [{ path: 'file', message: expect.stringContaining('2 MB') }], values: { form: 'logo' } } });
	});

	it('read a body within the limit as usual', async () => {
		const kim = await buildKim(db);
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		await expect(run('sk', event(kim.slug, ketua, unread(String(MB))))).rejects.toThrow('the body was read');
	});
});

describe('kelola edit form', () => {
	it('tells the pengurus when their change sent the KIM back to verification', async () => {
		const kim = await buildKim(db);
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const base = { name: kim.name, kelurahan_code: kim.kelurahanCode!, sk_number: kim.skNumber, sk_date: kim.skDate, focus: 'literasi' };
		expect(await run('edit', event(kim.slug, ketua, post({ ...base, description: 'Hanya deskripsi' })))).toEqual({ location: `/kim/${kim.slug}/kelola?ok=edit#edit` });
		expect(await run('edit', event(kim.slug, ketua, post({ ...base, name: 'KIM Nama Baru' })))).toEqual({ location: `/kim/${kim.slug}/kelola?ok=edit_reverify` });
		expect((await db.select().from(kims).where(eq(kims.id, kim.id)))[0].status).toBe('registered');
	});
});

describe('kelola member form', () => {
	it('needs a name for every email', async () => {
		const kim = await buildKim(db);
		const ketua = await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' });
		const res = await run('member', event(kim.slug, ketua, post({ email: ketua.email, position: 'anggota' })));
		expect(res).toMatchObject({ status: 400, data: { errors: [{ path: 'name', message: 'Masukkan nama lengkap anggota' }] } });
	});
});
