/**
 * Generator steps for campaigns: campaigns (the first two very large: every verified KIM), their
 * main posts, assignments, share links for members of KIMs that accepted, and clicks on them.
 */
import { sql } from 'drizzle-orm';
import { endOfWibDaySql, linkCodeSql, lit, wibDaySql } from './generate.sql';
import { SENTENCES, TAGS, TOPICS } from './generate.text';
import type { Gen } from './generate.run';

/** gen_c: the campaigns' schedule; campaign 0 and 1 are the large ones, every tenth a draft. */
export async function planCampaigns(g: Gen) {
	const { plan, R } = g;
	const today = g.todaySql;
	await g.exec(`create temp table gen_c on commit drop as
		select *, case when draft then 'draft' when ends_on < ${today} then 'finished' else 'active' end as status,
			(starts_on::timestamp + interval '1 hour') at time zone 'UTC' as launched_at,
			case when not draft and ends_on < ${today} then ${endOfWibDaySql('ends_on')} end as finished_at
		from (
			select c as n, ${R.uid('campaign', 'c')} as id, c < 2 as large, (c >= 2 and c % 10 = 9) as draft,
				s as starts_on,
				case when c = 0 then ${today} + 30 when c = 1 then ${today} + 10 else s + 14 + ${R.int('c', 2, 47)} end as ends_on
			from generate_series(0, ${plan.campaigns - 1}) c
			cross join lateral (select case when c = 0 then ${today} - 120 when c = 1 then ${today} - 200 else ${today} - 10 - ${R.int('c', 1, 330)} end as s) s
		) x`);
	await g.exec('alter table gen_c add column window_end timestamptz');
	await g.exec(`update gen_c set window_end = coalesce(finished_at, ${g.nowSql})`);
	// The KIMs each launched campaign targets: every verified KIM for a large one, a few otherwise.
	const share = Math.min(1, Math.max(6, Math.round(g.verifiedKims * 0.03)) / Math.max(1, g.verifiedKims));
	await g.exec(`create temp table gen_t on commit drop as
		select c.n as c, vk.k from gen_c c cross join gen_vk vk
		where not c.draft and (c.large or ${R.r('c.n::int8 * 100000 + vk.k', 3)} < ${share})`);
}

/** The campaigns' main posts (agency programs published two days before launch), then the campaigns. */
export async function insertCampaigns(g: Gen): Promise<number> {
	const { R } = g;
	const topic = R.pick('n', 4, TOPICS);
	const published = `(launched_at - interval '2 days')`;
	await g.exec(`insert into posts (id, slug, kind, status, title, summary, body, details, tags, author_id, submitted_at, reviewed_by, published_by, published_at, created_at, updated_at)
		select ${R.uid('post', 'n')}, 'kampanye-' || n || '-g' || n, 'program', 'published', ${topic} || ' (kampanye ' || n || ')',
			${R.pick('n', 5, SENTENCES)}, ${R.pick('n', 6, SENTENCES)} || E'\\n\\n' || ${R.pick('n', 7, SENTENCES)},
			jsonb_build_object('eligibility', 'Seluruh warga', 'how_to_join', 'Datang ke kantor kelurahan.', 'deadline', ends_on::text, 'contact', 'Diskominfo'),
			ARRAY[${R.pick('n', 8, TAGS)}], ${R.uid('petugas', '0')}, ${published}, ${R.uid('petugas', '0')}, ${R.uid('petugas', '0')}, ${published}, ${published}, ${published}
		from gen_c`);
	const n = await g.run(sql.raw(`insert into campaigns (id, title, objective, key_messages, whatsapp_template, priority, starts_on, ends_on, due_on,
			target_kind, target_kim_ids, target_reach, status, created_by, launched_at, finished_at, created_at, updated_at)
		select id, 'Kampanye ' || ${topic} || ' #' || n, 'Warga di setiap kelurahan tahu tentang ' || lower(${topic}) || '.',
			jsonb_build_array(${R.pick('n', 9, SENTENCES)}, ${R.pick('n', 10, SENTENCES)}),
			'Assalamualaikum Bapak/Ibu. {judul}. Info lengkap: {tautan}', (case when large then 'high' else 'medium' end)::campaign_priority,
			starts_on, ends_on, ends_on - 3,
			(case when large or draft then 'all' else 'kims' end)::campaign_target_kind,
			case when large or draft then '[]'::jsonb else coalesce((select jsonb_agg(k.id order by k.n) from gen_t t join gen_k k on k.n = t.k where t.c = gen_c.n), '[]'::jsonb) end,
			case when large then 1000 * ${g.plan.kims} else 5000 end, status::campaign_status, ${R.uid('petugas', '0')},
			case when not draft then launched_at end, finished_at, launched_at - interval '1 day', coalesce(finished_at, launched_at)
		from gen_c`));
	await g.exec(`insert into campaign_posts (campaign_id, post_id, position) select id, ${R.uid('post', 'n')}, 0 from gen_c`);
	return n;
}

/** Assignments of the targeted KIMs (most accepted or done), and gen_a: those reports may cite. */
export async function insertAssignments(g: Gen): Promise<number> {
	const { plan, R } = g;
	const key = 't.c::int8 * 1000000 + t.k';
	await g.exec(`create temp table gen_as on commit drop as
		select t.c, t.k, ${R.uid('assignment', key)} as id,
			case when r < 0.45 then 'accepted' when r < 0.75 then 'done' when r < 0.9 then 'new' else 'declined' end as status,
			least(c.launched_at + ${R.r(key, 5)} * interval '2 days', ${g.nowSql} - interval '1 minute') as responded_at,
			c.launched_at, c.window_end, c.ends_on
		from gen_t t join gen_c c on c.n = t.c cross join lateral (select ${R.r(key, 4)} as r) x`);
	const n = await g.run(sql.raw(`insert into assignments (id, campaign_id, kim_id, status, due_on, decline_reason, responded_by, responded_at, done_at, created_at)
		select a.id, c.id, k.id, a.status::assignment_status, c.ends_on - 3,
			case when a.status = 'declined' then 'Pengurus sedang fokus pada kegiatan lain bulan ini.' end,
			case when a.status <> 'new' then ${R.uid('member', `k.n * ${plan.membersPerKim}`)} end,
			case when a.status <> 'new' then a.responded_at end,
			case when a.status = 'done' then a.responded_at + ${R.r('a.c::int8 * 1000000 + a.k', 6)} * (a.window_end - a.responded_at) end,
			c.launched_at
		from gen_as a join gen_c c on c.n = a.c join gen_k k on k.n = a.k`));
	await g.exec(`create temp table gen_a on commit drop as
		select (row_number() over (order by c, k) - 1)::int as n, a.c, a.k, c.id as campaign_id, ${wibDaySql('a.responded_at')} as from_day, a.ends_on as to_day,
			a.responded_at, a.window_end, c.large
		from gen_as a join gen_c c on c.n = a.c where a.status in ('accepted', 'done')`);
	await g.exec('create unique index on gen_a (n)');
	return n;
}

/** Share links: every member of an accepting KIM in a large campaign, the first few otherwise. */
export async function insertLinks(g: Gen): Promise<number> {
	const { plan, R } = g;
	const MP = plan.membersPerKim;
	const perKim = Math.min(plan.linksPerKim, MP);
	await g.exec(`create temp table gen_l on commit drop as
		select (row_number() over (order by a.c, a.k, j) - 1)::int as n, a.c, a.k, j, a.campaign_id,
			least(a.responded_at + ${R.r('a.n::int8 * 100 + j', 7)} * interval '6 hours', ${g.nowSql} - interval '1 minute') as created_at, a.window_end
		from gen_a a cross join generate_series(0, ${MP - 1}) j
		where a.large or j < ${perKim}`);
	await g.exec(`alter table gen_l add column id uuid`);
	await g.exec(`update gen_l set id = ${R.uid('link', 'n')}`);
	await g.exec('create unique index on gen_l (n)');
	return g.run(sql.raw(`insert into share_links (id, code, campaign_id, kim_id, user_id, created_at)
		select l.id, ${linkCodeSql(R.seed, 'l.n')}, l.campaign_id, k.id, ${R.uid('member', `l.k * ${MP} + l.j`)}, l.created_at
		from gen_l l join gen_k k on k.n = l.k`));
}

/**
 * Clicks, in chunks: 45% on campaign 0's links, 25% on campaign 1's, the rest on the others',
 * at a moment between the link's creation and the campaign's end (or now). Visitors come from a
 * pool so some click several times a day; the key is a hash salted with the day, like reach's.
 */
export async function insertClicks(g: Gen, progress: (done: number) => void): Promise<number> {
	const { plan, R } = g;
	const [sizes] = await g.rows<{ l0: number; l1: number; total: number }>(
		'select count(*) filter (where c = 0)::int as l0, count(*) filter (where c = 1)::int as l1, count(*)::int as total from gen_l');
	if (!sizes || sizes.total === 0) return 0;
	const { l0, l1, total } = sizes;
	const rest = total - l0 - l1;
	const pick = `case when r0 < 0.45 and ${l0} > 0 then floor(r1 * ${l0})
		when r0 < 0.7 and ${l1} > 0 then ${l0} + floor(r1 * ${l1})
		when ${rest} > 0 then ${l0 + l1} + floor(r1 * ${rest}) else floor(r1 * ${total}) end`;
	const pool = Math.max(50, Math.round(plan.clicks / 365 / 2));
	let done = 0;
	for (let from = 0; from < plan.clicks; from += plan.chunk) {
		const to = Math.min(plan.clicks, from + plan.chunk) - 1;
		done += await g.run(sql.raw(`insert into link_clicks (link_id, clicked_at, day, visitor_key)
			select id, at, day, encode(sha256(convert_to(${lit(R.seed + ':')} || day || ':' || vis, 'UTF8')), 'hex')
			from (
				select l.id, t.at, ${wibDaySql('t.at')} as day, floor(power(${R.r('x.i', 13)}, 2) * ${pool})::int as vis
				from (select i, (${pick})::int as ln from generate_series(${from}, ${to}) i
					cross join lateral (select ${R.r('i', 11)} as r0, ${R.r('i', 12)} as r1) r) x
				join gen_l l on l.n = x.ln
				cross join lateral (select l.created_at + ${R.r('x.i', 14)} * (l.window_end - l.created_at) as at) t
			) y`));
		progress(done);
	}
	return done;
}

/**
 * The generated clicks of days `from` through `to` added to reach_totals, and to click_visitors
 * for the days that can still get clicks (from `openFrom`): what the link_clicks trigger (off
 * while the generator inserts) would have written, set-based.
 */
export async function rollUpGeneratedClicks(g: Gen, from: string, to: string, openFrom: string): Promise<number> {
	const clicks = `select l.campaign_id, lc.day, k.id::text as kim, coalesce(k.village, '') as kel, lc.visitor_key
		from link_clicks lc join gen_l l on l.id = lc.link_id join gen_k k on k.n = l.k
		where lc.day between ${lit(from)}::date and ${lit(to)}::date`;
	const n = await g.run(sql.raw(`
		with c as materialized (${clicks}),
		per_day as (
			select campaign_id, 'campaign'::reach_scope as scope, '' as key, day, count(*) as clicks, count(distinct visitor_key) as visitors from c group by campaign_id, day
			union all select campaign_id, 'kim', kim, day, count(*), count(distinct visitor_key) from c group by campaign_id, kim, day
			union all select campaign_id, 'kelurahan', kel, day, count(*), count(distinct visitor_key) from c group by campaign_id, kel, day)
		insert into reach_totals as r (campaign_id, scope, key, clicks, visitors)
		select campaign_id, scope, key, sum(clicks), sum(visitors) from per_day group by 1, 2, 3
		union all select campaign_id, 'day', day::text, clicks, visitors from per_day where scope = 'campaign'
		on conflict (campaign_id, scope, key) do update set clicks = r.clicks + excluded.clicks, visitors = r.visitors + excluded.visitors`));
	if (to >= openFrom) {
		await g.run(sql.raw(`
			with c as materialized (${clicks} and lc.day >= ${lit(openFrom)}::date)
			insert into click_visitors (campaign_id, day, scope, key, visitor_key)
			select campaign_id, day, 'campaign'::reach_scope, '', visitor_key from c
			union select campaign_id, day, 'kim', kim, visitor_key from c
			union select campaign_id, day, 'kelurahan', kel, visitor_key from c`));
	}
	return n;
}
