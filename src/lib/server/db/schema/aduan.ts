import { sql } from 'drizzle-orm';
import {
	pgTable, pgEnum, uuid, text, integer, smallint, boolean, date, timestamp, doublePrecision, bigserial, bigint, primaryKey, index, uniqueIndex
} from 'drizzle-orm/pg-core';
import { regions } from './regions';
import { users } from './users';
import { files } from './files';

export const aduanType = pgEnum('aduan_type', ['complaint', 'aspiration', 'information_request']);
export const aduanPrivacy = pgEnum('aduan_privacy', ['public', 'anonymous', 'confidential']);
export const aduanStatus = pgEnum('aduan_status', ['received', 'verified', 'in_progress', 'resolved', 'closed', 'rejected']);
export const aduanSource = pgEnum('aduan_source', ['web', 'api', 'assisted', 'open311']);
export const aduanEventKind = pgEnum('aduan_event_kind', ['status', 'message', 'note', 'reassign', 'plan', 'rating', 'escalation', 'claim']);
export const holidayKind = pgEnum('holiday_kind', ['national', 'cuti_bersama', 'local']);

/**
 * A responsible unit (OPD / perangkat daerah) that handles complaints: Dinas Kesehatan, DPUPR, ...
 * The agency itself (Diskominfo, the SP4N-LAPOR! admin) is a unit too: it verifies and forwards.
 */
export const units = pgTable('units', {
	code: text('code').primaryKey(),
	name: text('name').notNull(),
	shortName: text('short_name').notNull(),
	description: text('description'),
	email: text('email'),
	phone: text('phone'),
	isActive: boolean('is_active').notNull().default(true),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** Unit staff. A supervisor receives the unit's escalations. */
export const unitMembers = pgTable(
	'unit_members',
	{
		unitCode: text('unit_code').notNull().references(() => units.code, { onDelete: 'cascade' }),
		userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		isSupervisor: boolean('is_supervisor').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.unitCode, t.userId] }), index('unit_members_user_idx').on(t.userId)]
);

/** Complaint categories, each routed to a responsible unit. Open311 `service_code` = `code`. */
export const aduanCategories = pgTable('aduan_categories', {
	code: text('code').primaryKey(),
	name: text('name').notNull(),
	description: text('description').notNull().default(''),
	/** Open311 `group`: a heading for the category list (Infrastruktur, Kesehatan, ...). */
	groupName: text('group_name').notNull(),
	keywords: text('keywords').array().notNull().default([]),
	unitCode: text('unit_code').notNull().references(() => units.code),
	isActive: boolean('is_active').notNull().default(true),
	position: integer('position').notNull().default(0)
});

/**
 * Days off for the service-level clock. Seeded from `date-holidays` (Indonesia); an admin corrects
 * and extends them (cuti bersama, local holidays). `is_off = false` marks a seeded day that is
 * worked after all.
 */
export const holidays = pgTable('holidays', {
	day: date('day').primaryKey(),
	name: text('name').notNull(),
	kind: holidayKind('kind').notNull().default('national'),
	isOff: boolean('is_off').notNull().default(true),
	source: text('source').notNull().default('admin'),
	updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** The per-year counter behind tracking ids (`MGL-2026-000123`). */
export const aduanCounters = pgTable('aduan_counters', {
	year: integer('year').primaryKey(),
	last: integer('last').notNull().default(0)
});

/**
 * A complaint (pengaduan), aspiration or information request. The reporter is a user; for an
 * assisted filing the resident without an account is `on_behalf_*` and `assisted_by` is the KIM
 * member, until the resident claims it. Deadlines are computed in working days by aduan.rules.
 */
export const aduan = pgTable(
	'aduan',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		trackingId: text('tracking_id').notNull(),
		type: aduanType('type').notNull(),
		categoryCode: text('category_code').notNull().references(() => aduanCategories.code),
		/** The unit handling it now (the category's unit at first; reassignment changes it). */
		unitCode: text('unit_code').notNull().references(() => units.code),
		title: text('title').notNull(),
		description: text('description').notNull(),
		kelurahanCode: text('kelurahan_code').notNull().references(() => regions.code),
		lat: doublePrecision('lat'),
		lng: doublePrecision('lng'),
		privacy: aduanPrivacy('privacy').notNull(),
		status: aduanStatus('status').notNull().default('received'),
		source: aduanSource('source').notNull().default('web'),
		reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
		assistedBy: uuid('assisted_by').references(() => users.id, { onDelete: 'set null' }),
		onBehalfName: text('on_behalf_name'),
		onBehalfPhone: text('on_behalf_phone'),
		onBehalfEmail: text('on_behalf_email'),
		consentAt: timestamp('consent_at', { withTimezone: true }),
		/** SHA-256 of the code the resident uses to claim an assisted filing. */
		claimCodeHash: text('claim_code_hash'),
		claimedAt: timestamp('claimed_at', { withTimezone: true }),
		idempotencyKey: text('idempotency_key'),
		/** Open311 token (`tokens/{token}`) and the API key the request came with. */
		open311Token: text('open311_token'),
		apiKeyId: uuid('api_key_id'),
		/** Service-level deadlines (working days, WIB). */
		verifyBy: timestamp('verify_by', { withTimezone: true }).notNull(),
		planBy: timestamp('plan_by', { withTimezone: true }),
		autoCloseAt: timestamp('auto_close_at', { withTimezone: true }),
		verifiedAt: timestamp('verified_at', { withTimezone: true }),
		planPostedAt: timestamp('plan_posted_at', { withTimezone: true }),
		resolvedAt: timestamp('resolved_at', { withTimezone: true }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		rejectedAt: timestamp('rejected_at', { withTimezone: true }),
		rejectReason: text('reject_reason'),
		reopenCount: integer('reopen_count').notNull().default(0),
		/** Escalation already sent for the deadline it names ('verify' | 'plan'), so it is sent once. */
		escalatedFor: text('escalated_for'),
		rating: smallint('rating'),
		ratingComment: text('rating_comment'),
		ratedAt: timestamp('rated_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('aduan_tracking_id_key').on(t.trackingId),
		uniqueIndex('aduan_idempotency_key').on(t.reporterId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
		uniqueIndex('aduan_open311_token_key').on(t.open311Token).where(sql`${t.open311Token} is not null`),
		index('aduan_status_idx').on(t.status, t.createdAt),
		index('aduan_unit_idx').on(t.unitCode, t.status),
		index('aduan_reporter_idx').on(t.reporterId),
		index('aduan_assisted_idx').on(t.assistedBy),
		index('aduan_kelurahan_idx').on(t.kelurahanCode, t.createdAt),
		index('aduan_created_idx').on(t.createdAt),
		// Open aduan by deadline (aduan_due_at, an expression index made in migration 0017): the
		// dashboard counts those due today one by one.
		/** Resolutions by time (the dashboard's median over the last 30 days). */
		index('aduan_resolved_idx').on(t.resolvedAt, t.createdAt).where(sql`${t.resolvedAt} is not null`)
	]
);

/**
 * Open aduan counted by status and the WIB day of the deadline they work towards (dashboard
 * dueAtSql; 'infinity' without one), kept on write by a trigger on aduan (migration 0017). The
 * dashboard sums these instead of counting every open aduan, and counts one by one only those
 * due today.
 */
export const aduanOpenDays = pgTable(
	'aduan_open_days',
	{
		status: aduanStatus('status').notNull(),
		dueDay: date('due_day').notNull(),
		n: integer('n').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.status, t.dueDay] })]
);

/**
 * The history and conversation of an aduan: status changes, messages between reporter and unit,
 * internal notes (`is_internal`, never shown to the reporter or the public), reassignments, the
 * follow-up plan, the rating and escalations.
 */
export const aduanEvents = pgTable(
	'aduan_events',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		aduanId: uuid('aduan_id').notNull().references(() => aduan.id, { onDelete: 'cascade' }),
		kind: aduanEventKind('kind').notNull(),
		fromStatus: aduanStatus('from_status'),
		toStatus: aduanStatus('to_status'),
		fromUnit: text('from_unit'),
		toUnit: text('to_unit'),
		body: text('body'),
		isInternal: boolean('is_internal').notNull().default(false),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		/** 'reporter' | 'staff' | 'unit' | 'system': how the author appears in the thread. */
		authorRole: text('author_role').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('aduan_events_aduan_idx').on(t.aduanId, t.id)]
);

/** Photos attached to an aduan (at filing or with a message). Private files: served by policy. */
export const aduanFiles = pgTable(
	'aduan_files',
	{
		aduanId: uuid('aduan_id').notNull().references(() => aduan.id, { onDelete: 'cascade' }),
		fileId: uuid('file_id').notNull().references(() => files.id, { onDelete: 'cascade' }),
		eventId: bigint('event_id', { mode: 'number' }).references(() => aduanEvents.id, { onDelete: 'set null' }),
		position: integer('position').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.aduanId, t.fileId] })]
);

/** Open311 API keys issued by an admin; the key itself is shown once and stored as SHA-256. */
export const apiKeys = pgTable(
	'api_keys',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		name: text('name').notNull(),
		keyHash: text('key_hash').notNull(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('api_keys_hash_key').on(t.keyHash)]
);
