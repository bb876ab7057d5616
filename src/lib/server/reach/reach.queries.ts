/**
 * Reach queries: campaigns as a share kit sees them, share links, clicks and attributions.
 * Scoping: share-link look-ups are keyed by the owner (campaign, KIM, user) the action authorized;
 * link targets by an unguessable code; counts take explicit scope filters.
 */
import { and, asc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { appState, assignments, attributions, campaignPosts, campaigns, kims, linkClicks, posts, shareLinks } from '../db/schema';

export type Campaign = typeof campaigns.$inferSelect;
export type ShareLink = typeof shareLinks.$inferSelect;
export type ConversionKind = (typeof attributions.$inferInsert)['kind'];

export async function findCampaign(db: Db, id: string): Promise<Campaign | undefined> {
	const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
	return row;
}

/** The campaign's main post (lowest position), if any. */
export async function findMainPost(db: Db, campaignId: string) {
	const [row] = await db
		.select({ id: posts.id, slug: posts.slug, title: posts.title, summary: posts.summary })
		.from(campaignPosts)
		.innerJoin(posts, eq(posts.id, campaignPosts.postId))
		.where(eq(campaignPosts.campaignId, campaignId))
		.orderBy(asc(campaignPosts.position))
		.limit(1);
	return row;
}

/**
 * The KIMs among `kimIds` that carry the campaign: an assignment that was not declined. Answers
 * nothing for KIMs outside `kimIds`, so the caller's membership list scopes it.
 */
export async function listCarryingKims(db: Db, campaignId: string, kimIds: string[]) {
	if (!kimIds.length) return [];
	return db
		.select({ id: kims.id, name: kims.name, slug: kims.slug })
		.from(assignments)
		.innerJoin(kims, eq(kims.id, assignments.kimId))
		.where(and(eq(assignments.campaignId, campaignId), inArray(assignments.kimId, kimIds), ne(assignments.status, 'declined')))
		.orderBy(asc(kims.name));
}

export async function findShareLink(db: Db, owner: { campaignId: string; kimId: string; userId: string }): Promise<ShareLink | undefined> {
	const [row] = await db
		.select()
		.from(shareLinks)
		.where(and(eq(shareLinks.campaignId, owner.campaignId), eq(shareLinks.kimId, owner.kimId), eq(shareLinks.userId, owner.userId)));
	return row;
}

/** Inserts a link unless its code or its owner exists already (then answers undefined). */
export async function insertShareLink(db: Db, values: { code: string; campaignId: string; kimId: string; userId: string }) {
	const [row] = await db.insert(shareLinks).values(values).onConflictDoNothing().returning();
	return row as ShareLink | undefined;
}

/** What a short link leads to and what its poster shows, by code. */
export async function findLinkTarget(db: Db, code: string) {
	const [row] = await db
		.select({
			linkId: shareLinks.id,
			code: shareLinks.code,
			campaignId: shareLinks.campaignId,
			campaignTitle: campaigns.title,
			keyMessages: campaigns.keyMessages,
			kimName: kims.name,
			postSlug: sql<string | null>`(select p.slug from ${campaignPosts} cp join ${posts} p on p.id = cp.post_id where cp.campaign_id = ${shareLinks.campaignId} order by cp.position limit 1)`,
			postSummary: sql<string | null>`(select p.summary from ${campaignPosts} cp join ${posts} p on p.id = cp.post_id where cp.campaign_id = ${shareLinks.campaignId} order by cp.position limit 1)`
		})
		.from(shareLinks)
		.innerJoin(campaigns, eq(campaigns.id, shareLinks.campaignId))
		.innerJoin(kims, eq(kims.id, shareLinks.kimId))
		.where(eq(shareLinks.code, code));
	return row;
}

export type ClickRow = { linkId: string; clickedAt: Date; day: string; visitorKey: string };

/**
 * Clicks in one insert (reach.buffer batches them): four array parameters unnested by the
 * database, rather than four parameters per row, which is cheaper to build, send and parse.
 * The arrays are sent as array literals; every value is a uuid, an ISO time, a date or hex, none
 * of which holds a comma, quote, brace or backslash.
 */
export async function insertClicks(db: Db, clicks: ClickRow[]) {
	if (clicks.length === 0) return;
	const column = (pick: (c: ClickRow) => string) => `{${clicks.map(pick).join(',')}}`;
	await db.execute(sql`
		insert into ${linkClicks} (link_id, clicked_at, day, visitor_key)
		select * from unnest(${column((c) => c.linkId)}::uuid[], ${column((c) => c.clickedAt.toISOString())}::timestamptz[],
			${column((c) => c.day)}::date[], ${column((c) => c.visitorKey)}::text[])`);
}

const SECRET_KEY = 'reach_click_secret';

/**
 * The server secret behind the daily click salt, kept in app_state and created on first use
 * (concurrent first uses agree: the first insert wins and everyone reads it back).
 */
export async function ensureClickSecret(db: Db): Promise<string> {
	const read = async () => (await db.select({ value: appState.value }).from(appState).where(eq(appState.key, SECRET_KEY)))[0]?.value;
	const found = await read();
	if (typeof found === 'string') return found;
	await db.insert(appState).values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
	return (await read()) as string;
}

const secrets = new WeakMap<Db, Promise<string>>();
/**
 * The server secret (ensureClickSecret), read once per database handle: it never changes once
 * created. Reach salts click keys with it; surveys key anonymous devices with it.
 */
export function clickSecret(db: Db) {
	let secret = secrets.get(db);
	if (!secret) {
		secret = ensureClickSecret(db);
		secrets.set(db, secret);
		secret.catch(() => secrets.delete(db));
	}
	return secret;
}

/** The link named by a `simpul_ref` code with its latest click in [since, until], if any. */
export async function findRecentlyClickedLink(db: Db, code: string, since: Date, until: Date) {
	const [row] = await db
		.select({ id: shareLinks.id, clickedAt: sql<Date>`max(${linkClicks.clickedAt})` })
		.from(shareLinks)
		.innerJoin(linkClicks, and(eq(linkClicks.linkId, shareLinks.id), gte(linkClicks.clickedAt, since), lte(linkClicks.clickedAt, until)))
		.where(eq(shareLinks.code, code))
		.groupBy(shareLinks.id);
	return row ? { id: row.id, clickedAt: new Date(row.clickedAt) } : undefined;
}

/** Records a conversion once per (kind, subject); answers whether it was new. */
export async function insertAttribution(db: Db, values: { linkId: string; kind: ConversionKind; subjectId: string; occurredAt: Date }) {
	const rows = await db.insert(attributions).values(values).onConflictDoNothing().returning({ id: attributions.id });
	return rows.length > 0;
}

export type AttributionScope = { campaignId?: string; kimId?: string; userId?: string };
export type AttributionCount = { register: number; subscribe: number; complaint: number; total: number };

const countsOf = () => ({
	register: sql<number>`count(*) filter (where ${attributions.kind} = 'register')::int`,
	subscribe: sql<number>`count(*) filter (where ${attributions.kind} = 'subscribe')::int`,
	complaint: sql<number>`count(*) filter (where ${attributions.kind} = 'complaint')::int`,
	total: sql<number>`count(*)::int`
});

function scopeWhere(scope: AttributionScope): SQL | undefined {
	return and(
		scope.campaignId ? eq(shareLinks.campaignId, scope.campaignId) : undefined,
		scope.kimId ? eq(shareLinks.kimId, scope.kimId) : undefined,
		scope.userId ? eq(shareLinks.userId, scope.userId) : undefined
	);
}

/** Attributed conversions per share link within the scope. */
export async function countAttributionsByLink(db: Db, scope: AttributionScope) {
	return db
		.select({ linkId: shareLinks.id, kimId: shareLinks.kimId, userId: shareLinks.userId, ...countsOf() })
		.from(attributions)
		.innerJoin(shareLinks, eq(shareLinks.id, attributions.linkId))
		.where(scopeWhere(scope))
		.groupBy(shareLinks.id, shareLinks.kimId, shareLinks.userId);
}

/** Attributed conversions per KIM within the scope (e.g. one campaign). */
export async function countAttributionsByKim(db: Db, scope: AttributionScope) {
	return db
		.select({ kimId: shareLinks.kimId, ...countsOf() })
		.from(attributions)
		.innerJoin(shareLinks, eq(shareLinks.id, attributions.linkId))
		.where(scopeWhere(scope))
		.groupBy(shareLinks.kimId);
}

/** Attributed conversions per member (the link's owner) within the scope. */
export async function countAttributionsByUser(db: Db, scope: AttributionScope) {
	return db
		.select({ userId: shareLinks.userId, ...countsOf() })
		.from(attributions)
		.innerJoin(shareLinks, eq(shareLinks.id, attributions.linkId))
		.where(scopeWhere(scope))
		.groupBy(shareLinks.userId);
}

/** Clicks and unique visitors (distinct visitor keys per day, summed over days) of one link. */
export async function countLinkClicks(db: Db, linkId: string) {
	const [row] = await db
		.select({
			clicks: sql<number>`coalesce(sum(n), 0)::int`,
			uniqueVisitors: sql<number>`coalesce(sum(v), 0)::int`
		})
		.from(
			sql`(select count(*) as n, count(distinct ${linkClicks.visitorKey}) as v from ${linkClicks} where ${linkClicks.linkId} = ${linkId} group by ${linkClicks.day}) as per_day`
		);
	return row;
}
