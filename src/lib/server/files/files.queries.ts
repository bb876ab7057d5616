import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { files } from '../db/schema';

export type StoredFile = typeof files.$inferSelect;

export async function insertFile(db: Db, values: typeof files.$inferInsert) {
	const [row] = await db.insert(files).values(values).returning();
	return row;
}

export async function findFile(db: Db, id: string) {
	const [row] = await db.select().from(files).where(eq(files.id, id)).limit(1);
	return row;
}

export async function deleteFileRow(db: Db, id: string) {
	const [row] = await db.delete(files).where(eq(files.id, id)).returning();
	return row;
}
