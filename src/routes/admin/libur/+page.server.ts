import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { isFormFailure, requireAdminPage } from '$lib/server/admin/guard';
import { runForm } from '$lib/server/http/form';
import { getHolidays, removeHoliday, saveHoliday } from '$lib/server/aduan/aduan.handling.admin';
import { HolidaySchema } from '$lib/server/aduan/aduan.handling.schema';
import { isoDate } from '$lib/server/validation';
import { todayWib } from '$lib/server/validation';

/** The days-off calendar of the service-level clock, one year at a time (admin). */
export const load: PageServerLoad = async (event) => {
	requireAdminPage(event);
	const thisYear = Number(todayWib().slice(0, 4));
	const asked = Number(event.url.searchParams.get('tahun'));
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
	const days = await getHolidays(event.locals.ctx, year);
	return {
		year,
		days: days.map((d) => ({ day: d.day, name: d.name, kind: d.kind, isOff: d.isOff, source: d.source })),
		done: event.url.searchParams.get('ok'),
		doneDay: event.url.searchParams.get('hari')
	};
};

const back = (year: string, ok: string, day: string) => redirect(303, `/admin/libur?${new URLSearchParams({ tahun: year.slice(0, 4), ok, hari: day })}`);

export const actions: Actions = {
	save: async (event) => {
		requireAdminPage(event);
		const result = await runForm(event, HolidaySchema, (input) => saveHoliday(event.locals.ctx, input), { extra: { form: 'save' } });
		if (isFormFailure(result)) return result;
		back(result.day, result.isOff ? 'saved' : 'worked', result.day);
	},
	worked: async (event) => {
		requireAdminPage(event);
		const result = await runForm(event, z.object({ day: isoDate() }), (input) => removeHoliday(event.locals.ctx, input.day).then((r) => ({ ...r, day: input.day })));
		if (isFormFailure(result)) return result;
		back(result.day, result.deleted ? 'removed' : 'worked', result.day);
	},
	restore: async (event) => {
		requireAdminPage(event);
		const result = await runForm(event, HolidaySchema, (input) => saveHoliday(event.locals.ctx, { ...input, is_off: true }));
		if (isFormFailure(result)) return result;
		back(result.day, 'saved', result.day);
	}
};
