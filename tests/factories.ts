import { randomBytes } from 'node:crypto';
import type { Db } from '../src/lib/server/db/client';
import { kimMembers, kims, users } from '../src/lib/server/db/schema';
import { loadActor } from '../src/lib/server/auth/auth.queries';
import { hashPassword } from '../src/lib/server/auth/password';
import type { Ctx } from '../src/lib/server/context';
import type { Actor } from '../src/lib/server/auth/actor';
import { createApi } from '../src/lib/server/http/app';
import type { KimPosition, KimStatus, SystemRole } from '../src/lib/shared/roles';

export const PUBLIC_URL = 'http://simpul.test';
export const TEST_PASSWORD = 'rahasia-panjang';
export const TIDAR_SELATAN = '33.71.01.1011';
export const MAGELANG_SELATAN = '33.71.01';
export const WATES = '33.71.02.1003';

const uid = () => randomBytes(4).toString('hex');
let hashed: Promise<string> | undefined;

/** A user; `password` true gives them TEST_PASSWORD. */
export async function buildUser(db: Db, over: Partial<typeof users.$inferInsert> & { password?: boolean } = {}) {
	const { password = true, ...rest } = over;
	hashed ??= hashPassword(TEST_PASSWORD);
	const [row] = await db
		.insert(users)
		.values({ email: `u-${uid()}@test.id`, name: `Pengguna ${uid()}`, passwordHash: password ? await hashed : null, ...rest })
		.returning();
	return row;
}

/** A KIM in Tidar Selatan (verified by default) with optional members `{userId: position}`. */
export async function buildKim(
	db: Db,
	over: Partial<typeof kims.$inferInsert> & { status?: KimStatus; members?: [string, KimPosition][] } = {}
) {
	const { members = [], ...rest } = over;
	const slug = `kim-${uid()}`;
	const [kim] = await db
		.insert(kims)
		.values({ slug, name: `KIM ${slug}`, kelurahanCode: TIDAR_SELATAN, kecamatanCode: MAGELANG_SELATAN, skNumber: '1/SK/2024', skDate: '2024-01-10', status: 'verified', ...rest })
		.returning();
	for (const [userId, position] of members) await db.insert(kimMembers).values({ kimId: kim.id, userId, position });
	return kim;
}

/** A user of `role` (and optionally a position in a KIM) and their actor. */
export async function buildActor(db: Db, role: SystemRole = 'warga', kim?: { kimId: string; position: KimPosition }): Promise<NonNullable<Actor>> {
	const user = await buildUser(db, { role });
	if (kim) await db.insert(kimMembers).values({ kimId: kim.kimId, userId: user.id, position: kim.position });
	return (await loadActor(db, user.id))!;
}

export const ctxFor = (db: Db, actor: Actor, over: Partial<Ctx> = {}): Ctx => ({ db, actor, publicUrl: PUBLIC_URL, ip: '10.0.0.1', ...over });

/** The API on the test database, and a JSON caller that logs in by bearer token. */
export function testApi(db: Db) {
	const api = createApi({ db, publicUrl: PUBLIC_URL, secureCookies: false, sessionDays: 30 });
	const tokens = new Map<string, string>();
	async function call(method: string, path: string, opts: { body?: unknown; as?: { email: string }; token?: string; headers?: Record<string, string> } = {}) {
		const headers: Record<string, string> = { ...opts.headers };
		if (opts.body !== undefined && !(opts.body instanceof FormData)) headers['content-type'] = 'application/json';
		let token = opts.token;
		if (opts.as) {
			token = tokens.get(opts.as.email);
			if (!token) {
				const res = await api.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: opts.as.email, password: TEST_PASSWORD }) });
				token = (await res.json()).token as string;
				tokens.set(opts.as.email, token);
			}
		}
		if (token) headers.authorization = `Bearer ${token}`;
		const res = await api.request(path, { method, headers, body: opts.body instanceof FormData ? opts.body : opts.body !== undefined ? JSON.stringify(opts.body) : undefined });
		const text = await res.text();
		let json: any;
		try { json = text ? JSON.parse(text) : undefined; } catch { json = text; }
		return { status: res.status, body: json, headers: res.headers };
	}
	return { api, call };
}
