/**
 * Generator step for aduan: complaints over the last year in every status (older ones mostly
 * closed, recent ones still open), with service-level deadlines counted in working days from
 * the holidays table (as aduan.rules does), tracking ids `<prefix>-<WIB year>-<6 digits>`
 * numbered per year in filing order after the year's counter, the counters moved on, and the
 * status history (aduan_events) of each.
 */
import { sql } from 'drizzle-orm';
import { autoCloseNote, escalationNote } from '../aduan/aduan.sweep';
import { AUTO_CLOSE_AFTER_DAYS, PLAN_WITHIN_DAYS, VERIFY_WITHIN_DAYS } from '../aduan/aduan.rules';
import { endOfWibDaySql, lit, wibDaySql } from './generate.sql';
import { ADUAN_SENTENCES, ADUAN_TITLES, FIRST_NAMES } from './generate.text';
import type { Gen } from './generate.run';

const PLAN = 'Rencana tindak lanjut: petugas meninjau lokasi dalam minggu ini, lalu perbaikan dijadwalkan sesuai anggaran pemeliharaan.';
const RESOLVED = 'Sudah kami tangani. Mohon periksa dan beri penilaian; bila belum beres, Anda dapat membuka kembali aduan ini.';
const REJECTED = 'Bukan kewenangan pemerintah kota; silakan hubungi instansi yang berwenang.';

/** gen_cal: every day of the period with its running count of working days; gen_wd: working day by count. */
async function planCalendar(g: Gen) {
	await g.exec(`create temp table gen_cal on commit drop as
		select day, working, sum(working::int) over (order by day)::int as wd
		from (select d::date as day, extract(isodow from d) < 6 and not exists (select 1 from holidays h where h.day = d::date and h.is_off) as working
			from generate_series(${g.todaySql} - 400, ${g.todaySql} + 90, interval '1 day') d) x`);
	await g.exec('create unique index on gen_cal (day)');
	await g.exec('create temp table gen_wd on commit drop as select wd, day from gen_cal where working');
	await g.exec('create unique index on gen_wd (wd)');
}

/** `n` working days after the WIB day of `t`, at 23:59:59.999 WIB (null when `t` is null). */
const deadline = (t: string, n: number) =>
	`(select ${endOfWibDaySql('w.day')} from gen_cal c join gen_wd w on w.wd = c.wd + ${n} where c.day = ${wibDaySql(t)})`;

export async function insertAduan(g: Gen, prefix: string): Promise<{ aduan: number; events: number }> {
	const { plan, R } = g;
	await planCalendar(g);
	// The open-aduan counts are recounted once at the end rather than kept row by row.
	await g.exec('alter table aduan disable trigger aduan_open_days');
	await g.exec(`create temp table gen_cat on commit drop as
		select (row_number() over (order by position, code) - 1)::int as n, code, unit_code from aduan_categories where is_active`);
	const cats = await g.count('select count(*)::int as n from gen_cat');
	const MP = plan.membersPerKim;
	const remaining = (t: string) => `(${g.nowSql} - ${t})`;
	const [res] = await g.rows<{ aduan: number; events: number }>(`
		with base as (
			select i, ${R.uid('aduan', 'i')} as id, ${g.nowSql} - ${R.r('i', 70)} * interval '365 days' as created_at,
				${R.r('i', 71)} as rs, ${R.r('i', 72)} as rsrc
			from generate_series(0, ${plan.aduan - 1}) i
		), st as (
			select *, case when ${remaining('created_at')} > interval '30 days' then
					case when rs < 0.6 then 'closed' when rs < 0.7 then 'resolved' when rs < 0.8 then 'rejected' when rs < 0.9 then 'in_progress' when rs < 0.95 then 'verified' else 'received' end
				else case when rs < 0.3 then 'received' when rs < 0.55 then 'verified' when rs < 0.8 then 'in_progress' when rs < 0.9 then 'resolved' when rs < 0.95 then 'closed' else 'rejected' end
				end as status,
				${wibDaySql('created_at')} as day
			from base
		), t1 as (
			select *, case when status not in ('received', 'rejected') then created_at + least(interval '1 hour' + ${R.r('i', 73)} * interval '4 days', ${remaining('created_at')} * 0.3) end as verified_at,
				case when status = 'rejected' then created_at + least(interval '1 hour' + ${R.r('i', 74)} * interval '3 days', ${remaining('created_at')} * 0.3) end as rejected_at
			from st
		), t2 as (
			select *, case when status in ('in_progress', 'resolved', 'closed') then verified_at + least(${R.r('i', 75)} * interval '6 days', ${remaining('verified_at')} * 0.3) end as plan_posted_at from t1
		), t3 as (
			select *, case when status in ('resolved', 'closed') then plan_posted_at + least(interval '1 hour' + ${R.r('i', 76)} * interval '10 days', ${remaining('plan_posted_at')} * 0.5) end as resolved_at from t2
		), t4 as (
			select *, case when status = 'closed' then resolved_at + least(${R.r('i', 77)} * interval '10 days', ${remaining('resolved_at')} * 0.5) end as closed_at,
				extract(year from day)::int as year
			from t3
		), numbered as (
			select t4.*, coalesce(ac.last, 0) + row_number() over (partition by t4.year order by t4.created_at, t4.i) as seq,
				cat.code as category_code, cat.unit_code, v.code as kelurahan_code, v.name as vname,
				rsrc < 0.05 and ${g.verifiedKims} > 0 as assisted
			from t4 left join aduan_counters ac on ac.year = t4.year
			join gen_cat cat on cat.n = ${R.int('t4.i', 78, cats)}
			join gen_v v on v.n = ${R.int('t4.i', 79, g.villages)}
		), ins as (
			insert into aduan (id, tracking_id, type, category_code, unit_code, title, description, kelurahan_code, privacy, status, source,
				reporter_id, assisted_by, on_behalf_name, on_behalf_phone, consent_at, claim_code_hash, verify_by, plan_by, auto_close_at,
				verified_at, plan_posted_at, resolved_at, closed_at, rejected_at, reject_reason, rating, rating_comment, rated_at, created_at, updated_at)
			select n.id, ${lit(prefix)} || '-' || n.year || '-' || lpad(n.seq::text, 6, '0'),
				(case when n.category_code = 'informasi-publik' then 'information_request' when ${R.r('n.i', 80)} < 0.1 then 'aspiration' else 'complaint' end)::aduan_type,
				n.category_code, n.unit_code, ${R.pick('n.i', 81, ADUAN_TITLES)} || ' di ' || n.vname,
				${R.pick('n.i', 82, ADUAN_SENTENCES)} || ' ' || ${R.pick('n.i', 83, ADUAN_SENTENCES)}, n.kelurahan_code,
				(case when ${R.r('n.i', 84)} < 0.7 then 'public' when ${R.r('n.i', 84)} < 0.85 then 'anonymous' else 'confidential' end)::aduan_privacy,
				n.status::aduan_status, (case when n.assisted then 'assisted' when n.rsrc < 0.1 then 'api' else 'web' end)::aduan_source,
				case when not n.assisted then ${R.uid('warga', R.int('n.i', 85, plan.wargas))} end,
				case when n.assisted then ${R.uid('member', `vk.k * ${MP} + ${R.int('n.i', 86, MP)}`)} end,
				case when n.assisted then 'Mbah ' || ${R.pick('n.i', 87, FIRST_NAMES)} end,
				case when n.assisted then '0813' || (5000000 + n.i)::text end,
				case when n.assisted then n.created_at end,
				case when n.assisted then encode(sha256(convert_to('GEN' || n.i, 'UTF8')), 'hex') end,
				${deadline('n.created_at', VERIFY_WITHIN_DAYS)},
				case when n.verified_at is not null then ${deadline('n.verified_at', PLAN_WITHIN_DAYS)} end,
				case when n.resolved_at is not null then ${deadline('n.resolved_at', AUTO_CLOSE_AFTER_DAYS)} end,
				n.verified_at, n.plan_posted_at, n.resolved_at, n.closed_at, n.rejected_at,
				case when n.status = 'rejected' then ${lit(REJECTED)} end,
				case when n.status = 'closed' and ${R.r('n.i', 88)} < 0.6 then 2 + ${R.int('n.i', 89, 4)} end,
				case when n.status = 'closed' and ${R.r('n.i', 88)} < 0.6 then 'Terima kasih, sudah ditangani.' end,
				case when n.status = 'closed' and ${R.r('n.i', 88)} < 0.6 then n.closed_at end,
				n.created_at, coalesce(n.closed_at, n.resolved_at, n.plan_posted_at, n.verified_at, n.rejected_at, n.created_at)
			from numbered n join gen_vk vk on vk.vn = ${R.int('n.i', 90, Math.max(1, g.verifiedKims))}
			returning id, status, created_at, verified_at, plan_posted_at, resolved_at, closed_at, rejected_at, reject_reason, reporter_id, assisted_by, unit_code, rating
		), ev as (
			insert into aduan_events (aduan_id, kind, from_status, to_status, body, author_id, author_role, created_at)
			select ins.id, e.kind::aduan_event_kind, e.from_status::aduan_status, e.to_status::aduan_status, e.body, e.author_id, e.author_role, e.at
			from ins cross join lateral (values
				('status', null, 'received', null, coalesce(ins.reporter_id, ins.assisted_by), case when ins.reporter_id is null then 'staff' else 'reporter' end, ins.created_at),
				('status', 'received', 'rejected', ins.reject_reason, ${R.uid('petugas', '0')}, 'staff', ins.rejected_at),
				('status', 'received', 'verified', null, ${R.uid('petugas', '0')}, 'staff', ins.verified_at),
				('plan', null, null, ${lit(PLAN)}, ${R.uid('unit', 'ins.unit_code')}, 'unit', ins.plan_posted_at),
				('status', 'verified', 'in_progress', null, ${R.uid('unit', 'ins.unit_code')}, 'unit', ins.plan_posted_at),
				('status', 'in_progress', 'resolved', ${lit(RESOLVED)}, ${R.uid('unit', 'ins.unit_code')}, 'unit', ins.resolved_at),
				('status', 'resolved', 'closed', null, ins.reporter_id, case when ins.reporter_id is null then 'system' else 'reporter' end, ins.closed_at),
				('rating', null, null, ins.rating::text, ins.reporter_id, 'reporter', case when ins.rating is not null then ins.closed_at end)
			) as e(kind, from_status, to_status, body, author_id, author_role, at)
			where e.at is not null
			returning 1
		)
		select (select count(*) from ins)::int as aduan, (select count(*) from ev)::int as events`);
	// Steady state, as the worker's sweep would have left it: overdue aduan escalated once for
	// their stage, resolved aduan past their auto-close time closed (each with its event).
	const mine = `tracking_id like ${lit(prefix + '-%')}`;
	const [later] = await g.rows<{ events: number }>(`
		with esc as (
			update aduan set escalated_for = case when status = 'received' then 'verify' else 'plan' end
			where ${mine} and ((status = 'received' and verify_by < ${g.nowSql}) or (status in ('verified', 'in_progress') and plan_posted_at is null and plan_by < ${g.nowSql}))
			returning id, escalated_for, case when status = 'received' then verify_by else plan_by end as at
		), closed as (
			update aduan set status = 'closed', closed_at = auto_close_at, updated_at = auto_close_at
			where ${mine} and status = 'resolved' and auto_close_at < ${g.nowSql}
			returning id, auto_close_at as at
		), ev as (
			insert into aduan_events (aduan_id, kind, from_status, to_status, body, is_internal, author_role, created_at)
			select id, 'escalation'::aduan_event_kind, null::aduan_status, null::aduan_status, case when escalated_for = 'verify' then ${lit(escalationNote('verify'))} else ${lit(escalationNote('plan'))} end, true, 'system', at from esc
			union all
			select id, 'status'::aduan_event_kind, 'resolved'::aduan_status, 'closed'::aduan_status, ${lit(autoCloseNote())}, false, 'system', at from closed
			returning 1
		)
		select count(*)::int as events from ev`);
	res.events += later.events;
	await g.exec(`insert into aduan_counters (year, last)
		select split_part(tracking_id, '-', 2)::int, max(split_part(tracking_id, '-', 3)::int) from aduan
		where ${mine} group by 1
		on conflict (year) do update set last = greatest(aduan_counters.last, excluded.last)`);
	await g.exec('alter table aduan enable trigger aduan_open_days');
	await g.exec('delete from aduan_open_days');
	await g.exec(`insert into aduan_open_days (status, due_day, n)
		select status, aduan_due_day(aduan_due_at(status, verify_by, plan_by, plan_posted_at, auto_close_at)), count(*)
		from aduan where status in ('received', 'verified', 'in_progress', 'resolved') group by 1, 2`);
	return res;
}
