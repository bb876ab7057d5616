/**
 * Generator steps for the places and people: regions (every desa/kelurahan at national scale),
 * KIMs over them, accounts (members, residents, petugas, an admin, one staff per unit) and KIM
 * memberships. Each step is one set-based statement over generate_series.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import { levelOfCode, parseCsv, titleCase } from '../regions/regions.rules';
import { GENERATED_DOMAIN } from './generate.plan';
import { arr, lit, type Rand } from './generate.sql';
import { FIRST_NAMES, KIM_SUFFIXES, LAST_NAMES } from './generate.text';
import type { Gen } from './generate.run';

const areaDir = () => join(dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');

/** Every province, kota/kabupaten, kecamatan and desa/kelurahan of idn-area-data not yet loaded. */
export async function loadAllRegions(g: Gen): Promise<number> {
	const read = (f: string) => parseCsv(readFileSync(join(areaDir(), f), 'utf8'));
	type Row = { code: string; name: string; level: string; parent_code: string | null };
	const rows: Row[] = [];
	for (const p of read('provinces.csv')) rows.push({ code: p.code, name: titleCase(p.name), level: 'provinsi', parent_code: null });
	for (const r of read('regencies.csv')) rows.push({ code: r.code, name: titleCase(r.name), level: levelOfCode(r.code, r.name)!, parent_code: r.province_code });
	for (const d of read('districts.csv')) rows.push({ code: d.code, name: titleCase(d.name), level: 'kecamatan', parent_code: d.regency_code });
	for (const v of read('villages.csv')) rows.push({ code: v.code, name: titleCase(v.name), level: levelOfCode(v.code)!, parent_code: v.district_code });
	let inserted = 0;
	for (let i = 0; i < rows.length; i += 10_000) {
		const chunk = JSON.stringify(rows.slice(i, i + 10_000));
		inserted += await g.run(sql`
			insert into regions (code, name, level, parent_code)
			select code, name, level, parent_code from json_to_recordset(${chunk}::json) as x(code text, name text, level text, parent_code text)
			on conflict (code) do nothing`);
	}
	return inserted;
}

/** Temp tables: the candidate villages (gen_v), the KIMs (gen_k) and the verified KIMs (gen_vk). */
export async function planPlaces(g: Gen) {
	const { plan, R } = g;
	const scope = plan.regions === 'home' ? `and code like ${lit(g.homeRegion + '.%')}` : '';
	await g.exec(`create temp table gen_v on commit drop as
		select (row_number() over (order by code) - 1)::int as n, code, name, parent_code as parent, population
		from regions where level in ('kelurahan', 'desa') ${scope}`);
	await g.exec('create unique index on gen_v (n)');
	g.villages = await g.count('select count(*)::int as n from gen_v');
	if (g.villages === 0) throw new Error(`no desa/kelurahan of ${g.homeRegion} are loaded`);
	const V = g.villages, K = plan.kims;
	const village = K <= V ? `(k::int8 * ${V} / ${K})::int` : `k % ${V}`;
	await g.exec(`create temp table gen_k on commit drop as
		select k as n, ${R.uid('kim', 'k')} as id, v.code as village, v.parent as kecamatan, v.name as vname,
			coalesce(v.population, 100000) as population, (k % 20 <> 7) as verified,
			'KIM ' || v.name || ' ' || ${R.pick('k', 1, KIM_SUFFIXES)} as name
		from generate_series(0, ${K - 1}) k join gen_v v on v.n = ${village}`);
	await g.exec('create unique index on gen_k (n)');
	await g.exec(`create temp table gen_vk on commit drop as
		select (row_number() over (order by n) - 1)::int as vn, n as k from gen_k where verified`);
	await g.exec('create unique index on gen_vk (vn)');
	g.verifiedKims = await g.count('select count(*)::int as n from gen_vk');
}

const personName = (R: Rand, i: string, s: number) => `${R.pick(i, s, FIRST_NAMES)} || ' ' || ${R.pick(i, s + 1, LAST_NAMES)}`;
const email = (local: string) => `${local} || ${lit('@' + GENERATED_DOMAIN)}`;
/** Created up to 13 months ago, before anything they did. */
const joined = (g: Gen, i: string, s: number) => `(${g.nowSql} - interval '365 days' - ${g.R.r(i, s)} * interval '30 days')`;

/** Members (of the KIMs), residents, petugas, one admin and one staff member per unit. */
export async function insertUsers(g: Gen): Promise<number> {
	const { plan, R } = g;
	const hash = lit(g.passwordHash);
	const MP = plan.membersPerKim;
	let n = await g.run(sql.raw(`insert into users (id, email, name, password_hash, role, kelurahan_code, phone, created_at, updated_at)
		select ${R.uid('member', 'u')}, ${email(`'member' || u`)}, ${personName(R, 'u', 10)}, ${hash}, 'warga', k.village,
			'08' || (1100000000 + u)::text, ${joined(g, 'u', 12)}, ${joined(g, 'u', 12)}
		from generate_series(0, ${plan.kims * MP - 1}) u join gen_k k on k.n = u / ${MP}`));
	n += await g.run(sql.raw(`insert into users (id, email, name, password_hash, role, kelurahan_code, created_at, updated_at)
		select ${R.uid('warga', 'w')}, ${email(`'warga' || w`)}, ${personName(R, 'w', 20)}, ${hash}, 'warga', v.code, ${joined(g, 'w', 22)}, ${joined(g, 'w', 22)}
		from generate_series(0, ${plan.wargas - 1}) w join gen_v v on v.n = ${R.int('w', 23, g.villages)}`));
	n += await g.run(sql.raw(`insert into users (id, email, name, password_hash, role, created_at, updated_at)
		select ${R.uid('petugas', 'p')}, ${email(`'petugas' || p`)}, 'Petugas ' || ${personName(R, 'p', 30)}, ${hash}, 'petugas'::system_role, ${joined(g, 'p', 32)}, ${joined(g, 'p', 32)}
		from generate_series(0, ${plan.petugas - 1}) p
		union all
		select ${R.uid('admin', '0')}, ${email(`'admin'`)}, 'Admin Bench', ${hash}, 'admin'::system_role, ${joined(g, '0', 33)}, ${joined(g, '0', 33)}`));
	n += await g.run(sql.raw(`insert into users (id, email, name, password_hash, role, created_at, updated_at)
		select ${R.uid('unit', 'code')}, ${email(`'unit.' || code`)}, 'Staf ' || short_name, ${hash}, 'warga', ${joined(g, '0', 34)}, ${joined(g, '0', 34)}
		from units`));
	await g.exec(`insert into unit_members (unit_code, user_id, is_supervisor) select code, ${R.uid('unit', 'code')}, false from units`);
	return n;
}

/** The KIMs (most verified, one in twenty waiting for verification). */
export async function insertKims(g: Gen): Promise<number> {
	const { R } = g;
	const year = `(2018 + ${R.int('n', 2, 6)})`;
	return g.run(sql.raw(`insert into kims (id, slug, name, kelurahan_code, kecamatan_code, description, founded_on, sk_number, sk_date,
			term_starts_on, term_ends_on, focus, contact_phone, status, verified_at, verified_by, created_by, created_at, updated_at)
		select id, trim(both '-' from regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')) || '-g' || n, name, village, kecamatan,
			'Kelompok Informasi Masyarakat di ' || vname || ': menyebarkan program pemerintah dan kabar kampung lewat pertemuan warga, grup WhatsApp dan media sosial.',
			make_date(${year}, 1 + n % 9, 15), (100 + n) || '/KEP/' || ${year}, make_date(${year}, 1 + n % 9, 20),
			make_date(2025, 1, 1), make_date(2027 + n % 3, 12, 31), ${arr(['literasi'])}, '0812' || (3000000 + n)::text,
			case when verified then 'verified' else 'registered' end::kim_status,
			case when verified then ${g.nowSql} - interval '360 days' end,
			case when verified then ${R.uid('petugas', '0')} end, ${R.uid('admin', '0')},
			${g.nowSql} - interval '364 days', ${g.nowSql} - interval '360 days'
		from gen_k`));
}

/** Memberships: per KIM a ketua, sekretaris, bendahara, seksi and anggota. */
export async function insertMembers(g: Gen): Promise<number> {
	const { plan, R } = g;
	const MP = plan.membersPerKim;
	return g.run(sql.raw(`insert into kim_members (kim_id, user_id, position, joined_at)
		select k.id, ${R.uid('member', 'u')},
			(case u % ${MP} when 0 then 'ketua' when 1 then 'sekretaris' when 2 then 'bendahara' when 3 then 'seksi' else 'anggota' end)::kim_position,
			${g.nowSql} - interval '363 days'
		from generate_series(0, ${plan.kims * MP - 1}) u join gen_k k on k.n = u / ${MP}`));
}
