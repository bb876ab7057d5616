import { describe, expect, it } from 'vitest';
import { parsePopulationCsv, UpdateRegionSchema } from './regions.schema';

describe('parsePopulationCsv', () => {
	it('reads code,population[,area_km2] with either separator, skipping blank lines and unknown columns', () => {
		const r = parsePopulationCsv('\uFEFFcode,name,population,area_km2\r\n33.71.01.1003,Rejowinangun,9120,1.25\n\n33.71.01.1004,X,7480,\n');
		expect(r.problems).toEqual([]);
		expect(r.rows).toEqual([
			{ line: 2, code: '33.71.01.1003', population: 9120, areaKm2: 1.25 },
			{ line: 4, code: '33.71.01.1004', population: 7480 }
		]);
		const semi = parsePopulationCsv('code;population;area_km2\n"33.71";128709;18,558');
		expect(semi.rows).toEqual([{ line: 2, code: '33.71', population: 128709, areaKm2: 18.558 }]);
	});

	it('reports every bad line with its line number', () => {
		const r = parsePopulationCsv(
			['code,population', '33.71.01.1003,9120', 'abc,10', '33.71.01.1004,-5', '33.71.01.1005,banyak', '', '33.71.01.1003,1', ',', '33.71.01.1006,12.500'].join('\n')
		);
		expect(r.rows.map((x) => x.line)).toEqual([2]);
		expect(r.problems.map((p) => p.line)).toEqual([3, 4, 5, 7, 8, 8, 9]);
		expect(r.problems.map((p) => p.message)).toEqual([
			'Baris 3: kode wilayah "abc" tidak sah; tulis seperti 33.71.01.1003',
			'Baris 4: jumlah penduduk tidak boleh negatif (-5)',
			'Baris 5: jumlah penduduk "banyak" bukan bilangan bulat; tulis angka saja tanpa titik, misalnya 9120',
			'Baris 7: kode 33.71.01.1003 sudah ada di baris 2',
			'Baris 8: kode wilayah kosong',
			'Baris 8: jumlah penduduk kosong',
			'Baris 9: jumlah penduduk "12.500" bukan bilangan bulat; tulis angka saja tanpa titik, misalnya 9120'
		]);
	});

	it('needs a header with code and population, and at least one row', () => {
		expect(parsePopulationCsv('33.71,100').problems[0].message).toContain('judul kolom');
		expect(parsePopulationCsv('code,population\n').problems[0].message).toContain('hanya berisi judul');
		expect(parsePopulationCsv('code,population,area_km2\n33.71,100,18,558').problems[0].message).toContain('Baris 2: ada 4 kolom');
	});
});

describe('UpdateRegionSchema', () => {
	it('accepts numbers or numeric text, treats empty as clearing, refuses negatives', () => {
		expect(UpdateRegionSchema.parse({ population: '9120', area_km2: '1,25' })).toEqual({ population: 9120, area_km2: 1.25 });
		expect(UpdateRegionSchema.parse({ population: '', area_km2: null })).toEqual({ population: null, area_km2: null });
		expect(UpdateRegionSchema.parse({})).toEqual({});
		const bad = UpdateRegionSchema.safeParse({ population: -1, area_km2: 'luas' });
		expect(bad.success).toBe(false);
		expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['population', 'area_km2']);
	});
});
