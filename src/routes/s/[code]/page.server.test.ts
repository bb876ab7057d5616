import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, ctxFor, PUBLIC_URL } from '../../../../tests/factories';
import { attributions, linkClicks, users } from '$lib/server/db/schema';
import { actions as registerActions } from '../../daftar/+page.server';
import type { Db } from '$lib/server/db/client';
import { buildCampaign, buildShareLink } from '$lib/server/reach/reach.factories';
import { load } from './+page.server';

let db: Db;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
});

const PHONE = 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

/** Runs the load as a visitor; answers the redirect, the error status, the cookies and headers set. */
async function open(code: string, userAgent: string) {
	const cookies: { name: string; value: string; opts: Record<string, unknown> }[] = [];
	const headers: Record<string, string> = {};
	const event = {
		params: { code },
		url: new URL(`${PUBLIC_URL}/s/${code}`),
		request: new Request(`${PUBLIC_URL}/s/${code}`, { headers: { 'user-agent': userAgent } }),
		locals: { actor: null, ctx: ctxFor(db, null, { ip: '198.51.100.4', userAgent }) },
		cookies: { set: (name: string, value: string, opts: Record<string, unknown>) => cookies.push({ name, value, opts }) },
		setHeaders: (h: Record<string, string>) => Object.assign(headers, h)
	} as unknown as Parameters<typeof load>[0];
	try {
		await load(event);
		return { cookies, headers };
	} catch (thrown) {
		const t = thrown as { status: number; location?: string; body?: { message: string } };
		return { status: t.status, location: t.location, message: t.body?.message, cookies, headers };
	}
}

async function shareLink() {
	const kim = await buildKim(db);
	const member = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
	const { campaign, post } = await buildCampaign(db, { kims: [kim.id] });
	return { link: await buildShareLink(db, { campaignId: campaign.id, kimId: kim.id, userId: member.userId }), post };
}
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('/s/<code>', () => {
	it('redirects (302) to the post at once, sets the 7-day first-party simpul_ref cookie and counts the click', async () => {
		const { link, post } = await shareLink();
		const res = await open(link.code, PHONE);
		expect(res).toMatchObject({ status: 302, location: `${PUBLIC_URL}/berita/${post.slug}` });
		expect(res.headers['cache-control']).toBe('no-store');
		expect(res.cookies).toEqual([{ name: 'simpul_ref', value: link.code, opts: { path: '/', httpOnly: true, sameSite: 'lax', secure: false, maxAge: 604800 } }]);
		await settle();
		expect(await db.select().from(linkClicks).where(eq(linkClicks.linkId, link.id))).toHaveLength(1);
	});

	it('redirects a WhatsApp preview fetcher without a cookie or a click', async () => {
		const { link, post } = await shareLink();
		const res = await open(link.code, 'WhatsApp/2.23.20.0 A');
		expect(res).toMatchObject({ status: 302, location: `${PUBLIC_URL}/berita/${post.slug}`, cookies: [] });
		await settle();
		expect(await db.select().from(linkClicks).where(eq(linkClicks.linkId, link.id))).toHaveLength(0);
	});

	it('answers an unknown code with the 404 page', async () => {
		expect(await open('Zz9Zz9Z', PHONE)).toMatchObject({ status: 404, message: 'Tautan tidak ditemukan', cookies: [] });
		expect(await open('tidak-ada', PHONE)).toMatchObject({ status: 404 });
	});
});

describe('the cookie at work', () => {
	it('a resident who followed the link and registers through /daftar is attributed to it', async () => {
		const { link } = await shareLink();
		const opened = await open(link.code, PHONE);
		const ref = opened.cookies.find((c) => c.name === 'simpul_ref')!.value;
		await settle();
		const form = new FormData();
		for (const [k, v] of Object.entries({ name: 'Warga Lewat Tautan', email: 'lewat.tautan@warga.id', password: 'rahasia-panjang', kelurahan_code: '' })) form.append(k, v);
		const event = {
			request: new Request(`${PUBLIC_URL}/daftar`, { method: 'POST', body: form }),
			url: new URL(`${PUBLIC_URL}/daftar`),
			locals: { actor: null, ctx: ctxFor(db, null, { userAgent: PHONE }) },
			cookies: { get: (name: string) => (name === 'simpul_ref' ? ref : undefined), set: () => {} }
		} as unknown as Parameters<typeof registerActions.default>[0];
		await expect(registerActions.default(event)).rejects.toMatchObject({ status: 303, location: '/akun?baru=1' });
		const [user] = await db.select().from(users).where(eq(users.email, 'lewat.tautan@warga.id'));
		expect(await db.select().from(attributions).where(eq(attributions.subjectId, user.id))).toEqual([
			expect.objectContaining({ linkId: link.id, kind: 'register' })
		]);
	});
});
