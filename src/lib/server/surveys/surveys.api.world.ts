/**
 * Test helpers shared by the survey API test files: the world each file builds once on its own
 * database (the API caller, a petugas, residents on demand, opened polls), the poll body and answers.
 */
import { expect } from 'vitest';
import { buildUser, testApi, TIDAR_SELATAN } from '../../../../tests/factories';
import type { Db } from '../db/client';

/** A survey body with one question of each type (the first three required). */
export const poll = (over: Record<string, unknown> = {}) => ({
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

/** A response body answering the questions in order with `values` (undefined leaves one out). */
export const answersFor = (s: { questions: { id: string }[] }, values: unknown[] = ['Ya', ['Senin', 'Sabtu'], 4, 3, 'Bagus', 'Panjang']) =>
	({ answers: s.questions.map((q, i) => ({ question_id: q.id, value: values[i] })).filter((a) => a.value !== undefined) });

export const errorsOf = (res: { body: { errors?: { path: string; message: string }[] } }) => Object.fromEntries((res.body.errors ?? []).map((e) => [e.path, e.message]));

export type SurveysWorld = Awaited<ReturnType<typeof buildSurveysWorld>>;

/** The API caller, a petugas who builds the surveys, and new residents and opened polls on demand. */
export async function buildSurveysWorld(db: Db) {
	const { call } = testApi(db);
	const petugas: { email: string } = await buildUser(db, { role: 'petugas' });
	const resident = (kelurahanCode: string | null = TIDAR_SELATAN) => buildUser(db, { role: 'warga', kelurahanCode });

	/** A created and opened survey; returns its view. */
	async function openPoll(over: Record<string, unknown> = {}) {
		const created = await call('POST', '/api/v1/surveys', { as: petugas, body: poll(over) });
		expect(created.status, JSON.stringify(created.body)).toBe(201);
		expect((await call('POST', `/api/v1/surveys/${created.body.id}/open`, { as: petugas })).status).toBe(200);
		return created.body as { id: string; questions: { id: string; type: string }[] };
	}

	return { call, petugas, resident, openPoll };
}
