/**
 * The bench manifest: what the data generator wrote (counts and sample ids the scenarios use).
 * `demoManifest` builds one from a server seeded with the demo data (SIMPUL_DEMO=1) through the
 * API, for a quick run without generated data (`--scale demo`).
 */
import { readFileSync } from 'node:fs';

export type Account = { email: string; password: string };

export type Manifest = {
	scale: string;
	seed?: number;
	engine?: 'pglite' | 'postgres';
	counts: Record<string, number>;
	samples: {
		postPaths: string[];
		linkCodes: string[];
		campaignIds: string[];
		searchQueries: string[];
		member: Account & { kimId: string; campaignId: string };
		members: Account[];
		petugas: Account;
		warga?: Account;
	};
};

export function readManifest(file: string): Manifest {
	const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
	const s = m.samples;
	const missing = (['postPaths', 'linkCodes', 'campaignIds', 'searchQueries', 'member', 'members', 'petugas'] as const).filter(
		(k) => !s?.[k] || (Array.isArray(s[k]) && (s[k] as unknown[]).length === 0)
	);
	if (missing.length) throw new Error(`manifest ${file} lacks samples: ${missing.join(', ')}`);
	return m;
}

/** Logs in through the API; answers the session token. */
export async function login(origin: string, account: Account): Promise<string> {
	const res = await fetch(`${origin}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: account.email, password: account.password })
	});
	if (!res.ok) throw new Error(`login of ${account.email} answered ${res.status}: ${await res.text()}`);
	return ((await res.json()) as { token: string }).token;
}

export async function getJson<T>(origin: string, path: string, token?: string): Promise<T> {
	const res = await fetch(`${origin}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
	if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
	return (await res.json()) as T;
}

const DEMO_PASSWORD = 'simpul-demo';
const demo = (name: string): Account => ({ email: `${name}@simpul.test`, password: DEMO_PASSWORD });

/** Stemmed and misspelled Indonesian queries that match the demo posts (and generated ones). */
export const DEMO_QUERIES = ['imunisasi', 'pengumuman air bersih', 'pembangunan jalan', 'imunsasi campak', 'banjr', 'pelayanan kesehatan', 'posyandu balita', 'gangguan aliran'];

/** A manifest for a server started with the demo data, read through the API. */
export async function demoManifest(origin: string): Promise<Manifest> {
	const petugas = await login(origin, demo('petugas'));
	const posts = await getJson<{ data: { slug: string; url: string }[] }>(origin, '/api/v1/posts?limit=10');
	const campaigns = await getJson<{ data: { id: string; assignments: { total: number } }[] }>(origin, '/api/v1/campaigns', petugas);
	const campaignIds = campaigns.data.sort((a, b) => b.assignments.total - a.assignments.total).map((c) => c.id);
	const memberAccounts = [demo('anggota'), demo('pengurus')];
	const linkCodes: string[] = [];
	const members: Account[] = [];
	let member: Manifest['samples']['member'] | undefined;
	for (const account of memberAccounts) {
		const token = await login(origin, account);
		const me = await getJson<{ kims: { id: string }[] }>(origin, '/api/v1/me', token);
		const assignments = await getJson<{ data: { campaign_id: string; kim_id: string }[] }>(origin, '/api/v1/assignments', token);
		for (const a of assignments.data) {
			const kit = await fetch(`${origin}/api/v1/campaigns/${a.campaign_id}/share-kit?kim_id=${a.kim_id}`, { headers: { authorization: `Bearer ${token}` } });
			if (kit.ok) linkCodes.push(((await kit.json()) as { code: string }).code);
		}
		const carrying = assignments.data.find((a) => a.campaign_id === campaignIds[0]);
		if (carrying && me.kims.some((k) => k.id === carrying.kim_id)) {
			members.push(account);
			member ??= { ...account, kimId: carrying.kim_id, campaignId: carrying.campaign_id };
		}
	}
	if (!member || !linkCodes.length) throw new Error('the demo data has no member with an assignment for the largest campaign');
	return {
		scale: 'demo',
		counts: { posts: posts.data.length, campaigns: campaignIds.length },
		samples: {
			postPaths: posts.data.map((p) => new URL(p.url).pathname),
			linkCodes: [...new Set(linkCodes)],
			campaignIds,
			searchQueries: DEMO_QUERIES,
			member,
			members,
			petugas: demo('petugas'),
			warga: demo('warga')
		}
	};
}
