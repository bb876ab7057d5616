/**
 * `simpul restore <file> [--force]`: loads a backup (backup.format.ts) into this database, in ONE
 * transaction — a truncated or corrupted file, a row that does not fit, anything: the database is
 * left exactly as it was. Refused when the database's applied migrations differ from the
 * backup's, when a table's columns differ, and when the database holds data (unless `force`,
 * which first empties every application table). Rows go in with json_populate_recordset in
 * chunks, user triggers off (rollups and content-generation counters are restored as they were,
 * not recomputed), sequences set to the backup's values. Files are verified (size, sha256) and
 * put into the file storage; on failure the ones this restore added are removed again.
 */
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import type { Database } from '../db/client';
import type { FileStorage } from '../files/storage';
import { migrationsFolder } from '../db/migrate';
import { FORMAT, FORMAT_VERSION, type Header, type Trailer } from './backup.format';
import { ident, listMigrations, listSequences, listTables, listTriggeredTables, listForeignKeys, openSession, type Sql } from './backup.catalog';

const CHUNK_ROWS = 1000;
const CHUNK_CHARS = 4 * 1024 * 1024;

export class RestoreRefused extends Error {}

export type RestoreSummary = { rows: Record<string, number>; files: number; sequences: number; header: Pick<Header, 'app_version' | 'engine' | 'created_at'> };

/** Lines of a gzip'd text file; read errors and gzip errors (truncation, corruption) are thrown. */
async function* readLines(path: string): AsyncGenerator<string> {
	const gunzip = createGunzip();
	pipeline(createReadStream(path), gunzip, () => {});
	const decoder = new StringDecoder('utf8');
	let rest = '';
	for await (const chunk of gunzip) {
		const text = rest + decoder.write(chunk as Buffer);
		const parts = text.split('\n');
		rest = parts.pop()!;
		yield* parts;
	}
	rest += decoder.end();
	if (rest) yield rest;
}

function parse(line: string): { kind: string; payload: string } {
	const tab = line.indexOf('\t');
	if (tab !== 1) throw new Error(`corrupted backup: unexpected line “${line.slice(0, 60)}”`);
	return { kind: line[0], payload: line.slice(2) };
}

/** Tables that migrations themselves fill (e.g. app_state's counters): ignored when asking "is it empty?". */
function migrationSeededTables(): Set<string> {
	const folder = migrationsFolder();
	const names = new Set<string>();
	for (const f of readdirSync(folder).filter((n) => n.endsWith('.sql'))) {
		for (const m of readFileSync(join(folder, f), 'utf8').matchAll(/insert\s+into\s+"?(\w+)"?/gi)) names.add(m[1]);
	}
	return names;
}

async function checkTarget(sql: Sql, header: Header, force: boolean) {
	const mine = await listMigrations(sql);
	const same = mine.length === header.migrations.length && mine.every((m, i) => m.hash === header.migrations[i].hash);
	if (!same) {
		throw new RestoreRefused(
			`The backup was made by Simpul ${header.app_version} with ${header.migrations.length} migrations applied; this database has ${mine.length}` +
				`${mine.length === header.migrations.length ? ' different ones' : ''}. Restore it with the same version of Simpul (then upgrade), so the tables match.`
		);
	}
	const tables = new Map((await listTables(sql)).map((t) => [t.name, t]));
	for (const t of header.tables) {
		const here = tables.get(t.name);
		const a = [...t.columns].sort().join(',');
		const b = here ? [...here.columns].sort().join(',') : '';
		if (a !== b) throw new RestoreRefused(`Table ${t.name} differs between the backup and this database (columns ${a || '—'} vs ${b || '—'}).`);
	}
	if (force) return [...tables.keys()];
	const seeded = migrationSeededTables();
	const filled: string[] = [];
	for (const name of tables.keys()) {
		if (seeded.has(name)) continue;
		const [r] = await sql.query<{ any: boolean }>(`select exists (select 1 from ${ident(name)}) as any`);
		if (r.any) filled.push(name);
	}
	if (filled.length) {
		throw new RestoreRefused(`This database is not empty (${filled.slice(0, 6).join(', ')}${filled.length > 6 ? ', …' : ''} hold data). Restore into an empty database, or add --force to replace everything in it.`);
	}
	return [...tables.keys()];
}

/** Restores the backup at `path` into `database`, and its files into `storage`. */
export async function restoreBackup(database: Database, storage: FileStorage | undefined, path: string, opts: { force?: boolean; log?: (s: string) => void } = {}): Promise<RestoreSummary> {
	const lines = readLines(path);
	let first: IteratorResult<string>;
	try {
		first = await lines.next();
	} catch (err) {
		throw new RestoreRefused(`${path} is not a Simpul backup (${(err as Error).message})`);
	}
	const head = first.done ? undefined : parse(first.value);
	const header = head?.kind === 'H' ? (JSON.parse(head.payload) as Header) : undefined;
	if (!header || header.format !== FORMAT) throw new RestoreRefused(`${path} is not a Simpul backup`);
	if (header.version > FORMAT_VERSION) throw new RestoreRefused(`${path} has backup format ${header.version}; this Simpul reads up to ${FORMAT_VERSION}. Use a newer Simpul.`);

	const sql = await openSession(database);
	const added: string[] = [];
	const oldKeys: string[] = [];
	try {
		const allTables = await checkTarget(sql, header, !!opts.force);
		if (storage && allTables.includes('files')) oldKeys.push(...(await sql.query<{ k: string }>('select storage_key as k from files')).map((r) => r.k));
		await sql.query('begin');
		const summary = await load(sql, storage, header, lines, allTables, added, opts.log ?? (() => {}));
		await sql.query('commit');
		if (storage) {
			const kept = new Set((await sql.query<{ k: string }>('select storage_key as k from files')).map((r) => r.k));
			for (const key of oldKeys) if (!kept.has(key)) await storage.delete(key).catch(() => {});
		}
		return summary;
	} catch (err) {
		await sql.query('rollback').catch(() => {});
		for (const key of added) await storage?.delete(key).catch(() => {});
		if (err instanceof RestoreRefused) throw err;
		throw new Error(`Restore failed; nothing was changed: ${(err as Error).message}`, { cause: err });
	} finally {
		sql.release();
		await lines.return(undefined);
	}
}

async function load(sql: Sql, storage: FileStorage | undefined, header: Header, lines: AsyncGenerator<string>, allTables: string[], added: string[], log: (s: string) => void): Promise<RestoreSummary> {
	// Foreign keys the backup's table order cannot satisfy (self references, cycles) are checked at the end.
	const position = new Map(header.tables.map((t, i) => [t.name, i]));
	const late = (await listForeignKeys(sql)).filter((f) => (position.get(f.references) ?? -1) >= (position.get(f.table) ?? Infinity));
	for (const f of late) await sql.query(`alter table ${ident(f.table)} alter constraint ${ident(f.name)} deferrable initially deferred`);
	await sql.query('set constraints all deferred');
	const triggered = await listTriggeredTables(sql);
	for (const t of triggered) await sql.query(`alter table ${ident(t)} disable trigger user`);
	await sql.query(`truncate ${allTables.map(ident).join(', ')}`);

	const columns = new Map(header.tables.map((t) => [t.name, t.columns]));
	const rows: Record<string, number> = {};
	let table: string | undefined;
	let chunk: string[] = [];
	let chars = 0;
	const flush = async () => {
		if (!chunk.length) return;
		const cols = columns.get(table!)!.map(ident).join(', ');
		await sql.query(`insert into ${ident(table!)} (${cols}) overriding system value select ${cols} from json_populate_recordset(null::${ident(table!)}, $1::json)`, [`[${chunk.join(',')}]`]);
		rows[table!] = (rows[table!] ?? 0) + chunk.length;
		chunk = [];
		chars = 0;
	};
	let file: { key: string; size: number; sha256: string; parts: Buffer[] } | undefined;
	const finishFile = async () => {
		if (!file) return;
		const bytes = Buffer.concat(file.parts);
		const sha = createHash('sha256').update(bytes).digest('hex');
		if (bytes.length !== file.size || sha !== file.sha256) throw new Error(`corrupted backup: file ${file.key} does not match its checksum`);
		if (storage) {
			if (!(await storage.get(file.key))) added.push(file.key);
			await storage.put(file.key, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
		}
		file = undefined;
	};
	let trailer: Trailer | undefined;
	let sequences = 0;
	let files = 0;
	for await (const text of lines) {
		if (trailer) throw new Error('corrupted backup: data after the end marker');
		const { kind, payload } = parse(text);
		if (kind === 'R') {
			if (!table) throw new Error('corrupted backup: a row before any table');
			chunk.push(payload);
			chars += payload.length;
			if (chunk.length >= CHUNK_ROWS || chars >= CHUNK_CHARS) await flush();
			continue;
		}
		if (kind === 'B') {
			if (!file) throw new Error('corrupted backup: file bytes without a file');
			file.parts.push(Buffer.from(payload, 'base64'));
			continue;
		}
		await flush();
		await finishFile();
		const value = JSON.parse(payload);
		if (kind === 'T') {
			if (!columns.has(value.table)) throw new Error(`corrupted backup: table ${value.table} is not in its header`);
			table = value.table;
			log(`  ${table}…`);
		} else if (kind === 'S') {
			const here = new Set(await listSequences(sql));
			for (const [name, s] of Object.entries(value as Record<string, { last_value: string; is_called: boolean }>)) {
				if (!here.has(name)) throw new Error(`sequence ${name} of the backup does not exist here`);
				await sql.query(`select setval($1::regclass, $2::bigint, $3)`, [ident(name), s.last_value, s.is_called]);
				sequences++;
			}
		} else if (kind === 'F') {
			file = { key: value.key, size: value.size, sha256: value.sha256, parts: [] };
			files++;
		} else if (kind === 'E') {
			trailer = value as Trailer;
		} else {
			throw new Error(`corrupted backup: unknown record kind ${kind}`);
		}
	}
	if (!trailer) throw new Error('the backup is truncated (no end marker)');
	for (const [name, n] of Object.entries(trailer.rows)) {
		if ((rows[name] ?? 0) !== n) throw new Error(`corrupted backup: ${name} has ${rows[name] ?? 0} rows, the backup says ${n}`);
	}
	await sql.query('set constraints all immediate');
	for (const f of late) await sql.query(`alter table ${ident(f.table)} alter constraint ${ident(f.name)} not deferrable`);
	for (const t of triggered) await sql.query(`alter table ${ident(t)} enable trigger user`);
	return { rows, files, sequences, header: { app_version: header.app_version, engine: header.engine, created_at: header.created_at } };
}
