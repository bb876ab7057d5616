import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { buildUser, testApi, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import type { Db } from '../db/client';
import { buildAduan, ensureAduanReference } from './aduan.factories';
import { aduanOutcomes } from './aduan.stats.queries';
import { serviceLevelOutcome } from './aduan.stats.rules';
import { findAduanById } from './aduan.queries';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
const H = 3600_000;
const wib = (s: string) => new Date(`${s}+07:00`);
const after = (d: Date, hours: number) => new Date(d.getTime() + hours * H);

// A reporter whose details must never appear in any statistics answer.
const SECRET = { name: 'Sutrisno Rahasiawan', email: 'sutrisno.rahasia@contoh.id', phone: '081299887766' };
const TITLE = 'Judul aduan rahasia yang tidak boleh bocor';
const tracking: string[] = [];

beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
	await ensureAduanReference(db);
	const reporter = await buildUser(db, { name: SECRET.name, email: SECRET.email, phone: SECRET.phone });
	const add = async (over: Parameters<typeof buildAduan>[1]) => {
		const a = await buildAduan(db, { reporterId: reporter.id, title: TITLE, onBehalfName: SECRET.name, onBehalfEmail: SECRET.email, onBehalfPhone: SECRET.phone, ...over });
		tracking.push(a.trackingId);
		return a;
	};
	// Just before the range (31 Jan 23:30 WIB) and just inside it (1 Feb 00:30 WIB).
	const outsideEarly = wib('2026-01-31T23:30:00');
	await add({ createdAt: outsideEarly, verifyBy: after(outsideEarly, 72) });
	const a1 = wib('2026-02-01T00:30:00');
	await add({ createdAt: a1, verifyBy: after(a1, 72), verifiedAt: after(a1, 10), planBy: after(a1, 200), planPostedAt: after(a1, 20), resolvedAt: after(a1, 50), status: 'resolved', privacy: 'public' });
	const a2 = wib('2026-02-03T09:00:00');
	await add({ createdAt: a2, verifyBy: after(a2, 72), verifiedAt: after(a2, 30), planBy: after(a2, 200), status: 'verified', privacy: 'anonymous', categoryCode: 'sampah', kelurahanCode: WATES });
	const a3 = wib('2026-03-02T09:00:00');
	await add({ createdAt: a3, verifyBy: after(a3, 72), verifiedAt: after(a3, 20), planBy: after(a3, 200), resolvedAt: after(a3, 100), status: 'closed', closedAt: after(a3, 150), privacy: 'confidential' });
	const a4 = wib('2026-03-03T09:00:00');
	await add({ createdAt: a4, verifyBy: after(a4, 72), status: 'received', privacy: 'confidential', kelurahanCode: WATES });
	const a5 = wib('2026-03-31T23:59:00');
	await add({ createdAt: a5, verifyBy: after(a5, 72), rejectedAt: after(a5, 5), rejectReason: 'Bukan wewenang kota', status: 'rejected', categoryCode: 'sampah' });
	const outsideLate = wib('2026-04-01T00:00:00');
	await add({ createdAt: outsideLate, verifyBy: after(outsideLate, 72) });
});

const stats = (query: string) => call('GET', `/api/v1/aduan/stats${query}`);

describe('GET /api/v1/aduan/stats', () => {
	it('counts the aduan filed in the WIB range, whatever their privacy', async () => {
		const res = await stats('?from=2026-02-01&to=2026-03-31');
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			from: '2026-02-01', to: '2026-03-31', total: 5,
			by_status: { received: 1, verified: 1, in_progress: 0, resolved: 1, closed: 1, rejected: 1 },
			by_month: [{ month: '2026-02', count: 2 }, { month: '2026-03', count: 3 }]
		});
		expect(res.body.by_category.slice(0, 2)).toEqual([
			{ code: 'jalan-rusak', name: expect.any(String), count: 3 },
			{ code: 'sampah', name: expect.any(String), count: 2 }
		]);
		expect(res.body.by_category.find((c: { code: string }) => c.code === 'lampu-jalan')).toMatchObject({ count: 0 });
		expect(res.body.by_kelurahan).toEqual([
			{ code: TIDAR_SELATAN, name: 'Tidar Selatan', count: 3 },
			{ code: WATES, name: 'Wates', count: 2 }
		]);
	});

	it('gives medians from SQL (percentile_cont) and the share within the service levels', async () => {
		const res = await stats('?from=2026-02-01&to=2026-03-31');
		// Verified after 10, 30 and 20 hours; resolved after 50 and 100 (interpolated median 75).
		expect(res.body.median_hours_to_verify).toBe(20);
		expect(res.body.median_hours_to_resolve).toBe(75);
		// Met: a1 (plan in time), a3 (resolved in time), a5 (rejected in time); missed: a2 (no plan), a4 (never verified).
		expect(res.body.service_level).toEqual({ met: 3, missed: 2 });
		expect(res.body.within_service_level_ratio).toBe(0.6);
	});

	it('filters by date', async () => {
		const feb = await stats('?from=2026-02-01&to=2026-02-28');
		expect(feb.body).toMatchObject({ total: 2, median_hours_to_verify: 20, median_hours_to_resolve: 50, within_service_level_ratio: 0.5 });
		expect(feb.body.by_month).toEqual([{ month: '2026-02', count: 2 }]);
		const day = await stats('?from=2026-03-31&to=2026-03-31');
		expect(day.body).toMatchObject({ total: 1, by_status: { rejected: 1 }, median_hours_to_verify: null, median_hours_to_resolve: null, within_service_level_ratio: 1 });
	});

	it('answers zeros and nulls without data, every month listed', async () => {
		const res = await stats('?from=2025-01-01&to=2025-03-15');
		expect(res.body).toMatchObject({ total: 0, median_hours_to_verify: null, median_hours_to_resolve: null, within_service_level_ratio: null, by_kelurahan: [] });
		expect(res.body.by_month).toEqual([{ month: '2025-01', count: 0 }, { month: '2025-02', count: 0 }, { month: '2025-03', count: 0 }]);
		expect(res.body.by_category.length).toBeGreaterThanOrEqual(14);
	});

	it('defaults to the last 12 months', async () => {
		const res = await stats('');
		expect(res.status).toBe(200);
		expect(res.body.by_month).toHaveLength(12);
	});

	it('reveals nothing about the aduan or their reporters', async () => {
		const res = await stats('?from=2026-01-01&to=2026-04-30');
		const text = JSON.stringify(res.body);
		for (const secret of [SECRET.name, SECRET.email, SECRET.phone, TITLE, 'Bukan wewenang', ...tracking]) expect(text).not.toContain(secret);
		expect(Object.keys(res.body).sort()).toEqual(['by_category', 'by_kelurahan', 'by_month', 'by_status', 'from', 'median_hours_to_resolve', 'median_hours_to_verify', 'service_level', 'to', 'total', 'within_service_level_ratio']);
	});

	it('refuses bad ranges with field errors', async () => {
		const order = await stats('?from=2026-03-01&to=2026-02-01');
		expect(order.status).toBe(400);
		expect(order.body.errors).toEqual([{ path: 'from', message: expect.stringContaining('sebelum') }]);
		const long = await stats('?from=2020-01-01&to=2026-01-01');
		expect(long.status).toBe(400);
		expect(long.body.errors[0].path).toBe('to');
		for (const bad of ['?from=2026-02-30', '?to=kemarin', '?from=20260101']) {
			const res = await stats(bad);
			expect(res.status, bad).toBe(400);
			expect(res.body.code).toBe('INVALID');
		}
	});
});

describe('the SQL outcome', () => {
	it('agrees with serviceLevelOutcome on every aduan, at several instants', async () => {
		const base = wib('2026-05-04T09:00:00');
		const variants = [
			{}, { verifiedAt: after(base, 5) }, { verifiedAt: after(base, 100) }, { rejectedAt: after(base, 2) },
			{ verifiedAt: after(base, 5), planBy: after(base, 150) }, { verifiedAt: after(base, 5), planBy: after(base, 150), planPostedAt: after(base, 149) },
			{ verifiedAt: after(base, 5), planBy: after(base, 150), planPostedAt: after(base, 151) },
			{ verifiedAt: after(base, 5), planBy: after(base, 150), resolvedAt: after(base, 120) },
			{ verifiedAt: after(base, 5), planBy: after(base, 150), rejectedAt: after(base, 160) },
			{ verifiedAt: after(base, 72), planBy: after(base, 150), planPostedAt: after(base, 80) }
		];
		for (const v of variants) await buildAduan(db, { createdAt: base, verifyBy: after(base, 72), ...v });
		for (const now of [after(base, 1), after(base, 73), after(base, 149), after(base, 151), after(base, 1000)]) {
			for (const row of await aduanOutcomes(db, now)) {
				const a = (await findAduanById(db, row.id))!;
				expect(row.outcome, `${a.trackingId} at ${now.toISOString()}`).toBe(serviceLevelOutcome(a, now));
			}
		}
	});
});
