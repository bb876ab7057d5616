/**
 * The deterministic data generator behind `npm run simpul -- generate --scale city|national`:
 * fills the database with a city's or a nation's worth of KIMs, members, posts, campaigns, share
 * links, clicks, activity reports and aduan, set-based in SQL (INSERT … SELECT over
 * generate_series, pseudo-random values from hashes of the seed and the row number), in one
 * transaction: it either writes everything or nothing. Refuses a database that already has
 * generated data (accounts @bench.simpul.test). Then rolls up the clicks and
 * analyses the tables, and answers the manifest the bench reads.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { hashPassword } from '../auth/password';
import { seedAduanReference } from '../aduan/aduan.seed';
import { findHomeRegion } from '../aduan/aduan.queries';
import { trackingPrefix } from '../aduan/aduan.filing.rules';
import { firstOpenDay } from '../stats/stats.rollup';
import { addDays, todayWib } from '../validation';
import { GENERATED_DOMAIN, GENERATED_PASSWORD, PLANS, type Plan, type ScaleName } from './generate.plan';
import { makeGen, withIndexesDeferred, type Gen } from './generate.run';
import { insertKims, insertMembers, insertUsers, loadAllRegions, planPlaces } from './generate.people';
import { insertAssignments, insertCampaigns, insertClicks, insertLinks, planCampaigns, rollUpGeneratedClicks } from './generate.campaigns';
import { insertPosts, insertReports } from './generate.content';
import { insertAduan } from './generate.aduan';
import { readManifest, type Manifest } from './generate.manifest';

export type GenerateOptions = {
	scale: ScaleName;
	seed?: number;
	/** The clock: timestamps spread over the year before it (tests pass a fixed one). */
	now?: Date;
	/** Overrides of the scale's plan (tests). */
	plan?: Partial<Plan>;
	log?: (line: string) => void;
};

/** Tables whose rows are counted before and after, for the manifest. */
const COUNTED = ['regions', 'users', 'kims', 'kim_members', 'posts', 'campaigns', 'assignments', 'share_links', 'link_clicks', 'activity_reports', 'aduan', 'aduan_events', 'reach_totals', 'click_visitors'] as const;

export class GeneratedDataExists extends Error {}

const pad = (s: string, n: number) => s.padEnd(n);
const fmt = (n: number) => n.toLocaleString('en-US');

export async function generate(database: Database, opts: GenerateOptions): Promise<Manifest> {
	const plan: Plan = { ...PLANS[opts.scale], ...opts.plan };
	const seed = opts.seed ?? 1;
	const now = opts.now ?? new Date();
	const log = opts.log ?? console.info;
	const { db } = database;
	const started = Date.now();
	const passwordHash = await hashPassword(GENERATED_PASSWORD);
	const before: Record<string, number> = {};

	await db.transaction(async (tx) => {
		const existing = await tx.execute(sql`select 1 from users where email like ${'%@' + GENERATED_DOMAIN} limit 1`);
		if (((existing as { rows?: unknown[] }).rows ?? (existing as unknown[])).length) {
			throw new GeneratedDataExists(`This database already has generated data (accounts @${GENERATED_DOMAIN}). Generate into a fresh database (a new SIMPUL_DATA_DIR or DATABASE_URL).`);
		}
		await tx.execute(sql.raw(`set local work_mem = '${database.engine === 'postgres' ? '256MB' : '32MB'}'`));
		await tx.execute(sql.raw(`set local maintenance_work_mem = '${database.engine === 'postgres' ? '1GB' : '128MB'}'`));
		if (database.engine === 'postgres') await tx.execute(sql.raw('set local synchronous_commit = off'));
		await seedAduanReference(tx, now);
		const homeRegion = await findHomeRegion(tx);
		const g = makeGen(tx, plan, { seed, now, homeRegion, passwordHash });
		for (const t of COUNTED) before[t] = await g.count(`select count(*)::int as n from ${t}`);
		await runSteps(g, log, trackingPrefix(homeRegion));
	});
	const t = Date.now();
	// A campaign's reach rows are written together when it is launched (its assignments make its KIM
	// rows) and stay on their pages as clicks update them; the bulk load's upserts scattered them.
	await db.execute(sql.raw('cluster reach_totals using reach_totals_campaign_id_scope_key_pk'));
	// What autovacuum does to a live database (hint bits, the visibility map for index-only scans,
	// statistics), done now so the bench measures a database in its steady state.
	if (database.engine === 'postgres') await db.execute(sql.raw(`vacuum analyze ${COUNTED.join(', ')}`));
	else await db.execute(sql.raw('vacuum analyze'));
	log(`[generate] ${pad('vacuum analyze', 16)} ${pad('', 14)} ${((Date.now() - t) / 1000).toFixed(1)} s`);
	const manifest = await readManifest(database, { scale: opts.scale, seed, plan, before, counted: COUNTED, seconds: (Date.now() - started) / 1000, now });
	log(`[generate] done in ${manifest.seconds.toFixed(1)} s`);
	return manifest;
}

/**
 * The generated clicks rolled up two weeks at a time: each pass sorts a fortnight of clicks in
 * memory instead of a year's on disk, several times faster.
 */
async function rollUpInSteps(g: Gen) {
	const today = todayWib(g.now);
	let n = 0;
	const start = addDays(today, -366);
	for (let from = start; from <= today; from = addDays(from, 14)) {
		const to = addDays(from, 13) < today ? addDays(from, 13) : today;
		n += await rollUpGeneratedClicks(g, from === start ? '0001-01-01' : from, to, firstOpenDay(g.now));
	}
	return n;
}

/** Runs `fn` with the link_clicks rollup trigger off (the generator rolls its clicks up itself, set-based). */
async function withoutClickTrigger<T>(g: Gen, fn: () => Promise<T>): Promise<T> {
	await g.exec('alter table link_clicks disable trigger link_clicks_reach');
	const out = await fn();
	await g.exec('alter table link_clicks enable trigger link_clicks_reach');
	return out;
}

async function runSteps(g: Gen, log: (line: string) => void, prefix: string) {
	const step = async (name: string, fn: () => Promise<number | string>) => {
		const t = Date.now();
		const n = await fn();
		log(`[generate] ${pad(name, 16)} ${pad(typeof n === 'number' ? `${fmt(n)} rows` : n, 14)} ${((Date.now() - t) / 1000).toFixed(1)} s`);
	};
	const chunked = (name: string) => (done: number) => log(`[generate]   ${name}: ${fmt(done)}`);
	if (g.plan.regions === 'national') await step('regions', () => loadAllRegions(g));
	await step('places', async () => (await planPlaces(g), `${fmt(g.villages)} villages`));
	await step('users', () => insertUsers(g));
	await step('kims', () => insertKims(g));
	await step('kim_members', () => insertMembers(g));
	await step('campaigns', async () => (await planCampaigns(g), insertCampaigns(g)));
	await step('assignments', () => insertAssignments(g));
	await step('share_links', () => insertLinks(g));
	await step('posts', () => withIndexesDeferred(g, 'posts', () => insertPosts(g, chunked('posts'))));
	await step('clicks', () => withoutClickTrigger(g, () => withIndexesDeferred(g, 'link_clicks', () => insertClicks(g, chunked('clicks')))));
	await step('click totals', () => rollUpInSteps(g));
	await step('reports', () => withIndexesDeferred(g, 'activity_reports', () => insertReports(g, chunked('reports'))));
	await step('aduan', async () => {
		const r = await withIndexesDeferred(g, 'aduan', () => withIndexesDeferred(g, 'aduan_events', () => insertAduan(g, prefix)));
		return `${fmt(r.aduan)} + ${fmt(r.events)} ev`;
	});
}
