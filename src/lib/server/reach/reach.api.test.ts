import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, PUBLIC_URL, testApi } from '../../../../tests/factories';
import { attributions, auditLog, shareLinks, users } from '../db/schema';
import type { Db } from '../db/client';
import { buildCampaign, buildClick, buildShareLink } from './reach.factories';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
});

const kitPath = (campaignId: string, kimId?: string) => `/api/v1/campaigns/${campaignId}/share-kit${kimId ? `?kim_id=${kimId}` : ''}`;

/** KIM A carries the campaign; KIM B exists but has no assignment; KIM D declined it. */
async function setup() {
	const kimA = await buildKim(db, { name: 'KIM Tidar Sejahtera' });
	const kimB = await buildKim(db);
	const kimD = await buildKim(db);
	const { campaign, post } = await buildCampaign(db, { kims: [kimA.id, [kimD.id, 'declined']] });
	return {
		kimA, kimB, kimD, campaign, post,
		anggotaA: await buildActor(db, 'warga', { kimId: kimA.id, position: 'anggota' }),
		seksiA: await buildActor(db, 'warga', { kimId: kimA.id, position: 'seksi' }),
		ketuaB: await buildActor(db, 'warga', { kimId: kimB.id, position: 'ketua' }),
		anggotaD: await buildActor(db, 'warga', { kimId: kimD.id, position: 'anggota' }),
		petugas: await buildActor(db, 'petugas'),
		warga: await buildActor(db, 'warga')
	};
}

describe('GET /api/v1/campaigns/{id}/share-kit', () => {
	it('gives a member of an assigned KIM their kit: personal short link, filled message, WhatsApp link, QR and poster', async () => {
		const s = await setup();
		const res = await call('GET', kitPath(s.campaign.id), { as: s.anggotaA });
		expect(res.status).toBe(200);
		const code = res.body.code as string;
		expect(code).toMatch(/^[0-9A-Za-z]{7}$/);
		const short = `${PUBLIC_URL}/s/${code}`;
		expect(res.body).toEqual({
			campaign_id: s.campaign.id,
			kim_id: s.kimA.id,
			kim_name: 'KIM Tidar Sejahtera',
			code,
			short_url: short,
			message: `Bapak/Ibu, Imunisasi MR gratis di posyandu. Info lengkap: ${short}`,
			whatsapp_url: `https://wa.me/?text=${encodeURIComponent(`Bapak/Ibu, Imunisasi MR gratis di posyandu. Info lengkap: ${short}`)}`,
			qr_svg_url: `${short}/qr.svg`,
			qr_png_url: `${short}/qr.png`,
			poster_pdf_url: `${short}/poster.pdf`
		});
		const [link] = await db.select().from(shareLinks).where(eq(shareLinks.code, code));
		expect(link).toMatchObject({ campaignId: s.campaign.id, kimId: s.kimA.id, userId: s.anggotaA.userId });
		// Any position counts as a member; an explicit kim_id works the same.
		expect((await call('GET', kitPath(s.campaign.id, s.kimA.id), { as: s.seksiA })).status).toBe(200);
	});

	it('answers the same link to the same member (created once, audited once) and a different one to another member', async () => {
		const s = await setup();
		const first = await call('GET', kitPath(s.campaign.id), { as: s.anggotaA });
		const again = await call('GET', kitPath(s.campaign.id, s.kimA.id), { as: s.anggotaA });
		expect(again.body.code).toBe(first.body.code);
		const other = await call('GET', kitPath(s.campaign.id), { as: s.seksiA });
		expect(other.body.code).not.toBe(first.body.code);
		const links = await db.select().from(shareLinks).where(eq(shareLinks.campaignId, s.campaign.id));
		expect(links).toHaveLength(2);
		const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'share_link.create'), eq(auditLog.actorId, s.anggotaA.userId)));
		expect(audits).toHaveLength(1);
	});

	it('makes one link under concurrent first requests of the same member', async () => {
		const s = await setup();
		const all = await Promise.all([1, 2, 3, 4].map(() => call('GET', kitPath(s.campaign.id), { as: s.seksiA })));
		expect(all.map((r) => r.status)).toEqual([200, 200, 200, 200]);
		expect(new Set(all.map((r) => r.body.code)).size).toBe(1);
		expect(await db.select().from(shareLinks).where(eq(shareLinks.userId, s.seksiA.userId))).toHaveLength(1);
	});

	it('refuses a member of KIM B asking for KIM A, KIM B without an assignment, a declining KIM, a warga and a non-member petugas (403)', async () => {
		const s = await setup();
		const refused = [
			await call('GET', kitPath(s.campaign.id, s.kimA.id), { as: s.ketuaB }),
			await call('GET', kitPath(s.campaign.id), { as: s.ketuaB }),
			await call('GET', kitPath(s.campaign.id, s.kimB.id), { as: s.ketuaB }),
			await call('GET', kitPath(s.campaign.id), { as: s.anggotaD }),
			await call('GET', kitPath(s.campaign.id), { as: s.warga }),
			await call('GET', kitPath(s.campaign.id, s.kimA.id), { as: s.warga }),
			await call('GET', kitPath(s.campaign.id), { as: s.petugas }),
			await call('GET', kitPath(s.campaign.id, s.kimA.id), { as: s.petugas })
		];
		for (const r of refused) expect(r.status).toBe(403);
		expect(refused[1].body.title).toBe('Paket berbagi hanya untuk anggota KIM yang mendapat tugas kampanye ini');
		expect((await call('GET', kitPath(s.campaign.id))).status).toBe(401);
		// Nothing was created for any of them.
		expect(await db.select().from(shareLinks).where(eq(shareLinks.campaignId, s.campaign.id))).toHaveLength(0);
	});

	it('hides drafts from non-staff (404) and tells staff there is no kit before launch (409); unknown and malformed ids are 404', async () => {
		const s = await setup();
		const { campaign: draft } = await buildCampaign(db, { status: 'draft', launchedAt: null, kims: [s.kimA.id] });
		expect((await call('GET', kitPath(draft.id), { as: s.anggotaA })).status).toBe(404);
		expect((await call('GET', kitPath(draft.id), { as: s.warga })).status).toBe(404);
		expect((await call('GET', kitPath(draft.id))).status).toBe(404);
		expect((await call('GET', kitPath(draft.id), { as: s.petugas })).status).toBe(409);
		expect((await call('GET', kitPath('7d2a3c1e-0000-4000-8000-000000000000'), { as: s.anggotaA })).status).toBe(404);
		expect((await call('GET', kitPath('bukan-uuid'), { as: s.anggotaA })).status).toBe(404);
		const badKim = await call('GET', kitPath(s.campaign.id, 'x'), { as: s.anggotaA });
		expect(badKim.status).toBe(400);
		expect(badKim.body.errors).toEqual([{ path: 'kim_id', message: 'Pilih KIM dari daftar' }]);
	});

	it('serves finished campaigns too', async () => {
		const s = await setup();
		const { campaign } = await buildCampaign(db, { status: 'finished', finishedAt: new Date(), kims: [s.kimA.id] });
		expect((await call('GET', kitPath(campaign.id), { as: s.anggotaA })).status).toBe(200);
	});

	it('asks a member of several assigned KIMs to choose (400 kim_id), then gives one link per KIM', async () => {
		const kim1 = await buildKim(db);
		const kim2 = await buildKim(db);
		const member = await buildActor(db, 'warga', { kimId: kim1.id, position: 'anggota' });
		await db.execute(sql`insert into kim_members (kim_id, user_id, position) values (${kim2.id}, ${member.userId}, 'ketua')`);
		const { campaign } = await buildCampaign(db, { kims: [kim1.id, [kim2.id, 'accepted']], whatsappTemplate: 'Baca {judul}' });
		const choose = await call('GET', kitPath(campaign.id), { as: member });
		expect(choose.status).toBe(400);
		expect(choose.body.errors).toEqual([{ path: 'kim_id', message: 'Pilih KIM yang Anda wakili' }]);
		const one = await call('GET', kitPath(campaign.id, kim1.id), { as: member });
		const two = await call('GET', kitPath(campaign.id, kim2.id), { as: member });
		expect([one.status, two.status]).toEqual([200, 200]);
		expect(one.body.code).not.toBe(two.body.code);
		// A template without {tautan} gets the link appended.
		expect(two.body.message).toBe(`Baca Imunisasi MR gratis di posyandu\n\n${two.body.short_url}`);
	});
});

describe('registration attribution (7 days)', () => {
	async function clickedLink(clickedAgoMs: number) {
		const kim = await buildKim(db);
		const member = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		const { campaign } = await buildCampaign(db, { kims: [kim.id] });
		const link = await buildShareLink(db, { campaignId: campaign.id, kimId: kim.id, userId: member.userId });
		await buildClick(db, link.id, new Date(Date.now() - clickedAgoMs));
		return link;
	}
	const register = (email: string, cookie?: string) =>
		call('POST', '/api/v1/auth/register', { body: { name: 'Warga Baru', email, password: 'rahasia-panjang' }, headers: cookie ? { cookie } : {} });
	const attributionOf = async (email: string) => {
		const [user] = await db.select().from(users).where(eq(users.email, email));
		return db.select().from(attributions).where(and(eq(attributions.kind, 'register'), eq(attributions.subjectId, user.id)));
	};
	const DAY = 86400_000;

	it('attributes a registration to a link clicked 6 days ago', async () => {
		const link = await clickedLink(6 * DAY);
		const res = await register('dalam@warga.id', `lain=1; simpul_ref=${link.code}`);
		expect(res.status).toBe(201);
		expect(await attributionOf('dalam@warga.id')).toEqual([expect.objectContaining({ linkId: link.id, kind: 'register' })]);
	});

	it('does not attribute one clicked 8 days ago, an unknown code, a malformed cookie or no cookie — and registers anyway', async () => {
		const old = await clickedLink(8 * DAY);
		for (const [email, cookie] of [
			['luar@warga.id', `simpul_ref=${old.code}`],
			['asing@warga.id', 'simpul_ref=Zz9Zz9Z'],
			['rusak@warga.id', "simpul_ref=' or 1=1 --"],
			['tanpa@warga.id', undefined]
		] as const) {
			const res = await register(email, cookie);
			expect(res.status).toBe(201);
			expect(await attributionOf(email)).toEqual([]);
		}
	});

	it('a link that was never clicked (only shared) attributes nothing', async () => {
		const kim = await buildKim(db);
		const member = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		const { campaign } = await buildCampaign(db, { kims: [kim.id] });
		const link = await buildShareLink(db, { campaignId: campaign.id, kimId: kim.id, userId: member.userId });
		expect((await register('belum@warga.id', `simpul_ref=${link.code}`)).status).toBe(201);
		expect(await attributionOf('belum@warga.id')).toEqual([]);
	});

	it('a failed registration (email taken) records no attribution', async () => {
		const link = await clickedLink(DAY);
		await register('dobel@warga.id');
		const before = (await db.select().from(attributions).where(eq(attributions.linkId, link.id))).length;
		expect((await register('dobel@warga.id', `simpul_ref=${link.code}`)).status).toBe(409);
		expect(await db.select().from(attributions).where(eq(attributions.linkId, link.id))).toHaveLength(before);
	});
});
