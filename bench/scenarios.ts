/**
 * The HTTP scenarios of `npm run bench` (issue 6): each warms up, then loads the running server
 * for a fixed duration from a separate load-generator process, and (where the issue asks) loads a
 * bare node:http baseline the same way so the figure is a ratio measured on the same machine.
 */
import type { Manifest, Account } from './manifest';
import { getJson, login } from './manifest';
import { runLoadInChild, type LoadItem, type LoadJob, type LoadResult, type PhaseResult } from './load';
import { startBaseline, type FixedResponse } from './baseline';

export type Figure = {
	measure: string;
	value: string;
	baseline?: string;
	target?: string;
	/** undefined: no target for this figure. */
	ok?: boolean;
};

export type ScenarioResult = {
	id: string;
	title: string;
	figures: Figure[];
	notes: string[];
	errors: string[];
	peakRssMb?: number;
	raw: Record<string, unknown>;
};

export type Ctx = {
	origin: string;
	manifest: Manifest;
	scale: string;
	engine: 'pglite' | 'postgres';
	connections: number;
	latencyConnections: number;
	durationS: number;
	warmupS: number;
	baselinePort: number;
	log: (s: string) => void;
	/**
	 * Filled by the scenarios, checked against the database once the server has stopped: the
	 * answers counted, and the requests sent (more when some timed out on the client, which the
	 * server may still have completed).
	 */
	expect: { redirects?: number; redirectsSent?: number; reportsCreated?: number; reportsSent?: number };
};

/** A phone browser: the short link counts a click only for people, not for bots or empty agents. */
export const PHONE_UA = 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
/** p50 / p95 / p99, or a plain statement when nothing was answered inside the window. */
const percentiles = (m: PhaseResult) => (m.requests ? `${ms(m.p50)} / ${ms(m.p95)} / ${ms(m.p99)}` : `no answer in ${m.durationS} s`);
const rps = (x: number) => `${Math.round(x).toLocaleString('en-US')} req/s`;
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

function job(ctx: Ctx, items: LoadItem[], extra: Partial<LoadJob> = {}): LoadJob {
	return { origin: ctx.origin, connections: ctx.connections, durationS: ctx.durationS, warmupS: ctx.warmupS, items, ...extra };
}

/** Statuses outside 2xx/3xx, socket errors and timeouts of both phases, as error lines. */
function failures(label: string, r: LoadResult, allowed: (status: number) => boolean = (s) => s >= 200 && s < 400): string[] {
	const out: string[] = [];
	for (const [phase, p] of [['warm-up', r.warmup], ['measured', r.measured]] as const) {
		if (!p) continue;
		const bad = Object.entries(p.statuses).filter(([s]) => !allowed(Number(s)));
		if (bad.length) out.push(`${label} (${phase}): unexpected statuses ${bad.map(([s, n]) => `${s}×${n}`).join(', ')}`);
		const badTail = Object.entries(p.tailStatuses ?? {}).filter(([s]) => Number(s) < 200 || Number(s) >= 300);
		if (badTail.length) out.push(`${label} (${phase}, tail): unexpected statuses ${badTail.map(([s, n]) => `${s}×${n}`).join(', ')}`);
		if (p.errors) out.push(`${label} (${phase}): ${p.errors} socket errors`);
		if (p.timeouts) out.push(`${label} (${phase}): ${p.timeouts} timeouts`);
		if (!p.requests) out.push(`${label} (${phase}): no responses at all`);
	}
	return out;
}

const answered = (p: PhaseResult | null) => Object.values(p?.statuses ?? {}).reduce((n, c) => n + c, 0);
/** With a tail, every request sent must have been answered (autocannon dropped none in flight). */
function unanswered(label: string, r: LoadResult): string[] {
	const sent = (r.warmup?.sent ?? 0) + r.measured.sent;
	const got = answered(r.warmup) + answered(r.measured);
	return sent === got ? [] : [`${label}: ${sent} requests sent but ${got} answered`];
}
/** Ends each phase with harmless requests so that none of the counted ones is cut off. */
const TAIL = { tail: { path: '/healthz' }, tailS: 0.5 };
const countStatus = (p: PhaseResult | null, status: number) => p?.statuses[status] ?? 0;

async function load(ctx: Ctx, label: string, j: LoadJob): Promise<LoadResult> {
	ctx.log(`  ${label}: ${j.connections} connections, ${j.warmupS} s warm-up + ${j.durationS} s…`);
	const r = await runLoadInChild(j);
	ctx.log(`    ${rps(r.measured.rps)}, p50 ${ms(r.measured.p50)}, p95 ${ms(r.measured.p95)}, p99 ${ms(r.measured.p99)}`);
	return r;
}

async function snapshot(url: string, init: RequestInit = {}): Promise<FixedResponse & { body: Buffer; headers: Record<string, string> }> {
	const res = await fetch(url, { redirect: 'manual', ...init });
	const body = Buffer.from(await res.arrayBuffer());
	const headers: Record<string, string> = {};
	const type = res.headers.get('content-type');
	if (type) headers['content-type'] = type;
	const location = res.headers.get('location');
	if (location) headers.location = location;
	return { status: res.status, headers, bodyBase64: body.toString('base64'), body };
}

/** 1. Home page and public post pages, anonymous, against a bare server sending the same bytes. */
export async function pagesScenario(ctx: Ctx): Promise<ScenarioResult> {
	const result: ScenarioResult = { id: 'pages', title: '1. Public pages, anonymous', figures: [], notes: [], errors: [], raw: {} };
	const groups = [
		{ name: 'Home page', paths: ['/'] },
		{ name: 'Post page', paths: ctx.manifest.samples.postPaths }
	];
	const routes: Record<string, FixedResponse> = {};
	for (const path of groups.flatMap((g) => g.paths)) {
		const page = await snapshot(`${ctx.origin}${path}`);
		if (page.status !== 200) result.errors.push(`GET ${path} answered ${page.status}`);
		routes[path] = { status: page.status, headers: page.headers, bodyBase64: page.bodyBase64 };
	}
	const baseline = await startBaseline({ port: ctx.baselinePort, routes, fallback: routes['/'] });
	try {
		for (const group of groups) {
			const items = group.paths.map((path) => ({ path }));
			const sizes = group.paths.map((p) => Buffer.from(routes[p].bodyBase64, 'base64').length);
			const base = await load(ctx, `${group.name} — baseline`, { ...job(ctx, items), origin: baseline.origin });
			const real = await load(ctx, `${group.name} — Simpul`, job(ctx, items));
			const cache = (await fetch(`${ctx.origin}${group.paths[0]}`)).headers.get('x-cache') ?? 'none';
			result.errors.push(...failures(`${group.name} baseline`, base), ...failures(group.name, real));
			const ratio = real.measured.rps / base.measured.rps;
			result.figures.push(
				{ measure: `${group.name} throughput (${ctx.connections} conns)`, value: rps(real.measured.rps), baseline: rps(base.measured.rps) },
				{ measure: `${group.name} ÷ baseline`, value: pct(ratio), target: '≥ 25%', ok: ratio >= 0.25 },
				{ measure: `${group.name} p99`, value: ms(real.measured.p99), baseline: ms(base.measured.p99), target: '< 50 ms', ok: real.measured.p99 < 50 }
			);
			result.notes.push(
				`${group.name}: ${group.paths.length} path(s), ${Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024)} KiB on average; x-cache after the run: ${cache}; p50 ${ms(real.measured.p50)} (baseline ${ms(base.measured.p50)})`
			);
			result.raw[group.name] = { baseline: base, simpul: real, bytes: sizes, xCache: cache };
		}
	} finally {
		await baseline.stop();
	}
	return result;
}

/** 2. The short-link redirect, cycling over the manifest's codes, against a bare 302. */
export async function redirectScenario(ctx: Ctx): Promise<ScenarioResult> {
	const result: ScenarioResult = { id: 'redirect', title: '2. Short-link redirect /s/{code}', figures: [], notes: [], errors: [], raw: {} };
	const codes = ctx.manifest.samples.linkCodes;
	// HEAD is not counted as a click: the probe leaves the count alone.
	const probe = await snapshot(`${ctx.origin}/s/${codes[0]}`, { method: 'HEAD', headers: { 'user-agent': PHONE_UA } });
	if (probe.status !== 302) result.errors.push(`HEAD /s/${codes[0]} answered ${probe.status}, not 302`);
	const baseline = await startBaseline({
		port: ctx.baselinePort,
		routes: { '/healthz': { status: 200, headers: { 'content-type': 'text/plain' }, bodyBase64: Buffer.from('ok').toString('base64') } },
		fallback: { status: 302, headers: { location: probe.headers.location ?? '/' }, bodyBase64: '' }
	});
	try {
		const items = codes.map((code) => ({ path: `/s/${code}`, headers: { 'user-agent': PHONE_UA } }));
		const base = await load(ctx, 'redirect — baseline', { ...job(ctx, items, TAIL), origin: baseline.origin });
		const real = await load(ctx, 'redirect — Simpul', job(ctx, items, TAIL));
		const only302 = (s: number) => s === 302;
		result.errors.push(...failures('redirect baseline', base, only302), ...failures('redirect', real, only302), ...unanswered('redirect', real));
		const ratio = real.measured.rps / base.measured.rps;
		const redirects = countStatus(real.warmup, 302) + countStatus(real.measured, 302);
		ctx.expect.redirects = redirects;
		ctx.expect.redirectsSent = (real.warmup?.sent ?? 0) + real.measured.sent;
		result.figures.push(
			{ measure: `Redirect throughput (${ctx.connections} conns)`, value: rps(real.measured.rps), baseline: rps(base.measured.rps) },
			{ measure: 'Redirect ÷ baseline', value: pct(ratio), target: '≥ 40%', ok: ratio >= 0.4 },
			{ measure: 'Redirect p99', value: ms(real.measured.p99), baseline: ms(base.measured.p99) }
		);
		result.notes.push(`${codes.length} link codes cycled; ${redirects.toLocaleString('en-US')} redirects answered (warm-up included; each phase ends with GET /healthz until every counted request is answered) — recorded clicks are counted after the server stops`);
		result.raw = { baseline: base, simpul: real, redirectsAnswered: redirects };
	} finally {
		await baseline.stop();
	}
	return result;
}

/** Distinct URLs for the same searches: a publication-date lower bound before every post keeps the answer and defeats the cache. */
function uncachedSearches(queries: string[], n: number): LoadItem[] {
	const start = Date.parse('1990-01-01T00:00:00Z');
	return Array.from({ length: n }, (_, i) => {
		const from = new Date(start + Math.floor(i / queries.length) * 86_400_000).toISOString().slice(0, 10);
		return { path: `/api/v1/search?q=${encodeURIComponent(queries[i % queries.length])}&from=${from}` };
	});
}

/**
 * 3. Search with stemmed and misspelled words: each request a new URL (a cache miss, what the
 * target is about) at the latency connections and at one, then the same queries repeated
 * (answered from the anonymous cache).
 */
export async function searchScenario(ctx: Ctx): Promise<ScenarioResult> {
	const result: ScenarioResult = { id: 'search', title: '3. Search /api/v1/search', figures: [], notes: [], errors: [], raw: {} };
	const queries = ctx.manifest.samples.searchQueries;
	let empty = 0;
	for (const q of queries) {
		const r = await getJson<{ data?: unknown[] }>(ctx.origin, `/api/v1/search?q=${encodeURIComponent(q)}`);
		if (!r.data?.length) empty++;
	}
	const city = ctx.scale === 'city';
	const target = city ? 'p95 < 30 ms (city)' : 'p95 < 30 ms at city scale';
	const phases = [
		{ label: `new queries, ${ctx.latencyConnections} conns`, items: uncachedSearches(queries, 40_000), connections: ctx.latencyConnections, target: true },
		{ label: 'new queries, 1 conn', items: uncachedSearches(queries, 40_000).reverse(), connections: 1, target: false },
		{ label: `repeated queries (cached), ${ctx.latencyConnections} conns`, items: queries.map((q) => ({ path: `/api/v1/search?q=${encodeURIComponent(q)}` })), connections: ctx.latencyConnections, target: false }
	];
	for (const phase of phases) {
		const real = await load(ctx, `search — ${phase.label}`, job(ctx, phase.items, { connections: phase.connections }));
		result.errors.push(...failures(`search (${phase.label})`, real, (s) => s === 200));
		const m = real.measured;
		result.figures.push({
			measure: `Search p50 / p95 / p99 (${phase.label})`,
			value: `${percentiles(m)}; ${rps(m.rps)}`,
			...(phase.target ? { target, ok: city ? m.requests > 0 && m.p95 < 30 : undefined } : {})
		});
		result.raw[phase.label] = real;
	}
	result.notes.push(`${queries.length} queries (${queries.map((q) => `“${q}”`).join(', ')}); ${empty} of them found nothing. New queries: each request a URL not asked before (the same search with another \`from\` date before every post), so none is answered from the cache`);
	result.raw.emptyQueries = empty;
	return result;
}

/** 4. Campaign statistics (largest campaign) and the agency's view of it, logged in as petugas. */
export async function statsScenario(ctx: Ctx): Promise<ScenarioResult> {
	const result: ScenarioResult = { id: 'stats', title: '4. Campaign stats and agency dashboard (petugas)', figures: [], notes: [], errors: [], raw: {} };
	const token = await login(ctx.origin, ctx.manifest.samples.petugas);
	const id = ctx.manifest.samples.campaignIds[0];
	const openapi = await getJson<{ paths: Record<string, unknown> }>(ctx.origin, '/api/openapi.json');
	const national = ctx.scale === 'national';
	const targets: { name: string; item: LoadItem; target: boolean }[] = [
		{ name: 'Campaign stats API', item: { path: `/api/v1/campaigns/${id}/stats`, headers: { authorization: `Bearer ${token}` } }, target: true }
	];
	if (openapi.paths['/api/v1/dashboard']) {
		targets.push({ name: 'Dashboard API', item: { path: '/api/v1/dashboard', headers: { authorization: `Bearer ${token}` } }, target: true });
	} else {
		result.notes.push('No GET /api/v1/dashboard in the OpenAPI document: the agency dashboard is measured as the campaign reach page /kampanye/{id}/jangkauan (server-rendered) and the campaign list /petugas/kampanye');
		const cookie = { cookie: `simpul_session=${token}` };
		targets.push(
			{ name: 'Reach page (HTML)', item: { path: `/kampanye/${id}/jangkauan`, headers: cookie }, target: false },
			{ name: 'Campaign list page', item: { path: '/petugas/kampanye', headers: cookie }, target: false }
		);
	}
	for (const t of targets) {
		const first = await fetch(`${ctx.origin}${t.item.path}`, { headers: t.item.headers, redirect: 'manual' });
		const bytes = (await first.arrayBuffer()).byteLength;
		if (first.status !== 200) {
			result.errors.push(`${t.name}: GET ${t.item.path} answered ${first.status}`);
			continue;
		}
		// At the latency connections (the target), then one staff member alone.
		for (const connections of [ctx.latencyConnections, 1]) {
			const label = `${t.name}, ${connections} conn${connections === 1 ? '' : 's'}`;
			const real = await load(ctx, label, job(ctx, [t.item], { connections }));
			result.errors.push(...failures(label, real, (s) => s === 200));
			const m = real.measured;
			const judged = t.target && connections === ctx.latencyConnections;
			result.figures.push({
				measure: `${t.name} p50 / p95 / p99 (${connections} conn${connections === 1 ? '' : 's'})`,
				value: `${percentiles(m)}; ${rps(m.rps)}`,
				target: judged ? (national ? 'p95 < 100 ms' : 'p95 < 100 ms at national scale') : undefined,
				ok: judged && national ? m.requests > 0 && m.p95 < 100 : undefined
			});
			result.raw[label] = real;
		}
		result.notes.push(`${t.name}: ${Math.round(bytes / 1024)} KiB per answer`);
	}
	return result;
}

type Reporter = { account: Account; token: string; kimId: string; kelurahan: string };

/** The generated members (or the one sample member) with a KIM that carries the campaign. */
async function reporters(ctx: Ctx, campaignId: string): Promise<Reporter[]> {
	const { member, members } = ctx.manifest.samples;
	const accounts = members?.length ? members : [member];
	const out: Reporter[] = [];
	for (const account of accounts) {
		const token = await login(ctx.origin, account);
		let kimId = account.email === member.email ? member.kimId : undefined;
		if (!kimId) {
			const me = await getJson<{ kims: { id: string }[] }>(ctx.origin, '/api/v1/me', token);
			const mine = new Set(me.kims.map((k) => k.id));
			const assignments = await getJson<{ data: { campaign_id: string; kim_id: string }[] }>(ctx.origin, '/api/v1/assignments', token);
			kimId = assignments.data.find((a) => a.campaign_id === campaignId && mine.has(a.kim_id))?.kim_id;
		}
		if (!kimId) continue;
		const kim = await getJson<{ kelurahan_code: string | null }>(ctx.origin, `/api/v1/kims/${kimId}`);
		if (kim.kelurahan_code) out.push({ account, token, kimId, kelurahan: kim.kelurahan_code });
	}
	return out;
}

/** Today's date in WIB (UTC+7), as activity reports take it. */
const todayWib = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** 5. Activity-report submissions by members, each with its own Idempotency-Key. */
export async function reportsScenario(ctx: Ctx): Promise<ScenarioResult> {
	const result: ScenarioResult = { id: 'reports', title: '5. Activity-report submissions (authenticated, idempotency keys)', figures: [], notes: [], errors: [], raw: {} };
	const campaignId = ctx.manifest.samples.member.campaignId ?? ctx.manifest.samples.campaignIds[0];
	const people = await reporters(ctx, campaignId);
	if (!people.length) {
		result.errors.push('no member with a KIM carrying the campaign could log in: nothing to submit');
		return result;
	}
	const items: LoadItem[] = people.map((p, i) => ({
		method: 'POST',
		path: '/api/v1/activity-reports',
		headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
		body: JSON.stringify({
			kim_id: p.kimId,
			campaign_id: campaignId,
			type: (['meeting', 'door_to_door', 'whatsapp_group', 'social_media'] as const)[i % 4],
			held_on: todayWib(),
			kelurahan_code: p.kelurahan,
			audience_count: 25 + i,
			women_count: 12,
			youth_count: 5,
			notes: 'Sosialisasi imunisasi MR di pertemuan PKK RW 05 (bench).',
			feedback: 'Warga menanyakan jadwal posyandu berikutnya.'
		})
	}));
	const real = await load(ctx, 'activity reports', job(ctx, items, { uniqueHeader: 'idempotency-key', ...TAIL }));
	result.errors.push(...failures('activity reports', real, (s) => s === 201), ...unanswered('activity reports', real));
	const created = countStatus(real.warmup, 201) + countStatus(real.measured, 201);
	ctx.expect.reportsCreated = created;
	ctx.expect.reportsSent = (real.warmup?.sent ?? 0) + real.measured.sent;
	const m = real.measured;
	result.figures.push(
		{ measure: `Report submissions (${ctx.connections} conns)`, value: rps(m.rps) },
		{ measure: 'Report submission p50 / p99', value: m.requests ? `${ms(m.p50)} / ${ms(m.p99)}` : percentiles(m) }
	);
	result.notes.push(`${people.length} members of KIMs carrying campaign ${campaignId}; ${created.toLocaleString('en-US')} answered 201 (warm-up included) — rows are counted after the server stops`);
	result.raw = { simpul: real, reporters: people.length, created };
	return result;
}
