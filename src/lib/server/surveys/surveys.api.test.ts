import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildUser, ctxFor, testApi, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import { appState, auditLog, regions, surveyResponses, surveys } from '../db/schema';
import type { Db } from '../db/client';
import { deviceKeyOf, submitResponse } from './surveys.respond';
import { findSurvey, knownVillages } from './surveys.queries';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
let petugas: { email: string };
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
	petugas = await buildUser(db, { role: 'petugas' });
});

const resident = (kelurahanCode: string | null = TIDAR_SELATAN) => buildUser(db, { role: 'warga', kelurahanCode });
const errorsOf = (res: { body: { errors?: { path: string; message: string }[] } }) => Object.fromEntries((res.body.errors ?? []).map((e) => [e.path, e.message]));
const poll = (over: Record<string, unknown> = {}) => ({
	title: 'Jajak pendapat pasar',
	description: 'Singkat',
	audience: { kind: 'all' },
	anonymous: false,
	questions: [
		{ type: 'single_choice', text: 'Setuju pasar direnovasi?', options: ['Ya', 'Tidak'], required: true },
		{ type: 'multiple_choice', text: 'Hari belanja', options: ['Senin', 'Rabu', 'Sabtu'], required: true },
		{ type: 'scale', text: 'Kepuasan', required: true },
		{ type: 'number', text: 'Jumlah anggota keluarga', required: false },
		{ type: 'text', text: 'Saran singkat', required: false },
		{ type: 'long_text', text: 'Cerita', required: false }
	],
	...over
});

/** A created and opened survey; returns its view. */
async function openPoll(over: Record<string, unknown> = {}) {
	const created = await call('POST', '/api/v1/surveys', { as: petugas, body: poll(over) });
	expect(created.status, JSON.stringify(created.body)).toBe(201);
	expect((await call('POST', `/api/v1/surveys/${created.body.id}/open`, { as: petugas })).status).toBe(200);
	return created.body as { id: string; questions: { id: string; type: string }[] };
}
const answersFor = (s: { questions: { id: string }[] }, values: unknown[] = ['Ya', ['Senin', 'Sabtu'], 4, 3, 'Bagus', 'Panjang']) =>
	({ answers: s.questions.map((q, i) => ({ question_id: q.id, value: values[i] })).filter((a) => a.value !== undefined) });

describe('building surveys', () => {
	it('creates a draft in the contract shape and audits it', async () => {
		const res = await call('POST', '/api/v1/surveys', { as: petugas, body: poll() });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ status: 'draft', title: 'Jajak pendapat pasar', anonymous: false, audience: { kind: 'all', codes: [] }, results_public: false });
		expect(res.body.questions).toHaveLength(6);
		expect(res.body.questions[0]).toMatchObject({ type: 'single_choice', options: ['Ya', 'Tidak'], required: true, position: 1 });
		expect(res.body.questions[0].id).toMatch(/^[0-9a-f-]{36}$/);
		expect(res.body.questions[2].options).toEqual([]);
		const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'survey.create'), eq(auditLog.entityId, res.body.id)));
		expect(entry).toBeDefined();
	});

	it('creates from a template (title, anonymity and questions from it)', async () => {
		const info = await call('POST', '/api/v1/surveys', { as: petugas, body: { template: 'info_needs' } });
		expect(info.status).toBe(201);
		expect(info.body).toMatchObject({ title: 'Survei Kebutuhan Informasi Warga', template: 'info_needs', anonymous: false });
		const lit = await call('POST', '/api/v1/surveys', { as: petugas, body: { template: 'digital_literacy', title: 'ILD Magelang 2026' } });
		expect(lit.body).toMatchObject({ title: 'ILD Magelang 2026', anonymous: true });
		expect(lit.body.questions.filter((q: { pillar: string }) => q.pillar === 'keamanan')).toHaveLength(3);
	});

	it('refuses bad builder input with field errors', async () => {
		const bad = await call('POST', '/api/v1/surveys', {
			as: petugas,
			body: poll({
				closes_at: '2020-01-01T00:00:00Z',
				audience: { kind: 'kelurahan', codes: [] },
				questions: [{ type: 'single_choice', text: 'A?', options: ['Ya'], required: true }, { type: 'scale', text: 'B?', options: ['x'], required: true }, { type: 'multiple_choice', text: 'C?', options: ['x', 'X'], required: true }]
			})
		});
		expect(bad.status).toBe(400);
		expect(Object.keys(errorsOf(bad)).sort()).toEqual(['audience.codes', 'closes_at', 'questions.0.options', 'questions.1.options', 'questions.2.options']);
		expect((await call('POST', '/api/v1/surveys', { as: petugas, body: poll({ questions: [] }) })).status).toBe(400);
		expect(errorsOf(await call('POST', '/api/v1/surveys', { as: petugas, body: poll({ questions: [{ type: 'essay', text: 'x', required: true }] }) }))).toHaveProperty('questions.0.type');
		expect(errorsOf(await call('POST', '/api/v1/surveys', { as: petugas, body: poll({ audience: { kind: 'kelurahan', codes: ['99.99.99.9999'] } }) }))).toHaveProperty(['audience.codes']);
		expect(errorsOf(await call('POST', '/api/v1/surveys', { as: petugas, body: { questions: poll().questions } }))).toHaveProperty('title');
	});

	it('only staff build and run surveys (403 for warga/anggota/pengurus, 401 anonymous)', async () => {
		const warga = await resident();
		expect((await call('POST', '/api/v1/surveys', { as: warga, body: poll() })).status).toBe(403);
		expect((await call('POST', '/api/v1/surveys', { body: poll() })).status).toBe(401);
		const s = await call('POST', '/api/v1/surveys', { as: petugas, body: poll() });
		for (const path of ['open', 'close', 'publish-results']) expect((await call('POST', `/api/v1/surveys/${s.body.id}/${path}`, { as: warga })).status).toBe(403);
		expect((await call('PATCH', `/api/v1/surveys/${s.body.id}`, { as: warga, body: { title: 'x' } })).status).toBe(403);
		expect((await call('GET', `/api/v1/surveys/${s.body.id}/results.csv`, { as: warga })).status).toBe(403);
		// Drafts are invisible to others.
		expect((await call('GET', `/api/v1/surveys/${s.body.id}`, { as: warga })).status).toBe(404);
		expect((await call('GET', `/api/v1/surveys/${s.body.id}`, { as: petugas })).status).toBe(200);
	});

	it('edits drafts only; open and close once, closing is final', async () => {
		const s = await call('POST', '/api/v1/surveys', { as: petugas, body: poll() });
		const edited = await call('PATCH', `/api/v1/surveys/${s.body.id}`, { as: petugas, body: { title: 'Baru', questions: [{ type: 'text', text: 'Satu?', required: true }] } });
		expect(edited.status).toBe(200);
		expect(edited.body.title).toBe('Baru');
		expect(edited.body.questions).toHaveLength(1);
		// What a PATCH leaves out stays.
		expect(edited.body.description).toBe('Singkat');
		const later = new Date(Date.now() + 7 * 86_400_000).toISOString();
		expect((await call('PATCH', `/api/v1/surveys/${s.body.id}`, { as: petugas, body: { closes_at: later } })).body.closes_at).toBe(later);
		expect((await call('PATCH', `/api/v1/surveys/${s.body.id}`, { as: petugas, body: { title: 'Baru lagi' } })).body).toMatchObject({ closes_at: later, description: 'Singkat' });
		expect((await call('PATCH', `/api/v1/surveys/${s.body.id}`, { as: petugas, body: { closes_at: null, description: null } })).body).toMatchObject({ closes_at: null, description: null });
		expect((await call('PATCH', `/api/v1/surveys/${s.body.id}`, { as: petugas, body: { closes_at: '2020-01-01T00:00:00Z' } })).status).toBe(400);
		expect((await call('POST', `/api/v1/surveys/${s.body.id}/close`, { as: petugas })).status).toBe(409);
		expect((await call('POST', `/api/v1/surveys/${s.body.id}/publish-results`, { as: petugas })).status).toBe(409);
		const opened = await call('POST', `/api/v1/surveys/${s.body.id}/open`, { as: petugas });
		expect(opened.body.status).toBe('open');
		expect((await call('POST', `/api/v1/surveys/${s.body.id}/open`, { as: petugas })).status).toBe(409);
		expect((await call('PATCH', `/api/v1/surveys/${s.body.id}`, { as: petugas, body: { title: 'Lagi' } })).status).toBe(409);
		expect((await call('POST', `/api/v1/surveys/${s.body.id}/close`, { as: petugas })).body.status).toBe('closed');
		expect((await call('POST', `/api/v1/surveys/${s.body.id}/open`, { as: petugas })).status).toBe(409);
		expect((await call('POST', `/api/v1/surveys/${s.body.id}/close`, { as: petugas })).status).toBe(409);
		expect((await call('PATCH', `/api/v1/surveys/${s.body.id}`, { as: petugas, body: { title: 'Lagi' } })).status).toBe(409);
	});

	it('a draft without questions does not open', async () => {
		const s = await call('POST', '/api/v1/surveys', { as: petugas, body: poll() });
		const { replaceQuestions } = await import('./surveys.queries');
		await replaceQuestions(db, s.body.id, []);
		expect((await call('POST', `/api/v1/surveys/${s.body.id}/open`, { as: petugas })).status).toBe(409);
	});
});

describe('answering', () => {
	it('records one response per account: 201, then 409', async () => {
		const s = await openPoll();
		const warga = await resident();
		const first = await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: warga, body: answersFor(s) });
		expect(first.status, JSON.stringify(first.body)).toBe(201);
		const [row] = await db.select().from(surveyResponses).where(eq(surveyResponses.id, first.body.id));
		expect(row).toMatchObject({ kelurahanCode: TIDAR_SELATAN, deviceKey: null });
		expect(first.headers.get('set-cookie')).toBeNull();
		const again = await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: warga, body: answersFor(s) });
		expect(again.status).toBe(409);
		expect(again.body.title).toContain('sudah mengisi');
		expect((await call('POST', `/api/v1/surveys/${s.id}/responses`, { body: answersFor(s) })).status).toBe(401);
	});

	it('refuses bad answers per type with errors keyed by question', async () => {
		const s = await openPoll();
		const warga = await resident();
		const [single, multi, scale, number, text, long] = s.questions.map((q) => q.id);
		const res = await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: warga, body: answersFor(s, ['Mungkin', ['Minggu'], 6, 'banyak', 'x'.repeat(501), 'y'.repeat(5001)]) });
		expect(res.status).toBe(400);
		expect(Object.keys(errorsOf(res))).toEqual([single, multi, scale, number, text, long].map((id) => `answers.${id}`));
		const missing = await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: warga, body: { answers: [{ question_id: scale, value: 3 }] } });
		expect(Object.keys(errorsOf(missing))).toEqual([`answers.${single}`, `answers.${multi}`]);
		expect(errorsOf(missing)[`answers.${single}`]).toBe('Jawab pertanyaan ini.');
		const unknown = await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: warga, body: { answers: [...answersFor(s).answers, { question_id: '00000000-0000-4000-8000-000000000000', value: 'x' }] } });
		expect(errorsOf(unknown)).toHaveProperty(['answers.6']);
		const dup = await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: warga, body: { answers: [...answersFor(s).answers, { question_id: single, value: 'Tidak' }] } });
		expect(errorsOf(dup)).toHaveProperty(['answers.6']);
		expect((await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: warga, body: { answers: 'x' } })).status).toBe(400);
		// Nothing was stored: a good one is still accepted.
		expect((await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: warga, body: answersFor(s) })).status).toBe(201);
	});

	it('a kelurahan survey takes its residents only', async () => {
		const s = await openPoll({ audience: { kind: 'kelurahan', codes: [WATES] } });
		expect((await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: await resident(TIDAR_SELATAN), body: answersFor(s) })).status).toBe(403);
		expect((await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: await resident(null), body: answersFor(s) })).status).toBe(403);
		expect((await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: await resident(WATES), body: answersFor(s) })).status).toBe(201);
	});

	it('a closed survey, or one past closes_at, takes no answers (409); a draft is 404', async () => {
		const closed = await openPoll();
		await call('POST', `/api/v1/surveys/${closed.id}/close`, { as: petugas });
		expect((await call('POST', `/api/v1/surveys/${closed.id}/responses`, { as: await resident(), body: answersFor(closed) })).status).toBe(409);
		const expired = await openPoll({ closes_at: new Date(Date.now() + 3_600_000).toISOString() });
		await db.update(surveys).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(surveys.id, expired.id));
		expect((await call('POST', `/api/v1/surveys/${expired.id}/responses`, { as: await resident(), body: answersFor(expired) })).status).toBe(409);
		expect((await call('GET', `/api/v1/surveys/${expired.id}`)).body.status).toBe('closed');
		const draft = await call('POST', '/api/v1/surveys', { as: petugas, body: poll() });
		expect((await call('POST', `/api/v1/surveys/${draft.body.id}/responses`, { as: await resident(), body: answersFor(draft.body) })).status).toBe(404);
	});

	it('anonymous surveys: one per device by a hashed cookie, no account stored, kelurahan from the form', async () => {
		const s = await openPoll({ anonymous: true, audience: { kind: 'kelurahan', codes: [WATES] } });
		const warga = await resident(TIDAR_SELATAN);
		const noPlace = await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: warga, body: answersFor(s) });
		expect(noPlace.status).toBe(400);
		expect(errorsOf(noPlace)).toHaveProperty('kelurahan_code');
		expect(errorsOf(await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: warga, body: { ...answersFor(s), kelurahan_code: TIDAR_SELATAN } }))).toHaveProperty('kelurahan_code');
		const ok = await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: warga, body: { ...answersFor(s), kelurahan_code: WATES } });
		expect(ok.status).toBe(201);
		const cookie = ok.headers.get('set-cookie')!;
		expect(cookie).toMatch(/^simpul_survey_device=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
		const token = cookie.split(';')[0].split('=')[1];
		const headers = { cookie: `simpul_survey_device=${token}` };
		// A device that has the cookie keeps it.
		expect((await call('POST', `/api/v1/surveys/${s.id}/responses`, { headers, body: { ...answersFor(s), kelurahan_code: WATES } })).headers.get('set-cookie')).toBeNull();
		const [row] = await db.select().from(surveyResponses).where(eq(surveyResponses.id, ok.body.id));
		// HMAC(server secret, `${surveyId}:${token}`): per survey, not recomputable from the cookie alone.
		const secret = (await db.select().from(appState).where(eq(appState.key, 'reach_click_secret')))[0].value as string;
		expect(row).toMatchObject({ userId: null, deviceKey: deviceKeyOf(secret, s.id, token), kelurahanCode: WATES });
		expect(row.deviceKey).not.toContain(token);
		expect(row.deviceKey).not.toBe(createHash('sha256').update(token).digest('hex'));
		// Stored with the WIB day only: 00:00 WIB = 17:00 UTC the day before.
		expect(row.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
		expect(row.createdAt.toISOString()).toMatch(/T17:00:00\.000Z$/);
		// Audited against the survey, without the response id or the actor.
		expect(await db.select().from(auditLog).where(eq(auditLog.entityId, ok.body.id))).toEqual([]);
		const entries = await db.select().from(auditLog).where(and(eq(auditLog.action, 'survey.respond'), eq(auditLog.entityId, s.id)));
		expect(entries[0]).toMatchObject({ actorId: null, actorLabel: 'anonymous', entityType: 'survey' });
		expect(JSON.stringify(entries)).not.toContain(ok.body.id);
		// The same device again, logged in or not → 409; another device may answer.
		expect((await call('POST', `/api/v1/surveys/${s.id}/responses`, { headers, body: { ...answersFor(s), kelurahan_code: WATES } })).status).toBe(409);
		expect((await call('POST', `/api/v1/surveys/${s.id}/responses`, { body: { ...answersFor(s), kelurahan_code: WATES } })).status).toBe(201);
		// The same device in another anonymous survey gets another key: responses cannot be linked.
		const other = await openPoll({ anonymous: true });
		const second = await call('POST', `/api/v1/surveys/${other.id}/responses`, { headers, body: { ...answersFor(other), kelurahan_code: WATES } });
		expect(second.status).toBe(201);
		const [otherRow] = await db.select().from(surveyResponses).where(eq(surveyResponses.id, second.body.id));
		expect(otherRow.deviceKey).not.toBe(row.deviceKey);
		expect(otherRow.deviceKey).toBe(deviceKeyOf(secret, other.id, token));
		expect((await call('POST', `/api/v1/surveys/${other.id}/responses`, { headers, body: { ...answersFor(other), kelurahan_code: WATES } })).status).toBe(409);
	});

	it('a close that commits between the checks and the insert wins: 409, nothing stored', async () => {
		const s = await openPoll();
		const actor = await buildActor(db, 'warga');
		await db.update(surveys).set({ audienceKind: 'all' }).where(eq(surveys.id, s.id));
		const racing = new Proxy(db, {
			get: (target, key, receiver) => key === 'transaction'
				? async (fn: Parameters<Db['transaction']>[0]) => {
					await db.update(surveys).set({ status: 'closed', closedAt: new Date() }).where(eq(surveys.id, s.id));
					return target.transaction(fn);
				}
				: Reflect.get(target, key, receiver)
		});
		const input = { answers: answersFor(s).answers.map((a) => ({ question_id: a.question_id, value: a.value as string })) };
		await expect(submitResponse(ctxFor(racing, actor), s.id, input as never, null)).rejects.toMatchObject({ code: 'CONFLICT' });
		expect(await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, s.id))).toEqual([]);
	});

	it('a malformed survey id is 404, not 400', async () => {
		expect(await findSurvey(db, 'bukan-uuid')).toBeUndefined();
		expect((await call('GET', '/api/v1/surveys/bukan-uuid')).status).toBe(404);
		expect((await call('GET', '/api/v1/surveys/bukan-uuid/results', { as: petugas })).status).toBe(404);
		expect((await call('POST', '/api/v1/surveys/bukan-uuid/responses', { body: { answers: [] } })).status).toBe(404);
		expect((await call('POST', '/api/v1/surveys/bukan-uuid/close', { as: petugas })).status).toBe(404);
	});

	it('kelurahan outside the home city are not known, even when loaded', async () => {
		const outside = '33.08.01.2001';
		await db.insert(regions).values({ code: outside, name: 'Desa Luar Kota', level: 'desa', parentCode: '33.08.01' }).onConflictDoNothing();
		expect(await knownVillages(db, [WATES, outside])).toEqual(new Set([WATES]));
		const s = await openPoll({ anonymous: true });
		const res = await call('POST', `/api/v1/surveys/${s.id}/responses`, { body: { ...answersFor(s), kelurahan_code: outside } });
		expect(res.status).toBe(400);
		expect(errorsOf(res)).toHaveProperty('kelurahan_code');
	});
});

describe('results and export', () => {
	it('aggregates per type; texts and the CSV for staff only; public once published', async () => {
		const s = await openPoll();
		const values = [['Ya', ['Senin'], 5, 2, '=CMD()', 'a'], ['Tidak', ['Senin', 'Rabu'], 3, 4, 'Baik, "sekali"', undefined], ['Ya', ['Sabtu'], 4, undefined, undefined, undefined]];
		const people = [];
		for (const v of values) {
			const w = await resident();
			people.push(w);
			expect((await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: w, body: answersFor(s, v) })).status).toBe(201);
		}
		const staff = await call('GET', `/api/v1/surveys/${s.id}/results`, { as: petugas });
		expect(staff.status).toBe(200);
		expect(staff.body.responses).toBe(3);
		const [single, multi, scale, number, text] = staff.body.questions.map((q: { result: unknown }) => q.result);
		expect(single.options).toEqual([{ option: 'Ya', count: 2, share: 66.7 }, { option: 'Tidak', count: 1, share: 33.3 }]);
		expect(multi.options.map((o: { count: number }) => o.count)).toEqual([2, 1, 1]);
		expect(scale).toMatchObject({ mean: 4, answered: 3 });
		expect(scale.distribution.map((d: { count: number }) => d.count)).toEqual([0, 0, 1, 1, 1]);
		expect(number).toMatchObject({ mean: 3, median: 3, answered: 2 });
		expect(text.texts).toEqual(['=CMD()', 'Baik, "sekali"']);
		expect(staff.body.literacy).toBeNull();

		const warga = people[0];
		expect((await call('GET', `/api/v1/surveys/${s.id}/results`, { as: warga })).status).toBe(403);
		expect((await call('GET', `/api/v1/surveys/${s.id}/results`)).status).toBe(401);
		await call('POST', `/api/v1/surveys/${s.id}/publish-results`, { as: petugas });
		// Fewer than 5 responses: the public gets the count only.
		const few = await call('GET', `/api/v1/surveys/${s.id}/results`);
		expect(few.status).toBe(200);
		expect(few.body).toMatchObject({ responses: 3, withheld: true, questions: [], literacy: null });
		expect(staff.body.withheld).toBe(false);
		for (const v of [['Tidak', ['Rabu'], 1, 5, undefined, undefined], ['Ya', ['Rabu'], 2, 1, undefined, undefined]]) {
			expect((await call('POST', `/api/v1/surveys/${s.id}/responses`, { as: await resident(), body: answersFor(s, v) })).status).toBe(201);
		}
		const pub = await call('GET', `/api/v1/surveys/${s.id}/results`);
		expect(pub.status).toBe(200);
		expect(pub.body).toMatchObject({ responses: 5, withheld: false });
		expect(pub.body.questions[4].result).toEqual({ kind: 'text', answered: 2 });
		expect(JSON.stringify(pub.body)).not.toContain('CMD');

		const csv = await call('GET', `/api/v1/surveys/${s.id}/results.csv`, { as: petugas });
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const lines = (csv.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines).toHaveLength(6);
		expect(lines[0]).toContain('user_id');
		expect(lines[0]).toContain('1. Setuju pasar direnovasi?');
		expect(lines[1]).toContain(",'=CMD(),");
		expect(lines[2]).toContain('"Baik, ""sekali"""');
		expect(lines[2]).toContain('Senin; Rabu');
		expect(csv.body).toContain(people[1].id);
	});

	it('anonymous CSV has no user ids; literacy results report pillar means per kelurahan', async () => {
		const lit = await call('POST', '/api/v1/surveys', { as: petugas, body: { template: 'digital_literacy' } });
		await call('POST', `/api/v1/surveys/${lit.body.id}/open`, { as: petugas });
		const qs = lit.body.questions as { id: string; pillar: string }[];
		const score: Record<string, number> = { kecakapan: 4, etika: 5, keamanan: 2, budaya: 3 };
		const places = [TIDAR_SELATAN, TIDAR_SELATAN, WATES, WATES, WATES, WATES, WATES];
		for (const [i, place] of places.entries()) {
			const res = await call('POST', `/api/v1/surveys/${lit.body.id}/responses`, { headers: { cookie: `simpul_survey_device=${'d'.repeat(42)}${i}` }, body: { kelurahan_code: place, answers: qs.map((q) => ({ question_id: q.id, value: place === WATES ? score[q.pillar] : 5 })) } });
			expect(res.status, JSON.stringify(res.body)).toBe(201);
		}
		const staff = await call('GET', `/api/v1/surveys/${lit.body.id}/results`, { as: petugas });
		const rows = staff.body.literacy as { kelurahan: { code: string } | null; responses: number; pillars: Record<string, number>; index: number; index_100: number }[];
		expect(rows.map((r) => r.kelurahan?.code ?? null)).toEqual([TIDAR_SELATAN, WATES, null]);
		expect(rows[1]).toMatchObject({ responses: 5, pillars: score, index: 3.5, index_100: 62.5 });
		expect(rows[0]).toMatchObject({ responses: 2, index: 5, index_100: 100 });
		expect(rows[2].responses).toBe(7);
		await call('POST', `/api/v1/surveys/${lit.body.id}/close`, { as: petugas });
		await call('POST', `/api/v1/surveys/${lit.body.id}/publish-results`, { as: petugas });
		const pub = await call('GET', `/api/v1/surveys/${lit.body.id}/results`);
		// Tidar Selatan (2) is hidden, and so Wates too: overall − Wates would give Tidar Selatan's means.
		expect(pub.body.literacy.map((r: { kelurahan: { code: string } | null }) => r.kelurahan?.code ?? null)).toEqual([null]);
		expect(pub.body.literacy[0]).toMatchObject({ responses: 7, index: rows[2].index });
		const csv = await call('GET', `/api/v1/surveys/${lit.body.id}/results.csv`, { as: petugas });
		const csvLines = (csv.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(csvLines[0]).not.toContain('user_id');
		// Nothing that dates or identifies a response: no response id, no time; rows in id order.
		expect(csvLines[0]).not.toContain('response_id');
		expect(csvLines[0]).not.toContain('submitted_at');
		expect(csvLines[0].startsWith('kelurahan_code,')).toBe(true);
		const stored = await db.select({ id: surveyResponses.id, kelurahanCode: surveyResponses.kelurahanCode }).from(surveyResponses).where(eq(surveyResponses.surveyId, lit.body.id));
		expect(stored.every((r) => !csv.body.includes(r.id))).toBe(true);
		const byId = [...stored].sort((x, y) => (x.id < y.id ? -1 : 1)).map((r) => r.kelurahanCode);
		expect(csvLines.slice(1).map((l) => l.split(',')[0])).toEqual(byId);
		const list = await call('GET', '/api/v1/surveys');
		expect(list.body.data.map((s: { id: string }) => s.id)).toContain(lit.body.id);
		expect(list.body.data.every((s: { status: string; results_public: boolean }) => s.status === 'open' || s.results_public)).toBe(true);
		expect(list.body.data[0]).not.toHaveProperty('response_count');
		expect(list.body.data.find((s: { id: string }) => s.id === lit.body.id)).toMatchObject({ question_count: 12, status: 'closed', results_public: true });
		const staffList = (await call('GET', '/api/v1/surveys', { as: petugas })).body.data;
		expect(staffList.find((s: { id: string }) => s.id === lit.body.id)).toMatchObject({ question_count: 12, response_count: 7 });
		expect((await call('GET', '/api/v1/surveys', { as: petugas })).body.data.some((s: { status: string }) => s.status === 'draft')).toBe(true);
	});
});
