/**
 * The manifest the bench reads after `generate`: what was written (counts) and samples to aim
 * at (post paths, share-link codes, the largest campaigns, search queries, accounts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rowsOf } from '../db/sql';
import { GENERATED_DOMAIN, GENERATED_PASSWORD, plannedCounts, type Plan, type ScaleName } from './generate.plan';
import { rand } from './generate.sql';
import { SEARCH_QUERIES } from './generate.text';

type Account = { email: string; password: string };
export type Manifest = {
	scale: ScaleName;
	seed: number;
	engine: 'pglite' | 'postgres';
	generatedAt: string;
	seconds: number;
	counts: { kims: number; members: number; posts: number; reports: number; clicks: number; aduan: number; campaigns: number };
	/** Rows added per table (after minus before). */
	tables: Record<string, number>;
	samples: {
		postPaths: string[];
		linkCodes: string[];
		campaignIds: string[];
		searchQueries: string[];
		member: Account & { kimId: string; campaignId: string };
		members: Account[];
		petugas: Account;
		warga: Account;
		admin: Account;
	};
};

/** Reads the counts and samples of what `generate` wrote (after its transaction committed). */
export async function readManifest(
	database: Database,
	ctx: { scale: ScaleName; seed: number; plan: Plan; before: Record<string, number>; counted: readonly string[]; seconds: number; now: Date }
): Promise<Manifest> {
	const { db } = database;
	const q = async <T>(text: string) => rowsOf<T>(await db.execute(sql.raw(text)));
	const R = rand(ctx.seed);
	const tables: Record<string, number> = {};
	for (const t of ctx.counted) tables[t] = Number((await q<{ n: number }>(`select count(*)::int as n from ${t}`))[0].n) - ctx.before[t];
	const campaigns = `array(select ${R.uid('campaign', 'c')} from generate_series(0, ${ctx.plan.campaigns - 1}) c)`;
	const ranked = await q<{ id: string }>(`select sl.campaign_id::text as id from share_links sl join link_clicks lc on lc.link_id = sl.id
		where sl.campaign_id = any(${campaigns}) group by 1 order by count(*) desc, 1 limit 5`);
	const campaignIds = ranked.map((r) => r.id);
	const postPaths = (await q<{ slug: string }>(`select slug from posts where slug ~ '-g[0-9]+$' and status = 'published' and kind <> 'announcement'
		and published_at <= ${`'${ctx.now.toISOString()}'::timestamptz`} order by id limit 10`)).map((r) => `/berita/${r.slug}`);
	const codes = (where: string, n: number) => q<{ code: string }>(`select code from share_links where ${where} order by id limit ${n}`);
	const top = campaignIds[0] ?? '00000000-0000-4000-8000-000000000000';
	const linkCodes = [...(await codes(`campaign_id = '${top}'`, 25)), ...(await codes(`campaign_id = any(${campaigns}) and campaign_id <> '${top}'`, 25))].map((r) => r.code);
	const anggota = await q<{ email: string; kim_id: string }>(`select u.email, km.kim_id::text from share_links sl
		join kim_members km on km.user_id = sl.user_id and km.kim_id = sl.kim_id and km.position = 'anggota'
		join users u on u.id = sl.user_id where sl.campaign_id = '${top}' order by u.email limit 20`);
	const account = (email: string): Account => ({ email, password: GENERATED_PASSWORD });
	return {
		scale: ctx.scale,
		seed: ctx.seed,
		engine: database.engine,
		generatedAt: ctx.now.toISOString(),
		seconds: ctx.seconds,
		counts: {
			...plannedCounts(ctx.plan),
			kims: tables.kims, members: tables.kim_members, posts: tables.posts, reports: tables.activity_reports,
			clicks: tables.link_clicks, aduan: tables.aduan, campaigns: tables.campaigns
		},
		tables,
		samples: {
			postPaths,
			linkCodes,
			campaignIds,
			searchQueries: SEARCH_QUERIES,
			member: { ...account(anggota[0]?.email ?? ''), kimId: anggota[0]?.kim_id ?? '', campaignId: top },
			members: anggota.map((a) => account(a.email)),
			petugas: account(`petugas0@${GENERATED_DOMAIN}`),
			warga: account(`warga0@${GENERATED_DOMAIN}`),
			admin: account(`admin@${GENERATED_DOMAIN}`)
		}
	};
}

export function writeManifest(file: string, manifest: Manifest) {
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, JSON.stringify(manifest, null, '\t') + '\n');
}
