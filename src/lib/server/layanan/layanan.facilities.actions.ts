/** Managing facilities (petugas/admin): create, edit, publish/unpublish, delete — audited, one transaction each. */
import { invalid, type FieldError } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { deleteFacilityRow, findFacility, insertFacility, lockFacility, updateFacilityRow, type FacilityRow, type NewFacility } from './layanan.queries';
import type { CreateFacility, UpdateFacility } from './layanan.schema';
import { authorizeManage, facilityNotFound, kelurahanProblems, pointProblems, resolveSlug } from './layanan.guard';

function columnsOf(input: UpdateFacility): Partial<NewFacility> {
	const out: Partial<NewFacility> = {};
	if (input.name !== undefined) out.name = input.name;
	if (input.kind !== undefined) out.kind = input.kind;
	if (input.address !== undefined) out.address = input.address;
	if (input.kelurahan_code !== undefined) out.kelurahanCode = input.kelurahan_code;
	if (input.lat !== undefined) out.lat = input.lat;
	if (input.lng !== undefined) out.lng = input.lng;
	if (input.opening_hours !== undefined) out.openingHours = input.opening_hours;
	if (input.phone !== undefined) out.phone = input.phone;
	if (input.description !== undefined) out.description = input.description;
	if (input.is_published !== undefined) out.isPublished = input.is_published;
	return out;
}

/** Adds a facility; its point, when given, must lie inside the city's bounding box (CITY_BBOX). */
export async function createFacility(ctx: Ctx, input: CreateFacility): Promise<FacilityRow> {
	authorizeManage(ctx);
	return ctx.db.transaction(async (tx) => {
		const { slug, errors } = await resolveSlug(tx, 'facilities', input.slug, input.name);
		errors.push(...(await kelurahanProblems(tx, [input.kelurahan_code], 'kelurahan_code')), ...pointProblems(input.lat, input.lng));
		if (errors.length) throw invalid(errors);
		const now = nowOf(ctx);
		const row = await insertFacility(tx, { ...(columnsOf(input) as NewFacility), lat: input.lat ?? null, lng: input.lng ?? null, slug, createdAt: now, updatedAt: now });
		await audit(tx, ctx.actor, 'layanan.facility.create', { type: 'facility', id: row.id }, { after: row });
		return row;
	});
}

/** Changes the given fields of a facility (by slug or id); the merged point is checked again. */
export async function updateFacility(ctx: Ctx, ref: string, input: UpdateFacility): Promise<FacilityRow> {
	authorizeManage(ctx);
	const found = await findFacility(ctx.db, ref);
	if (!found) throw facilityNotFound();
	return ctx.db.transaction(async (tx) => {
		const before = await lockFacility(tx, found.id);
		if (!before) throw facilityNotFound();
		const patch = columnsOf(input);
		const errors: FieldError[] = [];
		if (input.slug !== undefined && input.slug !== before.slug) {
			const r = await resolveSlug(tx, 'facilities', input.slug, before.name, before.id);
			errors.push(...r.errors);
			patch.slug = r.slug;
		}
		if (patch.kelurahanCode !== undefined) errors.push(...(await kelurahanProblems(tx, [patch.kelurahanCode], 'kelurahan_code')));
		if (patch.lat !== undefined || patch.lng !== undefined) {
			errors.push(...pointProblems(patch.lat !== undefined ? patch.lat : before.lat, patch.lng !== undefined ? patch.lng : before.lng));
		}
		if (errors.length) throw invalid(errors);
		const after = await updateFacilityRow(tx, before.id, { ...patch, updatedAt: nowOf(ctx) });
		const onlyPublish = input.is_published !== undefined && Object.keys(input).length === 1;
		await audit(tx, ctx.actor, onlyPublish ? (input.is_published ? 'layanan.facility.publish' : 'layanan.facility.unpublish') : 'layanan.facility.update', { type: 'facility', id: before.id }, { before, after });
		return after;
	});
}

export async function deleteFacility(ctx: Ctx, ref: string): Promise<void> {
	authorizeManage(ctx);
	const found = await findFacility(ctx.db, ref);
	if (!found) throw facilityNotFound();
	await ctx.db.transaction(async (tx) => {
		const before = await lockFacility(tx, found.id);
		if (!before) throw facilityNotFound();
		await deleteFacilityRow(tx, before.id);
		await audit(tx, ctx.actor, 'layanan.facility.delete', { type: 'facility', id: before.id }, { before });
	});
}
