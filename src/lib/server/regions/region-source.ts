import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { levelOfCode, parseCsv, titleCase, type RegionLevel } from './regions.rules';

export type RegionRow = {
	code: string;
	name: string;
	level: RegionLevel;
	parentCode: string | null;
	population: number | null;
	areaKm2: number | null;
};

const dataDir = () =>
	join(dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');

/** Rows of one idn-area-data CSV whose code starts with `prefix` (or equals it). */
function readArea(file: string, prefix: string) {
	return parseCsv(readFileSync(join(dataDir(), file), 'utf8')).filter(
		(r) => r.code === prefix || r.code.startsWith(`${prefix}.`)
	);
}

/** The seed file the project owns for a region (population, area), if there is one. */
function readSeed(regencyCode: string): Map<string, Record<string, string>> {
	const file = resolve('src/lib/server/regions/seed', `regions-${regencyCode}.csv`);
	if (!existsSync(file)) return new Map();
	return new Map(parseCsv(readFileSync(file, 'utf8')).map((r) => [r.code, r]));
}

const num = (v: string | undefined) => (v && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/**
 * A kota/kabupaten with its province, kecamatan and kelurahan/desa from idn-area-data
 * (Kemendagri codes; data ODbL), plus population and area from the project's seed file.
 */
export function loadRegency(regencyCode: string): RegionRow[] {
	const regency = readArea('regencies.csv', regencyCode).find((r) => r.code === regencyCode);
	if (!regency) return [];
	const provinceCode = regencyCode.slice(0, 2);
	const province = readArea('provinces.csv', provinceCode)[0];
	const seed = readSeed(regencyCode);
	const rows: RegionRow[] = [];
	const push = (code: string, name: string, level: RegionLevel, parentCode: string | null) => {
		const s = seed.get(code);
		rows.push({ code, name: titleCase(name), level, parentCode, population: num(s?.population), areaKm2: num(s?.area_km2) });
	};
	if (province) push(province.code, province.name, 'provinsi', null);
	push(regency.code, regency.name, levelOfCode(regency.code, regency.name)!, provinceCode);
	for (const d of readArea('districts.csv', regencyCode)) push(d.code, d.name, 'kecamatan', d.regency_code);
	for (const v of readArea('villages.csv', regencyCode)) push(v.code, v.name, levelOfCode(v.code)!, v.district_code);
	return rows;
}
