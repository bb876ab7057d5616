/** Generator steps for posts (with their first revision) and activity reports. */
import { sql } from 'drizzle-orm';
import { FEEDBACK, QUESTIONS, SENTENCES, TAGS, TITLE_FRAMES, TOPICS } from './generate.text';
import type { Gen } from './generate.run';

const KINDS = `case when rk < 0.5 then 'news' when rk < 0.65 then 'program' when rk < 0.8 then 'announcement' when rk < 0.9 then 'potential' else 'clarification' end`;

/**
 * Posts after the campaigns' own: 30% by the agency, the rest by a member of a verified KIM;
 * 90% published over the last year, the rest in review or drafts; every kind with its fields.
 */
export async function insertPosts(g: Gen, progress: (done: number) => void): Promise<number> {
	const { plan, R } = g;
	const MP = plan.membersPerKim;
	let done = 0;
	for (let from = plan.campaigns; from < plan.posts; from += plan.chunk) {
		const to = Math.min(plan.posts, from + plan.chunk) - 1;
		done += await g.run(sql.raw(`insert into posts (id, slug, kind, status, title, summary, body, details, tags, kim_id, kelurahan_code, author_id,
				submitted_at, reviewed_by, published_by, published_at, created_at, updated_at)
			select id, trim(both '-' from regexp_replace(lower(title), '[^a-z0-9]+', '-', 'g')) || '-g' || i, kind::post_kind, status::post_status,
				title, summary, body,
				case kind
					when 'program' then jsonb_build_object('eligibility', 'Warga ber-KTP setempat', 'how_to_join', 'Daftar di kantor kelurahan.', 'deadline', (day + 30)::text, 'contact', 'Kantor kelurahan')
					when 'announcement' then jsonb_build_object('expires_on', (day + ${R.int('i', 20, 90)})::text)
					when 'potential' then jsonb_build_object('category', ${R.pick('i', 21, ['umkm', 'tourism', 'culture'])}, 'price', 10000 + 1000 * ${R.int('i', 22, 90)}, 'contact', '0812' || (4000000 + i)::text, 'location', place)
					when 'clarification' then jsonb_build_object('claim', 'Pesan berantai tentang ' || lower(topic), 'verdict', ${R.pick('i', 23, ['hoax', 'misleading', 'true', 'unproven'])}, 'sources', jsonb_build_array('https://www.komdigi.go.id/berita/klarifikasi-hoaks'))
					else '{}'::jsonb end,
				ARRAY[${R.pick('i', 24, TAGS)}, ${R.pick('i', 25, TAGS)}], kim_id, kelurahan_code, author_id,
				case when status <> 'draft' then created_at end,
				case when status = 'published' then publisher end, case when status = 'published' then publisher end,
				published_at, created_at, coalesce(published_at, created_at)
			from (
				select i, ${R.uid('post', 'i')} as id, kind, status, topic, place, day, published_at, created_at,
					replace(replace(${R.pick('i', 26, TITLE_FRAMES)}, '{t}', topic), '{p}', place) as title,
					${R.pick('i', 27, SENTENCES)} as summary,
					${R.pick('i', 28, SENTENCES)} || ' ' || ${R.pick('i', 29, SENTENCES)} || E'\\n\\n' || ${R.pick('i', 30, SENTENCES)} || ' ' || ${R.pick('i', 31, SENTENCES)} || E'\\n\\n' || ${R.pick('i', 32, SENTENCES)} as body,
					case when agency then null else k.id end as kim_id, case when agency then null else k.village end as kelurahan_code,
					case when agency then ${R.uid('petugas', R.int('i', 33, plan.petugas))} else ${R.uid('member', `k.n * ${MP} + ${R.int('i', 34, MP)}`)} end as author_id,
					case when agency then ${R.uid('petugas', '0')} else ${R.uid('member', `k.n * ${MP}`)} end as publisher
				from (
					select i, ${R.r('i', 35)} < 0.3 as agency, ${KINDS} as kind,
						case when rs < 0.9 then 'published' when rs < 0.95 then 'in_review' else 'draft' end as status,
						${R.pick('i', 36, TOPICS)} as topic, ${R.int('i', 37, g.verifiedKims)} as vn,
						${g.nowSql} - ${R.r('i', 38)} * interval '365 days' as at
					from generate_series(${from}, ${to}) i
					cross join lateral (select ${R.r('i', 39)} as rk, ${R.r('i', 40)} as rs) r
				) x
				join gen_vk vk on vk.vn = x.vn join gen_k k on k.n = vk.k
				cross join lateral (select case when x.agency then v.name else k.vname end as place from gen_v v where v.n = ${R.int('i', 41, g.villages)}) p
				cross join lateral (select case when status = 'published' then at end as published_at, at - interval '3 hours' as created_at, ${'(((at) at time zone \'UTC\') + interval \'7 hours\')::date'} as day) t
			) y`));
		progress(done);
	}
	await g.exec(`insert into post_revisions (post_id, revision, title, summary, body, details, tags, editor_id, created_at)
		select p.id, 1, p.title, p.summary, p.body, p.details, p.tags, p.author_id, p.created_at
		from generate_series(0, ${plan.posts - 1}) i join posts p on p.id = ${R.uid('post', 'i')}`);
	return done + plan.campaigns;
}

const ACTIVITY_TYPES = ['meeting', 'door_to_door', 'social_media', 'whatsapp_group', 'banner', 'community_radio', 'bulletin', 'other'];

/**
 * Activity reports by members of their own KIM: 60% for a campaign the KIM accepted (held
 * within its window), the rest without a campaign over the last year. The reach and report-day
 * triggers are off during the load; reach_totals and report_days get the generated reports in one
 * statement each after.
 */
export async function insertReports(g: Gen, progress: (done: number) => void): Promise<number> {
	const { plan, R } = g;
	const MP = plan.membersPerKim;
	const A = await g.count('select count(*)::int as n from gen_a');
	const triggers = ['activity_reports_reach', 'activity_reports_days'];
	for (const t of triggers) await g.exec(`alter table activity_reports disable trigger ${t}`);
	let done = 0;
	for (let from = 0; from < plan.reports; from += plan.chunk) {
		const to = Math.min(plan.reports, from + plan.chunk) - 1;
		done += await g.run(sql.raw(`insert into activity_reports (id, kim_id, campaign_id, type, held_on, kelurahan_code, rw, rt, audience_count,
				women_count, youth_count, notes, questions, feedback, reporter_id, idempotency_key, created_at)
			select ${R.uid('report', 'i')}, k.id, a.campaign_id, ${R.pick('i', 50, ACTIVITY_TYPES)}::activity_type, held_on, k.village,
				lpad((1 + ${R.int('i', 51, 12)})::text, 3, '0'), lpad((1 + ${R.int('i', 52, 9)})::text, 3, '0'),
				aud, floor(aud * (0.3 + 0.4 * ${R.r('i', 53)}))::int, floor(aud * 0.3 * ${R.r('i', 54)})::int,
				'Materi disampaikan dan poster dibagikan.',
				case when ${R.r('i', 55)} < 0.3 then ${R.pick('i', 56, QUESTIONS)} end,
				case when ${R.r('i', 57)} < 0.5 then ${R.pick('i', 58, FEEDBACK)} end,
				${R.uid('member', `k.n * ${MP} + ${R.int('i', 59, MP)}`)}, 'gen-' || i,
				least((held_on::timestamp + interval '3 hours') at time zone 'UTC' + ${R.r('i', 60)} * interval '2 days', ${g.nowSql} - interval '1 minute')
			from (
				select i, ${A} > 0 and ${R.r('i', 61)} < 0.6 as linked, ${R.int('i', 62, Math.max(A, 1))} as an, ${R.int('i', 63, g.verifiedKims)} as vn
				from generate_series(${from}, ${to}) i
			) x
			left join gen_a a on x.linked and a.n = x.an
			join gen_vk vk on vk.vn = x.vn
			join gen_k k on k.n = coalesce(a.k, vk.k)
			cross join lateral (select
				case when a.n is not null then a.from_day + ${R.int('i', 64, `greatest(1, least(a.to_day, ${g.todaySql}) - a.from_day + 1)`)}
					else ${g.todaySql} - ${R.int('i', 65, 365)} end as held_on,
				least(5 + ${R.int('i', 66, 195)}, k.population) as aud) h`));
		progress(done);
	}
	for (const t of triggers) await g.exec(`alter table activity_reports enable trigger ${t}`);
	await g.exec(`insert into report_days as d (day, reports, audience)
		select held_on, count(*), sum(audience_count) from activity_reports where idempotency_key like 'gen-%' group by 1
		on conflict (day) do update set reports = d.reports + excluded.reports, audience = d.audience + excluded.audience`);
	await g.exec(`insert into reach_totals as r (campaign_id, scope, key, reports, audience, reaching_reports)
		select ar.campaign_id, s.scope, s.key, count(*), sum(ar.audience_count), count(*) filter (where ar.audience_count > 0)
		from activity_reports ar join gen_k k on k.id = ar.kim_id
		cross join lateral (values ('campaign'::reach_scope, ''), ('kim', ar.kim_id::text), ('kelurahan', ar.kelurahan_code), ('day', ar.held_on::text)) as s (scope, key)
		where ar.campaign_id is not null and ar.idempotency_key like 'gen-%'
		group by 1, 2, 3
		on conflict (campaign_id, scope, key) do update
		set reports = r.reports + excluded.reports, audience = r.audience + excluded.audience, reaching_reports = r.reaching_reports + excluded.reaching_reports`);
	return done;
}
