/** Managing emergency numbers (petugas/admin) — audited, one transaction each. 112 is always shown first. */
import { audit } from '../audit/audit';
import type { Ctx } from '../context';
import { isUuid } from '../../shared/slug';
import { deleteEmergencyRow, findEmergency, insertEmergency, updateEmergencyRow, type EmergencyRow } from './layanan.queries';
import type { CreateEmergency, UpdateEmergency } from './layanan.schema';
import { authorizeManage, emergencyNotFound } from './layanan.guard';

const columnsOf = (input: UpdateEmergency) => ({
	...(input.label !== undefined ? { label: input.label } : {}),
	...(input.number !== undefined ? { number: input.number } : {}),
	...(input.description !== undefined ? { description: input.description } : {}),
	...(input.position !== undefined ? { position: input.position } : {})
});

export async function createEmergency(ctx: Ctx, input: CreateEmergency): Promise<EmergencyRow> {
	authorizeManage(ctx);
	return ctx.db.transaction(async (tx) => {
		const row = await insertEmergency(tx, { label: input.label, number: input.number, description: input.description, position: input.position });
		await audit(tx, ctx.actor, 'layanan.emergency.create', { type: 'emergency_number', id: row.id }, { after: row });
		return row;
	});
}

export async function updateEmergency(ctx: Ctx, id: string, input: UpdateEmergency): Promise<EmergencyRow> {
	authorizeManage(ctx);
	if (!isUuid(id)) throw emergencyNotFound();
	return ctx.db.transaction(async (tx) => {
		const before = await findEmergency(tx, id, true);
		if (!before) throw emergencyNotFound();
		const after = await updateEmergencyRow(tx, id, columnsOf(input));
		await audit(tx, ctx.actor, 'layanan.emergency.update', { type: 'emergency_number', id }, { before, after });
		return after;
	});
}

export async function deleteEmergency(ctx: Ctx, id: string): Promise<void> {
	authorizeManage(ctx);
	if (!isUuid(id)) throw emergencyNotFound();
	await ctx.db.transaction(async (tx) => {
		const before = await findEmergency(tx, id, true);
		if (!before) throw emergencyNotFound();
		await deleteEmergencyRow(tx, id);
		await audit(tx, ctx.actor, 'layanan.emergency.delete', { type: 'emergency_number', id }, { before });
	});
}

/** One emergency number (for the edit form). */
export async function getEmergency(ctx: Ctx, id: string): Promise<EmergencyRow> {
	authorizeManage(ctx);
	const row = isUuid(id) ? await findEmergency(ctx.db, id) : undefined;
	if (!row) throw emergencyNotFound();
	return row;
}
