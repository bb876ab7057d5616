import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { assignmentMembers, assignments, campaignPosts, campaigns, files, kimMembers, kims, posts, regions, users } from '../db/schema';
import type { Actor } from '../auth/actor';
import { BOARD_POSITIONS } from '../../shared/roles';
import { canViewAllAssignments } from './campaigns.policy';

export type Campaign = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;
export type Assignment = typeof assignments.$inferSelect;

export async function findCampaignById(db: Db, id: string): Promise<Campaign | undefined> {
	const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
	return row;
}

/** Locks the campaign row for the rest of the transaction (serialises edits, launch and finish). */
export async function lockCampaign(tx: Db, id: string): Promise<Campaign | undefined> {
	const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).limit(1).for('update');
	return row;
}

export async function insertCampaign(db: Db, values: NewCampaign): Promise<Campaign> {
	const [row] = await db.insert(campaigns).values(values).returning();
	return row;
}

export async function updateCampaignRow(db: Db, id: string, values: Partial<NewCampaign>): Promise<Campaign> {
	const [row] = await db.update(campaigns).set(values).where(eq(campaigns.id, id)).returning();
	return row;
}

/** Replaces the campaign's posts; position 0 is the main post. */
export async function setCampaignPosts(db: Db, campaignId: string, postIds: string[]) {
	await db.delete(campaignPosts).where(eq(campaignPosts.campaignId, campaignId));
	if (postIds.length) await db.insert(campaignPosts).values(postIds.map((postId, position) => ({ campaignId, postId, position })));
}

/** The campaign's posts in order (main first), with what the pages need. */
export async function listCampaignPostRows(db: Db, campaignId: string) {
	return db
		.select({ id: posts.id, slug: posts.slug, title: posts.title, status: posts.status, kind: posts.kind, kimId: posts.kimId, authorId: posts.authorId, publishAt: posts.publishAt, position: campaignPosts.position })
		.from(campaignPosts)
		.innerJoin(posts, eq(posts.id, campaignPosts.postId))
		.where(eq(campaignPosts.campaignId, campaignId))
		.orderBy(asc(campaignPosts.position));
}
export type CampaignPostRow = Awaited<ReturnType<typeof listCampaignPostRows>>[number];

/** Which of `ids` are posts (for field errors on unknown ones). */
export async function existingPostIds(db: Db, ids: string[]) {
	if (!ids.length) return new Set<string>();
	const rows = await db.select({ id: posts.id }).from(posts).where(inArray(posts.id, ids));
	return new Set(rows.map((r) => r.id));
}

export async function existingKimIds(db: Db, ids: string[]) {
	if (!ids.length) return new Set<string>();
	const rows = await db.select({ id: kims.id }).from(kims).where(inArray(kims.id, ids));
	return new Set(rows.map((r) => r.id));
}

/** Which of `codes` are kelurahan/desa under `cityCode`. */
export async function cityKelurahanCodes(db: Db, cityCode: string, codes: string[]) {
	if (!codes.length) return new Set<string>();
	const rows = await db
		.select({ code: regions.code })
		.from(regions)
		.where(and(inArray(regions.code, codes), inArray(regions.level, ['kelurahan', 'desa']), sql`${regions.code} like ${cityCode + '.%'}`));
	return new Set(rows.map((r) => r.code));
}

/** Verified KIMs with what targeting needs (campaigns.rules selectTargetKims filters further). */
export async function listVerifiedKims(db: Db) {
	return db
		.select({ id: kims.id, name: kims.name, slug: kims.slug, status: kims.status, kelurahanCode: kims.kelurahanCode, kecamatanCode: kims.kecamatanCode })
		.from(kims)
		.where(eq(kims.status, 'verified'))
		.orderBy(asc(kims.name));
}

/** Campaigns with assignment counts, newest first (staff lists). */
export async function listCampaignRows(db: Db) {
	return db
		.select({
			campaign: campaigns,
			// Qualified by hand: inside the subquery an unqualified "id" would be the assignment's.
			total: sql<number>`(select count(*)::int from assignments a where a.campaign_id = "campaigns"."id")`,
			done: sql<number>`(select count(*)::int from assignments a where a.campaign_id = "campaigns"."id" and a.status = 'done')`
		})
		.from(campaigns)
		.orderBy(sql`array_position(array['active','draft','finished'], ${campaigns.status}::text)`, desc(campaigns.createdAt));
}

export async function insertAssignments(db: Db, rows: (typeof assignments.$inferInsert)[]): Promise<Assignment[]> {
	if (!rows.length) return [];
	return db.insert(assignments).values(rows).returning();
}

/** KIM ids the campaign assigned. */
export async function assignedKimIds(db: Db, campaignId: string): Promise<string[]> {
	const rows = await db.select({ kimId: assignments.kimId }).from(assignments).where(eq(assignments.campaignId, campaignId));
	return rows.map((r) => r.kimId);
}

/** Assignments visible to `actor`: staff all, others their KIMs' only (a forgotten check still shows nothing more). */
export function assignmentScope(actor: Actor): SQL | undefined {
	if (canViewAllAssignments(actor)) return undefined;
	const own = actor?.kims.map((k) => k.kimId) ?? [];
	return own.length ? inArray(assignments.kimId, own) : sql`false`;
}

const assignmentColumns = {
	assignment: assignments,
	kimName: kims.name,
	kimSlug: kims.slug,
	kelurahanCode: kims.kelurahanCode
};

/** A campaign's assignments the actor may see, by KIM name. */
export async function listAssignmentRows(db: Db, actor: Actor, campaignId: string) {
	return db
		.select(assignmentColumns)
		.from(assignments)
		.innerJoin(kims, eq(kims.id, assignments.kimId))
		.where(and(eq(assignments.campaignId, campaignId), assignmentScope(actor)))
		.orderBy(asc(kims.name));
}
export type AssignmentRow = Awaited<ReturnType<typeof listAssignmentRows>>[number];

export async function findAssignmentById(db: Db, id: string): Promise<Assignment | undefined> {
	const [row] = await db.select().from(assignments).where(eq(assignments.id, id)).limit(1);
	return row;
}

export async function lockAssignment(tx: Db, id: string): Promise<Assignment | undefined> {
	const [row] = await tx.select().from(assignments).where(eq(assignments.id, id)).limit(1).for('update');
	return row;
}

export async function updateAssignmentRow(db: Db, id: string, values: Partial<typeof assignments.$inferInsert>): Promise<Assignment> {
	const [row] = await db.update(assignments).set(values).where(eq(assignments.id, id)).returning();
	return row;
}

/** User ids of the board (pengurus) of each KIM in `kimIds`. */
export async function boardMembersOf(db: Db, kimIds: string[]) {
	if (!kimIds.length) return [];
	return db
		.select({ kimId: kimMembers.kimId, userId: kimMembers.userId })
		.from(kimMembers)
		.where(and(inArray(kimMembers.kimId, kimIds), inArray(kimMembers.position, [...BOARD_POSITIONS])));
}

/** Which of `userIds` are members of `kimId`. */
export async function membersAmong(db: Db, kimId: string, userIds: string[]) {
	if (!userIds.length) return new Set<string>();
	const rows = await db.select({ userId: kimMembers.userId }).from(kimMembers).where(and(eq(kimMembers.kimId, kimId), inArray(kimMembers.userId, userIds)));
	return new Set(rows.map((r) => r.userId));
}

/** Adds members to an assignment (a repeat updates the note); returns the rows written. */
export async function upsertAssignmentMembers(db: Db, rows: (typeof assignmentMembers.$inferInsert)[]) {
	if (!rows.length) return [];
	return db
		.insert(assignmentMembers)
		.values(rows)
		.onConflictDoUpdate({ target: [assignmentMembers.assignmentId, assignmentMembers.userId], set: { note: sql`excluded.note`, assignedBy: sql`excluded.assigned_by` } })
		.returning();
}

/** Members each assignment was handed to, with names. */
export async function listHandedMembers(db: Db, assignmentIds: string[]) {
	if (!assignmentIds.length) return [];
	return db
		.select({ assignmentId: assignmentMembers.assignmentId, userId: assignmentMembers.userId, name: users.name, note: assignmentMembers.note, createdAt: assignmentMembers.createdAt })
		.from(assignmentMembers)
		.innerJoin(users, eq(users.id, assignmentMembers.userId))
		.where(inArray(assignmentMembers.assignmentId, assignmentIds))
		.orderBy(asc(users.name));
}
export type HandedRow = Awaited<ReturnType<typeof listHandedMembers>>[number];

/**
 * The inbox: assignments of launched campaigns for the KIMs in `kimIds` (the caller passes the
 * actor's own KIMs), with the campaign fields the list shows.
 */
export async function listInboxRows(db: Db, kimIds: string[]) {
	if (!kimIds.length) return [];
	return db
		.select({
			...assignmentColumns,
			campaignTitle: campaigns.title,
			campaignStatus: campaigns.status,
			priority: campaigns.priority,
			objective: campaigns.objective
		})
		.from(assignments)
		.innerJoin(campaigns, eq(campaigns.id, assignments.campaignId))
		.innerJoin(kims, eq(kims.id, assignments.kimId))
		.where(and(inArray(assignments.kimId, kimIds), or(eq(campaigns.status, 'active'), eq(campaigns.status, 'finished'))));
}
export type InboxRow = Awaited<ReturnType<typeof listInboxRows>>[number];

/** File facts for the materials (poster, leaflet). */
export async function findFileFacts(db: Db, ids: (string | null)[]) {
	const wanted = ids.filter((x): x is string => !!x);
	if (!wanted.length) return new Map<string, { id: string; mime: string; size: number; originalName: string | null }>();
	const rows = await db.select({ id: files.id, mime: files.mime, size: files.size, originalName: files.originalName }).from(files).where(inArray(files.id, wanted));
	return new Map(rows.map((r) => [r.id, r]));
}

/** Members of a KIM with names (for the "hand to members" checkboxes). */
export async function listKimMemberNames(db: Db, kimId: string) {
	return db
		.select({ userId: kimMembers.userId, name: users.name, position: kimMembers.position })
		.from(kimMembers)
		.innerJoin(users, eq(users.id, kimMembers.userId))
		.where(eq(kimMembers.kimId, kimId))
		.orderBy(asc(users.name));
}

/** Names of the KIMs in `ids`. */
export async function kimNames(db: Db, ids: string[]) {
	if (!ids.length) return new Map<string, string>();
	const rows = await db.select({ id: kims.id, name: kims.name }).from(kims).where(inArray(kims.id, ids));
	return new Map(rows.map((r) => [r.id, r.name]));
}

/** Posts a planner may choose from: the newest, published first. */
export async function listPostChoices(db: Db, limit = 60) {
	return db
		.select({ id: posts.id, title: posts.title, status: posts.status })
		.from(posts)
		.orderBy(sql`case when ${posts.status} = 'published' then 0 else 1 end`, desc(sql`coalesce(${posts.publishedAt}, ${posts.updatedAt})`))
		.limit(limit);
}
