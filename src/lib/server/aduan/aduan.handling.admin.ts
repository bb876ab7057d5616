/** The admin's side of aduan handling: the holiday calendar and the units' staff. */
import { and, eq } from 'drizzle-orm';
import { AppError, invalid } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { holidays, unitMembers } from '../db/schema';
import { m } from '../../paraglide/messages.js';
import { authorize } from './aduan.handling.guard';
import { canManageCalendar, canManageUnits } from './aduan.handling.policy';
import { findHoliday, findUnit, findUserByEmail, listHolidays, listUnitMembers, listUnits } from './aduan.handling.queries';
import type { HolidayInput, MemberInput } from './aduan.handling.schema';

/** The calendar of days off (and seeded days marked as worked), optionally one year. Public. */
export const getHolidays = (ctx: Ctx, year?: number) => listHolidays(ctx.db, year);

/**
 * Adds or changes a day (admin): cuti bersama, a local holiday, or `is_off: false` to mark a
 * seeded holiday as a working day. Deadlines computed from now on follow the new calendar.
 */
export async function saveHoliday(ctx: Ctx, input: HolidayInput) {
	authorize(ctx, canManageCalendar(ctx.actor));
	return ctx.db.transaction(async (tx) => {
		const before = await findHoliday(tx, input.day);
		const values = { name: input.name, kind: input.kind, isOff: input.is_off, updatedBy: ctx.actor!.userId, updatedAt: nowOf(ctx) };
		const [row] = before
			? await tx.update(holidays).set(values).where(eq(holidays.day, input.day)).returning()
			: await tx.insert(holidays).values({ day: input.day, source: 'admin', ...values }).returning();
		await audit(tx, ctx.actor, 'holiday.save', { type: 'holiday', id: input.day }, { before, after: row });
		return row;
	});
}

/**
 * Removes a day the admin added; a seeded day is kept and marked as worked instead (the seeder
 * would bring a deleted one back at the next start).
 */
export async function removeHoliday(ctx: Ctx, day: string) {
	authorize(ctx, canManageCalendar(ctx.actor));
	return ctx.db.transaction(async (tx) => {
		const before = await findHoliday(tx, day);
		if (!before) throw new AppError('NOT_FOUND', m.aduan_desk_err_holiday_not_found());
		if (before.source === 'admin') await tx.delete(holidays).where(eq(holidays.day, day));
		else await tx.update(holidays).set({ isOff: false, updatedBy: ctx.actor!.userId, updatedAt: nowOf(ctx) }).where(eq(holidays.day, day));
		await audit(tx, ctx.actor, 'holiday.remove', { type: 'holiday', id: day }, { before });
		return { deleted: before.source === 'admin' };
	});
}

/** Units with their staff (the member lists are the admin's). */
export async function getUnitsWithStaff(ctx: Ctx) {
	authorize(ctx, canManageUnits(ctx.actor));
	const [units, members] = await Promise.all([listUnits(ctx.db, false), listUnitMembers(ctx.db)]);
	return units.map((u) => ({ ...u, members: members.filter((x) => x.unitCode === u.code) }));
}

/** Adds an existing user to a unit's staff (or changes their supervisor flag). */
export async function addUnitMember(ctx: Ctx, code: string, input: MemberInput) {
	authorize(ctx, canManageUnits(ctx.actor));
	return ctx.db.transaction(async (tx) => {
		const unit = await findUnit(tx, code);
		if (!unit) throw new AppError('NOT_FOUND', m.aduan_desk_err_unit());
		const user = await findUserByEmail(tx, input.email);
		if (!user) throw invalid([{ path: 'email', message: m.aduan_desk_err_member_email() }]);
		const [row] = await tx
			.insert(unitMembers)
			.values({ unitCode: code, userId: user.id, isSupervisor: input.is_supervisor })
			.onConflictDoUpdate({ target: [unitMembers.unitCode, unitMembers.userId], set: { isSupervisor: input.is_supervisor } })
			.returning();
		await audit(tx, ctx.actor, 'unit.member_add', { type: 'unit', id: code }, { after: { userId: user.id, email: user.email, isSupervisor: row.isSupervisor } });
		return { unit_code: code, user_id: user.id, name: user.name, email: user.email, is_supervisor: row.isSupervisor };
	});
}

export async function removeUnitMember(ctx: Ctx, code: string, userId: string) {
	authorize(ctx, canManageUnits(ctx.actor));
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx.delete(unitMembers).where(and(eq(unitMembers.unitCode, code), eq(unitMembers.userId, userId))).returning();
		if (!row) throw new AppError('NOT_FOUND', m.aduan_desk_err_member_not_found());
		await audit(tx, ctx.actor, 'unit.member_remove', { type: 'unit', id: code }, { before: row });
	});
}
