import {
	pgTable, pgEnum, uuid, text, integer, boolean, timestamp, jsonb, primaryKey, index, uniqueIndex
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { regions } from './regions';
import { users } from './users';

export const surveyStatus = pgEnum('survey_status', ['draft', 'open', 'closed']);
export const surveyAudience = pgEnum('survey_audience', ['all', 'kelurahan']);
export const questionType = pgEnum('question_type', ['single_choice', 'multiple_choice', 'scale', 'number', 'text', 'long_text']);

/**
 * A survey or poll built by a petugas: draft → open → closed. `anonymous` surveys take one
 * response per device (a hashed cookie key), the others one per account.
 */
export const surveys = pgTable(
	'surveys',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		title: text('title').notNull(),
		description: text('description'),
		audienceKind: surveyAudience('audience_kind').notNull().default('all'),
		audienceCodes: text('audience_codes').array().notNull().default([]),
		anonymous: boolean('anonymous').notNull().default(false),
		status: surveyStatus('status').notNull().default('draft'),
		/** Results visible to the public once published. */
		resultsPublic: boolean('results_public').notNull().default(false),
		/** The template it was made from ('info_needs' | 'digital_literacy'), if any. */
		template: text('template'),
		closesAt: timestamp('closes_at', { withTimezone: true }),
		openedAt: timestamp('opened_at', { withTimezone: true }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('surveys_status_idx').on(t.status, t.createdAt)]
);

/** A question; `section` groups questions under a heading, `pillar` tags literacy-index items. */
export const surveyQuestions = pgTable(
	'survey_questions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		surveyId: uuid('survey_id').notNull().references(() => surveys.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		section: text('section'),
		type: questionType('type').notNull(),
		text: text('text').notNull(),
		help: text('help'),
		options: jsonb('options').$type<string[]>().notNull().default([]),
		required: boolean('required').notNull().default(true),
		pillar: text('pillar')
	},
	(t) => [index('survey_questions_survey_idx').on(t.surveyId, t.position)]
);

export const surveyResponses = pgTable(
	'survey_responses',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		surveyId: uuid('survey_id').notNull().references(() => surveys.id, { onDelete: 'cascade' }),
		userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
		/** For anonymous surveys: SHA-256 of a random per-device cookie; nothing else about the device. */
		deviceKey: text('device_key'),
		kelurahanCode: text('kelurahan_code').references(() => regions.code),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('survey_responses_user_key').on(t.surveyId, t.userId).where(sql`${t.userId} is not null`),
		uniqueIndex('survey_responses_device_key').on(t.surveyId, t.deviceKey).where(sql`${t.deviceKey} is not null`)
	]
);

/** One answer: `value` is a string, a number or a list of option strings, by question type. */
export const surveyAnswers = pgTable(
	'survey_answers',
	{
		responseId: uuid('response_id').notNull().references(() => surveyResponses.id, { onDelete: 'cascade' }),
		questionId: uuid('question_id').notNull().references(() => surveyQuestions.id, { onDelete: 'cascade' }),
		value: jsonb('value').$type<string | number | string[]>().notNull()
	},
	(t) => [primaryKey({ columns: [t.responseId, t.questionId] }), index('survey_answers_question_idx').on(t.questionId)]
);
