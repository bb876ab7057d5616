/**
 * `npm run simpul -- backup` / `restore` end to end, through the CLI: a production server creates
 * the demo dataset (with its uploaded files) and is stopped; the backup is restored into a fresh
 * data directory / database; every table's fingerprint, every sequence and every file must match.
 * On both engines, and across them: embedded → PostgreSQL → embedded (the migration path for a
 * city that outgrows PGlite). Also: the CLI refuses an embedded data directory a server holds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db/client';
import { fingerprint, openSession } from '../../src/lib/server/backup/backup.catalog';
import { createPgDatabase, postgresAvailable, startServer } from './server';

const pgUp = await postgresAvailable();
if (!pgUp) console.warn('[backup] PostgreSQL is not reachable (TEST_DATABASE_URL): the PostgreSQL cases are skipped');

const work = mkdtempSync(join(tmpdir(), 'simpul-backup-cli-'));
const cleanups: (() => Promise<void> | void)[] = [() => rmSync(work, { recursive: true, force: true })];
afterAll(async () => {
	for (const c of cleanups.reverse()) await c();
});

type Target = { dataDir: string; databaseUrl?: string };

function cli(target: Target, ...args: string[]) {
	const env: Record<string, string> = { ...(process.env as Record<string, string>), SIMPUL_DATA_DIR: target.dataDir, LOG_LEVEL: 'warn' };
	delete env.TEST_DATABASE_URL;
	delete env.DATABASE_URL;
	if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
	const r = spawnSync('npx', ['tsx', 'src/cli.ts', ...args], { env, encoding: 'utf8' });
	return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

async function fingerprintOf(target: Target) {
	const database: Database = await openDatabase(target.databaseUrl ? { url: target.databaseUrl, poolSize: 1 } : { dataDir: target.dataDir });
	const sql = await openSession(database);
	try {
		return await fingerprint(sql);
	} finally {
		sql.release();
		await database.close();
	}
}

/** Every uploaded file of a data directory, by storage key. */
async function filesOf(target: Target) {
	const database = await openDatabase(target.databaseUrl ? { url: target.databaseUrl, poolSize: 1 } : { dataDir: target.dataDir });
	const sql = await openSession(database);
	try {
		const keys = (await sql.query<{ k: string }>('select storage_key as k from files order by 1')).map((r) => r.k);
		return Object.fromEntries(keys.map((k) => [k, readFileSync(join(target.dataDir, 'uploads', k)).toString('base64')]));
	} finally {
		sql.release();
		await database.close();
	}
}

async function newTarget(engine: 'pglite' | 'postgres'): Promise<Target> {
	const dataDir = mkdtempSync(join(work, `${engine}-`));
	if (engine === 'pglite') return { dataDir };
	const db = await createPgDatabase('simpul_backup');
	cleanups.push(() => db.drop());
	return { dataDir, databaseUrl: db.url };
}

/** A target filled by a production server's first start with the demo dataset, then stopped. */
async function demoSource(engine: 'pglite' | 'postgres', port: number): Promise<Target> {
	const t = await newTarget(engine);
	const server = await startServer({ port, demo: true, dataDir: t.dataDir, databaseUrl: t.databaseUrl, env: { SIMPUL_DATA_DIR: t.dataDir, SIMPUL_WORKER: '0' } });
	if (engine === 'pglite') {
		// The CLI refuses a data directory the server holds, and says so.
		const locked = cli(t, 'backup', join(work, 'never.gz'));
		expect(locked.status).not.toBe(0);
		expect(locked.out).toMatch(/in use by process \d+\. Stop it first/);
	}
	expect(await server.stop()).toBe(0);
	return t;
}

function roundTrip(from: Target, to: Target, file: string) {
	const b = cli(from, 'backup', file, '--quiet');
	expect(b.status, b.out).toBe(0);
	expect(b.out).toMatch(/backup written: \d+ rows/);
	const r = cli(to, 'restore', file, '--quiet');
	expect(r.status, r.out).toBe(0);
	expect(r.out).toMatch(/restored \d+ rows/);
}

describe('backup and restore through the CLI', () => {
	it('embedded → fresh embedded data directory: identical tables, sequences and files; a second restore needs --force', async () => {
		const source = await demoSource('pglite', 5230);
		const target = await newTarget('pglite');
		const file = join(work, 'pglite.ndjson.gz');
		roundTrip(source, target, file);
		expect(await fingerprintOf(target)).toEqual(await fingerprintOf(source));
		expect(await filesOf(target)).toEqual(await filesOf(source));
		const again = cli(target, 'restore', file);
		expect(again.status).not.toBe(0);
		expect(again.out).toMatch(/not empty.*--force/);
		expect(cli(target, 'restore', file, '--force', '--quiet').status).toBe(0);
		expect(await fingerprintOf(target)).toEqual(await fingerprintOf(source));
		// The restored directory serves.
		const server = await startServer({ port: 5231, dataDir: target.dataDir, env: { SIMPUL_WORKER: '0' } });
		const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'anggota@simpul.test', password: 'simpul-demo' }) });
		expect(login.status).toBe(200);
		await server.stop();
	});

	it.skipIf(!pgUp)('PostgreSQL → fresh PostgreSQL database: identical', async () => {
		const source = await demoSource('postgres', 5232);
		const target = await newTarget('postgres');
		roundTrip(source, target, join(work, 'pg.ndjson.gz'));
		expect(await fingerprintOf(target)).toEqual(await fingerprintOf(source));
		expect(await filesOf(target)).toEqual(await filesOf(source));
	});

	it.skipIf(!pgUp)('embedded → PostgreSQL → embedded: the same data on either engine', async () => {
		const source = await demoSource('pglite', 5233);
		const onPg = await newTarget('postgres');
		roundTrip(source, onPg, join(work, 'to-pg.ndjson.gz'));
		const back = await newTarget('pglite');
		roundTrip(onPg, back, join(work, 'back.ndjson.gz'));
		const [a, b, c] = [await fingerprintOf(source), await fingerprintOf(onPg), await fingerprintOf(back)];
		expect(b).toEqual(a);
		expect(c).toEqual(a);
		expect(await filesOf(back)).toEqual(await filesOf(source));
	});
});
