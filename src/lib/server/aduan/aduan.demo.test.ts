import { beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildKim, buildUser } from '../../../../tests/factories';
import { aduan, aduanEvents, unitMembers, users } from '../db/schema';
import type { Db } from '../db/client';
import { loadActor } from '../auth/auth.queries';
import { seedDemoAduan, DEMO_UNIT_ACCOUNTS } from '../demo/demo.aduan';
import { deadlineAfter, VERIFY_WITHIN_DAYS, PLAN_WITHIN_DAYS, TRACKING_ID_RE } from './aduan.rules';
import { loadHolidaySet } from './aduan.queries';
import { seedAduanReference } from './aduan.seed';

let db: Db;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
});

describe('seedDemoAduan', () => {
	it('creates the DPUPR accounts and aduan in every status and privacy mode, with rule-consistent deadlines', async () => {
		const petugas = await buildUser(db, { role: 'petugas' });
		const warga = await buildUser(db);
		const anggota = await buildUser(db);
		const kim = await buildKim(db, { members: [[anggota.id, 'anggota']] });
		const villages = [{ code: '33.71.01.1011', name: 'Tidar Selatan' }, { code: '33.71.02.1003', name: 'Wates' }];
		await seedDemoAduan(db, { petugasId: petugas.id, wargaId: warga.id, villages, verifiedKims: [{ id: kim.id, name: kim.name, kelurahanCode: kim.kelurahanCode, kelurahanName: 'Tidar Selatan', boardId: anggota.id, memberId: anggota.id }] });
		const [staff] = await db.select().from(users).where(eq(users.email, DEMO_UNIT_ACCOUNTS.staff));
		const [head] = await db.select().from(users).where(eq(users.email, DEMO_UNIT_ACCOUNTS.supervisor));
		expect(staff.isDemo && head.isDemo).toBe(true);
		expect((await loadActor(db, head.id))!.units).toEqual([{ unitCode: 'dpupr', isSupervisor: true }]);
		expect(await db.select().from(unitMembers).where(inArray(unitMembers.userId, [staff.id, head.id]))).toHaveLength(2);

		const rows = await db.select().from(aduan);
		expect(rows.length).toBeGreaterThanOrEqual(20);
		expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['received', 'verified', 'in_progress', 'resolved', 'closed', 'rejected']));
		expect(new Set(rows.map((r) => r.privacy))).toEqual(new Set(['public', 'anonymous', 'confidential']));
		expect(rows.some((r) => r.source === 'assisted' && r.assistedBy === anggota.id && r.reporterId === null)).toBe(true);
		expect(rows.filter((r) => r.status === 'closed').every((r) => r.closedAt && r.resolvedAt)).toBe(true);
		expect(rows.some((r) => r.rating !== null)).toBe(true);
		expect(rows.filter((r) => r.status === 'rejected').every((r) => !!r.rejectReason)).toBe(true);
		const now = new Date();
		expect(rows.some((r) => r.status === 'received' && r.verifyBy < now)).toBe(true);
		const holidays = await loadHolidaySet(db);
		for (const r of rows) {
			expect(r.trackingId).toMatch(TRACKING_ID_RE);
			expect(r.verifyBy.toISOString()).toBe(deadlineAfter(r.createdAt, VERIFY_WITHIN_DAYS, holidays).toISOString());
			if (r.verifiedAt) expect(r.planBy!.toISOString()).toBe(deadlineAfter(r.verifiedAt, PLAN_WITHIN_DAYS, holidays).toISOString());
			expect(r.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
			const events = await db.select().from(aduanEvents).where(eq(aduanEvents.aduanId, r.id));
			expect(events.filter((e) => e.kind === 'status').at(-1)?.toStatus).toBe(r.status);
		}
	});

	it('reference seeding is idempotent and keeps what an admin changed', async () => {
		const { units, aduanCategories } = await import('../db/schema');
		await seedAduanReference(db);
		await db.update(units).set({ name: 'Nama diubah admin' }).where(eq(units.code, 'dlh'));
		await db.update(aduanCategories).set({ isActive: false }).where(eq(aduanCategories.code, 'pencemaran'));
		await seedAduanReference(db);
		const [u] = await db.select().from(units).where(eq(units.code, 'dlh'));
		const [c] = await db.select().from(aduanCategories).where(eq(aduanCategories.code, 'pencemaran'));
		expect(u.name).toBe('Nama diubah admin');
		expect(c.isActive).toBe(false);
		expect(await db.select().from(units)).toHaveLength(12);
	});
});
