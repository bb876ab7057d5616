/**
 * Test factories for the reach statistics: campaign rows written straight into the database
 * (the campaigns, reach and reports features own the real use cases).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { activityReports, assignments, attributions, campaigns, linkClicks, shareLinks } from '../db/schema';
import { todayWib } from '../validation';

const uid = () => randomBytes(4).toString('hex');

/** A WIB date `n` days from today (negative: before). */
export const daysFromToday = (n: number, now = new Date()) => todayWib(new Date(now.getTime() + n * 86_400_000));

/** An active campaign running from 10 days ago to 10 days ahead, targeting all KIMs, by default. */
export async function buildCampaign(db: Db, over: Partial<typeof campaigns.$inferInsert> = {}) {
	const [row] = await db
		.insert(campaigns)
		.values({
			title: `Kampanye ${uid()}`, objective: 'Warga tahu jadwal imunisasi.', whatsappTemplate: 'Ayo imunisasi! {link}',
			startsOn: daysFromToday(-10), endsOn: daysFromToday(10), targetKind: 'all', targetReach: 1000, status: 'active', launchedAt: new Date(), ...over
		})
		.returning();
	return row;
}

export async function buildAssignment(db: Db, campaignId: string, kimId: string, over: Partial<typeof assignments.$inferInsert> = {}) {
	const [row] = await db.insert(assignments).values({ campaignId, kimId, dueOn: daysFromToday(10), ...over }).returning();
	return row;
}

export async function buildShareLink(db: Db, campaignId: string, kimId: string, userId: string) {
	const [row] = await db.insert(shareLinks).values({ code: uid(), campaignId, kimId, userId }).returning();
	return row;
}

/** Clicks on a link: one per visitor key listed, on `day`. */
export async function buildClicks(db: Db, linkId: string, day: string, visitorKeys: string[]) {
	if (visitorKeys.length === 0) return;
	await db.insert(linkClicks).values(visitorKeys.map((visitorKey) => ({ linkId, day, visitorKey, clickedAt: new Date(`${day}T10:00:00+07:00`) })));
}

export async function buildReport(db: Db, values: Pick<typeof activityReports.$inferInsert, 'kimId' | 'kelurahanCode' | 'audienceCount'> & Partial<typeof activityReports.$inferInsert>) {
	const [row] = await db.insert(activityReports).values({ type: 'meeting', heldOn: daysFromToday(-1), ...values }).returning();
	return row;
}

export async function buildAttribution(db: Db, linkId: string, kind: 'register' | 'subscribe' | 'complaint') {
	await db.insert(attributions).values({ linkId, kind, subjectId: uid() });
}
