import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, buildUser, ctxFor, testApi, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import type { Db } from '../db/client';
import { eq, sql } from 'drizzle-orm';
import { activityReports, aduan, kimMembers, kims, users } from '../db/schema';
import { rowsOf } from '../db/sql';
import { buildAduan, buildUnitStaff } from '../aduan/aduan.factories';
import { dueOf, endOfWibDay } from '../aduan/aduan.rules';
import { getBoard } from '../aduan/aduan.handling.read';
import { findAduanById } from '../aduan/aduan.handling.queries';
import { buildAssignment, buildCampaign, buildClicks, buildReport, buildShareLink, daysFromToday } from '../stats/stats.factories';
import { reachFigures } from '../stats/stats.queries';
import { percentOf } from '../stats/stats.rules';
import { todayWib } from '../validation';
import { getDashboard } from './dashboard.actions';
import { dueAtSql, reachByCampaign } from './dashboard.queries';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
const H = 3600_000;
const wib = (s: string) => new Date(`${s}+07:00`);

beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
});

describe('the windows at WIB day boundaries (a fixed clock)', () => {
	// 00:30 WIB on 31 March is still 30 March in UTC: every window must follow the WIB date.
	const now = wib('2026-03-31T00:30:00');
	let petugas: NonNullable<Awaited<ReturnType<typeof buildActor>>>;
	const dash = () => getDashboard(ctxFor(db, petugas, { now }));

	it('counts reports, clicks, deadlines and resolutions by the WIB day', async () => {
		petugas = await buildActor(db, 'petugas');
		const before = await dash();
		expect(before.today).toBe('2026-03-31');
		expect(before.activity.current).toMatchObject({ from: '2026-03-02', to: '2026-03-31' });
		expect(before.activity.previous).toMatchObject({ from: '2026-01-31', to: '2026-03-01' });
		expect(before.clicks).toMatchObject({ from: '2026-03-25', to: '2026-03-31' });
		expect(before.aduan.since).toBe('2026-03-02');

		const kim = await buildKim(db);
		const report = (heldOn: string, audienceCount: number) => buildReport(db, { kimId: kim.id, kelurahanCode: TIDAR_SELATAN, heldOn, audienceCount });
		await report('2026-03-31', 1); // today
		await report('2026-03-02', 2); // first day of the last 30
		await report('2026-03-01', 4); // last day of the 30 before
		await report('2026-01-31', 8); // first day of the 30 before
		await report('2026-01-30', 16); // outside
		await report('2026-04-01', 32); // tomorrow: outside

		const campaign = await buildCampaign(db, { status: 'finished', startsOn: '2026-03-01', endsOn: '2026-03-20' });
		const link = await buildShareLink(db, campaign.id, kim.id, petugas.userId);
		await buildClicks(db, link.id, '2026-03-24', ['a']); // outside the 7 days
		await buildClicks(db, link.id, '2026-03-25', ['a', 'b']);
		await buildClicks(db, link.id, '2026-03-31', ['c']);

		const staffBy = (ymd: string) => endOfWibDay(ymd);
		await buildAduan(db, { status: 'received', createdAt: wib('2026-03-26T09:00:00'), verifyBy: staffBy('2026-03-31') }); // due today
		await buildAduan(db, { status: 'received', createdAt: wib('2026-03-25T09:00:00'), verifyBy: staffBy('2026-03-30') }); // overdue by 31 minutes
		await buildAduan(db, { status: 'received', createdAt: wib('2026-03-27T09:00:00'), verifyBy: staffBy('2026-04-01') }); // tomorrow
		const resolvedAduan = (resolvedAt: Date) =>
			buildAduan(db, { status: 'closed', createdAt: new Date(resolvedAt.getTime() - 10 * H), verifyBy: resolvedAt, verifiedAt: resolvedAt, resolvedAt, closedAt: resolvedAt });
		await resolvedAduan(wib('2026-03-02T00:10:00')); // in the window
		await resolvedAduan(wib('2026-03-01T23:50:00')); // just before it

		const after = await dash();
		expect(after.activity.current.reports - before.activity.current.reports).toBe(2);
		expect(after.activity.current.audience - before.activity.current.audience).toBe(3);
		expect(after.activity.previous.reports - before.activity.previous.reports).toBe(2);
		expect(after.activity.previous.audience - before.activity.previous.audience).toBe(12);
		expect(after.clicks.total - before.clicks.total).toBe(3);
		expect(after.clicks.byDay.map((d) => d.day)).toEqual(['2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
		expect(after.aduan.dueToday - before.aduan.dueToday).toBe(1);
		expect(after.aduan.overdue - before.aduan.overdue).toBe(1);
		expect(after.aduan.received - before.aduan.received).toBe(3);
		expect(after.aduan.resolved - before.aduan.resolved).toBe(1);
	});
});

/** A city with KIMs, campaigns, reports, clicks and aduan around today (the real clock). */
async function setup() {
	const petugas = await buildActor(db, 'petugas');
	const admin = await buildActor(db, 'admin');
	const warga = await buildActor(db, 'warga');
	const a = await buildKim(db);
	const b = await buildKim(db, { kelurahanCode: WATES, kecamatanCode: '33.71.02' });
	const c = await buildKim(db);
	await buildKim(db, { kelurahanCode: null }); // kecamatan-level: no kelurahan of its own
	const waiting = await buildKim(db, { status: 'registered', kelurahanCode: '33.71.01.1003' });
	await buildKim(db, { status: 'returned', kelurahanCode: '33.71.01.1010' });
	const pengurus = await buildActor(db, 'warga', { kimId: a.id, position: 'ketua' });
	const anggota = await buildActor(db, 'warga', { kimId: a.id, position: 'anggota' });
	await buildActor(db, 'warga', { kimId: b.id, position: 'anggota' });
	const both = await buildActor(db, 'warga', { kimId: a.id, position: 'anggota' });
	await db.insert(kimMembers).values({ kimId: b.id, userId: both.userId, position: 'seksi' });
	await buildActor(db, 'warga', { kimId: waiting.id, position: 'ketua' }); // a KIM not verified yet
	const gone = await buildUser(db, { isActive: false });
	await db.insert(kimMembers).values({ kimId: a.id, userId: gone.id, position: 'anggota' });

	// Campaigns: two active ending within 7 days (day 5 and day 7), two later, one finished, one draft.
	const c1 = await buildCampaign(db, { title: 'Imunisasi Campak', startsOn: daysFromToday(-10), endsOn: daysFromToday(5), targetReach: 200 });
	const c2 = await buildCampaign(db, { title: 'Cegah DBD', startsOn: daysFromToday(-3), endsOn: daysFromToday(7), targetReach: 0 });
	await buildCampaign(db, { title: 'Pajak Kendaraan', endsOn: daysFromToday(8) });
	await buildCampaign(db, { title: 'Sensus UMKM', endsOn: daysFromToday(30) });
	const old = await buildCampaign(db, { title: 'Lama', status: 'finished', startsOn: daysFromToday(-40), endsOn: daysFromToday(-20) });
	await buildCampaign(db, { title: 'Rancangan', status: 'draft', launchedAt: null });

	await buildAssignment(db, c1.id, a.id, { status: 'accepted', dueOn: daysFromToday(-1) }); // overdue
	await buildAssignment(db, c1.id, b.id, { status: 'new', dueOn: daysFromToday(0) }); // due today: not overdue
	await buildAssignment(db, c1.id, c.id, { status: 'done', dueOn: daysFromToday(-1) });

	const report = (kimId: string, heldOn: string, audienceCount: number, campaignId: string | null = null) =>
		buildReport(db, { kimId, kelurahanCode: TIDAR_SELATAN, heldOn, audienceCount, campaignId });
	await report(a.id, daysFromToday(-1), 30, c1.id);
	await report(a.id, daysFromToday(-1), 10, c1.id);
	await report(b.id, daysFromToday(-2), 25, c1.id);
	await report(b.id, daysFromToday(-2), 0, c2.id);
	const todays = await report(a.id, daysFromToday(0), 7);
	await report(c.id, daysFromToday(-29), 11);
	await report(c.id, daysFromToday(-30), 13);
	const oldest = await report(c.id, daysFromToday(-59), 17);
	await report(c.id, daysFromToday(-60), 100);

	const link = await buildShareLink(db, c1.id, a.id, pengurus.userId);
	await buildClicks(db, link.id, daysFromToday(-8), ['v4']);
	await buildClicks(db, link.id, daysFromToday(-1), ['v1', 'v1', 'v2']);
	await buildClicks(db, link.id, daysFromToday(0), ['v3']);
	const oldLink = await buildShareLink(db, old.id, b.id, both.userId);
	await buildClicks(db, oldLink.id, daysFromToday(0), ['v9']);

	const now = Date.now();
	const ago = (hours: number) => new Date(now - hours * H);
	const today = todayWib();
	const x = await buildAduan(db, { status: 'received', createdAt: ago(80), verifyBy: ago(1) }); // overdue
	await buildAduan(db, { status: 'received', verifyBy: endOfWibDay(today) }); // due today
	await buildAduan(db, { status: 'verified', verifiedAt: ago(1), planBy: endOfWibDay(daysFromToday(2)) });
	await buildAduan(db, { status: 'in_progress', verifiedAt: ago(100), planBy: ago(10), planPostedAt: ago(50) }); // plan posted: nothing due
	await buildAduan(db, { status: 'in_progress', verifiedAt: ago(100), planBy: ago(48) }); // overdue plan
	await buildAduan(db, { status: 'resolved', createdAt: ago(58), resolvedAt: ago(48), autoCloseAt: ago(2) }); // overdue close; 10 h
	await buildAduan(db, { status: 'closed', createdAt: ago(102), resolvedAt: ago(72), closedAt: ago(70) }); // 30 h
	await buildAduan(db, { status: 'rejected', rejectedAt: ago(1) });
	await buildAduan(db, { status: 'closed', createdAt: ago(40 * 24 + 5), resolvedAt: ago(40 * 24), closedAt: ago(39 * 24) }); // resolved long ago
	const unitStaff = await buildUnitStaff(db, x.unitCode);
	return { petugas, admin, warga, pengurus, anggota, unitStaff, c1, c2, c, waiting, todays, oldest };
}

describe('GET /api/v1/dashboard', () => {
	let s: Awaited<ReturnType<typeof setup>>;

	it('is staff only: anonymous 401, residents, KIM members and unit staff 403, problem+json', async () => {
		s = await setup();
		const anonymous = await call('GET', '/api/v1/dashboard');
		expect(anonymous.status).toBe(401);
		expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
		for (const who of [s.warga, s.anggota, s.pengurus, s.unitStaff]) {
			const res = await call('GET', '/api/v1/dashboard', { as: who });
			expect(res.status).toBe(403);
			expect(res.body.code).toBe('FORBIDDEN');
		}
		expect((await call('GET', '/api/v1/dashboard', { as: s.admin })).status).toBe(200);
	});

	it('answers the exact figures', async () => {
		const res = await call('GET', '/api/v1/dashboard', { as: s.petugas });
		expect(res.status).toBe(200);
		const d = res.body;
		expect(d.today).toBe(daysFromToday(0));
		// Verified: a, b, c, the kecamatan-level one and the fixed-clock test's; covered: Tidar Selatan and Wates.
		expect(d.kims).toEqual({ verified: 5, waiting: 1, active_members: 4, kelurahan_covered: 2, kelurahan_total: 17, coverage_percent: 11 });
		expect(d.campaigns.active).toBe(4);
		expect(d.campaigns.ending_within_7_days).toBe(2);
		expect(d.campaigns.ending_until).toBe(daysFromToday(7));
		expect(d.campaigns.list.map((c: { title: string }) => c.title)).toEqual(['Imunisasi Campak', 'Cegah DBD', 'Pajak Kendaraan', 'Sensus UMKM']);
		expect(d.campaigns.list[0]).toEqual({
			id: s.c1.id, title: 'Imunisasi Campak', starts_on: daysFromToday(-10), ends_on: daysFromToday(5), target_reach: 200,
			reports: 3, reported_audience: 65, percent_of_target: 32, clicks: 5, unique_visitors: 4, assignments_overdue: 1, assignments_total: 3
		});
		expect(d.campaigns.list[1]).toMatchObject({ reports: 1, reported_audience: 0, percent_of_target: null, clicks: 0, unique_visitors: 0, assignments_overdue: 0, assignments_total: 0 });
		expect(d.activity).toEqual({
			last_30_days: { from: daysFromToday(-29), to: daysFromToday(0), reports: 6, audience: 83 },
			previous_30_days: { from: daysFromToday(-59), to: daysFromToday(-30), reports: 2, audience: 30 },
			reports_change_percent: 200,
			audience_change_percent: 177
		});
		// Plus the fixed-clock test's three received aduan, all past their March deadlines by now.
		expect(d.aduan).toEqual({
			received: 2 + 3, verified: 1, in_progress: 2, due_today: 1, overdue: 3 + 3,
			resolved_since: daysFromToday(-29), resolved: 2, median_resolution_hours: 20
		});
		expect(d.clicks.total).toBe(5);
		expect(d.clicks.by_day).toHaveLength(7);
		expect(d.clicks.by_day.at(-1)).toEqual({ day: daysFromToday(0), clicks: 2 });
		expect(d.clicks.by_day.at(-2)).toEqual({ day: daysFromToday(-1), clicks: 3 });
	});

	it('counts due and overdue aduan exactly as the board and aduan.rules do', async () => {
		for (const now of [new Date(), new Date(Date.now() + 3 * 24 * H), new Date(Date.now() - 2 * H)]) {
			const ctx = ctxFor(db, s.petugas, { now });
			const d = await getDashboard(ctx);
			expect(d.aduan.overdue).toBe((await getBoard(ctx, { due: 'overdue' })).length);
			expect(d.aduan.dueToday).toBe((await getBoard(ctx, { due: 'today' })).length);
			const open = await getBoard(ctx, {});
			const rows = await Promise.all(open.map((r) => findAduanById(db, r.id)));
			expect(d.aduan.overdue).toBe(rows.filter((a) => dueOf(a!, now)?.overdue).length);
			expect(d.aduan.dueToday).toBe(rows.filter((a) => dueOf(a!, now)?.dueToday).length);
		}
	});

	it('keeps the open aduan per status and deadline day equal to a count of the aduan, through every change', async () => {
		type Day = { status: string; due_day: string; n: number };
		const kept = async () => rowsOf<Day>(await db.execute(sql`select status::text, due_day::text, n from aduan_open_days where n <> 0 order by 1, 2`));
		const truth = async () =>
			rowsOf<Day>(
				await db.execute(sql`select status::text, aduan_due_day(${dueAtSql})::text as due_day, count(*)::int as n
					from aduan where status in ('received', 'verified', 'in_progress', 'resolved') group by 1, 2 order by 1, 2`)
			);
		expect(await kept()).toEqual(await truth());
		// 00:30 WIB on 31 March is 30 March in UTC: the day is the WIB one.
		const a = await buildAduan(db, { status: 'received', verifyBy: wib('2026-03-31T00:30:00') });
		expect((await kept()).find((d) => d.due_day === '2026-03-31' && d.status === 'received')?.n).toBeGreaterThan(0);
		const steps: Partial<typeof aduan.$inferInsert>[] = [
			{ status: 'verified', verifiedAt: wib('2026-03-31T00:10:00'), planBy: wib('2026-04-02T16:00:00') },
			{ title: 'Judul lain' }, // no deadline field: nothing moves
			{ planBy: wib('2026-04-03T16:00:00') },
			{ status: 'in_progress', planPostedAt: wib('2026-04-01T09:00:00') }, // plan posted: no deadline
			{ status: 'resolved', resolvedAt: wib('2026-04-05T09:00:00'), autoCloseAt: wib('2026-04-08T09:00:00') },
			{ status: 'closed', closedAt: wib('2026-04-08T09:00:00') }
		];
		for (const step of steps) {
			await db.update(aduan).set(step).where(eq(aduan.id, a.id));
			expect(await kept()).toEqual(await truth());
		}
		const b = await buildAduan(db, { status: 'received', verifyBy: wib('2026-05-01T10:00:00') });
		await db.delete(aduan).where(eq(aduan.id, b.id));
		expect(await kept()).toEqual(await truth());
	});

	it('gives the same campaign clicks as the reach statistics', async () => {
		const byDay = (await reachFigures(db, s.c1.id, null)).dayClicks;
		const sum = byDay.reduce((t, r) => ({ clicks: t.clicks + r.clicks, uniqueVisitors: t.uniqueVisitors + r.uniqueVisitors }), { clicks: 0, uniqueVisitors: 0 });
		expect(sum.clicks).toBeGreaterThan(0);
		expect((await reachByCampaign(db, [s.c1.id]))[0]).toMatchObject(sum);
	});

	it('follows memberships, activation, verification and moved or deleted reports at once', async () => {
		const before = (await call('GET', '/api/v1/dashboard', { as: s.petugas })).body;
		await buildActor(db, 'warga', { kimId: s.c.id, position: 'anggota' }); // +1 member
		await db.update(users).set({ isActive: false }).where(eq(users.id, s.anggota.userId)); // −1
		await db.update(kims).set({ status: 'verified' }).where(eq(kims.id, s.waiting.id)); // its ketua +1; a third kelurahan covered
		await db.update(activityReports).set({ heldOn: daysFromToday(-45) }).where(eq(activityReports.id, s.todays.id)); // into the previous window
		await db.delete(activityReports).where(eq(activityReports.id, s.oldest.id));
		const after = (await call('GET', '/api/v1/dashboard', { as: s.petugas })).body;
		expect(after.kims).toEqual({
			verified: before.kims.verified + 1, waiting: 0, active_members: before.kims.active_members + 1,
			kelurahan_covered: 3, kelurahan_total: 17, coverage_percent: percentOf(3, 17)
		});
		expect(after.activity).toMatchObject({
			last_30_days: { reports: before.activity.last_30_days.reports - 1, audience: before.activity.last_30_days.audience - 7 },
			previous_30_days: { reports: before.activity.previous_30_days.reports, audience: before.activity.previous_30_days.audience - 17 + 7 }
		});
	});

	it('is in the OpenAPI document', async () => {
		const doc = (await call('GET', '/api/openapi.json')).body;
		expect(Object.keys(doc.paths['/api/v1/dashboard'].get.responses)).toEqual(expect.arrayContaining(['200', '401', '403']));
	});
});
