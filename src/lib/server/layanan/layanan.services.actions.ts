/** Managing public services (petugas/admin): create, edit, publish/unpublish, delete — audited, one transaction each. */
import { invalid } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { deleteServiceRow, findService, insertService, lockService, updateServiceRow, type NewService, type ServiceRow } from './layanan.queries';
import type { CreateService, UpdateService } from './layanan.schema';
import { authorizeManage, kelurahanProblems, resolveSlug, serviceNotFound, unitProblems } from './layanan.guard';

/** Input fields → columns (only those given, for PATCH). */
function columnsOf(input: UpdateService): Partial<NewService> {
	const out: Partial<NewService> = {};
	if (input.name !== undefined) out.name = input.name;
	if (input.unit_code !== undefined) out.unitCode = input.unit_code;
	if (input.category !== undefined) out.category = input.category;
	if (input.description !== undefined) out.description = input.description ?? '';
	if (input.requirements !== undefined) out.requirements = input.requirements;
	if (input.steps !== undefined) out.steps = input.steps;
	if (input.fee !== undefined) out.fee = input.fee;
	if (input.fee_note !== undefined) out.feeNote = input.fee_note;
	if (input.service_time !== undefined) out.serviceTime = input.service_time;
	if (input.location !== undefined) out.location = input.location;
	if (input.hours !== undefined) out.hours = input.hours;
	if (input.contact !== undefined) out.contact = input.contact;
	if (input.online_url !== undefined) out.onlineUrl = input.online_url;
	if (input.kelurahan_codes !== undefined) out.kelurahanCodes = [...new Set(input.kelurahan_codes)];
	if (input.is_published !== undefined) out.isPublished = input.is_published;
	return out;
}

/** Adds a service to the directory (published unless `is_published: false`). A free slug is made from the name when none is given. */
export async function createService(ctx: Ctx, input: CreateService): Promise<ServiceRow> {
	authorizeManage(ctx);
	return ctx.db.transaction(async (tx) => {
		const { slug, errors } = await resolveSlug(tx, 'services', input.slug, input.name);
		errors.push(...(await unitProblems(tx, input.unit_code)), ...(await kelurahanProblems(tx, input.kelurahan_codes, 'kelurahan_codes')));
		if (errors.length) throw invalid(errors);
		const now = nowOf(ctx);
		const row = await insertService(tx, { ...(columnsOf(input) as NewService), slug, createdAt: now, updatedAt: now });
		const { searchVector: _s, ...after } = row;
		await audit(tx, ctx.actor, 'layanan.service.create', { type: 'public_service', id: row.id }, { after });
		return row;
	});
}

/** Changes the given fields of a service (by slug or id); also publishes/unpublishes. */
export async function updateService(ctx: Ctx, ref: string, input: UpdateService): Promise<ServiceRow> {
	authorizeManage(ctx);
	const found = await findService(ctx.db, ref);
	if (!found) throw serviceNotFound();
	return ctx.db.transaction(async (tx) => {
		const before = await lockService(tx, found.id);
		if (!before) throw serviceNotFound();
		const patch = columnsOf(input);
		const errors = [];
		if (input.slug !== undefined && input.slug !== before.slug) {
			const r = await resolveSlug(tx, 'services', input.slug, before.name, before.id);
			errors.push(...r.errors);
			patch.slug = r.slug;
		}
		if (patch.unitCode !== undefined && patch.unitCode !== before.unitCode) errors.push(...(await unitProblems(tx, patch.unitCode)));
		if (patch.kelurahanCodes) errors.push(...(await kelurahanProblems(tx, patch.kelurahanCodes, 'kelurahan_codes')));
		if (errors.length) throw invalid(errors);
		const after = await updateServiceRow(tx, before.id, { ...patch, updatedAt: nowOf(ctx) });
		const { searchVector: _a, ...b } = before;
		const { searchVector: _b, ...a } = after;
		await audit(tx, ctx.actor, input.is_published !== undefined && Object.keys(input).length === 1 ? (input.is_published ? 'layanan.service.publish' : 'layanan.service.unpublish') : 'layanan.service.update', { type: 'public_service', id: before.id }, { before: b, after: a });
		return after;
	});
}

/** Removes a service from the directory for good. */
export async function deleteService(ctx: Ctx, ref: string): Promise<void> {
	authorizeManage(ctx);
	const found = await findService(ctx.db, ref);
	if (!found) throw serviceNotFound();
	await ctx.db.transaction(async (tx) => {
		const before = await lockService(tx, found.id);
		if (!before) throw serviceNotFound();
		await deleteServiceRow(tx, before.id);
		const { searchVector: _s, ...b } = before;
		await audit(tx, ctx.actor, 'layanan.service.delete', { type: 'public_service', id: before.id }, { before: b });
	});
}
