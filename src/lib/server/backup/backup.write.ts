/**
 * `simpul backup <file>`: the whole database and the uploaded files in one portable, streamed
 * file — gzip'd lines, each a one-letter kind, a tab and JSON (see backup.format.ts). Rows are
 * read through a cursor inside one REPEATABLE READ transaction, so the copy is consistent even
 * while a PostgreSQL server keeps serving, and memory stays flat whatever the table sizes.
 * Rows travel as the JSON text PostgreSQL produces (row_to_json) and are never parsed here, so
 * bigints, timestamps to the microsecond, floats, arrays and enums come back exactly.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import type { Database } from '../db/client';
import type { FileStorage } from '../files/storage';
import { FORMAT, FORMAT_VERSION, FILE_CHUNK_BYTES, line, appVersion, type Header, type Trailer } from './backup.format';
import { ident, insertionOrder, listForeignKeys, listMigrations, listSequences, listTables, openSession } from './backup.catalog';

const FETCH_ROWS = 2000;

export type BackupSummary = Trailer & { file: string; bytes: number };

/** Writes a backup of `database` (and the bytes of every file row from `storage`) to `path`. */
export async function createBackup(database: Database, storage: FileStorage | undefined, path: string, log: (s: string) => void = () => {}): Promise<BackupSummary> {
	const tmp = `${path}.partial`;
	const gzip = createGzip({ level: 6 });
	const out = createWriteStream(tmp);
	const done = new Promise<void>((resolve, reject) => {
		out.on('finish', resolve);
		out.on('error', reject);
		gzip.on('error', reject);
	});
	gzip.pipe(out);
	const sql = await openSession(database);
	try {
		await sql.query('begin isolation level repeatable read read only');
		const trailer = await writeAll(sql, database.engine, storage, gzip, log);
		await sql.query('commit');
		gzip.end();
		await done;
		await rename(tmp, path);
		return { ...trailer, file: path, bytes: out.bytesWritten };
	} catch (err) {
		await sql.query('rollback').catch(() => {});
		gzip.destroy();
		out.destroy();
		await rm(tmp, { force: true });
		throw err;
	} finally {
		sql.release();
	}
}

async function writeAll(sql: Awaited<ReturnType<typeof openSession>>, engine: string, storage: FileStorage | undefined, gzip: Writable, log: (s: string) => void): Promise<Trailer> {
	const tables = await listTables(sql);
	const { order } = insertionOrder(tables.map((t) => t.name), await listForeignKeys(sql));
	const byName = new Map(tables.map((t) => [t.name, t]));
	const header: Header = {
		format: FORMAT,
		version: FORMAT_VERSION,
		app_version: appVersion(),
		engine,
		created_at: new Date().toISOString(),
		migrations: await listMigrations(sql),
		tables: order.map((name) => ({ name, columns: byName.get(name)!.columns, types: byName.get(name)!.types }))
	};
	await write(gzip, line('H', header));
	const rows: Record<string, number> = {};
	for (const name of order) {
		const t = byName.get(name)!;
		await write(gzip, line('T', { table: name }));
		const cols = t.columns.map(ident).join(', ');
		await sql.query(`declare backup_rows no scroll cursor for select row_to_json(x)::text as j from (select ${cols} from ${ident(name)}) x`);
		let n = 0;
		for (;;) {
			const batch = await sql.query<{ j: string }>(`fetch forward ${FETCH_ROWS} from backup_rows`);
			if (batch.length === 0) break;
			await write(gzip, batch.map((r) => `R\t${r.j}\n`).join(''));
			n += batch.length;
		}
		await sql.query('close backup_rows');
		rows[name] = n;
		if (n > 0) log(`  ${name}: ${n} rows`);
	}
	const sequences: Record<string, { last_value: string; is_called: boolean }> = {};
	for (const s of await listSequences(sql)) {
		const [r] = await sql.query<{ last_value: string; is_called: boolean }>(`select last_value::text as last_value, is_called from ${ident(s)}`);
		sequences[s] = r;
	}
	await write(gzip, line('S', sequences));
	const files = storage && byName.has('files') ? await writeFiles(sql, storage, gzip) : { stored: 0, missing: [] as string[] };
	if (files.missing.length) log(`  warning: ${files.missing.length} file rows have no bytes in storage (${files.missing.slice(0, 5).join(', ')}${files.missing.length > 5 ? ', …' : ''})`);
	const trailer: Trailer = { rows, sequences: Object.keys(sequences).length, files: files.stored, missing_files: files.missing };
	await write(gzip, line('E', trailer));
	return trailer;
}

/** Each stored file: an `F` line (key, size, sha256) and its bytes base64-encoded in `B` lines. */
async function writeFiles(sql: Awaited<ReturnType<typeof openSession>>, storage: FileStorage, gzip: Writable) {
	const keys = (await sql.query<{ k: string }>(`select distinct storage_key as k from files order by 1`)).map((r) => r.k);
	let stored = 0;
	const missing: string[] = [];
	for (const key of keys) {
		const bytes = await storage.get(key);
		if (!bytes) {
			missing.push(key);
			continue;
		}
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		await write(gzip, line('F', { key, size: bytes.length, sha256 }));
		for (let at = 0; at < bytes.length; at += FILE_CHUNK_BYTES) {
			await write(gzip, `B\t${Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(FILE_CHUNK_BYTES, bytes.length - at)).toString('base64')}\n`);
		}
		stored++;
	}
	return { stored, missing };
}

/** Writes with backpressure: waits for the gzip stream to drain when its buffer is full. */
function write(stream: Writable, chunk: string): Promise<void> {
	if (stream.write(chunk)) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const onDrain = () => {
			stream.off('error', onError);
			resolve();
		};
		const onError = (err: Error) => {
			stream.off('drain', onDrain);
			reject(err);
		};
		stream.once('drain', onDrain);
		stream.once('error', onError);
	});
}
