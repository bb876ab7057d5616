/** Test factories for posts (used by the posts tests only; see tests/factories.ts for users and KIMs). */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { posts, rumours } from '../db/schema';

const uid = () => randomBytes(4).toString('hex');

/** A post written straight into the database (published and public by default). */
export async function buildPost(db: Db, over: Partial<typeof posts.$inferInsert> = {}) {
	const status = over.status ?? 'published';
	const [row] = await db
		.insert(posts)
		.values({
			slug: `tulisan-${uid()}`,
			kind: 'news',
			title: `Tulisan ${uid()}`,
			summary: 'Ringkasan',
			body: 'Isi tulisan.',
			publishedAt: status === 'published' ? new Date(Date.now() - 3600_000) : null,
			...over,
			status
		})
		.returning();
	return row;
}

/** An open rumour of `kimId`. */
export async function buildRumour(db: Db, kimId: string, over: Partial<typeof rumours.$inferInsert> = {}) {
	const [row] = await db.insert(rumours).values({ text: `Kabar ${uid()}`, kimId, ...over }).returning();
	return row;
}
