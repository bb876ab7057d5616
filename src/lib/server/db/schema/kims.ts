import {
	pgTable, pgEnum, uuid, text, date, timestamp, boolean, jsonb, primaryKey, index, uniqueIndex
} from 'drizzle-orm/pg-core';
import { regions } from './regions';
import { users } from './users';
import { files } from './files';

export const kimStatus = pgEnum('kim_status', ['registered', 'verified', 'returned', 'inactive']);
export const kimPosition = pgEnum('kim_position', [
	'ketua', 'sekretaris', 'bendahara', 'seksi', 'anggota'
]);

export type KimSocial = Partial<Record<'website' | 'instagram' | 'facebook' | 'youtube' | 'tiktok', string>>;

export const kims = pgTable(
	'kims',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		/** null for a kecamatan-level KIM. */
		kelurahanCode: text('kelurahan_code').references(() => regions.code),
		kecamatanCode: text('kecamatan_code').notNull().references(() => regions.code),
		description: text('description'),
		foundedOn: date('founded_on'),
		skNumber: text('sk_number').notNull(),
		skDate: date('sk_date').notNull(),
		skFileId: uuid('sk_file_id').references(() => files.id, { onDelete: 'set null' }),
		termStartsOn: date('term_starts_on'),
		termEndsOn: date('term_ends_on'),
		focus: text('focus').array().notNull().default([]),
		contactPhone: text('contact_phone'),
		contactEmail: text('contact_email'),
		address: text('address'),
		social: jsonb('social').$type<KimSocial>().notNull().default({}),
		logoFileId: uuid('logo_file_id').references(() => files.id, { onDelete: 'set null' }),
		status: kimStatus('status').notNull().default('registered'),
		statusReason: text('status_reason'),
		verifiedAt: timestamp('verified_at', { withTimezone: true }),
		verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		isDemo: boolean('is_demo').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('kims_slug_key').on(t.slug),
		index('kims_kelurahan_idx').on(t.kelurahanCode),
		index('kims_kecamatan_idx').on(t.kecamatanCode),
		index('kims_status_idx').on(t.status)
	]
);

export const kimMembers = pgTable(
	'kim_members',
	{
		kimId: uuid('kim_id').notNull().references(() => kims.id, { onDelete: 'cascade' }),
		userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		position: kimPosition('position').notNull(),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.kimId, t.userId] }), index('kim_members_user_idx').on(t.userId)]
);
