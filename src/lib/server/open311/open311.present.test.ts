import { describe, expect, it } from 'vitest';
import { presentRequest, presentService } from './open311.present';
import type { RequestRow } from './open311.queries';

const now = new Date('2026-11-28T03:00:00Z');
const row = (over: Partial<RequestRow> = {}): RequestRow => ({
	id: 'x', trackingId: 'MGL-2026-000001', status: 'received', privacy: 'public', categoryCode: 'sampah', categoryName: 'Sampah',
	title: 'Sampah', description: 'Sampah menumpuk', unitName: 'Dinas Lingkungan Hidup', kelurahanName: 'Wates', lat: -7.47, lng: 110.21,
	verifyBy: new Date('2026-12-02T16:59:59.999Z'), planBy: null, planPostedAt: null, autoCloseAt: null, rejectReason: null,
	createdAt: new Date('2026-11-27T17:30:00Z'), updatedAt: new Date('2026-11-27T17:30:00Z'), ...over
});

describe('presentRequest', () => {
	it('maps an open public aduan with its point, WIB times and the verify deadline', () => {
		expect(presentRequest(row(), now)).toMatchObject({
			service_request_id: 'MGL-2026-000001', status: 'open', lat: -7.47, long: 110.21, address: 'Wates',
			requested_datetime: '2026-11-28T00:30:00+07:00', expected_datetime: '2026-12-02T23:59:59+07:00', status_notes: null
		});
	});
	it('hides the point unless public', () => {
		for (const privacy of ['anonymous', 'confidential'] as const) expect(presentRequest(row({ privacy }), now)).toMatchObject({ lat: null, long: null });
	});
	it('gives the rejection reason as the only note (as on the web); no deadline once closed', () => {
		expect(presentRequest(row({ status: 'rejected', rejectReason: 'Bukan wewenang kota' }), now)).toMatchObject({ status: 'closed', status_notes: 'Bukan wewenang kota', expected_datetime: null });
		expect(presentRequest(row({ status: 'resolved', rejectReason: null }), now).status_notes).toBeNull();
		expect(presentRequest(row({ status: 'resolved', autoCloseAt: new Date('2026-12-10T00:00:00Z') }), now).expected_datetime).toBeNull();
	});
	it('never carries a reporter field', () => {
		expect(Object.keys(presentRequest(row(), now)).filter((k) => /name|email|phone|reporter|contact/.test(k))).toEqual(['service_name']);
	});
});

describe('presentService', () => {
	it('joins keywords and keeps empty ones null', () => {
		expect(presentService({ code: 'a', name: 'A', description: '', groupName: 'G', keywords: ['x', 'y'] })).toEqual({ service_code: 'a', service_name: 'A', description: null, metadata: false, type: 'realtime', keywords: 'x,y', group: 'G' });
		expect(presentService({ code: 'a', name: 'A', description: 'd', groupName: 'G', keywords: [] }).keywords).toBeNull();
	});
});
