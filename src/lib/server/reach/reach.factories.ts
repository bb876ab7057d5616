/** Test factories for reach (used by the reach tests only): a campaign with its main post and assignments. */
import type { Db } from '../db/client';
import { assignments, campaignPosts, campaigns, linkClicks, shareLinks } from '../db/schema';
import { buildPost } from '../posts/posts.factories';
import { newLinkCode, wibDay } from './reach.rules';

type AssignmentStatus = (typeof assignments.$inferInsert)['status'];

/**
 * A campaign (active by default) promoting a new published post, assigned to `kims` (KIM ids, or
 * `[kimId, status]` pairs).
 */
export async function buildCampaign(
	db: Db,
	over: Partial<typeof campaigns.$inferInsert> & { kims?: (string | [string, AssignmentStatus])[]; postTitle?: string } = {}
) {
	const { kims = [], postTitle = 'Imunisasi MR gratis di posyandu', ...rest } = over;
	const post = await buildPost(db, { title: postTitle, summary: 'Bawa buku KIA ke posyandu terdekat.' });
	const [campaign] = await db
		.insert(campaigns)
		.values({
			title: 'Ayo imunisasi MR',
			objective: 'Semua orang tua balita tahu jadwal imunisasi.',
			keyMessages: ['Imunisasi MR gratis.', 'Bawa buku KIA.'],
			whatsappTemplate: 'Bapak/Ibu, {judul}. Info lengkap: {tautan}',
			startsOn: '2026-11-01',
			endsOn: '2026-12-31',
			targetKind: 'kims',
			targetKimIds: kims.map((k) => (Array.isArray(k) ? k[0] : k)),
			targetReach: 1000,
			status: 'active',
			launchedAt: new Date(),
			...rest
		})
		.returning();
	await db.insert(campaignPosts).values({ campaignId: campaign.id, postId: post.id, position: 0 });
	for (const k of kims) {
		const [kimId, status] = Array.isArray(k) ? k : [k, 'new' as const];
		await db.insert(assignments).values({ campaignId: campaign.id, kimId, status, dueOn: '2026-12-31' });
	}
	return { campaign, post };
}

/** A share link written straight into the database. */
export async function buildShareLink(db: Db, owner: { campaignId: string; kimId: string; userId: string }) {
	const [link] = await db.insert(shareLinks).values({ code: newLinkCode(), ...owner }).returning();
	return link;
}

/** A click on `linkId` at `at` (visitor key given, as the hashing is tested elsewhere). */
export async function buildClick(db: Db, linkId: string, at: Date, visitorKey = 'v'.repeat(64)) {
	await db.insert(linkClicks).values({ linkId, clickedAt: at, day: wibDay(at), visitorKey });
}
