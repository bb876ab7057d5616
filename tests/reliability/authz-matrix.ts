/**
 * The expected authorization table: for every operation of the OpenAPI document (`METHOD /path`,
 * plus ` [variant]` rows for a second target) and every actor, allow, deny (401 anonymous,
 * 403 otherwise) or hide (404: the resource does not exist for them). Targets are KIM A's (the
 * right KIM) or the agency's; see authz-requests.ts for what each row sends.
 */
import { ACTORS, type ActorName } from './authz-world';

export type Cell = 'allow' | 'deny' | 'hide';
export class Row {
	constructor(readonly cells: Record<ActorName, Cell>) {}
	/** These actors get 404 instead of 401/403. */
	hiding(...names: ActorName[]) {
		for (const n of names) if (this.cells[n] !== 'allow') this.cells[n] = 'hide';
		return this;
	}
	/** Everyone not allowed gets 404. */
	hidingOthers() {
		return this.hiding(...ACTORS);
	}
	/** Everyone not allowed gets 404, except anonymous visitors who are asked to log in (401). */
	hidingFromLoggedIn() {
		return this.hiding(...ACTORS.filter((a) => a !== 'anonymous'));
	}
}

export const only = (...allowed: ActorName[]) =>
	new Row(Object.fromEntries(ACTORS.map((a) => [a, allowed.includes(a) ? 'allow' : 'deny'])) as Record<ActorName, Cell>);
export const nobody = () => only();
export const everyone = () => only(...ACTORS);
export const loggedIn = () => only(...ACTORS.filter((a) => a !== 'anonymous'));

const STAFF: ActorName[] = ['petugas', 'admin'];
const MEMBERS_A: ActorName[] = ['anggotaA', 'pengurusA'];
const KIM_MEMBERS: ActorName[] = ['anggotaB', 'pengurusB', ...MEMBERS_A];
/** Those with no tie to KIM A: they do not learn that its unpublished things exist. */
const OUTSIDERS: ActorName[] = ['anonymous', 'warga', 'anggotaB', 'pengurusB', 'unitStaff'];
const allBut = (...denied: ActorName[]) => only(...ACTORS.filter((a) => !denied.includes(a)));
const staff = () => only(...STAFF);
const admin = () => only('admin');

/**
 * Actors: anggotaA/pengurusA are an anggota and the ketua of KIM A (the right KIM), anggotaB and
 * pengurusB the same of KIM B; warga is a resident (and the reporter of the aduan rows);
 * unitStaff is staff of DPUPR, the unit the `forwarded` aduan went to.
 */
export const EXPECTED: Record<string, Row> = {
	'POST /api/v1/auth/login': everyone(),
	'POST /api/v1/auth/register': everyone(),
	// ends the session it is called with (a fresh one per actor); anonymous: nothing to end, still 200
	'POST /api/v1/auth/logout': everyone(),
	'POST /api/v1/auth/password/forgot': everyone(),
	// 400 for a bad token: public, authorization passes
	'POST /api/v1/auth/password/reset': everyone(),
	'GET /api/v1/me': loggedIn(),
	'GET /api/v1/regions': everyone(),
	'PATCH /api/v1/regions/{code}': admin(),
	'POST /api/v1/regions/import': admin(),
	'POST /api/v1/regions/regencies': admin(),
	'GET /api/v1/kims': everyone(),
	'POST /api/v1/kims': loggedIn(),
	'GET /api/v1/kims/{id}': everyone(),
	'GET /api/v1/kims/{id} [registered]': only(...MEMBERS_A, ...STAFF).hidingOthers(),
	'PATCH /api/v1/kims/{id}': only('pengurusA', ...STAFF),
	// a registered KIM exists only for staff and its members: outsiders get 404, its own members 403
	'POST /api/v1/kims/{id}/verify': staff().hiding(...OUTSIDERS),
	'POST /api/v1/kims/{id}/return': staff().hiding(...OUTSIDERS),
	'POST /api/v1/kims/{id}/resubmit': only('pengurusA', ...STAFF).hiding(...OUTSIDERS),
	'POST /api/v1/kims/{id}/deactivate': staff(),
	// members of an inactive KIM hold no positions (auth.queries loadActor), so it is hidden from them too
	'POST /api/v1/kims/{id}/reactivate': staff().hidingOthers(),
	'POST /api/v1/kims/{id}/files/sk': only('pengurusA', ...STAFF),
	'POST /api/v1/kims/{id}/files/logo': only('pengurusA', ...STAFF),
	// outsiders see the board only (kims.policy canSeeAllMembers)
	'GET /api/v1/kims/{id}/members': everyone(),
	'POST /api/v1/kims/{id}/members': only('pengurusA', ...STAFF),
	'PATCH /api/v1/kims/{id}/members/{userId}': only('pengurusA', ...STAFF),
	// someone of KIM B through KIM A's path: not found, never changed
	'PATCH /api/v1/kims/{id}/members/{userId} [member of B]': nobody().hiding('pengurusA', ...STAFF),
	'DELETE /api/v1/kims/{id}/members/{userId}': only('pengurusA', ...STAFF),
	'GET /api/v1/admin/users': admin(),
	'POST /api/v1/admin/users': admin(),
	'PATCH /api/v1/admin/users/{id}': admin(),
	'GET /api/v1/audit': admin(),
	'GET /api/v1/admin/outbox': admin(),
	'POST /api/v1/admin/outbox/{id}/retry': admin(),
	'GET /api/v1/posts': everyone(),
	// kim_id = A: a KIM's posts are written by its members; staff review them but do not author them
	'POST /api/v1/posts': only(...MEMBERS_A),
	'POST /api/v1/posts [agency]': staff(),
	'GET /api/v1/posts/{id}': only(...MEMBERS_A, ...STAFF).hidingOthers(),
	'GET /api/v1/posts/{id} [published]': everyone(),
	'PATCH /api/v1/posts/{id}': only('pengurusA', ...STAFF),
	'PATCH /api/v1/posts/{id} [draft]': only(...MEMBERS_A, ...STAFF),
	'GET /api/v1/posts/{id}/revisions': only(...MEMBERS_A, ...STAFF).hidingOthers(),
	'POST /api/v1/posts/{id}/submit': only(...MEMBERS_A, ...STAFF),
	'POST /api/v1/posts/{id}/publish': only('pengurusA', ...STAFF),
	'POST /api/v1/posts/{id}/return': only('pengurusA', ...STAFF),
	'POST /api/v1/posts/{id}/unpublish': only('pengurusA', ...STAFF),
	'POST /api/v1/posts/{id}/cover': only(...MEMBERS_A, ...STAFF),
	'POST /api/v1/posts/{id}/attachments': only(...MEMBERS_A, ...STAFF),
	'GET /api/v1/search': everyone(),
	'GET /api/v1/rumours': only(...KIM_MEMBERS, ...STAFF),
	'POST /api/v1/rumours': only(...MEMBERS_A),
	'POST /api/v1/rumours/{id}/convert': staff(),
	'POST /api/v1/rumours/{id}/dismiss': staff(),
	'GET /api/v1/campaigns': staff(),
	'POST /api/v1/campaigns': staff(),
	'GET /api/v1/campaigns/{id}': only(...MEMBERS_A, ...STAFF).hidingOthers(),
	'GET /api/v1/campaigns/{id} [draft]': staff().hidingOthers(),
	'PATCH /api/v1/campaigns/{id}': staff(),
	// staff get 400 (nothing to launch to in this world): authorization passed
	'POST /api/v1/campaigns/{id}/launch': staff(),
	'POST /api/v1/campaigns/{id}/finish': staff(),
	'GET /api/v1/campaigns/{id}/assignments': only(...MEMBERS_A, ...STAFF).hidingOthers(),
	'POST /api/v1/campaigns/{id}/poster': staff(),
	'POST /api/v1/campaigns/{id}/leaflet': staff(),
	// the inbox: anyone logged in, scoped to their KIMs (see 'scopes lists' below)
	'GET /api/v1/assignments': loggedIn(),
	'POST /api/v1/assignments/{id}/accept': only('pengurusA', ...STAFF),
	'POST /api/v1/assignments/{id}/complete': only('pengurusA', ...STAFF),
	'POST /api/v1/assignments/{id}/decline': only('pengurusA', ...STAFF),
	'POST /api/v1/assignments/{id}/members': only('pengurusA', ...STAFF),
	// personal share links are for members of a carrying KIM; staff get none (reach.policy)
	'GET /api/v1/campaigns/{id}/share-kit': only(...MEMBERS_A),
	'POST /api/v1/activity-reports': only(...MEMBERS_A),
	'GET /api/v1/activity-reports': only(...KIM_MEMBERS, ...STAFF),
	'GET /api/v1/activity-reports/{id}': only(...MEMBERS_A, ...STAFF).hidingFromLoggedIn(),
	// the reporter (anggota A) or the KIM's pengurus; staff do not add evidence
	'POST /api/v1/activity-reports/{id}/photos': only(...MEMBERS_A),
	'GET /api/v1/campaigns/{id}/stats': only('pengurusA', ...STAFF),
	'GET /api/v1/campaigns/{id}/stats.csv': only('pengurusA', ...STAFF),
	// the agency dashboard: staff only (dashboard.api DEFINITIONS)
	'GET /api/v1/dashboard': staff(),
	'GET /api/v1/notifications': loggedIn(),
	'POST /api/v1/notifications/read-all': loggedIn(),
	// pengurus A's notification: everyone else's query finds nothing
	'POST /api/v1/notifications/{id}/read': only('pengurusA').hidingFromLoggedIn(),
	'GET /api/v1/aduan/stats': everyone(),
	// filing needs an account
	'POST /api/v1/aduan': loggedIn(),
	'GET /api/v1/aduan/mine': loggedIn(),
	// confidential, filed by warga, not yet verified: exists only for its reporter and the agency
	'GET /api/v1/aduan/{tracking_id}': only('warga', ...STAFF).hidingOthers(),
	'GET /api/v1/aduan/{tracking_id} [public]': everyone(),
	'GET /api/v1/aduan/{tracking_id} [anonymous]': everyone(),
	// confidential, verified and forwarded to DPUPR: its unit staff see it too
	'GET /api/v1/aduan/{tracking_id} [forwarded]': only('warga', 'unitStaff', ...STAFF).hidingOthers(),
	// filed by anggota A for a resident; anyone logged in with the code claims it, except the filer
	'POST /api/v1/aduan/{tracking_id}/claim': allBut('anonymous', 'anggotaA'),
	'POST /api/v1/aduan/{tracking_id}/photos': only('warga'),
	'GET /api/v1/aduan/board': only('unitStaff', ...STAFF),
	'POST /api/v1/aduan/{id}/transition': only('unitStaff', ...STAFF),
	// forwarded to DLH: DPUPR staff may not touch it
	'POST /api/v1/aduan/{id}/transition [other unit]': staff(),
	'POST /api/v1/aduan/{id}/reassign': staff(),
	'POST /api/v1/aduan/{id}/messages': only('warga', 'unitStaff', ...STAFF),
	'POST /api/v1/aduan/{id}/messages [internal]': only('unitStaff', ...STAFF),
	'POST /api/v1/aduan/{id}/rating': only('warga'),
	// the desk by uuid answers 403 (not 404) to non-handlers, by design (aduan.handling.guard)
	'GET /api/v1/aduan/{id}/thread': only('warga', 'unitStaff', ...STAFF),
	'GET /api/v1/aduan/{id}/thread [other unit]': only('warga', ...STAFF),
	'GET /api/v1/holidays': everyone(),
	'POST /api/v1/holidays': admin(),
	'DELETE /api/v1/holidays/{day}': admin(),
	'GET /api/v1/units': everyone(),
	'GET /api/v1/units/{code}/members': admin(),
	'POST /api/v1/units/{code}/members': admin(),
	'DELETE /api/v1/units/{code}/members/{user_id}': admin(),
	'POST /api/v1/admin/api-keys': admin(),
	'GET /api/v1/admin/api-keys': admin(),
	'POST /api/v1/admin/api-keys/{id}/revoke': admin(),
	'GET /open311/v2/discovery.{format}': everyone(),
	'GET /open311/v2/services.{format}': everyone(),
	'GET /open311/v2/services/{service_code}.{format}': everyone(),
	'GET /open311/v2/requests.{format}': everyone(),
	// GeoReport: no api_key → 403 (Open311 error format), whoever is logged in
	'POST /open311/v2/requests.{format}': nobody(),
	'POST /open311/v2/requests.{format} [api_key]': everyone(),
	'GET /open311/v2/requests/{service_request_id}.{format}': everyone(),
	'GET /open311/v2/tokens/{token}.{format}': everyone(),
	'GET /api/v1/services': everyone(),
	'POST /api/v1/services': staff(),
	'GET /api/v1/services/{slug}': everyone(),
	'PATCH /api/v1/services/{slug}': staff(),
	'DELETE /api/v1/services/{slug}': staff(),
	'GET /api/v1/facilities': everyone(),
	'POST /api/v1/facilities': staff(),
	'GET /api/v1/facilities/{slug}': everyone(),
	'PATCH /api/v1/facilities/{slug}': staff(),
	'DELETE /api/v1/facilities/{slug}': staff(),
	'GET /api/v1/emergency-numbers': everyone(),
	'POST /api/v1/emergency-numbers': staff(),
	'PATCH /api/v1/emergency-numbers/{id}': staff(),
	'DELETE /api/v1/emergency-numbers/{id}': staff(),
	'GET /api/v1/surveys': everyone(),
	'POST /api/v1/surveys': staff(),
	'GET /api/v1/surveys/{id}': everyone(),
	'GET /api/v1/surveys/{id} [draft]': staff().hidingOthers(),
	'PATCH /api/v1/surveys/{id}': staff(),
	'POST /api/v1/surveys/{id}/open': staff(),
	'POST /api/v1/surveys/{id}/close': staff(),
	'POST /api/v1/surveys/{id}/publish-results': staff(),
	'POST /api/v1/surveys/{id}/responses': loggedIn(),
	'GET /api/v1/surveys/{id}/results': staff(),
	'GET /api/v1/surveys/{id}/results [published]': everyone(),
	'GET /api/v1/surveys/{id}/results.csv': staff(),
};
