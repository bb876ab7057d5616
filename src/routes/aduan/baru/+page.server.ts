import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { refuseOversizedForm, requireActor, runForm, runLoad } from '$lib/server/http/form';
import { getFileStorage } from '$lib/server/files/storage';
import { megabytes } from '$lib/server/files/files.rules';
import { kimAreaOptions } from '$lib/server/kims/kims.read.actions';
import { createAduan } from '$lib/server/aduan/aduan.create.actions';
import { aduanFormOptions } from '$lib/server/aduan/aduan.read.actions';
import { ADUAN_PRIVACIES, ADUAN_TYPES, CreateAduanSchema, DESCRIPTION_MIN } from '$lib/server/aduan/aduan.schema';
import { PRIVACY_TEXT, TYPE_TEXT } from '$lib/server/aduan/aduan.present';
import { MAX_ADUAN_PHOTOS } from '$lib/server/aduan/aduan.photos';
import { REF_COOKIE } from '$lib/server/reach/reach.rules';
import { m } from '$lib/paraglide/messages.js';
import { CLAIM_COOKIE } from '../claim-cookie';

/** All photos of one filing together (3 × ≤ 5 MB); refused before the body is read. */
const MAX_FORM_BYTES = 15 * 1024 * 1024;

/**
 * The filing form. Each page load carries a fresh idempotency key, so a double submit (or a
 * resubmission after a dropped connection) files one aduan.
 */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const { ctx } = event.locals;
	const [{ categories, kelurahanCode, canAssist }, areas] = await runLoad(event, () => Promise.all([aduanFormOptions(ctx), kimAreaOptions(ctx)]));
	const groups: { name: string; categories: { code: string; name: string; unitName: string }[] }[] = [];
	for (const c of categories) {
		let g = groups.find((x) => x.name === c.groupName);
		if (!g) groups.push((g = { name: c.groupName, categories: [] }));
		g.categories.push({ code: c.code, name: c.name, unitName: c.unitName });
	}
	return {
		groups,
		areas,
		types: ADUAN_TYPES.map((t) => ({ value: t, label: TYPE_TEXT[t].label(), hint: TYPE_TEXT[t].hint() })),
		privacies: ADUAN_PRIVACIES.map((p) => ({ value: p, label: PRIVACY_TEXT[p].label(), hint: PRIVACY_TEXT[p].hint() })),
		canAssist,
		maxPhotos: MAX_ADUAN_PHOTOS,
		descriptionMin: DESCRIPTION_MIN,
		defaults: { kelurahan_code: kelurahanCode ?? '', privacy: 'public', type: 'complaint' },
		idempotencyKey: randomUUID()
	};
};

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The form's flat fields → the API's input (the "for another resident" fieldset → on_behalf_of). */
function inputOf(values: Record<string, unknown>) {
	const { on_behalf_name, on_behalf_phone, on_behalf_consent, ...rest } = values;
	const assisting = !blank(on_behalf_name) || !blank(on_behalf_phone) || on_behalf_consent !== undefined;
	return {
		...rest,
		on_behalf_of: assisting ? { name: on_behalf_name ?? '', phone: on_behalf_phone, consent: on_behalf_consent === 'ya' } : undefined
	};
}

const FormSchema = z.record(z.string(), z.unknown());

export const actions: Actions = {
	default: async (event) => {
		requireActor(event);
		const { ctx } = event.locals;
		const oversized = refuseOversizedForm(event, MAX_FORM_BYTES, m.aduan_err_photos_total({ max: megabytes(MAX_FORM_BYTES) }));
		if (oversized) return oversized;
		const result = await runForm(
			event,
			FormSchema,
			async (values) => {
				const { idempotency_key, photos, ...fields } = values;
				const input = CreateAduanSchema.parse(inputOf(fields));
				const files = (photos as File[]).filter((f) => f instanceof File);
				const uploads = await Promise.all(files.map(async (f) => ({ bytes: new Uint8Array(await f.arrayBuffer()), name: f.name })));
				return createAduan(ctx, input, {
					idempotencyKey: typeof idempotency_key === 'string' && idempotency_key ? idempotency_key : null,
					photos: uploads,
					storage: getFileStorage(),
					source: input.on_behalf_of ? 'assisted' : 'web',
					ref: event.cookies.get(REF_COOKIE) ?? null
				});
			},
			{ arrays: ['photos'] }
		);
		if ('aduan' in result) {
			if (result.claimCode) {
				event.cookies.set(CLAIM_COOKIE, `${result.aduan.trackingId}:${result.claimCode}`, { path: '/aduan/terkirim', httpOnly: true, sameSite: 'strict', maxAge: 900, secure: event.url.protocol === 'https:' });
			}
			redirect(303, `/aduan/terkirim/${result.aduan.trackingId}`);
		}
		// The key was used for another aduan: the next submission is a new one.
		if (result.status === 409 && 'values' in result.data) result.data.values = { ...result.data.values, idempotency_key: randomUUID() };
		return result;
	}
};
