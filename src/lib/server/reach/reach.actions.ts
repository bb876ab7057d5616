/**
 * Reach use cases: a member's share kit, following a short link (the click), and attributing a
 * resident's registration, subscription or complaint to the link they arrived through.
 */
import { AppError, invalid } from '../errors';
import { nowOf, type Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { audit } from '../audit/audit';
import { authorize } from '../kims/kims.guard';
import { isUuid } from '../../shared/slug';
import { publicPath } from '../posts/posts.rules';
import { canSeeCampaign, canShareFor, isShareable } from './reach.policy';
import {
	attributionWindowStart, daySalt, fillMessage, isBot, isLinkCode, isWithinAttributionWindow, linkUrls, newLinkCode, visitorKey, wibDay
} from './reach.rules';
import {
	clickSecret, findCampaign, findLinkTarget, findMainPost, findRecentlyClickedLink, findShareLink, insertAttribution, insertShareLink, listCarryingKims, type ConversionKind, type ShareLink
} from './reach.queries';
import { presentShareKit } from './reach.present';
import { bufferClick } from './reach.buffer';
import { posterPdf, qrPng, qrSvg } from './reach.media';
import { findCity } from '../site';

const campaignNotFound = () => new AppError('NOT_FOUND', m.reach_err_campaign_not_found());
export const linkNotFound = () => new AppError('NOT_FOUND', m.reach_link_not_found());

/**
 * The campaign and the KIMs the actor may share it for (their KIMs with a live assignment).
 * Unknown campaign, or a draft for non-staff → NOT_FOUND; anonymous → UNAUTHENTICATED; a draft
 * for staff → CONFLICT (no kits before launch). The list may be empty; getShareKit refuses then.
 */
export async function shareKitChoices(ctx: Ctx, campaignId: string) {
	const campaign = isUuid(campaignId) ? await findCampaign(ctx.db, campaignId) : undefined;
	if (!campaign || !canSeeCampaign(ctx.actor, campaign)) throw campaignNotFound();
	authorize(ctx, ctx.actor !== null);
	if (!isShareable(campaign)) throw new AppError('CONFLICT', m.reach_err_not_launched());
	const kims = await listCarryingKims(ctx.db, campaign.id, ctx.actor!.kims.map((k) => k.kimId));
	return { campaign, kims };
}

/**
 * The actor's share kit for a campaign on behalf of one KIM (`kimId`, or their only carrying
 * KIM). Creates their personal link on first request; later requests answer the same link.
 * Refuses (FORBIDDEN) anyone who is not a member of a KIM carrying the campaign, and a KIM the
 * actor does not belong to; several KIMs and none chosen → a kim_id field error.
 */
export async function getShareKit(ctx: Ctx, campaignId: string, kimId?: string) {
	const { campaign, kims } = await shareKitChoices(ctx, campaignId);
	const carrying = kims.map((k) => k.id);
	let kim = kims[0];
	if (kimId) {
		authorize(ctx, canShareFor(ctx.actor, kimId, carrying));
		kim = kims.find((k) => k.id === kimId)!;
	} else if (kims.length === 0) {
		throw new AppError('FORBIDDEN', m.reach_err_not_carrier());
	} else if (kims.length > 1) {
		throw invalid([{ path: 'kim_id', message: m.reach_err_choose_kim() }]);
	}
	const link = await ensureShareLink(ctx, { campaignId: campaign.id, kimId: kim.id, userId: ctx.actor!.userId });
	const post = await findMainPost(ctx.db, campaign.id);
	return presentShareKit({ link, campaign, kim, post, publicUrl: ctx.publicUrl });
}

const CODE_ATTEMPTS = 5;

/**
 * The owner's link, created once. A fresh code that collides with an existing one is drawn
 * again; a concurrent first request for the same owner wins and its link is answered.
 */
async function ensureShareLink(ctx: Ctx, owner: { campaignId: string; kimId: string; userId: string }): Promise<ShareLink> {
	const existing = await findShareLink(ctx.db, owner);
	if (existing) return existing;
	return ctx.db.transaction(async (tx) => {
		for (let i = 0; i < CODE_ATTEMPTS; i++) {
			const created = await insertShareLink(tx, { ...owner, code: newLinkCode() });
			if (created) {
				await audit(tx, ctx.actor, 'share_link.create', { type: 'share_link', id: created.id }, { after: created });
				return created;
			}
			const raced = await findShareLink(tx, owner);
			if (raced) return raced;
		}
		throw new Error(`no free share-link code after ${CODE_ATTEMPTS} attempts`);
	});
}

/** What a short link shows on its QR and poster: the absolute short URL, the campaign, the KIM. */
async function loadLinkTarget(ctx: Ctx, code: string) {
	const target = isLinkCode(code) ? await findLinkTarget(ctx.db, code) : undefined;
	if (!target) throw linkNotFound();
	return { ...target, shortUrl: linkUrls(ctx.publicUrl, target.code).short };
}

/** The QR code of a short link (public: it only encodes the link). */
export async function getLinkQr(ctx: Ctx, code: string, format: 'svg' | 'png'): Promise<string | Uint8Array> {
	const { shortUrl } = await loadLinkTarget(ctx, code);
	return format === 'svg' ? qrSvg(shortUrl) : qrPng(shortUrl);
}

/**
 * The A4 poster of a short link (public, like the link). Always in Bahasa Indonesia: it is
 * printed for residents, whatever language the member's browser uses.
 */
export async function getLinkPoster(ctx: Ctx, code: string): Promise<Uint8Array> {
	const target = await loadLinkTarget(ctx, code);
	const city = await findCity(ctx.db);
	const id = { locale: 'id' as const };
	return posterPdf({
		cityName: city.name,
		title: target.campaignTitle,
		keyMessages: target.keyMessages,
		summary: target.postSummary,
		shortUrl: target.shortUrl,
		kimName: target.kimName,
		labels: { scan: m.reach_poster_scan({}, id), spreadBy: m.reach_poster_spread_by({}, id) }
	});
}

/**
 * Stores one click: its time, link, WIB day and hashed visitor key, never the IP itself. The
 * click joins the next batch (reach.buffer); the promise settles once that batch is written.
 */
export function recordClick(db: Db, linkId: string, visitor: { ip: string; userAgent: string }, at: Date): Promise<void> {
	const row = (async () => {
		const day = wibDay(at);
		return { linkId, clickedAt: at, day, visitorKey: visitorKey(visitor.ip, visitor.userAgent, saltOf(await clickSecret(db), day)) };
	})();
	return bufferClick(db, row);
}

let lastSalt: { secret: string; day: string; salt: string } | undefined;
/** daySalt, computed once a day rather than once a click (an HMAC per redirect otherwise). */
function saltOf(secret: string, day: string) {
	if (lastSalt?.secret !== secret || lastSalt.day !== day) lastSalt = { secret, day, salt: daySalt(secret, day) };
	return lastSalt.salt;
}

type RedirectTarget = { linkId: string; code: string; postSlug: string | null };
const REDIRECT_TTL_MS = 60_000;
const REDIRECT_MEMO_MAX = 20_000;
const redirectMemo = new WeakMap<Db, Map<string, { target: RedirectTarget; until: number }>>();

/**
 * Where a short link leads, remembered for a minute per process: a link shared in a busy
 * WhatsApp group is followed thousands of times, and its target rarely changes (a campaign's
 * main post changing reaches redirects within the minute). Unknown codes are not remembered.
 */
async function redirectTarget(db: Db, code: string): Promise<RedirectTarget | undefined> {
	let memo = redirectMemo.get(db);
	if (!memo) redirectMemo.set(db, (memo = new Map()));
	const now = Date.now();
	const known = memo.get(code);
	if (known && known.until > now) return known.target;
	const row = await findLinkTarget(db, code);
	if (!row) return undefined;
	const target = { linkId: row.linkId, code: row.code, postSlug: row.postSlug };
	if (memo.size >= REDIRECT_MEMO_MAX) memo.clear();
	memo.set(code, { target, until: now + REDIRECT_TTL_MS });
	return target;
}

/**
 * Resolves a short link to the absolute URL of the campaign's main post (the home page if the
 * campaign has none) and starts recording the click. The redirect must not wait for the insert,
 * so the caller gets `recorded` — a promise that never rejects (failures are logged) — and
 * answers first. Link-preview bots and HEAD requests are redirected but not counted.
 */
export async function followLink(ctx: Ctx, code: string, opts: { method?: string } = {}) {
	const target = isLinkCode(code) ? await redirectTarget(ctx.db, code) : undefined;
	if (!target) throw linkNotFound();
	const url = `${ctx.publicUrl}${target.postSlug ? publicPath(target.postSlug) : '/'}`;
	const counted = !isBot(ctx.userAgent) && opts.method !== 'HEAD';
	const recorded = counted
		? recordClick(ctx.db, target.linkId, { ip: ctx.ip ?? 'unknown', userAgent: ctx.userAgent ?? '' }, nowOf(ctx)).catch((err) => {
				console.error('[reach] click not recorded', err);
			})
		: Promise.resolve();
	return { url, code: target.code, counted, recorded };
}

/**
 * Attributes a conversion (a registration, subscription or complaint with id `subjectId`) to the
 * share link named by the visitor's `simpul_ref` cookie, if that link was clicked in the 7 days
 * up to `now`. Call it inside the transaction that creates the subject, so both commit together.
 * At most one attribution per (kind, subject); answers whether one was recorded.
 */
export async function attributeConversion(tx: Db, refCookie: string | null | undefined, kind: ConversionKind, subjectId: string, now: Date) {
	if (!refCookie || !isLinkCode(refCookie)) return false;
	const link = await findRecentlyClickedLink(tx, refCookie, attributionWindowStart(now), now);
	if (!link || !isWithinAttributionWindow(link.clickedAt, now)) return false;
	return insertAttribution(tx, { linkId: link.id, kind, subjectId, occurredAt: now });
}
