/**
 * The backup file: gzip'd text, one record per line, `<kind>\t<payload>\n`:
 *   H  header (JSON): format, version, app version, source engine, created_at, the applied
 *      migrations (drizzle's hash and timestamp, in order) and the tables in insertion order
 *      with their columns and types
 *   T  {"table": name} — the rows that follow belong to it
 *   R  one row: the JSON PostgreSQL's row_to_json produced (restored with json_populate_recordset)
 *   S  sequences: {name: {last_value, is_called}}
 *   F  {"key", "size", "sha256"} of an uploaded file, whose bytes follow as base64 `B` lines
 *   E  trailer: rows per table, counts — a file without it is truncated and is refused
 * Rows never contain a raw newline (JSON escapes it), so a line is always one record.
 */
import { readFileSync } from 'node:fs';
import type { Migration } from './backup.catalog';

export const FORMAT = 'simpul-backup';
export const FORMAT_VERSION = 1;
/** Bytes of a file per `B` line (before base64). */
export const FILE_CHUNK_BYTES = 48 * 1024;

export type Header = {
	format: typeof FORMAT;
	version: number;
	app_version: string;
	engine: string;
	created_at: string;
	migrations: Migration[];
	tables: { name: string; columns: string[]; types: string[] }[];
};

export type Trailer = { rows: Record<string, number>; sequences: number; files: number; missing_files: string[] };

export const line = (kind: 'H' | 'T' | 'S' | 'F' | 'E', payload: unknown) => `${kind}\t${JSON.stringify(payload)}\n`;

/** The application's version (package.json in the working directory), or "unknown". */
export function appVersion(): string {
	try {
		return String(JSON.parse(readFileSync('package.json', 'utf8')).version ?? 'unknown');
	} catch {
		return 'unknown';
	}
}
