import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { activityReportPhotos, activityReports, assignments, campaigns, kimMembers, kims, regions, users } from '../db/schema';
import { BOARD_POSITIONS } from '../../shared/roles';

export type Report = typeof activityReports.$inferSelect;
export type NewReport = typeof activityReports.$inferInsert;

/** The report with this id, or undefined. */
export async function findReportById(db: Db, id: string) {
	const [row] = await db.select().from(activityReports).where(eq(activityReports.id, id)).limit(1);
	return row;
}

/** The report a reporter sent earlier with this Idempotency-Key, or undefined. */
export async function findReportByKey(db: Db, reporterId: string, key: string) {
	const [row] = await db
		.select()
		.from(activityReports)
		.where(and(eq(activityReports.reporterId, reporterId), eq(activityReports.idempotencyKey, key)))
		.limit(1);
	return row;
}

/** Locks a report row for the rest of the transaction (photo uploads count against it). */
export async function lockReport(tx: Db, id: string) {
	const [row] = await tx.select().from(activityReports).where(eq(activityReports.id, id)).for('update').limit(1);
	return row;
}

/**
 * Inserts a report; with an idempotency key a concurrent or earlier insert of the same
 * (reporter, key) wins and this returns undefined (the unique index decides, not a prior read).
 */
export async function insertReport(db: Db, values: NewReport): Promise<Report | undefined> {
	const [row] = await db
		.insert(activityReports)
		.values(values)
		.onConflictDoNothing({ target: [activityReports.reporterId, activityReports.idempotencyKey] })
		.returning();
	return row;
}

/** The campaign and whether it has an assignment for the KIM (for linking a report). */
export async function findCampaignForKim(db: Db, campaignId: string, kimId: string) {
	const [campaign] = await db
		.select({ id: campaigns.id, title: campaigns.title, status: campaigns.status, createdBy: campaigns.createdBy })
		.from(campaigns)
		.where(eq(campaigns.id, campaignId))
		.limit(1);
	if (!campaign) return { campaign: undefined, hasAssignment: false };
	const [a] = await db
		.select({ id: assignments.id })
		.from(assignments)
		.where(and(eq(assignments.campaignId, campaignId), eq(assignments.kimId, kimId)))
		.limit(1);
	return { campaign, hasAssignment: !!a };
}

/** The user ids of a KIM's pengurus (board positions). */
export async function listBoardUserIds(db: Db, kimId: string): Promise<string[]> {
	const rows = await db
		.select({ userId: kimMembers.userId })
		.from(kimMembers)
		.where(and(eq(kimMembers.kimId, kimId), inArray(kimMembers.position, [...BOARD_POSITIONS])));
	return rows.map((r) => r.userId);
}

export async function insertReportPhotos(db: Db, rows: { reportId: string; fileId: string; position: number }[]) {
	if (rows.length) await db.insert(activityReportPhotos).values(rows);
}

export async function countReportPhotos(db: Db, reportId: string) {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(activityReportPhotos).where(eq(activityReportPhotos.reportId, reportId));
	return row.n;
}

/** Photo file ids per report, in upload order. */
export async function listReportPhotos(db: Db, reportIds: string[]) {
	const out = new Map<string, string[]>();
	if (!reportIds.length) return out;
	const rows = await db
		.select({ reportId: activityReportPhotos.reportId, fileId: activityReportPhotos.fileId })
		.from(activityReportPhotos)
		.where(inArray(activityReportPhotos.reportId, reportIds))
		.orderBy(asc(activityReportPhotos.position));
	for (const r of rows) out.set(r.reportId, [...(out.get(r.reportId) ?? []), r.fileId]);
	return out;
}

/** The report a photo file belongs to, or undefined. */
export async function findReportOfPhoto(db: Db, fileId: string) {
	const [row] = await db
		.select({ report: activityReports })
		.from(activityReportPhotos)
		.innerJoin(activityReports, eq(activityReports.id, activityReportPhotos.reportId))
		.where(eq(activityReportPhotos.fileId, fileId))
		.limit(1);
	return row?.report;
}

/** `all`, or the KIM ids whose reports may be read: an empty list reads nothing. */
export type ReportScope = 'all' | string[];
const inScope = (scope: ReportScope): SQL | undefined =>
	scope === 'all' ? undefined : scope.length ? inArray(activityReports.kimId, scope) : sql`false`;

export type ReportFilter = { kimId?: string; campaignId?: string; id?: string; limit?: number; offset?: number };

/** Reports in `scope` with their KIM, campaign, kelurahan and reporter names, newest activity first. */
export async function listReportRows(db: Db, scope: ReportScope, filter: ReportFilter = {}) {
	const conds = [
		inScope(scope),
		filter.kimId ? eq(activityReports.kimId, filter.kimId) : undefined,
		filter.campaignId ? eq(activityReports.campaignId, filter.campaignId) : undefined,
		filter.id ? eq(activityReports.id, filter.id) : undefined
	];
	return db
		.select({
			report: activityReports,
			kimName: kims.name,
			kimSlug: kims.slug,
			campaignTitle: campaigns.title,
			kelurahanName: regions.name,
			reporterName: users.name
		})
		.from(activityReports)
		.innerJoin(kims, eq(kims.id, activityReports.kimId))
		.leftJoin(campaigns, eq(campaigns.id, activityReports.campaignId))
		.leftJoin(regions, eq(regions.code, activityReports.kelurahanCode))
		.leftJoin(users, eq(users.id, activityReports.reporterId))
		.where(and(...conds))
		.orderBy(desc(activityReports.heldOn), desc(activityReports.createdAt), desc(activityReports.id))
		.limit(filter.limit ?? 50)
		.offset(filter.offset ?? 0);
}
export type ReportRow = Awaited<ReturnType<typeof listReportRows>>[number];

/** The KIMs and campaigns that occur in the reports of `scope` (filter choices). */
export async function reportFacets(db: Db, scope: ReportScope) {
	const [kimRows, campaignRows] = await Promise.all([
		db
			.selectDistinct({ id: kims.id, name: kims.name })
			.from(activityReports)
			.innerJoin(kims, eq(kims.id, activityReports.kimId))
			.where(inScope(scope))
			.orderBy(kims.name),
		db
			.selectDistinct({ id: campaigns.id, title: campaigns.title })
			.from(activityReports)
			.innerJoin(campaigns, eq(campaigns.id, activityReports.campaignId))
			.where(inScope(scope))
			.orderBy(campaigns.title)
	]);
	return { kims: kimRows, campaigns: campaignRows };
}

/** The verified KIMs among `kimIds`, with their kelurahan (for the report form). */
export async function listReportingKims(db: Db, kimIds: string[]) {
	if (!kimIds.length) return [];
	return db
		.select({ id: kims.id, name: kims.name, slug: kims.slug, kelurahanCode: kims.kelurahanCode })
		.from(kims)
		.where(and(inArray(kims.id, kimIds), eq(kims.status, 'verified')))
		.orderBy(kims.name);
}

/** Active campaigns with a (not declined) assignment for each of `kimIds` (the form's campaign choices). */
export async function listAssignedCampaigns(db: Db, kimIds: string[]) {
	if (!kimIds.length) return [];
	return db
		.select({ kimId: assignments.kimId, campaignId: campaigns.id, title: campaigns.title })
		.from(assignments)
		.innerJoin(campaigns, eq(campaigns.id, assignments.campaignId))
		.where(and(inArray(assignments.kimId, kimIds), eq(campaigns.status, 'active'), ne(assignments.status, 'declined')))
		.orderBy(asc(assignments.dueOn), asc(campaigns.title));
}
