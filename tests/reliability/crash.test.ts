/**
 * Crash safety, on both engines. The production server (demo data) gets 500 activity reports and
 * 200 aduan at once, each with its own Idempotency-Key, and is killed with SIGKILL while most are
 * still in flight. Restarted on the same data, it gets every request again with the same keys.
 * Then, with the server stopped, the database must hold exactly one record per key, and every
 * request that was answered 201 before the crash must be there under the id it was answered with.
 *
 * Clicks: short links followed N times by N different browsers, then a graceful stop (SIGTERM):
 * link_clicks must hold exactly N more rows for that link (buffered clicks are flushed on stop).
 *
 * The database is read only after the server has stopped (PGlite allows one process at a time).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client';
import { createPgDatabase, postgresAvailable, startServer, type Engine, type RunningServer } from './server';

const REPORTS = 500;
const ADUAN = 200;
/** Kill once this many requests have been answered 201 (of 700 sent at once). */
const KILL_AFTER_CREATED = 120;
const CLICKS = 300;
const PASSWORD = 'simpul-demo';

const pgUp = await postgresAvailable();
if (!pgUp) console.warn('[crash] PostgreSQL is not reachable (TEST_DATABASE_URL): the postgres engine is skipped');

type Target = { engine: Engine; dataDir?: string; databaseUrl?: string };
type Session = { email: string; token: string; userId: string };
type Req = { kind: 'report' | 'aduan'; key: string; as: Session; body: Record<string, unknown> };
type Answer = { status: number; id?: string } | { error: string };

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
	for (const c of cleanups.reverse()) await c();
});

/** Runs `fn` against the stopped server's database: PGlite opened in-process, or a pg client. */
async function withDb<T>(target: Target, fn: (q: (sql: string, params?: unknown[]) => Promise<any[]>) => Promise<T>): Promise<T> {
	if (target.engine === 'pglite') {
		const database = await openDatabase({ dataDir: target.dataDir });
		try {
			return await fn(async (sql, params) => (await database.pglite!.query(sql, params)).rows as any[]);
		} finally {
			await database.close();
		}
	}
	const client = new pg.Client({ connectionString: target.databaseUrl });
	await client.connect();
	try {
		return await fn(async (sql, params) => (await client.query(sql, params as unknown[])).rows);
	} finally {
		await client.end();
	}
}

async function login(url: string, email: string): Promise<Session> {
	const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ email, password: PASSWORD }) });
	const body = (await res.json()) as { token: string; user: { id: string } };
	if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(body)}`);
	return { email, token: body.token, userId: body.user.id };
}

async function getJson(url: string, path: string, as: Session) {
	const res = await fetch(url + path, { headers: { authorization: `Bearer ${as.token}`, accept: 'application/json' } });
	const body = await res.json();
	if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(body)}`);
	return body as any;
}

async function send(url: string, r: Req): Promise<Answer> {
	try {
		const res = await fetch(`${url}/api/v1/${r.kind === 'report' ? 'activity-reports' : 'aduan'}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: url, authorization: `Bearer ${r.as.token}`, 'idempotency-key': r.key },
			body: JSON.stringify(r.body)
		});
		const text = await res.text();
		let id: string | undefined;
		try {
			id = JSON.parse(text).id;
		} catch {
			/* not JSON */
		}
		return { status: res.status, id, ...(res.status >= 300 ? { text: text.slice(0, 300) } : {}) };
	} catch (err) {
		return { error: String((err as Error).cause ?? err) };
	}
}

/**
 * Sends `reqs` with at most `limit` in flight (the replay after the restart). A request whose
 * connection fails is sent again, as a field client would (the key makes that safe); the failures
 * are returned so the test can report them.
 */
async function sendAll(url: string, reqs: Req[], limit: number): Promise<{ answers: Answer[]; retried: string[] }> {
	const out: Answer[] = new Array(reqs.length);
	const retried: string[] = [];
	const t0 = Date.now();
	let next = 0;
	await Promise.all(
		Array.from({ length: limit }, async () => {
			while (next < reqs.length) {
				const i = next++;
				for (let attempt = 0; attempt < 3; attempt++) {
					out[i] = await send(url, reqs[i]);
					if (!('error' in out[i])) break;
					retried.push(`${reqs[i].key} at ${Date.now() - t0} ms: ${(out[i] as { error: string }).error}`);
				}
			}
		})
	);
	return { answers: out, retried };
}

/** 500 reports and 200 aduan by several demo accounts, interleaved, each with a fresh key. */
function buildRequests(kimId: string, kelurahan: string, reporters: Session[], filers: Session[]): Req[] {
	const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
	const reports: Req[] = Array.from({ length: REPORTS }, (_, i) => ({
		kind: 'report',
		key: `crash-r-${i}-${randomUUID()}`,
		as: reporters[i % reporters.length],
		body: { kim_id: kimId, type: 'meeting', held_on: today, kelurahan_code: kelurahan, audience_count: 1 + (i % 90), notes: `Laporan uji crash ${i} — “ünïcode”` }
	}));
	const aduan: Req[] = Array.from({ length: ADUAN }, (_, i) => ({
		kind: 'aduan',
		key: `crash-a-${i}-${randomUUID()}`,
		as: filers[i % filers.length],
		body: { type: 'complaint', category_code: 'jalan-rusak', title: `Jalan berlubang nomor ${i}`, description: `Lubang besar di jalan depan rumah nomor ${i}, membahayakan pengendara motor.`, kelurahan_code: kelurahan, privacy: 'public' }
	}));
	// Interleave 5:2 so both kinds are in flight when the server dies.
	const out: Req[] = [];
	for (let r = 0, a = 0; r < reports.length || a < aduan.length; ) {
		for (let k = 0; k < 5 && r < reports.length; k++) out.push(reports[r++]);
		for (let k = 0; k < 2 && a < aduan.length; k++) out.push(aduan[a++]);
	}
	return out;
}

const isStatus = (a: Answer | undefined): a is { status: number; id?: string } => !!a && 'status' in a;

describe.each([
	{ engine: 'pglite' as const, port: 5200 },
	{ engine: 'postgres' as const, port: 5210 }
])('crash safety on $engine', ({ engine, port }) => {
	it.skipIf(engine === 'postgres' && !pgUp)(`kill -9 midway through ${REPORTS} reports and ${ADUAN} aduan, restart, resend: one record per key, every 201 kept; SIGTERM keeps every click`, async () => {
		const target: Target = { engine };
		if (engine === 'pglite') {
			target.dataDir = mkdtempSync(join(tmpdir(), 'simpul-crash-'));
			cleanups.push(() => rmSync(target.dataDir!, { recursive: true, force: true }));
		} else {
			const database = await createPgDatabase('simpul_crash');
			target.databaseUrl = database.url;
			cleanups.push(() => database.drop());
		}
		const serverOpts = (n: number) => ({ port: port + n, demo: true, dataDir: target.dataDir, databaseUrl: target.databaseUrl, env: { SHUTDOWN_TIMEOUT: '30' } });
		let server: RunningServer | undefined = await startServer(serverOpts(0));
		cleanups.push(() => server?.kill());

		// Several demo members of KIM #0 report; they and the demo resident file aduan.
		const anggota = await login(server.url, 'anggota@simpul.test');
		const me = await getJson(server.url, '/api/v1/me', anggota);
		const kimId: string = me.kims[0].id;
		const pengurus = await login(server.url, 'pengurus@simpul.test');
		const warga = await login(server.url, 'warga@simpul.test');
		const { data: villages } = await getJson(server.url, '/api/v1/regions?level=kelurahan', anggota);
		const reqs = buildRequests(kimId, villages[0].code, [anggota, pengurus], [warga, anggota, pengurus]);

		// Round 1: everything at once; SIGKILL once enough are answered 201.
		const first: (Answer | undefined)[] = new Array(reqs.length);
		let created = 0;
		let killed: Promise<void> | undefined;
		let answeredAtKill = 0;
		const victim = server;
		await Promise.all(
			reqs.map(async (r, i) => {
				first[i] = await send(victim.url, r);
				if (isStatus(first[i]) && first[i].status === 201 && ++created >= KILL_AFTER_CREATED && !killed) {
					answeredAtKill = first.filter(Boolean).length;
					killed = victim.kill();
				}
			})
		);
		expect(killed, `the server answered all ${reqs.length} requests before ${KILL_AFTER_CREATED} were created`).toBeDefined();
		await killed;
		const firstStatuses = first.filter(isStatus);
		const unexpected = firstStatuses.filter((a) => a.status !== 201);
		expect(unexpected, 'before the kill every answer is 201').toEqual([]);
		const lost = first.filter((a) => a && 'error' in a).length;
		expect(lost, 'some requests were in flight when the server died').toBeGreaterThan(0);
		console.info(`[crash ${engine}] killed after ${answeredAtKill} answers; ${firstStatuses.length} answered 201 in all, ${lost} connections cut`);

		// Round 2: restart on the same data; the same requests, same keys, same sessions.
		server = await startServer(serverOpts(1));
		const { answers: again, retried } = await sendAll(server.url, reqs, 32);
		if (retried.length) {
			console.warn(`[crash ${engine}] ${retried.length} resends lost their connection and were sent again:\n  ${retried.join('\n  ')}`);
			writeFileSync(join(tmpdir(), `simpul-crash-${engine}-server.log`), server.output());
		}
		const bad = again.map((a, i) => ({ a, key: reqs[i].key })).filter(({ a }) => !isStatus(a) || ![200, 201].includes(a.status));
		expect(bad, 'every resend answers 200 (replayed) or 201 (first time)').toEqual([]);
		reqs.forEach((r, i) => {
			const before = first[i];
			const now = again[i] as { status: number; id: string };
			if (isStatus(before)) {
				expect(now, `${r.key} was answered 201 before the crash`).toMatchObject({ status: 200, id: before.id });
			}
		});
		const replayed = again.filter((a) => isStatus(a) && a.status === 200).length;
		console.info(`[crash ${engine}] after restart: ${replayed} replayed (200), ${again.length - replayed} created now (201)`);

		// Clicks: a member's share link of the launched campaign, followed by CLICKS browsers.
		const { data: assignments } = await getJson(server.url, '/api/v1/assignments', anggota);
		const campaignId: string = assignments.find((a: any) => a.campaign.status === 'active' && a.status !== 'declined').campaign_id;
		const kit = await getJson(server.url, `/api/v1/campaigns/${campaignId}/share-kit`, anggota);
		const code: string = kit.code;
		expect(await server.stop()).toBe(0);
		server = undefined;
		const countClicks = () => withDb(target, async (q) => Number((await q('select count(*)::int as n from link_clicks c join share_links l on l.id = c.link_id where l.code = $1', [code]))[0].n));
		const clicksBefore = await countClicks();

		server = await startServer(serverOpts(2));
		const url = server.url;
		let followed = 0;
		await Promise.all(
			Array.from({ length: 16 }, async (_, w) => {
				for (let i = w; i < CLICKS; i += 16) {
					const res = await fetch(`${url}/s/${code}`, { redirect: 'manual', headers: { 'user-agent': `Mozilla/5.0 (Linux; Android 14; SM-A${100 + i}) Chrome/131.0.${i} Mobile Safari/537.36` } });
					await res.arrayBuffer();
					if (res.status === 302) followed++;
				}
			})
		);
		expect(followed).toBe(CLICKS);
		// At once, while the last clicks may still be buffered: a graceful stop must write them.
		expect(await server.stop()).toBe(0);
		server = undefined;

		// The database, with the server stopped.
		await withDb(target, async (q) => {
			const keysOf = (kind: Req['kind']) => reqs.filter((r) => r.kind === kind).map((r) => r.key);
			const reports = await q('select idempotency_key as key, count(*)::int as n, min(id::text) as id from activity_reports where idempotency_key = any($1) group by 1', [keysOf('report')]);
			const aduan = await q('select idempotency_key as key, count(*)::int as n, min(id::text) as id from aduan where idempotency_key = any($1) group by 1', [keysOf('aduan')]);
			const stored = new Map([...reports, ...aduan].map((row) => [row.key as string, row as { n: number; id: string }]));
			expect(reports).toHaveLength(REPORTS);
			expect(aduan).toHaveLength(ADUAN);
			for (const [i, r] of reqs.entries()) {
				const row = stored.get(r.key);
				expect(row?.n, `${r.key}: one record`).toBe(1);
				expect(row?.id, `${r.key}: the id answered after the restart`).toBe((again[i] as { id: string }).id);
				const before = first[i];
				if (isStatus(before)) expect(row?.id, `${r.key}: the id answered before the crash`).toBe(before.id);
			}
		});
		const clicksAfter = await countClicks();
		console.info(`[crash ${engine}] clicks: ${CLICKS} redirects answered, ${clicksAfter - clicksBefore} recorded`);
		expect(clicksAfter - clicksBefore).toBe(CLICKS);
	});
});
