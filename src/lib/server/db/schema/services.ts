import { sql } from 'drizzle-orm';
import {
	pgTable, pgEnum, uuid, text, integer, bigint, boolean, timestamp, jsonb, doublePrecision, customType, index, uniqueIndex
} from 'drizzle-orm/pg-core';
import { regions } from './regions';
import { units } from './aduan';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const facilityKind = pgEnum('facility_kind', [
	'puskesmas', 'rumah_sakit', 'posyandu', 'kantor_kelurahan', 'kantor_kecamatan', 'kantor_dinas',
	'kantor_polisi', 'pemadam_kebakaran', 'perpustakaan', 'sekolah', 'pasar', 'taman', 'other'
]);

/**
 * A public service in the directory (pelayanan publik): who provides it, what to bring, the
 * steps, the fee (integer rupiah; 0 = free), how long it takes, where and when, and an online link.
 */
export const publicServices = pgTable(
	'public_services',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		unitCode: text('unit_code').notNull().references(() => units.code),
		category: text('category').notNull(),
		description: text('description').notNull().default(''),
		requirements: jsonb('requirements').$type<string[]>().notNull().default([]),
		steps: jsonb('steps').$type<string[]>().notNull().default([]),
		fee: bigint('fee', { mode: 'number' }).notNull().default(0),
		feeNote: text('fee_note'),
		serviceTime: text('service_time').notNull(),
		location: text('location').notNull(),
		hours: text('hours').notNull(),
		contact: text('contact'),
		onlineUrl: text('online_url'),
		/** Kelurahan where it is offered at the kelurahan office; empty = city-wide. */
		kelurahanCodes: text('kelurahan_codes').array().notNull().default([]),
		isPublished: boolean('is_published').notNull().default(true),
		searchVector: tsvector('search_vector').generatedAlwaysAs(
			sql`setweight(to_tsvector('indonesian'::regconfig, coalesce("name", '')), 'A') || setweight(to_tsvector('indonesian'::regconfig, coalesce("category", '')), 'B') || setweight(to_tsvector('indonesian'::regconfig, coalesce("description", '')), 'C')`
		),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('public_services_slug_key').on(t.slug),
		index('public_services_search_idx').using('gin', t.searchVector),
		index('public_services_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`)
	]
);

/** A public facility with its address, point and opening hours. */
export const facilities = pgTable(
	'facilities',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		kind: facilityKind('kind').notNull(),
		address: text('address').notNull(),
		kelurahanCode: text('kelurahan_code').notNull().references(() => regions.code),
		lat: doublePrecision('lat'),
		lng: doublePrecision('lng'),
		openingHours: text('opening_hours'),
		phone: text('phone'),
		description: text('description'),
		isPublished: boolean('is_published').notNull().default(true),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('facilities_slug_key').on(t.slug),
		index('facilities_kelurahan_idx').on(t.kelurahanCode, t.kind),
		index('facilities_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`)
	]
);

/** Emergency numbers, 112 first (position 0). */
export const emergencyNumbers = pgTable('emergency_numbers', {
	id: uuid('id').primaryKey().defaultRandom(),
	label: text('label').notNull(),
	number: text('number').notNull(),
	description: text('description'),
	position: integer('position').notNull().default(0)
});
