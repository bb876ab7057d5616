import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, buildUser, ctxFor, PUBLIC_URL } from '../../../../tests/factories';
import { appState, attributions, linkClicks } from '../db/schema';
import type { Db } from '../db/client';
import { attributeConversion, followLink, getLinkPoster, getLinkQr } from './reach.actions';
import { countAttributionsByKim, countAttributionsByLink, countAttributionsByUser, countLinkClicks } from './reach.queries';
import { buildCampaign, buildClick, buildShareLink } from './reach.factories';
import { daySalt, visitorKey } from './reach.rules';
import { bufferClick, CLICK_BATCH_ROWS, flushClicks } from './reach.buffer';
import { shareLinks } from '../db/schema';

/** Every stream of a PDF, inflated where deflated, as one latin1 string. */
function pdfStreams(bytes: Uint8Array) {
	const raw = Buffer.from(bytes);
	let out = '';
	for (let at = raw.indexOf('stream\n'); at >= 0; at = raw.indexOf('stream\n', at + 1)) {
		const end = raw.indexOf('endstream', at);
		const body = raw.subarray(at + 7, end);
		try { out += inflateSync(body).toString('latin1'); } catch { out += body.toString('latin1'); }
	}
	return out;
}

let db: Db;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
});

const PHONE = 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
const LAPTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

async function link(over: { keyMessages?: string[]; kimName?: string } = {}) {
	const kim = await buildKim(db, over.kimName ? { name: over.kimName } : {});
	const member = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
	const { campaign, post } = await buildCampaign(db, { kims: [kim.id], ...(over.keyMessages ? { keyMessages: over.keyMessages } : {}) });
	const row = await buildShareLink(db, { campaignId: campaign.id, kimId: kim.id, userId: member.userId });
	return { kim, member, campaign, post, link: row };
}

/** Follows a link as an anonymous visitor and waits for the click to be stored. */
async function visit(code: string, ip: string, userAgent: string | undefined, now: Date, method = 'GET') {
	const result = await followLink(ctxFor(db, null, { ip, userAgent, now }), code, { method });
	await result.recorded;
	return result;
}
const clicksOf = (linkId: string) => db.select().from(linkClicks).where(eq(linkClicks.linkId, linkId));

describe('following a short link', () => {
	it('answers the main post’s absolute public URL and records time, link, WIB day and a hashed visitor key — never the IP', async () => {
		const s = await link();
		const now = new Date('2026-11-27T18:30:00Z'); // 01.30 WIB on 28 November
		const result = await visit(s.link.code, '203.0.113.77', PHONE, now);
		expect(result).toMatchObject({ url: `${PUBLIC_URL}/berita/${s.post.slug}`, code: s.link.code, counted: true });
		const rows = await clicksOf(s.link.id);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ linkId: s.link.id, clickedAt: now, day: '2026-11-28' });
		expect(rows[0].visitorKey).toMatch(/^[0-9a-f]{64}$/);
		// The IP appears nowhere in the row, in any form.
		const raw = JSON.stringify(await db.execute(sql`select * from link_clicks where link_id = ${s.link.id}`));
		expect(raw).not.toContain('203.0.113.77');
		expect(raw).not.toContain(Buffer.from('203.0.113.77').toString('hex'));
		// The server secret behind the daily salt was created on first use and is not the key.
		const [secret] = await db.select().from(appState).where(eq(appState.key, 'reach_click_secret'));
		expect(typeof secret.value).toBe('string');
		expect((secret.value as string).length).toBeGreaterThanOrEqual(32);
	});

	it('counts unique visitors per WIB day: the same person twice a day is one, the next day they count again', async () => {
		const s = await link();
		const day1 = new Date('2026-11-28T02:00:00Z');
		const day1Later = new Date('2026-11-28T15:00:00Z'); // 22.00 WIB, still the 28th
		const day2 = new Date('2026-11-28T17:30:00Z'); // 00.30 WIB on the 29th
		await visit(s.link.code, '203.0.113.1', PHONE, day1);
		await visit(s.link.code, '203.0.113.1', PHONE, day1Later);
		await visit(s.link.code, '203.0.113.1', LAPTOP, day1); // same IP, another device
		await visit(s.link.code, '203.0.113.2', PHONE, day1);
		await visit(s.link.code, '203.0.113.1', PHONE, day2);
		const rows = await clicksOf(s.link.id);
		expect(rows.map((r) => r.day).sort()).toEqual(['2026-11-28', '2026-11-28', '2026-11-28', '2026-11-28', '2026-11-29']);
		// Each key is sha256(IP + UA + that WIB day's salt from the stored secret).
		const secret = (await db.select().from(appState).where(eq(appState.key, 'reach_click_secret')))[0].value as string;
		const expected = (ip: string, ua: string, day: string) => visitorKey(ip, ua, daySalt(secret, day));
		const phone28 = expected('203.0.113.1', PHONE, '2026-11-28');
		expect(rows.filter((r) => r.visitorKey === phone28)).toHaveLength(2);
		expect(rows.filter((r) => r.visitorKey === expected('203.0.113.1', LAPTOP, '2026-11-28'))).toHaveLength(1);
		expect(rows.filter((r) => r.visitorKey === expected('203.0.113.2', PHONE, '2026-11-28'))).toHaveLength(1);
		// The next day the same phone has another key: days cannot be linked.
		const phone29 = expected('203.0.113.1', PHONE, '2026-11-29');
		expect(phone29).not.toBe(phone28);
		expect(rows.find((r) => r.day === '2026-11-29')!.visitorKey).toBe(phone29);
		expect(await countLinkClicks(db, s.link.id)).toEqual({ clicks: 5, uniqueVisitors: 4 });
	});

	it('redirects link-preview bots and HEAD requests without counting them', async () => {
		const s = await link();
		const now = new Date();
		for (const ua of ['WhatsApp/2.23.20.0 A', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', 'TelegramBot (like TwitterBot)', undefined]) {
			const result = await visit(s.link.code, '203.0.113.5', ua, now);
			expect(result).toMatchObject({ url: `${PUBLIC_URL}/berita/${s.post.slug}`, counted: false });
		}
		expect((await visit(s.link.code, '203.0.113.5', PHONE, now, 'HEAD')).counted).toBe(false);
		expect(await clicksOf(s.link.id)).toHaveLength(0);
	});

	it('an unknown or malformed code is NOT_FOUND and records nothing', async () => {
		const before = (await db.select({ n: sql<number>`count(*)::int` }).from(linkClicks))[0].n;
		for (const code of ['Zz9Zz9Z', 'x', "'; drop table share_links; --"]) {
			await expect(followLink(ctxFor(db, null, { userAgent: PHONE }), code)).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Tautan tidak ditemukan' });
		}
		expect((await db.select({ n: sql<number>`count(*)::int` }).from(linkClicks))[0].n).toBe(before);
	});

	it('a failed click insert is logged, not thrown: the redirect still happens', async () => {
		const s = await link();
		const errors: unknown[] = [];
		const original = console.error;
		console.error = (...args: unknown[]) => void errors.push(args);
		try {
			// An invalid date makes the insert fail inside PostgreSQL.
			const result = await followLink(ctxFor(db, null, { userAgent: PHONE, now: new Date('invalid') }), s.link.code);
			await expect(result.recorded).resolves.toBeUndefined();
			expect(result.url).toBe(`${PUBLIC_URL}/berita/${s.post.slug}`);
		} finally {
			console.error = original;
		}
		expect(errors).toHaveLength(1);
	});
});

describe('the click buffer', () => {
	const row = (linkId: string, i: number) => ({ linkId, clickedAt: new Date('2026-11-28T03:00:00Z'), day: '2026-11-28', visitorKey: `k${i}` });

	it('writes a full batch at once and the rest on flush, each click exactly once', async () => {
		const s = await link();
		const pending = Array.from({ length: CLICK_BATCH_ROWS + 7 }, (_, i) => bufferClick(db, row(s.link.id, i)));
		await Promise.all(pending.slice(0, CLICK_BATCH_ROWS));
		expect(await clicksOf(s.link.id)).toHaveLength(CLICK_BATCH_ROWS);
		await flushClicks(db); // what a graceful shutdown does: no waiting for the timer
		expect(await clicksOf(s.link.id)).toHaveLength(CLICK_BATCH_ROWS + 7);
		await Promise.all(pending);
		await flushClicks(db);
		expect(new Set((await clicksOf(s.link.id)).map((c) => c.visitorKey)).size).toBe(CLICK_BATCH_ROWS + 7);
	});

	it('a click on a link deleted meanwhile costs only that click, not its batch', async () => {
		const kept = await link();
		const gone = await link();
		await db.delete(shareLinks).where(eq(shareLinks.id, gone.link.id));
		const errors: unknown[] = [];
		const original = console.error;
		console.error = (...args: unknown[]) => void errors.push(args);
		try {
			const pending = [bufferClick(db, row(kept.link.id, 1)), bufferClick(db, row(gone.link.id, 2)), bufferClick(db, row(kept.link.id, 3))];
			await flushClicks(db);
			await Promise.all(pending);
		} finally {
			console.error = original;
		}
		expect((await clicksOf(kept.link.id)).map((c) => c.visitorKey).sort()).toEqual(['k1', 'k3']);
		expect(errors).toHaveLength(1);
	});
});

describe('attributeConversion', () => {
	const DAY = 86400_000;
	const now = new Date('2026-11-28T10:00:00Z');

	it('attributes within 7 days of the latest click, once per kind and subject', async () => {
		const s = await link();
		await buildClick(db, s.link.id, new Date(now.getTime() - 10 * DAY));
		await buildClick(db, s.link.id, new Date(now.getTime() - 7 * DAY + 60_000));
		const subject = (await buildUser(db)).id;
		expect(await attributeConversion(db, s.link.code, 'register', subject, now)).toBe(true);
		expect(await attributeConversion(db, s.link.code, 'register', subject, now)).toBe(false);
		expect(await attributeConversion(db, s.link.code, 'complaint', 'aduan-1', now)).toBe(true);
		expect(await attributeConversion(db, s.link.code, 'subscribe', 'langganan-1', now)).toBe(true);
		const rows = await db.select().from(attributions).where(eq(attributions.linkId, s.link.id));
		expect(rows.map((r) => r.kind).sort()).toEqual(['complaint', 'register', 'subscribe']);
		expect(rows.find((r) => r.kind === 'register')).toMatchObject({ subjectId: subject, occurredAt: now });
	});

	it('nothing for a click older than 7 days, a click after the conversion, no cookie or an unknown code', async () => {
		const s = await link();
		await buildClick(db, s.link.id, new Date(now.getTime() - 7 * DAY - 60_000));
		await buildClick(db, s.link.id, new Date(now.getTime() + 60_000));
		expect(await attributeConversion(db, s.link.code, 'register', 'u-1', now)).toBe(false);
		expect(await attributeConversion(db, undefined, 'register', 'u-2', now)).toBe(false);
		expect(await attributeConversion(db, 'Zz9Zz9Z', 'register', 'u-3', now)).toBe(false);
		expect(await db.select().from(attributions).where(eq(attributions.linkId, s.link.id))).toEqual([]);
	});

	it('counts per link, KIM and member', async () => {
		const a = await link();
		const member2 = await buildActor(db, 'warga', { kimId: a.kim.id, position: 'anggota' });
		const link2 = await buildShareLink(db, { campaignId: a.campaign.id, kimId: a.kim.id, userId: member2.userId });
		for (const l of [a.link, link2]) await buildClick(db, l.id, new Date(now.getTime() - DAY));
		await attributeConversion(db, a.link.code, 'register', 'r-1', now);
		await attributeConversion(db, a.link.code, 'complaint', 'c-1', now);
		await attributeConversion(db, link2.code, 'register', 'r-2', now);
		expect(await countAttributionsByKim(db, { campaignId: a.campaign.id })).toEqual([{ kimId: a.kim.id, register: 2, subscribe: 0, complaint: 1, total: 3 }]);
		const byUser = await countAttributionsByUser(db, { campaignId: a.campaign.id });
		expect(byUser).toHaveLength(2);
		expect(byUser).toContainEqual({ userId: a.member.userId, register: 1, subscribe: 0, complaint: 1, total: 2 });
		expect(await countAttributionsByLink(db, { userId: member2.userId })).toEqual([{ linkId: link2.id, kimId: a.kim.id, userId: member2.userId, register: 1, subscribe: 0, complaint: 0, total: 1 }]);
	});
});

describe('QR codes and the poster', () => {
	it('QR SVG and PNG encode the short link; unknown codes are NOT_FOUND', async () => {
		const s = await link();
		const ctx = ctxFor(db, null);
		const svg = (await getLinkQr(ctx, s.link.code, 'svg')) as string;
		expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		const png = (await getLinkQr(ctx, s.link.code, 'png')) as Uint8Array;
		expect(Buffer.from(png.slice(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
		await expect(getLinkQr(ctx, 'Zz9Zz9Z', 'png')).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(getLinkPoster(ctx, 'Zz9Zz9Z')).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('the poster is a one-page A4 PDF with the title, the short link and the KIM, even with text WinAnsi cannot encode', async () => {
		const s = await link({ kimName: 'KIM Tidar Sejahtera', keyMessages: ['Gratis ✅ untuk balita 9 bulan–5 tahun 👶🏽', 'Bawa buku KIA', 'x'.repeat(400), 'Pesan keempat', 'Pesan kelima', 'Pesan keenam'] });
		const bytes = await getLinkPoster(ctxFor(db, null), s.link.code);
		expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
		const doc = await PDFDocument.load(bytes);
		expect(doc.getPageCount()).toBe(1);
		const { width, height } = doc.getPage(0).getSize();
		expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
		expect(doc.getTitle()).toBe('Ayo imunisasi MR');
		// Standard-font text is stored as hex strings in the page's (deflated) content stream.
		const hex = (t: string) => Buffer.from(t, 'latin1').toString('hex').toUpperCase();
		const content = pdfStreams(bytes);
		expect(content).toContain(hex(`simpul.test/s/${s.link.code}`));
		expect(content).toContain(hex('Disebarkan oleh KIM Tidar Sejahtera'));
		expect(content).toContain(hex('Bawa buku KIA ke posyandu terdekat.'));
		expect(content).toContain(hex('Gratis untuk balita 9 bulan–5 tahun'.replace('–', '\x96')));
	});
});
