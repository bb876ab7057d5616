import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { auditLog } from '../db/schema';
import type { Db } from '../db/client';
import { buildSurveysWorld, errorsOf, poll, type SurveysWorld } from './surveys.api.world';

let db: Db;
let { call, petugas, resident } = {} as SurveysWorld;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	({ call, petugas, resident } = await buildSurveysWorld(db));
});

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
