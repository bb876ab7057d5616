import { pgTable, uuid, text, integer, boolean, timestamp } from 'drizzle-orm/pg-core';

/** Uploaded files; bytes live in the storage backend under `storage_key`. */
export const files = pgTable('files', {
	id: uuid('id').primaryKey().defaultRandom(),
	storageKey: text('storage_key').notNull(),
	mime: text('mime').notNull(),
	size: integer('size').notNull(),
	sha256: text('sha256').notNull(),
	originalName: text('original_name'),
	purpose: text('purpose').notNull(),
	/** Public files are served to anyone; others only to who may see their owner record. */
	isPublic: boolean('is_public').notNull().default(false),
	ownerId: text('owner_id'),
	createdBy: uuid('created_by'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
