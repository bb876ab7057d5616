import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, ctxFor, TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import { appState, auditLog, regions, surveyResponses, surveys } from '../db/schema';
import type { Db } from '../db/client';
import { deviceKeyOf, submitResponse } from './surveys.respond';
import { findSurvey, knownVillages } from './surveys.queries';
import { answersFor, buildSurveysWorld, errorsOf, poll, type SurveysWorld } from './surveys.api.world';

let db: Db;
let { call, petugas, resident, openPoll } = {} as SurveysWorld;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	({ call, petugas, resident, openPoll } = await buildSurveysWorld(db));
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
