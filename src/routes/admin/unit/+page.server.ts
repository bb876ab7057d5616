import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { isFormFailure, requireAdminPage } from '$lib/server/admin/guard';
import { runForm, runLoad } from '$lib/server/http/form';
import { addUnitMember, getUnitsWithStaff, removeUnitMember } from '$lib/server/aduan/aduan.handling.admin';
import { MemberSchema } from '$lib/server/aduan/aduan.handling.schema';

/** Units (perangkat daerah) and their aduan staff; the admin adds existing users by email. */
export const load: PageServerLoad = async (event) => {
	requireAdminPage(event);
	const units = await runLoad(event, () => getUnitsWithStaff(event.locals.ctx));
	return {
		units: units.map((u) => ({ code: u.code, name: u.name, shortName: u.shortName, isActive: u.isActive, members: u.members.map((x) => ({ userId: x.userId, name: x.name, email: x.email, isSupervisor: x.isSupervisor })) })),
		done: event.url.searchParams.get('ok'),
		doneUnit: event.url.searchParams.get('unit')
	};
};

const AddSchema = MemberSchema.extend({ unit_code: z.string().min(1).max(40) });
const RemoveSchema = z.object({ unit_code: z.string().min(1).max(40), user_id: z.uuid() });

export const actions: Actions = {
	add: async (event) => {
		requireAdminPage(event);
		const result = await runForm(event, AddSchema, (input) => addUnitMember(event.locals.ctx, input.unit_code, input));
		if (isFormFailure(result)) return result;
		redirect(303, `/admin/unit?ok=added&unit=${result.unit_code}#unit-${result.unit_code}`);
	},
	remove: async (event) => {
		requireAdminPage(event);
		const result = await runForm(event, RemoveSchema, (input) => removeUnitMember(event.locals.ctx, input.unit_code, input.user_id).then(() => input));
		if (isFormFailure(result)) return result;
		redirect(303, `/admin/unit?ok=removed&unit=${result.unit_code}#unit-${result.unit_code}`);
	}
};
