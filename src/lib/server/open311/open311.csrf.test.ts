import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSiteForm } from './open311.csrf';

const ORIGIN = 'https://simpul.contoh.id';
const req = (method: string, path: string, headers: Record<string, string>) =>
	[new Request(`${ORIGIN}${path}`, { method, headers }), new URL(`${ORIGIN}${path}`)] as const;

describe('isForbiddenCrossSiteForm', () => {
	it('refuses cross-site and origin-less form writes to pages and /api', () => {
		for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain;charset=utf-8']) {
			expect(isForbiddenCrossSiteForm(...req('POST', '/masuk', { 'content-type': type, origin: 'https://jahat.example' }))).toBe(true);
			expect(isForbiddenCrossSiteForm(...req('POST', '/api/v1/aduan', { 'content-type': type }))).toBe(true);
			expect(isForbiddenCrossSiteForm(...req('DELETE', '/admin', { 'content-type': type }))).toBe(true);
		}
	});
	it('lets same-origin forms, JSON and reads through', () => {
		expect(isForbiddenCrossSiteForm(...req('POST', '/masuk', { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN }))).toBe(false);
		expect(isForbiddenCrossSiteForm(...req('POST', '/api/v1/aduan', { 'content-type': 'application/json' }))).toBe(false);
		expect(isForbiddenCrossSiteForm(...req('GET', '/masuk', { 'content-type': 'text/plain' }))).toBe(false);
	});
	it('lets Open311 clients post forms from their servers', () => {
		expect(isForbiddenCrossSiteForm(...req('POST', '/open311/v2/requests.json', { 'content-type': 'application/x-www-form-urlencoded' }))).toBe(false);
		expect(isForbiddenCrossSiteForm(...req('POST', '/open311/v2/requests.xml', { 'content-type': 'multipart/form-data; boundary=x', origin: 'https://mitra.example' }))).toBe(false);
		expect(isForbiddenCrossSiteForm(...req('POST', '/open3110/x', { 'content-type': 'text/plain' }))).toBe(true);
	});
});
