import { sql } from 'drizzle-orm';
import {
	pgTable, pgEnum, uuid, text, boolean, timestamp, bigserial, index, uniqueIndex
} from 'drizzle-orm/pg-core';
import { regions } from './regions';

export const systemRole = pgEnum('system_role', ['warga', 'petugas', 'admin']);

export const users = pgTable(
	'users',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		/** null until the person sets a password (accounts created by a pengurus or petugas). */
		passwordHash: text('password_hash'),
		role: systemRole('role').notNull().default('warga'),
		kelurahanCode: text('kelurahan_code').references(() => regions.code),
		phone: text('phone'),
		isActive: boolean('is_active').notNull().default(true),
		isDemo: boolean('is_demo').notNull().default(false),
		lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)]
);

/** Session ids are SHA-256 hashes of the bearer token; the token itself is never stored. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		userAgent: text('user_agent'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** One-time links to set or reset a password; stored as SHA-256 of the token. */
export const passwordTokens = pgTable('password_tokens', {
	id: text('id').primaryKey(),
	userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
	purpose: text('purpose').notNull(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	usedAt: timestamp('used_at', { withTimezone: true }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** Failed and successful logins, for the per-account and per-IP rate limit. */
export const loginAttempts = pgTable(
	'login_attempts',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		email: text('email').notNull(),
		ip: text('ip').notNull(),
		succeeded: boolean('succeeded').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('login_attempts_email_idx').on(t.email, t.createdAt),
		index('login_attempts_ip_idx').on(t.ip, t.createdAt)
	]
);
