import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { nowOf } from '$lib/server/context';
import { todayWib } from '$lib/server/validation';
import { refuseOversizedForm, requireActor, runForm, runLoad } from '$lib/server/http/form';
import { getFileStorage } from '$lib/server/files/storage';
import { megabytes } from '$lib/server/files/files.rules';
import { createReport } from '$lib/server/reports/reports.actions';
import { reportFormOptions } from '$lib/server/reports/reports.read.actions';
import { CreateReportSchema } from '$lib/server/reports/reports.schema';
import { ACTIVITY_TYPE_TEXT } from '$lib/server/reports/reports.present';
import { ACTIVITY_TYPES } from '$lib/server/reports/reports.rules';
import { m } from '$lib/paraglide/messages.js';

/**
 * The whole form may carry this much (its photos, up to 5 of ≤ 5 MB each, together): refused
 * with a message before the body is read. The server's BODY_SIZE_LIMIT (12M) is above it.
 */
const MAX_FORM_BYTES = 10 * 1024 * 1024;

/**
 * The report form. `?kampanye=<id>` preselects that campaign and the actor's KIM it is assigned
 * to. Each page load carries a fresh idempotency key, so a resubmission after a dropped
 * connection (or of a restored draft) records one report.
 */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const { ctx } = event.locals;
	const options = await runLoad(event, () => reportFormOptions(ctx));
	const wanted = event.url.searchParams.get('kampanye');
	const preselected = options.campaigns.find((c) => c.campaignId === wanted);
	const kim = options.kims.find((k) => k.id === preselected?.kimId) ?? options.kims[0];
	return {
		...options,
		types: ACTIVITY_TYPES.map((t) => ({ value: t, label: ACTIVITY_TYPE_TEXT[t].label(), hint: ACTIVITY_TYPE_TEXT[t].hint() })),
		defaults: { kim_id: kim?.id ?? '', campaign_id: preselected?.campaignId ?? '', kelurahan_code: kim?.kelurahanCode ?? '', held_on: todayWib(nowOf(ctx)) },
		preselected: !!preselected,
		idempotencyKey: randomUUID()
	};
};

const ReportFormSchema = CreateReportSchema.extend({
	idempotency_key: z.string().max(300).optional(),
	photos: z.array(z.instanceof(File)).default([])
});

export const actions: Actions = {
	default: async (event) => {
		requireActor(event);
		const { ctx } = event.locals;
		const oversized = refuseOversizedForm(event, MAX_FORM_BYTES, m.report_err_photos_total({ max: megabytes(MAX_FORM_BYTES) }));
		if (oversized) return oversized;
		const result = await runForm(
			event,
			ReportFormSchema,
			async ({ idempotency_key, photos, ...input }) => {
				const uploads = await Promise.all(photos.map(async (f) => ({ bytes: new Uint8Array(await f.arrayBuffer()), name: f.name })));
				return createReport(ctx, input, { idempotencyKey: idempotency_key || null, photos: uploads, storage: getFileStorage(), photoField: 'photos' });
			},
			{ arrays: ['photos'] }
		);
		if ('report' in result) redirect(303, `/laporan/${result.report.id}?terkirim=1`);
		// The key was used for another report: the next submission is a new one.
		if (result.status === 409 && 'values' in result.data) result.data.values = { ...result.data.values, idempotency_key: randomUUID() };
		return result;
	}
};
