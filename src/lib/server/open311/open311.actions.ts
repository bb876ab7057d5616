import { randomBytes } from 'node:crypto';
import { AppError, invalid, type FieldError } from '../errors';
import { nowOf, type Ctx } from '../context';
import type { Db } from '../db/client';
import { getConfig } from '../config';
import { m } from '../../paraglide/messages.js';
import { findCity } from '../site';
import { formatDateTime } from '../../shared/format';
import { zodFieldErrors } from '../http/problem';
import { createAduan } from '../aduan/aduan.create.actions';
import { CreateAduanSchema, ADUAN_PRIVACIES, type AduanPrivacy } from '../aduan/aduan.schema';
import { kelurahanInAddress, MAX_RESULTS, parseRequestFilter, statusesOf, titleFrom, type FilterProblem } from './open311.rules';
import {
	findRequestsByTrackingIds, findServiceCategory, findTrackingIdByToken, listCityKelurahan, listRequestRows, listServiceCategories
} from './open311.queries';
import { presentRequest, presentService, presentServiceDefinition } from './open311.present';
import { authenticateApiKey } from './open311.keys';

/**
 * The GeoReport v2 use cases. Reads are public and never show a confidential aduan or anything
 * about the reporter; a POST needs a live API key (issued by an admin) and files an aduan with
 * source 'open311' and no actor.
 */

/**
 * The jurisdiction this installation answers for: the home kota code (`33.71`). Read from the
 * stored home region (a JSON value: it may come back as a number, hence String).
 */
export const jurisdictionOf = async (db: Db) => getConfig().OPEN311_JURISDICTION ?? String((await findCity(db)).code);

/** A given `jurisdiction_id` must be ours (absent is fine: we serve one). */
export async function checkJurisdiction(db: Db, given: string | undefined) {
	if (given === undefined || given === '') return;
	const ours = await jurisdictionOf(db);
	if (given.trim() !== ours) throw invalid([{ path: 'jurisdiction_id', message: m.open311_err_jurisdiction({ code: ours }) }]);
}

export async function listServices(ctx: Ctx) {
	return (await listServiceCategories(ctx.db)).map(presentService);
}

/** The definition of an active category; unknown → NOT_FOUND. */
export async function getServiceDefinition(ctx: Ctx, code: string) {
	const category = await findServiceCategory(ctx.db, code);
	if (!category) {
		const message = m.open311_err_service_unknown({ code });
		throw new AppError('NOT_FOUND', message, { errors: [{ path: 'service_code', message }] });
	}
	return presentServiceDefinition(category.code);
}

const FILTER_MESSAGE: Record<FilterProblem['kind'], () => string> = {
	date: () => m.open311_err_date(),
	order: () => m.open311_err_order(),
	span: () => m.open311_err_span(),
	status: () => m.open311_err_status(),
	too_many: () => m.open311_err_too_many()
};

/** Requests matching the standard filters (see parseRequestFilter), newest first, at most MAX_RESULTS. */
export async function listRequests(ctx: Ctx, query: Record<string, string | undefined>) {
	const now = nowOf(ctx);
	const parsed = parseRequestFilter(query, now);
	if ('problem' in parsed) throw invalid([{ path: parsed.problem.param, message: FILTER_MESSAGE[parsed.problem.kind]() }]);
	const f = parsed.filter;
	const rows = 'ids' in f
		? await findRequestsByTrackingIds(ctx.db, f.ids.map((id) => id.toUpperCase()))
		: await listRequestRows(ctx.db, { serviceCodes: f.serviceCodes, statuses: f.statuses.flatMap(statusesOf), start: f.start, end: f.end, limit: MAX_RESULTS });
	return rows.map((r) => presentRequest(r, now));
}

/** One request by its service_request_id (the tracking id); confidential or unknown → NOT_FOUND. */
export async function getRequest(ctx: Ctx, id: string) {
	const [row] = await findRequestsByTrackingIds(ctx.db, [id.trim().toUpperCase()]);
	if (!row) throw new AppError('NOT_FOUND', m.open311_err_request_unknown());
	return presentRequest(row, nowOf(ctx));
}

/** The request behind a token from a POST; confidential or unknown → NOT_FOUND. */
export async function getToken(ctx: Ctx, token: string) {
	const trackingId = token.length <= 100 ? await findTrackingIdByToken(ctx.db, token) : undefined;
	if (!trackingId) throw new AppError('NOT_FOUND', m.open311_err_token_unknown());
	return { service_request_id: trackingId, token };
}

/** Our field names in the client's terms. */
const OPEN311_PARAM: Record<string, string> = {
	category_code: 'service_code', lng: 'long', kelurahan_code: 'address_string', title: 'description', privacy: 'privacy'
};
const asOpen311 = (errors: FieldError[]) => errors.map((e) => ({ ...e, path: OPEN311_PARAM[e.path] ?? e.path }));

const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/**
 * POST requests: files an aduan for an Open311 client. Checks the API key (missing, unknown or
 * revoked → FORBIDDEN), the jurisdiction, the service_code (an active category), the location
 * (lat/long inside the city and/or address_string; the kelurahan comes from the extension
 * `kelurahan_code` or from the kelurahan named in address_string) and the description. The
 * resident's first/last name, email and phone are stored as the contact, never shown by Open311.
 * Privacy: the extension `privacy` (public | anonymous | confidential), by default anonymous.
 */
export async function submitRequest(ctx: Ctx, params: Record<string, string | undefined>) {
	const now = nowOf(ctx);
	const key = await authenticateApiKey(ctx.db, trimmed(params.api_key), now);
	if (!key) throw new AppError('FORBIDDEN', m.open311_err_api_key());
	await checkJurisdiction(ctx.db, params.jurisdiction_id);
	const code = trimmed(params.service_code);
	const category = code ? await findServiceCategory(ctx.db, code) : undefined;
	if (!category) throw invalid([{ path: 'service_code', message: code ? m.open311_err_service_unknown({ code }) : m.open311_err_service_required() }]);
	const address = trimmed(params.address_string);
	const lat = trimmed(params.lat);
	const lng = trimmed(params.long);
	if (!address && !(lat && lng)) throw invalid([{ path: 'address_string', message: m.open311_err_location() }]);
	const city = await findCity(ctx.db);
	const kelurahanCode = trimmed(params.kelurahan_code)
		?? (address ? kelurahanInAddress(address, await listCityKelurahan(ctx.db, String(city.code)))?.code : undefined);
	if (!kelurahanCode) throw invalid([{ path: 'address_string', message: m.open311_err_kelurahan() }]);
	const privacy = trimmed(params.privacy) ?? 'anonymous';
	if (!ADUAN_PRIVACIES.includes(privacy as AduanPrivacy)) throw invalid([{ path: 'privacy', message: m.open311_err_privacy() }]);
	const description = params.description ?? '';
	const parsed = CreateAduanSchema.safeParse({
		type: 'complaint',
		category_code: category.code,
		title: titleFrom(description, category.name),
		description,
		kelurahan_code: kelurahanCode,
		lat: lat ?? null,
		lng: lng ?? null,
		privacy,
		on_behalf_of: null
	});
	if (!parsed.success) throw invalid(asOpen311(zodFieldErrors(parsed.error)));
	const name = [trimmed(params.first_name), trimmed(params.last_name)].filter(Boolean).join(' ').slice(0, 120);
	const token = randomBytes(16).toString('hex');
	try {
		const { aduan } = await createAduan({ ...ctx, actor: null }, parsed.data, {
			source: 'open311',
			apiKeyId: key.id,
			open311Token: token,
			contact: { name: name || undefined, email: trimmed(params.email)?.slice(0, 254), phone: trimmed(params.phone)?.slice(0, 30) }
		});
		return {
			service_request_id: aduan.trackingId,
			token,
			service_notice: m.open311_notice({ id: aduan.trackingId, date: formatDateTime(aduan.verifyBy) })
		};
	} catch (err) {
		if (err instanceof AppError && err.details.errors) throw invalid(asOpen311(err.details.errors));
		throw err;
	}
}
