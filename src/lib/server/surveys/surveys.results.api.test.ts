import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { TIDAR_SELATAN, WATES } from '../../../../tests/factories';
import { surveyResponses } from '../db/schema';
import type { Db } from '../db/client';
import { answersFor, buildSurveysWorld, poll, type SurveysWorld } from './surveys.api.world';

let db: Db;
let { call, petugas, resident, openPoll } = {} as SurveysWorld;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	({ call, petugas, resident, openPoll } = await buildSurveysWorld(db));
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
		// A draft of this file's own: the public list must leave it out, the staff list show it.
		expect((await call('POST', '/api/v1/surveys', { as: petugas, body: poll() })).status).toBe(201);
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
