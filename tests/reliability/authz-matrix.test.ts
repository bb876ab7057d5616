/**
 * The authorization matrix: every operation of the OpenAPI document × every actor, against the
 * expected table in authz-matrix.ts. In-process (Hono app on the test database).
 * AUTHZ_OBSERVE=1 prints what the product does, in the table's syntax, instead of failing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db';
import { TEST_PASSWORD } from '../factories';
import { loadActor } from '../../src/lib/server/auth/auth.queries';
import type { Actor } from '../../src/lib/server/auth/actor';
import { ACTORS, buildWorld, type ActorName, type Req, type World } from './authz-world';
import { REQUESTS } from './authz-requests';
import { EXPECTED, type Cell } from './authz-matrix';

let w: World;
let operations: string[];
beforeAll(async () => {
	w = await buildWorld((await createTestDatabase()).db);
	const doc = (await w.call('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
	operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
});

const baseOf = (key: string) => key.replace(/ \[[^\]]+\]$/, '');
const isOpen311 = (key: string) => key.includes(' /open311/');

async function send(actor: ActorName, req: Req) {
	let token: string | undefined;
	if (req.freshSession && actor !== 'anonymous') {
		const res = await w.api.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: w.people[actor].email, password: TEST_PASSWORD }) });
		token = (await res.json()).token;
	}
	const isRaw = typeof req.body === 'string';
	return isRaw
		? rawCall(actor, req)
		: w.call(req.method, req.path, { as: token ? undefined : w.as(actor), token, body: req.body, headers: req.headers });
}

/** A request with a pre-encoded body (form-urlencoded): the JSON caller would re-encode it. */
async function rawCall(actor: ActorName, req: Req) {
	const headers: Record<string, string> = { ...req.headers };
	if (actor !== 'anonymous') {
		const res = await w.api.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: w.people[actor].email, password: TEST_PASSWORD }) });
		headers.authorization = `Bearer ${(await res.json()).token}`;
	}
	const res = await w.api.request(req.path, { method: req.method, headers, body: req.body as string });
	return { status: res.status, body: await res.text(), headers: res.headers };
}

const cellOf = (status: number): Cell => (status === 401 || status === 403 ? 'deny' : status === 404 ? 'hide' : 'allow');

describe('authorization matrix', () => {
	it('has a row for every operation of the OpenAPI document and none for removed ones', () => {
		const missing = operations.filter((op) => !EXPECTED[op]);
		const stale = Object.keys(EXPECTED).filter((key) => !operations.includes(baseOf(key)));
		const noRequest = Object.keys(EXPECTED).filter((key) => !REQUESTS[key]);
		expect({ missing, stale, noRequest }).toEqual({ missing: [], stale: [], noRequest: [] });
	});

	it('answers every operation × actor as the table says', async () => {
		const failures: string[] = [];
		const observed: string[] = [];
		let cells = 0;
		const before = Object.fromEntries(await Promise.all(ACTORS.filter((a) => a !== 'anonymous').map(async (a) => [a, await loadActor(w.db, w.people[a].userId)])));
		for (const key of Object.keys(REQUESTS)) {
			const row = EXPECTED[key];
			const got: Record<string, { status: number; cell: Cell }> = {};
			for (const actor of ACTORS) {
				const req = await REQUESTS[key](w, actor);
				const res = await send(actor, req);
				await req.after?.(res);
				await w.fresh.cleanup();
				const cell = cellOf(res.status);
				got[actor] = { status: res.status, cell };
				cells++;
				if (res.status >= 500) failures.push(`${key} as ${actor}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
				if (!row) continue;
				const want = row.cells[actor];
				if (want !== cell) failures.push(`${key} as ${actor}: expected ${want}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
				else if (want === 'deny' && actor === 'anonymous' && !isOpen311(key) && res.status !== 401) failures.push(`${key} as anonymous: expected 401, got ${res.status}`);
				else if (want === 'deny' && actor !== 'anonymous' && res.status !== 403) failures.push(`${key} as ${actor}: expected 403, got ${res.status}`);
			}
			observed.push(`\t'${key}': ${describeRow(got)},`);
		}
		if (process.env.AUTHZ_OBSERVE) console.log(observed.join('\n'));
		// No row may change who an actor is (a KIM they now lead, a unit they joined).
		for (const actor of ACTORS.filter((a) => a !== 'anonymous')) {
			const now = await loadActor(w.db, w.people[actor].userId);
			expect(roleShape(now), actor).toEqual(roleShape(before[actor]));
		}
		expect(cells).toBe(Object.keys(REQUESTS).length * ACTORS.length);
		expect(failures).toEqual([]);
	});
});

const roleShape = (a: Actor) => ({ role: a?.role, kims: a?.kims.map((k) => `${k.kimId}:${k.position}`).sort(), units: a?.units.map((u) => u.unitCode).sort() });

describe('lists that anyone may open are scoped to the actor', () => {
	const idsOf = (res: { body: any }) => ((res.body?.data ?? []) as { id: string }[]).map((r) => r.id);
	it('an outsider opening KIM A’s inbox, reports or rumours gets none of its rows', async () => {
		for (const actor of ['warga', 'anggotaB', 'pengurusB', 'unitStaff'] as const) {
			const as = w.people[actor];
			const inbox = await w.call('GET', `/api/v1/assignments?kim_id=${w.kimA.id}`, { as });
			expect(inbox.status === 403 || (inbox.status === 200 && !JSON.stringify(inbox.body).includes(w.assignment.id)), `${actor} inbox`).toBe(true);
			const reports = await w.call('GET', '/api/v1/activity-reports', { as });
			if (reports.status === 200) expect(idsOf(reports), `${actor} reports`).not.toContain(w.report.id);
			const rumours = await w.call('GET', '/api/v1/rumours', { as });
			if (rumours.status === 200) expect(idsOf(rumours), `${actor} rumours`).not.toContain(w.rumour.id);
		}
		const own = await w.call('GET', `/api/v1/assignments?kim_id=${w.kimA.id}`, { as: w.people.anggotaA });
		expect(JSON.stringify(own.body)).toContain(w.assignment.id);
	});

	it('unit staff see only their unit’s aduan on the board; a reporter only their own in “mine”', async () => {
		const board = await w.call('GET', '/api/v1/aduan/board', { as: w.people.unitStaff });
		expect(board.status).toBe(200);
		const units = new Set(JSON.stringify(board.body).match(/"unit_code":"[^"]+"/g) ?? []);
		expect([...units].every((u) => u === '"unit_code":"dpupr"'), [...units].join()).toBe(true);
		const mine = await w.call('GET', '/api/v1/aduan/mine', { as: w.people.anggotaB });
		expect(JSON.stringify(mine.body)).not.toContain(w.aduan.confidential.trackingId);
	});
});

/** The observed row in the table's syntax (for AUTHZ_OBSERVE). */
function describeRow(got: Record<string, { status: number; cell: Cell }>) {
	const allowed = ACTORS.filter((a) => got[a].cell === 'allow');
	const hidden = ACTORS.filter((a) => got[a].cell === 'hide');
	const statuses = ACTORS.map((a) => got[a].status).join(' ');
	return `only(${allowed.map((a) => `'${a}'`).join(', ')})${hidden.length ? `.hiding(${hidden.map((a) => `'${a}'`).join(', ')})` : ''} /* ${statuses} */`;
}
