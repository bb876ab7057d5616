import { describe, expect, it } from 'vitest';
import { buildRegionTree } from './region-tree';

const r = (code: string, level: string, parentCode: string | null, population: number | null = null) =>
	({ code, name: code, level, parentCode, population, areaKm2: null });

describe('buildRegionTree', () => {
	it('nests kota → kecamatan → kelurahan by code, leaves provinces out, sums filled populations', () => {
		const tree = buildRegionTree([
			r('33.71.01.1002', 'kelurahan', '33.71.01', 500),
			r('33', 'provinsi', null),
			r('33.71.01', 'kecamatan', '33.71'),
			r('33.71', 'kota', '33', 1000),
			r('33.71.01.1001', 'kelurahan', '33.71.01'),
			r('33.08', 'kabupaten', '33')
		]);
		expect(tree.map((t) => t.code)).toEqual(['33.08', '33.71']);
		const kec = tree[1].children[0];
		expect(kec.children.map((c) => c.code)).toEqual(['33.71.01.1001', '33.71.01.1002']);
		expect(kec).toMatchObject({ filled: 1, filledPopulation: 500 });
	});
});
