import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, buildUser, ctxFor, testApi, TIDAR_SELATAN } from '../../../../tests/factories';
import type { Db } from '../db/client';
import { seedAduanReference } from './aduan.seed';
import { buildUnitStaff } from './aduan.factories';
import { getPublicAduan, listMine } from './aduan.read.actions';
import { trackingPageData } from './aduan.page';

let db: Db;
let call: ReturnType<typeof testApi>['call'];
beforeAll(async () => {
	db = (await createTestDatabase()).db;
	call = testApi(db).call;
	await seedAduanReference(db);
});

const body = (privacy: string, over: Record<string, unknown> = {}) => ({
	type: 'complaint', category_code: 'jalan-rusak', title: `Jalan rusak (${privacy})`,
	description: 'Aspal mengelupas sepanjang dua puluh meter dan membuat pengendara terjatuh.',
	kelurahan_code: TIDAR_SELATAN, lat: -7.48, lng: 110.217, privacy, ...over
});

/** A reporter whose name, email and phone appear nowhere else. */
async function secretReporter(tag: string) {
	const u = await buildUser(db, { name: `Rahasiawati ${tag} Zq`, email: `rahasia.${tag}.zq@contoh.id`, phone: `0899${tag.length}7766${tag.length}55` });
	return u;
}
const secretsOf = (u: { name: string; email: string; phone: string | null }) => [u.name, u.email, u.phone!];

function expectNone(haystack: unknown, secrets: string[], label: string) {
	const text = JSON.stringify(haystack);
	for (const s of secrets) expect(text, `${label} leaks ${s}`).not.toContain(s);
}

describe('privacy of public answers', () => {
	it('never shows the reporter of anonymous and confidential aduan, and only the name of a public one', async () => {
		const others = {
			visitor: null,
			warga: await buildActor(db, 'warga'),
			otherUnit: await buildUnitStaff(db, 'dlh')
		};
		for (const privacy of ['public', 'anonymous', 'confidential']) {
			const reporter = await secretReporter(privacy);
			const filed = await call('POST', '/api/v1/aduan', { as: reporter, body: body(privacy) });
			expect(filed.status).toBe(201);
			const id = filed.body.tracking_id as string;
			for (const [who, actor] of Object.entries(others)) {
				const label = `${privacy} as ${who}`;
				const api = await call('GET', `/api/v1/aduan/${id}`, actor ? { as: await emailOf(actor) } : {});
				if (privacy === 'confidential') {
					expect(api.status, label).toBe(404);
					expectNone(api.body, [...secretsOf(reporter), 'Aspal mengelupas'], label);
					await expect(trackingPageData(ctxFor(db, actor), id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
					continue;
				}
				expect(api.status, label).toBe(200);
				const page = await trackingPageData(ctxFor(db, actor), id);
				if (privacy === 'public') {
					expect(api.body.reporter, label).toEqual({ name: reporter.name });
					expectNone(api.body, [reporter.email, reporter.phone!], label);
					expectNone(page, [reporter.email, reporter.phone!], `${label} (page)`);
				} else {
					expect(api.body.reporter, label).toBeNull();
					expectNone(api.body, secretsOf(reporter), label);
					expectNone(page, secretsOf(reporter), `${label} (page)`);
				}
			}
		}
	});

	it('shows a confidential aduan and its reporter to the reporter, the petugas and the handling unit only', async () => {
		const reporter = await secretReporter('conf2');
		const filed = await call('POST', '/api/v1/aduan', { as: reporter, body: body('confidential') });
		const id = filed.body.tracking_id as string;
		const handling = await buildUnitStaff(db, 'dpupr');
		const petugas = await buildActor(db, 'petugas');
		for (const actor of [reporter, handling, petugas]) {
			const res = await call('GET', `/api/v1/aduan/${id}`, { as: { email: actor.email } });
			expect(res.status).toBe(200);
			expect(res.body.reporter).toMatchObject({ name: reporter.name, email: reporter.email, phone: reporter.phone });
			expect(res.body.description).toContain('Aspal');
		}
		const otherUnit = await buildUnitStaff(db, 'dinkes');
		expect((await call('GET', `/api/v1/aduan/${id}`, { as: { email: otherUnit.email } })).status).toBe(404);
	});

	it('hides the resident behind an assisted anonymous filing from the public, not from the member', async () => {
		const kim = await buildKim(db);
		const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		const res = await call('POST', '/api/v1/aduan', { as: { email: anggota.email }, body: body('anonymous', { on_behalf_of: { name: 'Mbah Karyorejo Zq', phone: '081299988877', consent: true } }) });
		const id = res.body.tracking_id as string;
		const pub = await call('GET', `/api/v1/aduan/${id}`);
		expectNone(pub.body, ['Mbah Karyorejo Zq', '081299988877', res.body.claim_code], 'assisted public');
		const page = await trackingPageData(ctxFor(db, null), id);
		expectNone(page, ['Mbah Karyorejo Zq', '081299988877'], 'assisted page');
		const own = await getPublicAduan(ctxFor(db, anggota), id);
		expect(own.on_behalf_of).toMatchObject({ name: 'Mbah Karyorejo Zq', phone: '081299988877' });
		expect((await listMine(ctxFor(db, anggota)))[0].on_behalf_name).toBe('Mbah Karyorejo Zq');
	});
});

async function emailOf(actor: { email: string }) {
	return { email: actor.email };
}
