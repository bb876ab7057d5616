import { describe, expect, it } from 'vitest';
import { CLAIM_CODE_LENGTH, FALLBACK_PREFIX, formatClaimCode, hashClaimCode, newClaimCode, sameAduan, trackingPrefix, wibYear } from './aduan.filing.rules';
import { formatTrackingId, TRACKING_ID_RE } from './aduan.rules';
import { nationalHolidays } from './aduan.seed';
import { CreateAduanSchema } from './aduan.schema';

describe('tracking ids', () => {
	it('uses MGL for Kota Magelang and a fallback elsewhere', () => {
		expect(trackingPrefix('33.71')).toBe('MGL');
		expect(trackingPrefix('34.71')).toBe(FALLBACK_PREFIX);
		expect(formatTrackingId(trackingPrefix('33.71'), 2026, 123)).toBe('MGL-2026-000123');
		expect(formatTrackingId('MGL', 2026, 123)).toMatch(TRACKING_ID_RE);
	});
	it('counts the year in WIB: 31 Dec 17:00 UTC is already the new year', () => {
		expect(wibYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
		expect(wibYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
	});
});

describe('claim codes', () => {
	it('are 8 characters without look-alikes, hashed after normalising', () => {
		for (let i = 0; i < 50; i++) {
			const c = newClaimCode();
			expect(c).toMatch(new RegExp(`^[2-9A-HJKMNP-Z]{${CLAIM_CODE_LENGTH}}$`));
		}
		expect(formatClaimCode('K7M2Q9XD')).toBe('K7M2-Q9XD');
		expect(hashClaimCode('k7m2-q9xd')).toBe(hashClaimCode('K7M2Q9XD'));
		expect(hashClaimCode('K7M2 Q9XD')).toBe(hashClaimCode('K7M2Q9XD'));
		expect(hashClaimCode('K7M2Q9XE')).not.toBe(hashClaimCode('K7M2Q9XD'));
		expect(hashClaimCode('K7M2Q9XD')).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('sameAduan', () => {
	const a = { type: 'complaint', categoryCode: 'sampah', title: 'T', description: 'D', kelurahanCode: 'k', lat: null, lng: null, privacy: 'public', onBehalfName: null, onBehalfPhone: null };
	it('compares every stored field of the input', () => {
		expect(sameAduan(a, { ...a })).toBe(true);
		for (const [k, v] of Object.entries({ type: 'aspiration', categoryCode: 'x', title: 'U', description: 'E', kelurahanCode: 'j', lat: -7.4, lng: 110.2, privacy: 'anonymous', onBehalfName: 'N', onBehalfPhone: '1' })) {
			expect(sameAduan(a, { ...a, [k]: v }), k).toBe(false);
		}
	});
});

describe('nationalHolidays', () => {
	it('lists Indonesian public holidays, one per day', () => {
		const days = nationalHolidays([2026]);
		expect(days.find((d) => d.day === '2026-08-17')).toBeTruthy();
		expect(days.find((d) => d.day === '2026-12-25')).toBeTruthy();
		expect(new Set(days.map((d) => d.day)).size).toBe(days.length);
		expect(days.every((d) => /^2026-\d{2}-\d{2}$/.test(d.day))).toBe(true);
	});
});

describe('CreateAduanSchema', () => {
	const ok = { type: 'complaint', category_code: 'sampah', title: 'Sampah menumpuk', description: 'Sampah menumpuk di pinggir jalan sejak seminggu.', kelurahan_code: '33.71.01.1011', privacy: 'public' };
	const paths = (v: unknown) => {
		const r = CreateAduanSchema.safeParse(v);
		return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
	};
	it('accepts form strings for the point and empty strings as none', () => {
		const r = CreateAduanSchema.parse({ ...ok, lat: '-7,48', lng: '110.217' });
		expect([r.lat, r.lng]).toEqual([-7.48, 110.217]);
		expect(CreateAduanSchema.parse({ ...ok, lat: '', lng: '' }).lat).toBeNull();
	});
	it('wants lat and lng together and inside the city', () => {
		expect(paths({ ...ok, lat: -7.48 })).toEqual(['lng']);
		expect(paths({ ...ok, lng: 110.21 })).toEqual(['lat']);
		expect(paths({ ...ok, lat: -7.3, lng: 110.21 })).toEqual(['lat']);
		expect(paths({ ...ok, lat: -7.48, lng: 110.3 })).toEqual(['lat']);
		expect(paths({ ...ok, lat: -7.48, lng: 110.21 })).toEqual([]);
	});
	it('refuses short text, bad enums and an on_behalf_of without consent', () => {
		expect(paths({ ...ok, description: 'pendek' })).toEqual(['description']);
		expect(paths({ ...ok, title: 'abc' })).toEqual(['title']);
		expect(paths({ ...ok, privacy: 'x', type: 'y' }).sort()).toEqual(['privacy', 'type']);
		expect(paths({ ...ok, on_behalf_of: { name: 'Mbah', consent: false } })).toEqual(['on_behalf_of.consent']);
		expect(paths({ ...ok, on_behalf_of: { name: '', consent: true } })).toEqual(['on_behalf_of.name']);
		expect(paths({ ...ok, on_behalf_of: { name: 'Mbah Karto', phone: 'abc', consent: true } })).toEqual(['on_behalf_of.phone']);
		expect(paths({ ...ok, description: 'a\0'.repeat(20) })).toEqual(['description']);
	});
});
