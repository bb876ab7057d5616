import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatRupiah } from './format';
import { slugify } from './slug';

describe('formatting in WIB', () => {
	it('formats a UTC instant in WIB with the Indonesian pattern', () => {
		expect(formatDateTime('2026-11-28T07:30:00Z')).toBe('28 November 2026, 14.30 WIB');
	});
	it('moves the date across midnight in WIB', () => {
		expect(formatDate(new Date('2026-11-27T18:00:00Z'))).toBe('28 November 2026');
	});
	it('treats a plain date as a WIB calendar date', () => {
		expect(formatDate('2026-01-01')).toBe('1 Januari 2026');
		expect(formatDate('2026-01-01', 'en')).toBe('1 January 2026');
	});
	it('formats numbers and rupiah with dots', () => {
		expect(formatNumber(128709)).toBe('128.709');
		expect(formatRupiah(1500000)).toBe('Rp 1.500.000');
		expect(formatNumber(null)).toBe('—');
	});
	it('slugifies Indonesian names', () => {
		expect(slugify('KIM Tidar Selatan — Cerdas!')).toBe('kim-tidar-selatan-cerdas');
		expect(slugify('!!!')).toBe('kim');
	});
});
