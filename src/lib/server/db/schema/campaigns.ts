import { sql } from 'drizzle-orm';
import {
	pgTable, pgEnum, uuid, text, date, timestamp, integer, jsonb, bigserial, primaryKey, index, uniqueIndex
} from 'drizzle-orm/pg-core';
import { regions } from './regions';
import { users } from './users';
import { files } from './files';
import { kims } from './kims';
import { posts } from './posts';

export const campaignStatus = pgEnum('campaign_status', ['draft', 'active', 'finished']);
export const campaignPriority = pgEnum('campaign_priority', ['high', 'medium', 'low']);
export const campaignTargetKind = pgEnum('campaign_target_kind', ['all', 'kelurahan', 'kims']);
export const assignmentStatus = pgEnum('assignment_status', ['new', 'accepted', 'declined', 'done']);
export const activityType = pgEnum('activity_type', [
	'meeting', 'door_to_door', 'social_media', 'whatsapp_group', 'banner', 'community_radio', 'bulletin', 'other'
]);
export const conversionKind = pgEnum('conversion_kind', ['register', 'subscribe', 'complaint']);

/** A dissemination campaign planned by the agency (petugas): draft → active → finished. */
export const campaigns = pgTable(
	'campaigns',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		title: text('title').notNull(),
		objective: text('objective').notNull(),
		keyMessages: jsonb('key_messages').$type<string[]>().notNull().default([]),
		whatsappTemplate: text('whatsapp_template').notNull(),
		priority: campaignPriority('priority').notNull().default('medium'),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		/** Assignments are due on this date when set (not after ends_on), else on ends_on. */
		dueOn: date('due_on'),
		targetKind: campaignTargetKind('target_kind').notNull(),
		/** Kelurahan codes when target_kind = 'kelurahan'. */
		targetCodes: jsonb('target_codes').$type<string[]>().notNull().default([]),
		/** KIM ids when target_kind = 'kims'. */
		targetKimIds: jsonb('target_kim_ids').$type<string[]>().notNull().default([]),
		/** People the agency wants to reach. */
		targetReach: integer('target_reach').notNull(),
		posterFileId: uuid('poster_file_id').references(() => files.id, { onDelete: 'set null' }),
		leafletFileId: uuid('leaflet_file_id').references(() => files.id, { onDelete: 'set null' }),
		status: campaignStatus('status').notNull().default('draft'),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		launchedAt: timestamp('launched_at', { withTimezone: true }),
		finishedAt: timestamp('finished_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('campaigns_status_idx').on(t.status, t.endsOn)]
);

/** The posts a campaign promotes; position 0 is the main post (the share links point to it). */
export const campaignPosts = pgTable(
	'campaign_posts',
	{
		campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
		postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
		position: integer('position').notNull()
	},
	(t) => [primaryKey({ columns: [t.campaignId, t.postId] })]
);

/** One per verified KIM in a launched campaign's target. */
export const assignments = pgTable(
	'assignments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
		kimId: uuid('kim_id').notNull().references(() => kims.id, { onDelete: 'cascade' }),
		status: assignmentStatus('status').notNull().default('new'),
		dueOn: date('due_on').notNull(),
		declineReason: text('decline_reason'),
		respondedBy: uuid('responded_by').references(() => users.id, { onDelete: 'set null' }),
		respondedAt: timestamp('responded_at', { withTimezone: true }),
		doneAt: timestamp('done_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('assignments_campaign_kim_uq').on(t.campaignId, t.kimId),
		index('assignments_kim_idx').on(t.kimId, t.status),
		index('assignments_due_idx').on(t.status, t.dueOn),
		/** A campaign's assignments counted by status and due date, index only (stats, dashboard). */
		index('assignments_campaign_status_idx').on(t.campaignId, t.status, t.dueOn)
	]
);

/** Members a pengurus handed an assignment to (with an optional instruction). */
export const assignmentMembers = pgTable(
	'assignment_members',
	{
		assignmentId: uuid('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
		userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		note: text('note'),
		assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.assignmentId, t.userId] }), index('assignment_members_user_idx').on(t.userId)]
);

/** A member's personal short link (/s/<code>) for a campaign, on behalf of one KIM. */
export const shareLinks = pgTable(
	'share_links',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		code: text('code').notNull(),
		campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
		kimId: uuid('kim_id').notNull().references(() => kims.id, { onDelete: 'cascade' }),
		userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('share_links_code_uq').on(t.code), uniqueIndex('share_links_owner_uq').on(t.campaignId, t.kimId, t.userId)]
);

/**
 * One row per click on a share link. No raw IP: visitor_key = hash(IP + user agent + the day's
 * salt), so unique visitors can be counted per day and not followed across days.
 */
export const linkClicks = pgTable(
	'link_clicks',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		linkId: uuid('link_id').notNull().references(() => shareLinks.id, { onDelete: 'cascade' }),
		clickedAt: timestamp('clicked_at', { withTimezone: true }).notNull().defaultNow(),
		/** The WIB calendar day of the click (the salt's day). */
		day: date('day').notNull(),
		visitorKey: text('visitor_key').notNull()
	},
	(t) => [index('link_clicks_link_day_idx').on(t.linkId, t.day)]
);

/** A resident who arrived through a share link and then registered, subscribed or complained within 7 days. */
export const attributions = pgTable(
	'attributions',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		linkId: uuid('link_id').notNull().references(() => shareLinks.id, { onDelete: 'cascade' }),
		kind: conversionKind('kind').notNull(),
		/** The user, subscription or complaint id. */
		subjectId: text('subject_id').notNull(),
		occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('attributions_subject_uq').on(t.kind, t.subjectId), index('attributions_link_idx').on(t.linkId)]
);

/** A dissemination activity a KIM member reports (meeting, door to door, WhatsApp group …). */
export const activityReports = pgTable(
	'activity_reports',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		kimId: uuid('kim_id').notNull().references(() => kims.id, { onDelete: 'cascade' }),
		campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
		type: activityType('type').notNull(),
		heldOn: date('held_on').notNull(),
		kelurahanCode: text('kelurahan_code').notNull().references(() => regions.code),
		rw: text('rw'),
		rt: text('rt'),
		audienceCount: integer('audience_count').notNull(),
		womenCount: integer('women_count'),
		youthCount: integer('youth_count'),
		notes: text('notes'),
		/** Residents' questions raised during the activity. */
		questions: text('questions'),
		feedback: text('feedback'),
		reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
		/** The client's Idempotency-Key; a repeat by the same reporter returns the first report. */
		idempotencyKey: text('idempotency_key'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('activity_reports_idem_uq').on(t.reporterId, t.idempotencyKey),
		// Campaign feedback lists walk this newest first, in its exact order (stats listFeedback): only the rows shown are read.
		index('activity_reports_campaign_idx').on(t.campaignId, t.heldOn, t.createdAt, t.id),
		index('activity_reports_kim_idx').on(t.kimId, t.heldOn)
	]
);

/**
 * Every activity report (with a campaign or not) per day it was held: the count and the audience,
 * kept on write by a trigger on activity_reports (migration 0015). The agency dashboard sums the
 * days of its 30-day windows instead of counting the reports.
 */
export const reportDays = pgTable('report_days', {
	day: date('day').primaryKey(),
	reports: integer('reports').notNull().default(0),
	audience: integer('audience').notNull().default(0)
});

/** Evidence photos of a report (EXIF stripped, resized). */
export const activityReportPhotos = pgTable(
	'activity_report_photos',
	{
		reportId: uuid('report_id').notNull().references(() => activityReports.id, { onDelete: 'cascade' }),
		fileId: uuid('file_id').notNull().references(() => files.id, { onDelete: 'cascade' }),
		position: integer('position').notNull()
	},
	(t) => [primaryKey({ columns: [t.reportId, t.fileId] })]
);

/** In-app notifications (the bell). dedupe_key makes re-running a sweep or a retry harmless. */
export const notifications = pgTable(
	'notifications',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull().default(''),
		/** Path inside the site the notification opens. */
		url: text('url'),
		dedupeKey: text('dedupe_key').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		readAt: timestamp('read_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey), index('notifications_user_idx').on(t.userId, t.createdAt)]
);

/**
 * The rows of reach_totals: the whole campaign (key ''), each KIM (key = KIM id), each kelurahan
 * (key = code) and each WIB day (key = YYYY-MM-DD).
 */
export const reachScope = pgEnum('reach_scope', ['campaign', 'kim', 'kelurahan', 'day']);

/**
 * A campaign's reach, summed: what its statistics and the agency dashboard read instead of
 * scanning clicks and reports. Kept on write by triggers (migration 0010): a statement trigger on
 * link_clicks adds each batch of clicks, and unique visitors through click_visitors; a row
 * trigger on activity_reports adds, moves or removes each report. Clicks and visitors are keyed
 * by the kelurahan of the link's KIM ('' for a kecamatan-level KIM); reports by the kelurahan and
 * the day the activity was held. Visitors are unique per day, summed over days.
 */
export const reachTotals = pgTable(
	'reach_totals',
	{
		campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
		scope: reachScope('scope').notNull(),
		key: text('key').notNull().default(''),
		clicks: integer('clicks').notNull().default(0),
		visitors: integer('visitors').notNull().default(0),
		reports: integer('reports').notNull().default(0),
		audience: integer('audience').notNull().default(0),
		/** Reports with an audience above zero (a kelurahan is "reached" by one). */
		reachingReports: integer('reaching_reports').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.campaignId, t.scope, t.key] }),
		/**
		 * Every campaign's day rows (the agency dashboard's last 7 days of clicks). No figure is
		 * indexed, so a row's update by a click batch can stay on its page (a HOT update, with the
		 * table's fillfactor, migration 0016) without touching an index.
		 */
		index('reach_totals_day_idx').on(t.key).where(sql`${t.scope} = 'day'`)
	]
);

/**
 * The visitors already counted in reach_totals for a campaign, day and scope ('campaign', 'kim'
 * or 'kelurahan' with its key): a click adds a visitor only when its key is new here. Visitor
 * keys are salted per day, so only the days that can still get clicks (today, and yesterday for
 * clicks buffered at midnight) are kept; stats.rollup prunes the rest.
 */
export const clickVisitors = pgTable(
	'click_visitors',
	{
		campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
		day: date('day').notNull(),
		scope: reachScope('scope').notNull(),
		key: text('key').notNull(),
		visitorKey: text('visitor_key').notNull()
	},
	(t) => [primaryKey({ columns: [t.campaignId, t.day, t.scope, t.key, t.visitorKey] }), index('click_visitors_day_idx').on(t.day)]
);
