import { describe, expect, it } from 'vitest';
import { email, isoDate, optionalIsoDate, text, todayWib } from './validation';

describe('field builders', () => {
	it('accepts real calendar dates only', () => {
		expect(isoDate().safeParse('2026-02-28').success).toBe(true);
		for (const bad of ['2026-02-30', '2026-13-01', '28-11-2026', '0000-01-01', '1899-12-31', '']) {
			expect(isoDate().safeParse(bad).success, bad).toBe(false);
		}
		expect(optionalIsoDate().parse('')).toBeNull();
	});

	it('refuses NUL bytes in text', () => {
		expect(text().safeParse('KIM\0').success).toBe(false);
		expect(text().parse('  KIM Cerdas  ')).toBe('KIM Cerdas');
	});

	it('normalises email addresses', () => {
		expect(email().parse(' Sri@Contoh.ID ')).toBe('sri@contoh.id');
		expect(email().safeParse('sri@').success).toBe(false);
	});

	it('knows today in WIB', () => {
		expect(todayWib(new Date('2026-11-27T17:30:00Z'))).toBe('2026-11-28');
		expect(todayWib(new Date('2026-11-27T16:59:00Z'))).toBe('2026-11-27');
	});
});
