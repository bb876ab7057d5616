import { describe, expect, it } from 'vitest';
import {
	commaList, isoWib, kelurahanInAddress, MAX_IDS, open311Status, parseIsoDateTime, parseRequestFilter, splitFormat, statusesOf, titleFrom
} from './open311.rules';
import { ADUAN_STATUSES } from '../aduan/aduan.rules';

describe('formats and statuses', () => {
	it('splits the extension', () => {
		expect(splitFormat('services.json')).toEqual({ name: 'services', format: 'json' });
		expect(splitFormat('MGL-2026-000001.xml')).toEqual({ name: 'MGL-2026-000001', format: 'xml' });
		expect(splitFormat('services')).toBeUndefined();
		expect(splitFormat('services.html')).toBeUndefined();
		expect(splitFormat('.json')).toBeUndefined();
	});
	it('maps every aduan status to open or closed and back', () => {
		expect(ADUAN_STATUSES.map(open311Status)).toEqual(['open', 'open', 'open', 'closed', 'closed', 'closed']);
		for (const s of ADUAN_STATUSES) expect(statusesOf(open311Status(s))).toContain(s);
	});
	it('writes ISO 8601 in WIB', () => {
		expect(isoWib(new Date('2026-11-28T17:30:00Z'))).toBe('2026-11-29T00:30:00+07:00');
		expect(isoWib(new Date('2026-12-31T23:00:00.123Z'))).toBe('2027-01-01T06:00:00+07:00');
	});
	it('splits comma lists', () => {
		expect(commaList(undefined)).toEqual([]);
		expect(commaList(' a, b,,a ')).toEqual(['a', 'b']);
	});
});

describe('parseIsoDateTime', () => {
	it('reads dates (midnight WIB), times with and without offsets', () => {
		expect(parseIsoDateTime('2026-11-28')?.toISOString()).toBe('2026-11-27T17:00:00.000Z');
		expect(parseIsoDateTime('2026-11-28T08:00:00Z')?.toISOString()).toBe('2026-11-28T08:00:00.000Z');
		expect(parseIsoDateTime('2026-11-28T08:00:00+07:00')?.toISOString()).toBe('2026-11-28T01:00:00.000Z');
		expect(parseIsoDateTime('2026-11-28T08:00:00-0500')?.toISOString()).toBe('2026-11-28T13:00:00.000Z');
		expect(parseIsoDateTime('2026-11-28T08:00')?.toISOString()).toBe('2026-11-28T01:00:00.000Z');
		expect(parseIsoDateTime('2026-11-28T08:00:00.250Z')?.toISOString()).toBe('2026-11-28T08:00:00.250Z');
		expect(parseIsoDateTime('2026-11-28T08:00:00 07:00')?.toISOString()).toBe('2026-11-28T01:00:00.000Z');
	});
	it('refuses anything else', () => {
		for (const bad of ['', 'kemarin', '2026-02-30', '2026-13-01', '28-11-2026', '2026-11-28 08:00', '2026-11-28T25:00:00Z', '1764300000']) {
			expect(parseIsoDateTime(bad), bad).toBeUndefined();
		}
	});
});

describe('parseRequestFilter', () => {
	const now = new Date('2026-11-28T05:00:00Z');
	const day = 86_400_000;
	it('defaults to the last 90 days, all services and statuses', () => {
		expect(parseRequestFilter({}, now)).toEqual({ filter: { serviceCodes: [], statuses: [], start: new Date(now.getTime() - 90 * day), end: now } });
	});
	it('lets service_request_id win over every other filter', () => {
		expect(parseRequestFilter({ service_request_id: 'A,B', status: 'nonsense', start_date: 'x' }, now)).toEqual({ filter: { ids: ['A', 'B'] } });
		const many = Array.from({ length: MAX_IDS + 1 }, (_, i) => `ID${i}`).join(',');
		expect(parseRequestFilter({ service_request_id: many }, now)).toEqual({ problem: { param: 'service_request_id', kind: 'too_many' } });
	});
	it('reads service codes and statuses as comma lists', () => {
		const r = parseRequestFilter({ service_code: 'sampah,jalan-rusak', status: 'open,closed' }, now);
		expect(r).toMatchObject({ filter: { serviceCodes: ['sampah', 'jalan-rusak'], statuses: ['open', 'closed'] } });
		expect(parseRequestFilter({ status: 'pending' }, now)).toEqual({ problem: { param: 'status', kind: 'status' } });
	});
	it('fills the missing end of a range and limits its span', () => {
		const start = new Date('2026-06-01T00:00:00+07:00');
		expect(parseRequestFilter({ start_date: '2026-06-01' }, now)).toMatchObject({ filter: { start, end: new Date(start.getTime() + 90 * day) } });
		const end = new Date('2026-06-01T00:00:00+07:00');
		expect(parseRequestFilter({ end_date: '2026-06-01' }, now)).toMatchObject({ filter: { start: new Date(end.getTime() - 90 * day), end } });
		expect(parseRequestFilter({ start_date: '2026-01-01', end_date: '2026-03-31' }, now)).toMatchObject({ filter: { start: new Date('2026-01-01T00:00:00+07:00') } });
		expect(parseRequestFilter({ start_date: '2026-01-01', end_date: '2026-04-02' }, now)).toEqual({ problem: { param: 'end_date', kind: 'span' } });
		expect(parseRequestFilter({ start_date: '2026-03-01', end_date: '2026-02-01' }, now)).toEqual({ problem: { param: 'end_date', kind: 'order' } });
		expect(parseRequestFilter({ start_date: 'kemarin' }, now)).toEqual({ problem: { param: 'start_date', kind: 'date' } });
		expect(parseRequestFilter({ end_date: '2026-02-30' }, now)).toEqual({ problem: { param: 'end_date', kind: 'date' } });
	});
});

describe('kelurahanInAddress', () => {
	const list = [
		{ code: '1', name: 'Magelang' }, { code: '2', name: 'Rejowinangun Utara' }, { code: '3', name: 'Rejowinangun Selatan' },
		{ code: '4', name: 'Tidar Selatan' }, { code: '5', name: 'Panjang' }, { code: '6', name: 'Wates' }
	];
	it('prefers the longest whole-word name', () => {
		expect(kelurahanInAddress('Jl. Sudirman 3, Rejowinangun Utara, Kota Magelang', list)?.code).toBe('2');
		expect(kelurahanInAddress('jl. tidar no 5 TIDAR SELATAN magelang selatan', list)?.code).toBe('4');
	});
	it('prefers a name after "kelurahan"/"kel."', () => {
		expect(kelurahanInAddress('Jl. Panjang Rejowinangun Selatan? bukan, Kel. Magelang', list)?.code).toBe('1');
		expect(kelurahanInAddress('Kelurahan Wates, dekat Tidar Selatan', list)?.code).toBe('6');
	});
	it('matches whole words only, and nothing without a name', () => {
		expect(kelurahanInAddress('Jl. Watesan 4', list)).toBeUndefined();
		expect(kelurahanInAddress('', list)).toBeUndefined();
		expect(kelurahanInAddress('Jakarta Pusat', list)).toBeUndefined();
	});
});

describe('titleFrom', () => {
	it('takes the first line, cut at a word near 80 characters', () => {
		expect(titleFrom('Lampu jalan mati\nSudah seminggu gelap', 'Lampu')).toBe('Lampu jalan mati');
		const long = 'Saluran air di depan rumah nomor dua belas tersumbat sampah plastik sehingga meluap ke jalan setiap hujan';
		const t = titleFrom(long, 'x');
		expect(t.length).toBeLessThanOrEqual(81);
		expect(t.endsWith('…')).toBe(true);
		expect(long.startsWith(t.slice(0, -1))).toBe(true);
	});
	it('falls back for a first line under 5 characters', () => {
		expect(titleFrom('Hi\nPanjang sekali isinya', 'Sampah')).toBe('Sampah');
		expect(titleFrom('   ', 'Sampah')).toBe('Sampah');
	});
});
