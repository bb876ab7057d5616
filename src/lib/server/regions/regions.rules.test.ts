import { describe, expect, it } from 'vitest';
import { levelOfCode, parentOfCode, parseCsv, titleCase } from './regions.rules';

describe('region codes', () => {
	it.each([
		['33', 'provinsi'],
		['33.71', 'kota'],
		['33.08', 'kabupaten'],
		['33.71.01', 'kecamatan'],
		['33.71.01.1003', 'kelurahan'],
		['33.08.01.2001', 'desa']
	])('%s is a %s', (code, level) => expect(levelOfCode(code)).toBe(level));

	it('uses the regency name when given', () => {
		expect(levelOfCode('33.08', 'KABUPATEN MAGELANG')).toBe('kabupaten');
		expect(levelOfCode('33.71', 'KOTA MAGELANG')).toBe('kota');
	});

	it('rejects malformed codes', () => {
		expect(levelOfCode('3')).toBeUndefined();
		expect(levelOfCode('33.aa')).toBeUndefined();
		expect(levelOfCode('33.71.01.1003.1')).toBeUndefined();
	});

	it('knows parents', () => {
		expect(parentOfCode('33.71.01.1003')).toBe('33.71.01');
		expect(parentOfCode('33')).toBeNull();
	});
});

describe('names and CSV', () => {
	it('title-cases upper-case names and keeps mixed case', () => {
		expect(titleCase('KABUPATEN MAGELANG')).toBe('Kabupaten Magelang');
		expect(titleCase('DKI JAKARTA')).toBe('DKI Jakarta');
		expect(titleCase('KEPULAUAN BANGKA-BELITUNG')).toBe('Kepulauan Bangka-Belitung');
		expect(titleCase('Tidar Selatan')).toBe('Tidar Selatan');
	});

	it('parses CSV with BOM, quotes, semicolons and blank lines', () => {
		expect(parseCsv('\uFEFFcode;Population\r\n"33.71.01.1011";5697\n\n33.71.01.1003,\n')).toEqual([
			{ code: '33.71.01.1011', population: '5697' },
			{ code: '33.71.01.1003', population: '' }
		]);
		expect(parseCsv('')).toEqual([]);
	});
});
