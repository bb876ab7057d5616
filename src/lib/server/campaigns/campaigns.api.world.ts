/**
 * Test helpers shared by the campaign API test files: the world each file builds once on its own
 * database (the API caller, staff and KIMs with their boards on demand), dates and the plan body.
 */
import { buildActor, buildKim, testApi } from '../../../../tests/factories';
import type { Db } from '../db/client';

/** The WIB date `days` from today, as YYYY-MM-DD. */
export const soon = (days: number) => new Date(Date.now() + days * 86400_000 + 7 * 3600_000).toISOString().slice(0, 10);

/** A valid campaign plan for POST /api/v1/campaigns: the first post is the main one. */
export const plan = (postIds: string[], over: Record<string, unknown> = {}) => ({
	title: 'Imunisasi balita November',
	objective: 'Orang tua balita tahu jadwal imunisasi.',
	key_messages: ['Gratis di posyandu', 'Bawa buku KIA'],
	post_ids: postIds,
	whatsapp_template: 'Info penting: {judul}. Baca di {tautan}',
	priority: 'high',
	starts_on: soon(0),
	ends_on: soon(30),
	target: { kind: 'all' },
	target_reach: 5000,
	...over
});

export type CampaignsWorld = Awaited<ReturnType<typeof buildCampaignsWorld>>;

export async function buildCampaignsWorld(db: Db) {
	const { call } = testApi(db);

	async function staff() {
		return { petugas: await buildActor(db, 'petugas'), warga: await buildActor(db, 'warga') };
	}

	/** A campaign for a fresh set of KIMs: targets them by id so other tests' KIMs never interfere. */
	async function kimsWithBoards(n: number, over: Parameters<typeof buildKim>[1] = {}) {
		const out = [];
		for (let i = 0; i < n; i++) {
			const kim = await buildKim(db, over);
			out.push({
				kim,
				ketua: await buildActor(db, 'warga', { kimId: kim.id, position: 'ketua' }),
				sekretaris: await buildActor(db, 'warga', { kimId: kim.id, position: 'sekretaris' }),
				anggota: await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' })
			});
		}
		return out;
	}

	return { call, staff, kimsWithBoards };
}
