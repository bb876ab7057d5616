import { describe, expect, it } from 'vitest';
import {
	ATTRIBUTION_DAYS, CODE_ALPHABET, CODE_LENGTH, daySalt, fillMessage, isBot, isLinkCode, isWithinAttributionWindow, kimLabel, linkUrls,
	newLinkCode, refFromCookieHeader, toWinAnsi, visitorKey, whatsappUrl, wibDay
} from './reach.rules';

describe('newLinkCode', () => {
	it('makes 7 URL-safe base62 characters', () => {
		for (let i = 0; i < 200; i++) {
			const code = newLinkCode();
			expect(code).toMatch(/^[0-9A-Za-z]{7}$/);
			expect(isLinkCode(code)).toBe(true);
		}
	});

	it('does not repeat in 10,000 draws', () => {
		const seen = new Set(Array.from({ length: 10_000 }, () => newLinkCode()));
		expect(seen.size).toBe(10_000);
	});

	it('maps bytes to the alphabet and skips bytes ≥ 248 (no modulo bias)', () => {
		// 248..255 would map onto the first 8 characters twice as often; they are thrown away.
		const bytes = [255, 248, 0, 61, 62, 247, 250, 1, 10, 36, 100];
		let i = 0;
		const random = (n: number) => Uint8Array.from({ length: n }, () => bytes[i++ % bytes.length]);
		expect(newLinkCode(random)).toBe(['0', 'z', '0', CODE_ALPHABET[247 % 62], '1', 'A', 'a'].join(''));
	});

	it('keeps drawing when a batch is all rejected bytes', () => {
		let call = 0;
		const random = (n: number) => new Uint8Array(n).fill(call++ === 0 ? 252 : 5);
		expect(newLinkCode(random)).toBe('5555555');
	});

	it('isLinkCode refuses anything else', () => {
		for (const bad of ['', 'abc', 'abcdefgh', 'abc-def', 'abc_def', 'abc def', 'abcdéfg', '../../x']) expect(isLinkCode(bad)).toBe(false);
		expect(CODE_LENGTH).toBe(7);
	});
});

describe('fillMessage', () => {
	const vars = { judul: 'Imunisasi MR gratis', tautan: 'https://simpul.test/s/Ab3dE7x' };

	it('fills every {judul} and {tautan}', () => {
		expect(fillMessage('Halo! {judul}. Baca: {tautan} — {judul} ({tautan})', vars)).toBe(
			'Halo! Imunisasi MR gratis. Baca: https://simpul.test/s/Ab3dE7x — Imunisasi MR gratis (https://simpul.test/s/Ab3dE7x)'
		);
	});

	it('appends the link on its own line when the template has no {tautan}', () => {
		expect(fillMessage('Ayo ke posyandu: {judul}', vars)).toBe('Ayo ke posyandu: Imunisasi MR gratis\n\nhttps://simpul.test/s/Ab3dE7x');
	});

	it('an empty template is just the link', () => {
		expect(fillMessage('  ', vars)).toBe(vars.tautan);
	});

	it('does not treat $-patterns in titles as replacement syntax', () => {
		expect(fillMessage('{judul} {tautan}', { judul: 'Harga $& naik $1', tautan: 'x' })).toBe('Harga $& naik $1 x');
		expect(fillMessage('{judul} {tautan}', { judul: 'Soal {tautan}', tautan: 'x' })).toBe('Soal {tautan} x');
	});

	it('whatsappUrl encodes the whole message', () => {
		const url = whatsappUrl('Halo & selamat pagi\nBaca: https://simpul.test/s/Ab3dE7x?x=1#a');
		expect(url).toBe('https://wa.me/?text=Halo%20%26%20selamat%20pagi%0ABaca%3A%20https%3A%2F%2Fsimpul.test%2Fs%2FAb3dE7x%3Fx%3D1%23a');
		expect(decodeURIComponent(url.slice('https://wa.me/?text='.length))).toBe('Halo & selamat pagi\nBaca: https://simpul.test/s/Ab3dE7x?x=1#a');
	});

	it('linkUrls hang off the short link', () => {
		expect(linkUrls('https://simpul.test', 'Ab3dE7x')).toEqual({
			short: 'https://simpul.test/s/Ab3dE7x',
			qrSvg: 'https://simpul.test/s/Ab3dE7x/qr.svg',
			qrPng: 'https://simpul.test/s/Ab3dE7x/qr.png',
			poster: 'https://simpul.test/s/Ab3dE7x/poster.pdf'
		});
	});
});

describe('visitor key and day salt', () => {
	it('the WIB day turns at 17:00 UTC', () => {
		expect(wibDay(new Date('2026-11-27T16:59:59Z'))).toBe('2026-11-27');
		expect(wibDay(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
	});

	it('the salt depends on the secret and the day, and changes every day', () => {
		expect(daySalt('s1', '2026-11-28')).toBe(daySalt('s1', '2026-11-28'));
		expect(daySalt('s1', '2026-11-28')).not.toBe(daySalt('s1', '2026-11-29'));
		expect(daySalt('s1', '2026-11-28')).not.toBe(daySalt('s2', '2026-11-28'));
		expect(daySalt('s1', '2026-11-28')).toMatch(/^[0-9a-f]{64}$/);
	});

	it('the same visitor on the same day has one key; another day, IP or browser gives another', () => {
		const today = daySalt('secret', '2026-11-28');
		const tomorrow = daySalt('secret', '2026-11-29');
		const key = visitorKey('203.0.113.7', 'Mozilla/5.0 Android', today);
		expect(visitorKey('203.0.113.7', 'Mozilla/5.0 Android', today)).toBe(key);
		expect(visitorKey('203.0.113.7', 'Mozilla/5.0 Android', tomorrow)).not.toBe(key);
		expect(visitorKey('203.0.113.8', 'Mozilla/5.0 Android', today)).not.toBe(key);
		expect(visitorKey('203.0.113.7', 'Mozilla/5.0 iPhone', today)).not.toBe(key);
	});

	it('the key is a sha256 hex digest that does not contain the IP', () => {
		const key = visitorKey('203.0.113.7', 'UA', daySalt('secret', '2026-11-28'));
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(key).not.toContain('203');
	});

	it('joins the parts unambiguously (IP "1.2" + UA "3x" differs from IP "1.23" + UA "x")', () => {
		const salt = daySalt('secret', '2026-11-28');
		expect(visitorKey('1.2', '3x', salt)).not.toBe(visitorKey('1.23', 'x', salt));
	});
});

describe('isBot', () => {
	it.each([
		'WhatsApp/2.23.20.0 A',
		'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
		'TelegramBot (like TwitterBot)',
		'Twitterbot/1.0',
		'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
		'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
		'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
		'LinkedInBot/1.0',
		'curl/8.5.0',
		'',
		null
	])('%s is a bot', (ua) => expect(isBot(ua)).toBe(true));

	it.each([
		'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
		'Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0 Mobile Safari/537.36',
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/440.0]',
		'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0 Safari/537.36'
	])('%s is a person', (ua) => expect(isBot(ua)).toBe(false));
});

describe('attribution window', () => {
	const now = new Date('2026-11-28T10:00:00Z');
	const ago = (ms: number) => new Date(now.getTime() - ms);
	const DAY = 86400_000;

	it('is 7 days', () => expect(ATTRIBUTION_DAYS).toBe(7));
	it('counts a click just now, a day ago and exactly 7 days ago', () => {
		expect(isWithinAttributionWindow(now, now)).toBe(true);
		expect(isWithinAttributionWindow(ago(DAY), now)).toBe(true);
		expect(isWithinAttributionWindow(ago(7 * DAY), now)).toBe(true);
	});
	it('not a click 7 days and a second ago, nor one in the future', () => {
		expect(isWithinAttributionWindow(ago(7 * DAY + 1000), now)).toBe(false);
		expect(isWithinAttributionWindow(ago(-1000), now)).toBe(false);
	});
});

describe('the simpul_ref cookie', () => {
	it('reads the code from a Cookie header', () => {
		expect(refFromCookieHeader('a=1; simpul_ref=Ab3dE7x; simpul_session=t')).toBe('Ab3dE7x');
		expect(refFromCookieHeader('simpul_ref=Ab3dE7x')).toBe('Ab3dE7x');
	});
	it('ignores a missing or malformed value', () => {
		expect(refFromCookieHeader(undefined)).toBeUndefined();
		expect(refFromCookieHeader('x_simpul_ref=Ab3dE7x')).toBeUndefined();
		expect(refFromCookieHeader("simpul_ref=' or 1=1")).toBeUndefined();
		expect(refFromCookieHeader('simpul_ref=')).toBeUndefined();
	});
});

describe('poster text', () => {
	it('keeps Latin-1 and typographic quotes, strips accents, drops emoji, replaces the rest', () => {
		expect(toWinAnsi('Café “resmi” – 100% ✅👍🏽 🇮🇩 ok')).toBe('Café “resmi” – 100% ok');
		expect(toWinAnsi('Trăm ţară')).toBe('Tram tara');
		expect(toWinAnsi('漢字\tA\r\nB')).toBe('?? A\nB');
	});
	it('labels a KIM once', () => {
		expect(kimLabel('KIM Tidar Sejahtera')).toBe('KIM Tidar Sejahtera');
		expect(kimLabel('Tidar Sejahtera')).toBe('KIM Tidar Sejahtera');
		expect(kimLabel('Kimia Bersama')).toBe('KIM Kimia Bersama');
	});
});
