/**
 * Click rollups: clicks and unique visitors of completed WIB days, per campaign, KIM and
 * kelurahan (schema click_rollups). A day is rolled up once it is over (plus a grace for clicks
 * still buffered at midnight); the statistics read rolled-up days from click_rollups and the
 * days after from link_clicks, so the figures are exact whether or not a rollup has run.
 *
 * Visitor keys are salted per day, so a visitor is unique within one day only: each day's
 * distinct count is final once the day is over, and summing days is what the reach figures do.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appState } from '../db/schema';
import type { PeriodicTask } from '../mail/outbox-worker';
import { todayWib } from '../validation';

const STATE_KEY = 'click_rollups_through';
/** Clicks are buffered for at most a second or two; a day is closed this long after its midnight. */
export const ROLLUP_GRACE_MS = 10 * 60_000;
const ROLLUP_LOCK = 0x5e_11_0c;

/** The last WIB day that is rolled up (YYYY-MM-DD), or null before the first rollup. */
export async function rolledThrough(db: Db): Promise<string | null> {
	const [row] = await db.select({ value: appState.value }).from(appState).where(eq(appState.key, STATE_KEY));
	return typeof row?.value === 'string' ? row.value : null;
}

/** The last WIB day that is over at `now` (allowing the grace), as YYYY-MM-DD. */
export const lastClosedDay = (now: Date) => {
	const today = todayWib(new Date(now.getTime() - ROLLUP_GRACE_MS));
	const d = new Date(`${today}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - 1);
	return d.toISOString().slice(0, 10);
};

/**
 * Rolls up every closed day after the last rolled-up one, in one transaction; safe to run in
 * several processes at once (an advisory lock makes the others wait and find nothing to do).
 * Answers the number of rollup rows written.
 */
export async function rollUpClicks(db: Db, now = new Date()): Promise<number> {
	const through = lastClosedDay(now);
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK})`);
		const from = await rolledThrough(tx);
		if (from !== null && from >= through) return 0;
		const after = from ?? '0001-01-01';
		const clicks = sql`
			select sl.campaign_id, lc.day, sl.kim_id, coalesce(k.kelurahan_code, '') as kel, lc.visitor_key
			from link_clicks lc
			join share_links sl on sl.id = lc.link_id
			join kims k on k.id = sl.kim_id
			where lc.day > ${after}::date and lc.day <= ${through}::date`;
		const result = await tx.execute(sql`
			with c as materialized (${clicks})
			insert into click_rollups (campaign_id, day, scope, key, clicks, visitors)
			select campaign_id, day, 'campaign'::click_rollup_scope, '', count(*), count(distinct visitor_key) from c group by campaign_id, day
			union all
			select campaign_id, day, 'kim', kim_id::text, count(*), count(distinct visitor_key) from c group by campaign_id, day, kim_id
			union all
			select campaign_id, day, 'kelurahan', kel, count(*), count(distinct visitor_key) from c group by campaign_id, day, kel
			on conflict (campaign_id, scope, key, day) do nothing`);
		await tx
			.insert(appState)
			.values({ key: STATE_KEY, value: through })
			.onConflictDoUpdate({ target: appState.key, set: { value: through, updatedAt: new Date() } });
		return affectedRows(result);
	});
}

function affectedRows(result: unknown): number {
	const r = result as { rowCount?: number | null; affectedRows?: number };
	return Number(r.rowCount ?? r.affectedRows ?? 0);
}

/** The worker's hourly pass (cheap when there is nothing new: one lookup). */
export const clickRollupTask = (db: Db): PeriodicTask => ({ name: 'click-rollups', everyMs: 60 * 60_000, run: (now) => rollUpClicks(db, now) });
