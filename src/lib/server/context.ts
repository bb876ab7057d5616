import type { Db } from './db/client';
import type { Actor } from './auth/actor';

/** What every use case receives: the database, who acts, and request facts. */
export type Ctx = {
	db: Db;
	actor: Actor;
	/** Absolute base URL for links in mail and API answers, e.g. https://simpul.magelangkota.go.id */
	publicUrl: string;
	ip?: string;
	userAgent?: string;
	now?: Date;
};

export const nowOf = (ctx: Ctx) => ctx.now ?? new Date();
