/**
 * Backup and restore on the real engine (PGlite, or PostgreSQL with TEST_DATABASE_URL): a database
 * filled by first-start initialisation with the demo dataset (KIMs, posts, campaigns, clicks,
 * reports, aduan, surveys, files…), more rows from factories, 2,500 clicks (several cursor and
 * insert chunks) and two scratch tables with every awkward type (bytea, json kept verbatim, jsonb,
 * arrays, µs timestamps, infinity, intervals, numerics, NaN/-0 floats, enums, unicode, nulls, an
 * identity column, a generated column, a self reference and a foreign-key cycle) is backed up and
 * restored into a fresh database: every table's rows and every sequence must be identical, and
 * the files' bytes too. Then the refusals, and the all-or-nothing guarantee.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, pgliteExtensions, type Database } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { initialiseDatabase } from '../bootstrap';
import { localDiskStorage, type FileStorage } from '../files/storage';
import { saveFile } from '../files/files.actions';
import { buildAduan } from '../aduan/aduan.factories';
import { buildActor, buildKim } from '../../../../tests/factories';
import { fingerprint, openSession, type Sql } from './backup.catalog';
import { createBackup } from './backup.write';
import { RestoreRefused, restoreBackup } from './backup.restore';

const dir = mkdtempSync(join(tmpdir(), 'simpul-backup-test-'));
const opened: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const close of opened.reverse()) await close();
	rmSync(dir, { recursive: true, force: true });
});

/** A new, empty, migrated database on the engine under test. */
async function freshDatabase(): Promise<Database> {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) {
		const database = await openDatabase({ pglite: await PGlite.create({ extensions: pgliteExtensions }) });
		await migrateDatabase(database);
		opened.push(() => database.close());
		return database;
	}
	const name = `simpul_backup_${process.pid}_${randomBytes(4).toString('hex')}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`create database ${name}`);
	const dbUrl = new URL(url);
	dbUrl.pathname = `/${name}`;
	const database = await openDatabase({ url: dbUrl.toString(), poolSize: 2 });
	await migrateDatabase(database);
	opened.push(async () => {
		await database.close();
		await admin.query(`drop database if exists ${name} with (force)`);
		await admin.end();
	});
	return database;
}

/** Scratch tables with every awkward type; created in the source and in each target alike. */
const EXOTIC = `
create table backup_exotic (
	id bigint generated always as identity primary key,
	parent_id bigint references backup_exotic(id),
	b bytea, j json, jb jsonb, tags text[], nums int[], grid int[][],
	at timestamptz, local_at timestamp, day date, span interval, amount numeric(30,10), ratio double precision, small real,
	ref uuid, kind aduan_status, txt text, flag boolean,
	words tsvector generated always as (to_tsvector('simple', coalesce(txt, ''))) stored
);
create table backup_cycle_a (id int primary key, b_id int);
create table backup_cycle_b (id int primary key, a_id int references backup_cycle_a(id));
alter table backup_cycle_a add constraint backup_cycle_a_b_fk foreign key (b_id) references backup_cycle_b(id);`;

async function exec(database: Database, text: string, params?: unknown[]) {
	const sql = await openSession(database);
	try {
		return await sql.query<any>(text, params);
	} finally {
		sql.release();
	}
}

async function execScript(database: Database, script: string) {
	for (const statement of script.split(';').map((s) => s.trim()).filter(Boolean)) await exec(database, statement);
}

async function fingerprintOf(database: Database) {
	const sql: Sql = await openSession(database);
	try {
		return await fingerprint(sql);
	} finally {
		sql.release();
	}
}

let source: Database;
let sourceStorage: FileStorage;
let storedKeys: string[];
const backupFile = join(dir, 'source.ndjson.gz');

beforeAll(async () => {
	source = await freshDatabase();
	sourceStorage = localDiskStorage(join(dir, 'uploads-source'));
	const { db } = source;
	await initialiseDatabase(db, { region: '33.71', demo: true, storage: sourceStorage, log: () => {} });
	// More rows through factories and the file storage.
	const kim = await buildKim(db, { name: 'KIM “Ünïcödé” — 東京 🚀 عربى' });
	const anggota = await buildActor(db, 'warga', { kimId: kim.id, position: 'anggota' });
	for (let i = 0; i < 3; i++) await buildAduan(db, { title: `Aduan nomor ${i} — lampu “mati”`, lat: -7.4797 + i / 1000, lng: 110.2177, reporterId: anggota.userId });
	await saveFile(db, sourceStorage, { bytes: new Uint8Array(randomBytes(200_000)), mime: 'image/webp', ext: 'webp' }, { purpose: 'post_cover', isPublic: true, ownerId: kim.id, originalName: 'sampul.webp', createdBy: anggota.userId });
	await exec(source, `insert into link_clicks (link_id, clicked_at, day, visitor_key)
		select (select id from share_links order by code limit 1), now() - g * interval '1 minute', current_date, md5(g::text) from generate_series(1, 2500) g`);
	await execScript(source, EXOTIC);
	await exec(source, `insert into backup_exotic (b, j, jb, tags, nums, grid, at, local_at, day, span, amount, ratio, small, ref, kind, txt, flag) values
		('\\x00ff10'::bytea, '{"a" : 1,  "b":[1, 2], "a": 3}', '{"z": {"deep": [null, true, 1.5e300]}, "s": "tab\\there"}', array['satu', 'dua "kutip"', null, 'tiga,koma'], array[1, -2, 2147483647], array[[1,2],[3,4]],
		 '2026-11-28 13:41:33.123456+07', '2026-01-01 00:00:00.000001', '2026-02-28', '1 year 2 mons 3 days 04:05:06.789', 12345678901234567890.0123456789, 'NaN', '-0',
		 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'in_progress', e'baris satu\\nbaris dua\\u00e9 — “kutip” 🚀 \\\\ backslash', true),
		(null, null, null, null, null, null, 'infinity', '-infinity', null, null, null, 'Infinity', 3.4e38, null, null, '', false),
		(null, 'null', 'null', '{}', '{}', null, null, null, null, null, -0.0000000001, 5e-324, null, null, 'received', null, null)`);
	await exec(source, `insert into backup_exotic (parent_id, txt) select id, 'anak ' || id from backup_exotic order by id`);
	await exec(source, `insert into backup_cycle_a (id, b_id) values (1, null), (2, null)`);
	await exec(source, `insert into backup_cycle_b (id, a_id) values (10, 1), (20, 2)`);
	await exec(source, `update backup_cycle_a set b_id = 20 where id = 1`);
	await exec(source, `update backup_cycle_a set b_id = 10 where id = 2`);
	storedKeys = (await exec(source, 'select storage_key as k from files order by 1')).map((r: { k: string }) => r.k);
	expect(storedKeys.length).toBeGreaterThan(1);
});

/** Rewrites a backup's lines (decompressed) into a new gzip file. */
function rewrite(name: string, edit: (lines: string[]) => string[]) {
	const lines = gunzipSync(readFileSync(backupFile)).toString('utf8').split('\n');
	const path = join(dir, name);
	writeFileSync(path, gzipSync(edit(lines).join('\n')));
	return path;
}

describe('backup and restore', () => {
	let target: Database;
	let targetStorage: FileStorage;

	it('round-trips every table, every sequence and every file into an empty database exactly', async () => {
		const summary = await createBackup(source, sourceStorage, backupFile);
		expect(summary.files).toBe(storedKeys.length);
		expect(summary.missing_files).toEqual([]);
		expect(summary.rows.link_clicks).toBeGreaterThanOrEqual(2500);
		expect(summary.rows.backup_exotic).toBe(6);

		target = await freshDatabase();
		await execScript(target, EXOTIC);
		targetStorage = localDiskStorage(join(dir, 'uploads-target'));
		const restored = await restoreBackup(target, targetStorage, backupFile);
		expect(restored.rows).toEqual(Object.fromEntries(Object.entries(summary.rows).filter(([, n]) => n > 0)));

		const [a, b] = [await fingerprintOf(source), await fingerprintOf(target)];
		expect(Object.keys(a.tables).length).toBeGreaterThan(40);
		expect(b).toEqual(a);
		for (const key of storedKeys) expect(Buffer.from((await targetStorage.get(key))!).equals(Buffer.from((await sourceStorage.get(key))!))).toBe(true);
		// json keeps its text, sequences continue where they were.
		const [row] = await exec(target, `select j::text as j from backup_exotic where j is not null order by id limit 1`);
		expect(row.j).toBe('{"a" : 1,  "b":[1, 2], "a": 3}');
		const [next] = await exec(target, `insert into backup_exotic (txt) values ('baru') returning id::int as id`);
		const [max] = await exec(source, `select max(id)::int as id from backup_exotic`);
		expect(next.id).toBe(max.id + 1);
		await exec(target, `delete from backup_exotic where txt = 'baru'`);
		await exec(target, `select setval('backup_exotic_id_seq', $1)`, [max.id]);
	});

	it('refuses a database that holds data, unless --force, which replaces everything', async () => {
		await expect(restoreBackup(target, targetStorage, backupFile)).rejects.toThrow(/not empty.*--force/);
		await exec(target, `insert into app_state (key, value) values ('extra', '"x"')`);
		const orphan = await saveFile(target.db, targetStorage, { bytes: new Uint8Array([1, 2, 3]), mime: 'image/png', ext: 'png' }, { purpose: 'post_cover', isPublic: true, ownerId: 'x', createdBy: null });
		await restoreBackup(target, targetStorage, backupFile, { force: true });
		expect(await fingerprintOf(target)).toEqual(await fingerprintOf(source));
		expect(await targetStorage.get(orphan.storageKey)).toBeUndefined();
	});

	it('refuses a backup made at another migration level, saying why', async () => {
		const older = rewrite('older.ndjson.gz', (lines) => {
			const header = JSON.parse(lines[0].slice(2));
			header.migrations = header.migrations.slice(0, -1);
			return [`H\t${JSON.stringify(header)}`, ...lines.slice(1)];
		});
		const empty = await freshDatabase();
		await expect(restoreBackup(empty, undefined, older)).rejects.toThrow(RestoreRefused);
		await expect(restoreBackup(empty, undefined, older)).rejects.toThrow(/migrations applied; this database has/);
	});

	it('a truncated, corrupted or not-fitting file changes nothing: the restore is one transaction', async () => {
		const before = await fingerprintOf(target);
		const bytes = readFileSync(backupFile);
		const truncatedGzip = join(dir, 'truncated.gz');
		writeFileSync(truncatedGzip, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
		const flipped = Buffer.from(bytes);
		for (let i = Math.floor(flipped.length / 2); i < flipped.length / 2 + 64; i++) flipped[i] ^= 0x5a;
		const corruptGzip = join(dir, 'corrupt.gz');
		writeFileSync(corruptGzip, flipped);
		const noEnd = rewrite('no-end.ndjson.gz', (lines) => lines.filter((l) => !l.startsWith('E\t')));
		const badRow = rewrite('bad-row.ndjson.gz', (lines) => {
			// The last row of the last table with rows gets an impossible enum value.
			const i = lines.findLastIndex((l) => l.startsWith('R\t') && l.includes('"kind":"in_progress"'));
			return lines.map((l, n) => (n === i ? l.replace('"kind":"in_progress"', '"kind":"no_such_status"') : l));
		});
		const badFile = rewrite('bad-file.ndjson.gz', (lines) => {
			const i = lines.findLastIndex((l) => l.startsWith('B\t'));
			return lines.map((l, n) => (n === i ? `B\t${Buffer.from('tampered').toString('base64')}` : l));
		});
		const fresh = localDiskStorage(join(dir, 'uploads-failures'));
		for (const file of [truncatedGzip, corruptGzip, noEnd, badRow, badFile]) {
			await expect(restoreBackup(target, fresh, file, { force: true }), file).rejects.toThrow(/nothing was changed/);
			expect(await fingerprintOf(target)).toEqual(before);
			for (const key of storedKeys) expect(await fresh.get(key), `${file}: ${key} removed again`).toBeUndefined();
		}
		const notBackup = join(dir, 'not-a-backup.txt');
		writeFileSync(notBackup, 'hello');
		await expect(restoreBackup(target, fresh, notBackup, { force: true })).rejects.toThrow(/not a Simpul backup/);
	});
});
