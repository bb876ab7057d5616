/**
 * Soak: the production server (PGlite, demo data) under a few minutes of mixed, moderate traffic
 * from a handful of concurrent loops — anonymous pages, short-link follows, authenticated API
 * reads, activity reports with idempotency keys, aduan, logins. Zero errors (no 5xx, no connection
 * errors, no status the loop did not expect) and resident memory growing under 10% between the
 * end of the warm-up and the end of the run (the lowest sample of the first and of the last
 * minute: see below). SOAK_SECONDS overrides the duration (default 300). Prints one summary line;
 * never asserts timings.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { client, type Session } from './api-client';
import { privateBuild } from './private-build';
import { startServer, type RunningServer } from './server';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const WARMUP_S = Math.min(60, Math.round(SECONDS * 0.2));
const PAUSE_MS = 15; // between two requests of one loop: keeps the load moderate on a shared 2-core box
const KEL = '33.71.01.1003';

let server: RunningServer;
let copy: ReturnType<typeof privateBuild> | undefined;
beforeAll(async () => {
	copy = privateBuild('soak');
	server = await startServer({ port: 5310, demo: true, cwd: copy.dir });
});
afterAll(async () => {
	await server?.stop();
	copy?.remove();
});

type Outcome = { requests: number; errors: string[]; unexpected: string[]; expected4xx: Map<string, number> };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ymd = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

test(`soak: ${SECONDS}s of mixed traffic, zero errors, RSS growth under 10%`, async () => {
	const api = client(server.url);
	const [petugas, anggota, warga] = await Promise.all(['petugas', 'anggota', 'warga'].map((r) => api.login(`${r}@simpul.test`)));
	const me = await api.must('GET', '/api/v1/me', { as: anggota });
	const kimId: string = me.kims[0].id;
	const campaigns = (await api.must('GET', '/api/v1/campaigns', { as: petugas })).data as { id: string; status: string }[];
	const campaignId = campaigns.find((c) => c.status === 'active')!.id;
	const kit = await api.must('GET', `/api/v1/campaigns/${campaignId}/share-kit`, { as: anggota });
	const linkCode: string = kit.code;
	const posts = (await api.must('GET', '/api/v1/posts?limit=20')).data as { url: string; is_public: boolean }[];
	const postPaths = posts.filter((p) => p.is_public).map((p) => new URL(p.url).pathname);
	expect(postPaths.length).toBeGreaterThan(0);
	const tracking: string[] = [];

	const out: Outcome = { requests: 0, errors: [], unexpected: [], expected4xx: new Map() };
	const stopAt = Date.now() + SECONDS * 1000;

	/** One request: a 5xx or a failed connection is an error; a status outside `ok` is unexpected. */
	async function hit(label: string, method: string, path: string, opts: Parameters<typeof api.call>[2], ok: number[], expected4xx: number[] = []) {
		out.requests++;
		try {
			const r = await api.call(method, path, opts);
			if (r.status >= 500) out.errors.push(`${label} ${method} ${path} → ${r.status}`);
			else if (expected4xx.includes(r.status)) out.expected4xx.set(`${label} ${r.status}`, (out.expected4xx.get(`${label} ${r.status}`) ?? 0) + 1);
			else if (!ok.includes(r.status)) out.unexpected.push(`${label} ${method} ${path} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
			return r;
		} catch (e) {
			out.errors.push(`${label} ${method} ${path}: ${(e as Error).message} ${String((e as Error).cause ?? '')}`);
			return null;
		}
	}

	async function loop(body: (i: number) => Promise<unknown>) {
		for (let i = 0; Date.now() < stopAt; i++) {
			await body(i);
			await sleep(PAUSE_MS);
		}
	}

	const searches = ['posyandu', 'imunisasi', 'jalan rusak', 'imunsasi campak', 'bantuan palsu', 'KTP'];
	const anonymous = (offset: number) => (i: number) => {
		const n = i + offset;
		switch (n % 7) {
			case 0:
				return hit('home', 'GET', '/', { headers: { accept: 'text/html' } }, [200]);
			case 1:
				return hit('post', 'GET', postPaths[n % postPaths.length], { headers: { accept: 'text/html' } }, [200]);
			case 2:
				return hit('search', 'GET', `/cari?q=${encodeURIComponent(searches[n % searches.length])}`, { headers: { accept: 'text/html' } }, [200]);
			case 3:
				return hit('search-api', 'GET', `/api/v1/search?q=${encodeURIComponent(searches[n % searches.length])}`, {}, [200]);
			case 4:
				return hit('layanan', 'GET', '/layanan', { headers: { accept: 'text/html' } }, [200]);
			case 5:
				return hit('aduan', 'GET', '/aduan', { headers: { accept: 'text/html' } }, [200]);
			default:
				return tracking.length
					? hit('aduan-track', 'GET', `/aduan/${tracking[n % tracking.length]}`, { headers: { accept: 'text/html' } }, [200])
					: hit('berita', 'GET', '/berita', { headers: { accept: 'text/html' } }, [200]);
		}
	};
	const links = () => hit('short-link', 'GET', `/s/${linkCode}`, { headers: { accept: 'text/html', 'user-agent': `soak-${randomUUID()}` } }, [302]);
	const reads = (i: number) =>
		i % 2
			? hit('notifications', 'GET', '/api/v1/notifications', { as: anggota }, [200])
			: hit('campaign-stats', 'GET', `/api/v1/campaigns/${campaignId}/stats`, { as: petugas }, [200]);
	const writes = async (i: number) => {
		const yesterday = ymd(new Date(Date.now() - 86400_000));
		if (i % 3 === 2) {
			const r = await hit(
				'aduan-post',
				'POST',
				'/api/v1/aduan',
				{ as: warga, body: { type: 'complaint', category_code: 'jalan-rusak', title: `Jalan berlubang nomor ${i}`, description: 'Lubang besar di tengah jalan, berbahaya bagi pengendara motor pada malam hari.', kelurahan_code: KEL, privacy: 'public' } },
				[201],
				[429]
			);
			if (r?.status === 201 && tracking.length < 50) tracking.push(r.body.tracking_id);
			return;
		}
		const key = randomUUID();
		const report = { kim_id: kimId, campaign_id: campaignId, type: 'meeting', held_on: yesterday, kelurahan_code: KEL, audience_count: 10 + (i % 20), notes: `Sosialisasi ke-${i}` };
		await hit('report-post', 'POST', '/api/v1/activity-reports', { as: anggota, body: report, headers: { 'idempotency-key': key } }, [201], [429]);
		if (i % 5 === 0) await hit('report-replay', 'POST', '/api/v1/activity-reports', { as: anggota, body: report, headers: { 'idempotency-key': key } }, [200], [429]);
	};
	const logins = async (i: number) => {
		const who = ['petugas', 'anggota', 'warga', 'pengurus'][i % 4];
		const r = await hit('login', 'POST', '/api/v1/auth/login', { body: { email: `${who}@simpul.test`, password: 'simpul-demo' } }, [200], [429]);
		// Log out again so sessions do not pile up (a real client would reuse one).
		const token = r?.status === 200 ? r.body.token : null;
		if (token) await hit('logout', 'POST', '/api/v1/auth/logout', { headers: { authorization: `Bearer ${token}` } }, [200, 204]);
		await sleep(250);
	};

	const rss: { t: number; bytes: number }[] = [];
	const t0 = Date.now();
	const sampler = setInterval(() => {
		try {
			rss.push({ t: (Date.now() - t0) / 1000, bytes: server.rss() });
		} catch {
			/* the process is gone: the loops report it */
		}
	}, 1000);
	try {
		await Promise.all([loop(anonymous(0)), loop(anonymous(3)), loop(links), loop(reads), loop(writes), loop(logins)]);
	} finally {
		clearInterval(sampler);
	}
	const elapsed = (Date.now() - t0) / 1000;
	const afterWarmup = rss.filter((s) => s.t >= WARMUP_S).map((s) => s.bytes);
	// RSS saw-tooths: V8 lets garbage pile up between collections (a quarter of the resident size
	// and more here), so two short windows can land on a trough and a crest. A leak raises the
	// floor: the lowest sample of the first and of the last minute after the warm-up are compared.
	const window = Math.min(60, Math.floor(afterWarmup.length / 3));
	const start = Math.min(...afterWarmup.slice(0, window));
	const end = Math.min(...afterWarmup.slice(-window));
	const growth = (end - start) / start;
	const mb = (b: number) => (b / 1048576).toFixed(1);
	const expected = [...out.expected4xx].map(([k, v]) => `${k}×${v}`).join(', ') || 'none';
	console.info(
		`[soak] ${SECONDS}s: ${out.requests} requests, ${(out.requests / elapsed).toFixed(1)} rps, errors ${out.errors.length}, unexpected ${out.unexpected.length}, expected 4xx: ${expected}; ` +
			`rss floor after warm-up ${mb(start)} MB → at the end ${mb(end)} MB (${(growth * 100).toFixed(1)}%), peak ${mb(Math.max(...rss.map((s) => s.bytes)))} MB; aduan filed ${tracking.length}`
	);
	expect(out.errors.slice(0, 20)).toEqual([]);
	expect(out.unexpected.slice(0, 20)).toEqual([]);
	expect(afterWarmup.length).toBeGreaterThanOrEqual(20);
	expect(growth).toBeLessThan(0.1);
});
