import { error, fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { FieldError } from '../errors';
import { HTTP_STATUS, toAppError } from './problem';
import { FORM_OVERHEAD_BYTES } from '../files/files.rules';

export type FormFailure = {
	message: string;
	errors: FieldError[];
	values: Record<string, unknown>;
};

const SECRET = /password|token/i;

/** FormData → plain object. Fields named in `arrays` (or repeated) become arrays; empty files are dropped. */
export function formToObject(form: FormData, arrays: string[] = []): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key).filter((v) => !(v instanceof File && v.size === 0));
		if (arrays.includes(key) || all.length > 1) out[key] = all;
		else if (all.length === 1) out[key] = all[0];
	}
	for (const key of arrays) out[key] ??= [];
	return out;
}

/** What the page may echo back: no secrets, no files. */
const echo = (values: Record<string, unknown>) =>
	Object.fromEntries(Object.entries(values).filter(([k, v]) => !SECRET.test(k) && !(v instanceof File)));

/**
 * Runs a form action: parses the form with `schema`, runs `action`, and turns AppErrors into
 * what pages show: the message and field errors with the submitted values kept (no secrets or
 * files), or the 404 page. Pages that need a login guard their load with `requireActor`.
 */
export async function runForm<S extends z.ZodType, R>(
	event: RequestEvent,
	schema: S,
	action: (input: z.infer<S>) => Promise<R>,
	opts: { arrays?: string[]; extra?: Record<string, unknown> } = {}
): Promise<R | ActionFailure<FormFailure>> {
	const values = { ...formToObject(await event.request.formData(), opts.arrays), ...opts.extra };
	try {
		return await action(schema.parse(values));
	} catch (err) {
		const app = toAppError(err);
		if (!app) throw err;
		if (app.code === 'NOT_FOUND') error(404, app.message);
		return fail(HTTP_STATUS[app.code], { message: app.message, errors: app.details.errors ?? [], values: echo(values) });
	}
}

/** For load functions: runs `load` and maps AppErrors to SvelteKit errors/redirects. */
export async function runLoad<R>(event: RequestEvent, load: () => Promise<R>): Promise<R> {
	try {
		return await load();
	} catch (err) {
		const app = toAppError(err);
		if (!app) throw err;
		if (app.code === 'UNAUTHENTICATED') redirect(303, `/masuk?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
		error(app.code === 'FORBIDDEN' ? 403 : app.code === 'NOT_FOUND' ? 404 : 400, app.message);
	}
}

/** Redirects anonymous visitors to the login page and returns the actor. */
export function requireActor(event: RequestEvent) {
	const actor = event.locals.actor;
	if (!actor) redirect(303, `/masuk?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return actor;
}

/**
 * Refuses a photo form whose declared size is over `maxBytes` (plus multipart overhead) before its
 * body is read: the failure to return (on `photos`), or null when the size is fine.
 */
export function refuseOversizedForm(event: RequestEvent, maxBytes: number, message: string) {
	const declared = Number(event.request.headers.get('content-length') ?? 0);
	if (declared <= maxBytes + FORM_OVERHEAD_BYTES) return null;
	return fail(400, { message, errors: [{ path: 'photos', message }], values: {} } satisfies FormFailure);
}
