import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('configuration', () => {
	it('has working defaults for the quick start', () => {
		const c = parseConfig({});
		expect(c).toMatchObject({ PORT: 3000, SIMPUL_DATA_DIR: './data', SIMPUL_DEMO: true, SIMPUL_REGION: '33.71', publicUrl: 'http://localhost:3000', secureCookies: false });
		expect(c.DATABASE_URL).toBeUndefined();
	});

	it('reads flags and HTTPS origins', () => {
		const c = parseConfig({ SIMPUL_DEMO: '0', ORIGIN: 'https://simpul.example.go.id/', SIMPUL_WORKER: 'false' });
		expect(c.SIMPUL_DEMO).toBe(false);
		expect(c.SIMPUL_WORKER).toBe(false);
		expect(c.publicUrl).toBe('https://simpul.example.go.id');
		expect(c.secureCookies).toBe(true);
	});

	it('lists every bad variable at once', () => {
		try {
			parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SIMPUL_REGION: '3371', SMTP_URL: 'http://mail', SIMPUL_DEMO: 'maybe' });
			expect.unreachable();
		} catch (err) {
			expect(err).toBeInstanceOf(ConfigError);
			const problems = (err as ConfigError).problems.map((p) => p.split(':')[0]).sort();
			expect(problems).toEqual(['DATABASE_URL', 'PORT', 'SIMPUL_DEMO', 'SIMPUL_REGION', 'SMTP_URL']);
		}
	});

	it('treats empty variables as unset', () => {
		expect(parseConfig({ DATABASE_URL: '', SMTP_URL: '' }).DATABASE_URL).toBeUndefined();
	});
});
