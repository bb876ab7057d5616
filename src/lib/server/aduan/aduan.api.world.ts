/**
 * Test helpers shared by the aduan API test files: the world each file builds once on its own
 * database (the API caller and the people a file needs), the filing body and field errors.
 * Each test still builds its own aduan.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildActor, buildUser, testApi, TIDAR_SELATAN } from '../../../../tests/factories';
import { aduan, aduanEvents, users } from '../db/schema';
import type { Db } from '../db/client';
import { localDiskStorage, setFileStorage } from '../files/storage';
import { seedAduanReference } from './aduan.seed';
import { buildAduan, buildUnitStaff } from './aduan.factories';

/** A valid filing body for POST /api/v1/aduan: a public complaint about a road in Tidar Selatan. */
export const filingBody = (over: Record<string, unknown> = {}) => ({
	type: 'complaint',
	category_code: 'jalan-rusak',
	title: 'Jalan berlubang di Jalan Tidar',
	description: 'Ada lubang besar di tengah jalan dekat sekolah, sudah dua minggu belum diperbaiki.',
	kelurahan_code: TIDAR_SELATAN,
	lat: -7.4797,
	lng: 110.2177,
	privacy: 'public',
	...over
});

export const errorsOf = (res: { body: { errors?: { path: string; message: string }[] } }) => Object.fromEntries((res.body.errors ?? []).map((e) => [e.path, e.message]));

export type FilingWorld = Awaited<ReturnType<typeof buildFilingWorld>>;

/** For filing and tracking: reference data seeded, uploads in a temporary directory, new residents on demand. */
export async function buildFilingWorld(db: Db) {
	const { call } = testApi(db);
	await seedAduanReference(db);
	setFileStorage(localDiskStorage(mkdtempSync(join(tmpdir(), 'simpul-aduan-'))));
	const resident = async () => {
		const u = await buildUser(db);
		return { email: u.email, id: u.id };
	};
	return { call, resident };
}

export type HandlingWorld = Awaited<ReturnType<typeof buildHandlingWorld>>;

/**
 * For handling: a petugas and staff of dpupr and dlh (which seeds the reference data), the
 * transition call, row and event readers, and aduan already forwarded or resolved through the API.
 */
export async function buildHandlingWorld(db: Db) {
	const { call } = testApi(db);
	const petugas = await buildActor(db, 'petugas');
	const dpupr = await buildUnitStaff(db, 'dpupr');
	const dlh = await buildUnitStaff(db, 'dlh');

	const reporterOf = async (a: { reporterId: string | null }) => (await db.select().from(users).where(eq(users.id, a.reporterId!)))[0];
	const row = async (id: string) => (await db.select().from(aduan).where(eq(aduan.id, id)))[0];
	const events = async (id: string) => db.select().from(aduanEvents).where(eq(aduanEvents.aduanId, id)).orderBy(aduanEvents.id);
	const move = (id: string, as: { email: string } | undefined, body: Record<string, unknown>) => call('POST', `/api/v1/aduan/${id}/transition`, { as, body });

	/** An aduan verified and forwarded to `unit` by the petugas. */
	async function forwarded(unit = 'dpupr', over: Parameters<typeof buildAduan>[1] = {}) {
		const a = await buildAduan(db, over);
		expect((await move(a.id, petugas, { to: 'verified', unit_code: unit })).status).toBe(200);
		return row(a.id);
	}

	/** An aduan taken to `resolved` by the dpupr staff. */
	async function resolved() {
		const a = await forwarded();
		expect((await move(a.id, dpupr, { to: 'in_progress', note: 'Penambalan Senin depan' })).status).toBe(200);
		expect((await move(a.id, dpupr, { to: 'resolved', note: 'Lubang sudah ditambal' })).status).toBe(200);
		return row(a.id);
	}

	return { call, petugas, dpupr, dlh, reporterOf, row, events, move, forwarded, resolved };
}
