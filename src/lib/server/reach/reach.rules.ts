/**
 * Pure decisions of the reach feature: short-link codes, the share message, the privacy-preserving
 * visitor key, bot detection and the 7-day attribution window. No I/O; the clock and the random
 * source are passed in.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { todayWib } from '../validation';

export const CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const CODE_LENGTH = 7;
/** 62^7 ≈ 3.5 × 10^12 codes: unguessable enough for links that only lead to public posts. */
const CODE_RE = new RegExp(`^[0-9A-Za-z]{${CODE_LENGTH}}$`);

/**
 * A new short code: CODE_LENGTH base62 characters from a cryptographic random source. Bytes of
 * 248 and above are thrown away so every character is equally likely (248 = 4 × 62).
 */
export function newLinkCode(random: (n: number) => Uint8Array = randomBytes): string {
	let code = '';
	while (code.length < CODE_LENGTH) {
		for (const b of random(CODE_LENGTH * 2)) {
			if (b >= 248) continue;
			code += CODE_ALPHABET[b % 62];
			if (code.length === CODE_LENGTH) break;
		}
	}
	return code;
}

/** Whether `s` could be a code at all (checked before any database look-up). */
export const isLinkCode = (s: string) => CODE_RE.test(s);

/**
 * The campaign's WhatsApp template with `{judul}` (the main post's title) and `{tautan}` (the
 * member's short link) filled in, every occurrence. A template without `{tautan}` gets the link
 * appended on its own line, so a shared message always carries it.
 */
export function fillMessage(template: string, vars: { judul: string; tautan: string }): string {
	const text = template.trim();
	// One pass with a function: a title containing "{tautan}" or "$&" is inserted as it is.
	const filled = text.replace(/\{(judul|tautan)\}/g, (_, key: 'judul' | 'tautan') => vars[key]);
	if (text.includes('{tautan}')) return filled;
	return filled ? `${filled}\n\n${vars.tautan}` : vars.tautan;
}

export const whatsappUrl = (message: string) => `https://wa.me/?text=${encodeURIComponent(message)}`;

/** The public addresses of a link: the short link and its QR images and poster. */
export function linkUrls(publicUrl: string, code: string) {
	const short = `${publicUrl}/s/${code}`;
	return { short, qrSvg: `${short}/qr.svg`, qrPng: `${short}/qr.png`, poster: `${short}/poster.pdf` };
}

/** The WIB (UTC+7, no daylight saving) calendar day of `at`, `YYYY-MM-DD`: a click's day. */
export const wibDay = (at: Date) => todayWib(at);

/**
 * The salt of one WIB day: HMAC(server secret, day). It changes every day and cannot be
 * recomputed without the secret, so yesterday's visitor keys cannot be linked to today's.
 */
export const daySalt = (secret: string, day: string) => createHmac('sha256', secret).update(`simpul-click:${day}`).digest('hex');

/**
 * The visitor key of a click: sha256(IP + user agent + the day's salt). Distinct keys per day
 * count unique visitors; the raw IP is never stored.
 */
export const visitorKey = (ip: string, userAgent: string, salt: string) =>
	createHash('sha256').update(`${ip}\n${userAgent}\n${salt}`).digest('hex');

/**
 * Link-preview fetchers and crawlers. WhatsApp, Facebook, Telegram and others fetch a shared link
 * to draw its preview card; that is not a person opening it, so such requests are redirected
 * but not counted (and get no attribution cookie). An empty user agent is treated as a bot too.
 * Patterns are specific on purpose: a phone brand such as "CUBOT" must not look like a bot.
 */
const BOT_UA = /bot\/|bot;|telegrambot|slackbot|twitterbot|facebookexternalhit|facebookcatalog|meta-externalagent|^whatsapp\/|crawler|spider|slurp|skypeuripreview|embedly|vkshare|pinterest|ia_archiver|curl\/|wget\/|python-requests|go-http-client|node-fetch|axios\//i;

export const isBot = (userAgent: string | null | undefined) => !userAgent?.trim() || BOT_UA.test(userAgent);

export const ATTRIBUTION_DAYS = 7;
const ATTRIBUTION_MS = ATTRIBUTION_DAYS * 86400_000;

/** A conversion at `now` is attributed to a click at `clickedAt` within the 7 days before it. */
export const isWithinAttributionWindow = (clickedAt: Date, now: Date) =>
	clickedAt.getTime() <= now.getTime() && now.getTime() - clickedAt.getTime() <= ATTRIBUTION_MS;

/** The earliest click time that still counts for a conversion at `now`. */
export const attributionWindowStart = (now: Date) => new Date(now.getTime() - ATTRIBUTION_MS);

/** "KIM Tidar Sejahtera" for a KIM's name with or without the KIM prefix. */
export const kimLabel = (name: string) => (/^kim\b/i.test(name.trim()) ? name.trim() : `KIM ${name.trim()}`);

/** The first-party cookie that remembers the last share link a visitor followed (its code). */
export const REF_COOKIE = 'simpul_ref';
export const REF_COOKIE_MAX_AGE = ATTRIBUTION_DAYS * 86400;

/** The `simpul_ref` value from a Cookie header, if it looks like a code. */
export function refFromCookieHeader(header: string | null | undefined): string | undefined {
	const match = (header ?? '').match(new RegExp(`(?:^|;\\s*)${REF_COOKIE}=([^;]*)`));
	const value = match?.[1]?.trim();
	return value && isLinkCode(value) ? value : undefined;
}

/** Characters the PDF standard fonts (WinAnsi) can show besides Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const inWinAnsi = (ch: string) => {
	const c = ch.codePointAt(0)!;
	return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch);
};

/**
 * Text the standard PDF fonts can encode: accents outside Latin-1 are dropped from their letter
 * (ă → a), emoji and other pictographs removed, tabs become spaces, anything else becomes `?`.
 * Line breaks are kept for the layout to split on.
 */
export function toWinAnsi(text: string): string {
	let out = '';
	for (const ch of text.normalize('NFC')) {
		if (ch === '\n') out += ch;
		else if (ch === '\t' || ch === '\r') out += ch === '\t' ? ' ' : '';
		else if (inWinAnsi(ch)) out += ch;
		else if (/[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{1F1E6}-\u{1F1FF}\u{E0020}-\u{E007F}\u200d\ufe0f\p{M}]/u.test(ch)) continue;
		else {
			const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
			out += base && [...base].every(inWinAnsi) ? base : '?';
		}
	}
	return out.replace(/ {2,}/g, ' ');
}
