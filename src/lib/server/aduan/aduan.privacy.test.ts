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
		expect((await call('POST', `/api/v1/aduan/${filed.body.id}/transition`, { as: petugas, body: { to: 'verified', unit_code: 'dpupr' } })).status).toBe(200);
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

describe('access before forwarding, after a claim, and the map point', () => {
	const forward = async (id: string, unit = 'dpupr') =>
		expect((await call('POST', `/api/v1/aduan/${id}/transition`, { as: await buildActor(db, 'petugas'), body: { to: 'verified', unit_code: unit } })).status).toBe(200);

	it('keeps confidential content and reporters from the category’s unit until the aduan is verified and forwarded to it', async () => {
		const reporter = await secretReporter('unitwait');
		const staff = await buildUnitStaff(db, 'dpupr');
		const conf = await call('POST', '/api/v1/aduan', { as: reporter, body: body('confidential') });
		const anon = await call('POST', '/api/v1/aduan', { as: reporter, body: body('anonymous') });
		const confId = conf.body.tracking_id as string;
		const anonId = anon.body.tracking_id as string;
		// Still `received`: the unit's staff are nobody special yet.
		expect((await call('GET', `/api/v1/aduan/${confId}`, { as: staff })).status).toBe(404);
		await expect(trackingPageData(ctxFor(db, staff), confId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const early = await call('GET', `/api/v1/aduan/${anonId}`, { as: staff });
		expect(early.status).toBe(200);
		expect(early.body.reporter).toBeNull();
		expectNone(early.body, secretsOf(reporter), 'anonymous before forwarding');
		expect((await trackingPageData(ctxFor(db, staff), anonId)).isPrivileged).toBe(false);
		await forward(conf.body.id);
		await forward(anon.body.id);
		for (const id of [confId, anonId]) {
			const res = await call('GET', `/api/v1/aduan/${id}`, { as: staff });
			expect(res.status).toBe(200);
			expect(res.body.reporter).toMatchObject({ name: reporter.name, email: reporter.email });
		}
		// Another unit's staff still do not see it.
		expect((await call('GET', `/api/v1/aduan/${confId}`, { as: await buildUnitStaff(db, 'dinkes') })).status).toBe(404);
	});

	it('gives the assisting member access only until the resident claims it', async () => {
		const kim = await buildKim(db);
		const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
		const filed = await call('POST', '/api/v1/aduan', { as: anggota, body: body('confidential', { on_behalf_of: { name: 'Mbah Sastro Zq', phone: '081299911177', consent: true } }) });
		expect(filed.status).toBe(201);
		const id = filed.body.tracking_id as string;
		expect((await call('GET', `/api/v1/aduan/${id}`, { as: anggota })).status).toBe(200);
		expect((await trackingPageData(ctxFor(db, anggota), id)).isFiler).toBe(true);
		const resident = await secretReporter('claimer');
		expect((await call('POST', `/api/v1/aduan/${id}/claim`, { as: resident, body: { code: filed.body.claim_code } })).status).toBe(200);
		const after = await call('GET', `/api/v1/aduan/${id}`, { as: anggota });
		expect(after.status).toBe(404);
		expectNone(after.body, secretsOf(resident), 'member after claim');
		await expect(trackingPageData(ctxFor(db, anggota), id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect((await call('GET', `/api/v1/aduan/${id}`, { as: resident })).body.reporter).toMatchObject({ email: resident.email });
	});

	it('shows the map point publicly only for a public aduan', async () => {
		const reporter = await secretReporter('peta');
		const anon = await call('POST', '/api/v1/aduan', { as: reporter, body: body('anonymous') });
		const pub = await call('POST', '/api/v1/aduan', { as: reporter, body: body('public') });
		for (const who of [null, await buildActor(db, 'warga'), await buildUnitStaff(db, 'dpupr')]) {
			const view = await getPublicAduan(ctxFor(db, who), anon.body.tracking_id);
			expect(view.location).toBeNull();
			expect(JSON.stringify(await trackingPageData(ctxFor(db, who), anon.body.tracking_id))).not.toContain('110.217');
			expect((await getPublicAduan(ctxFor(db, who), pub.body.tracking_id)).location).toEqual({ lat: -7.48, lng: 110.217 });
		}
		expect((await call('GET', `/api/v1/aduan/${anon.body.tracking_id}`, { as: reporter })).body.location).toEqual({ lat: -7.48, lng: 110.217 });
		expect((await call('GET', `/api/v1/aduan/${anon.body.tracking_id}`, { as: await buildActor(db, 'petugas') })).body.location).toEqual({ lat: -7.48, lng: 110.217 });
	});
});

async function emailOf(actor: { email: string }) {
	return { email: actor.email };
}
