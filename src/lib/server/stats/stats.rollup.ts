/**
 * A campaign's reach is kept on write in reach_totals (migration 0010): a statement trigger on
 * link_clicks adds each inserted batch — clicks per campaign, KIM, kelurahan and WIB day — and
 * counts a visitor only when its key is new in click_visitors for that campaign, day and scope;
 * a row trigger on activity_reports adds, moves or removes each report. The statistics and the
 * dashboard read the totals and never scan clicks or reports.
 *
 * Visitor keys are salted per day, so a visitor is unique within one day only; once a day can get
 * no more clicks its visitor set is no longer needed. This hourly task drops the sets of days
 * before yesterday (yesterday stays: a click buffered at midnight is written a moment later).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { PeriodicTask } from '../mail/outbox-worker';
import { addDays, todayWib } from '../validation';

/** The first day whose visitor set is still kept at `now`: yesterday, in WIB. */
export const firstOpenDay = (now: Date) => addDays(todayWib(now), -1);

/** Drops the visitor sets of days that can no longer get clicks; answers the rows deleted. */
export async function pruneClickVisitors(db: Db, now = new Date()): Promise<number> {
	const result = await db.execute(sql`delete from click_visitors where day < ${firstOpenDay(now)}::date`);
	const r = result as { rowCount?: number | null; affectedRows?: number };
	return Number(r.rowCount ?? r.affectedRows ?? 0);
}

/** The worker's hourly pass. */
export const clickVisitorsTask = (db: Db): PeriodicTask => ({ name: 'click-visitors', everyMs: 60 * 60_000, run: (now) => pruneClickVisitors(db, now) });
