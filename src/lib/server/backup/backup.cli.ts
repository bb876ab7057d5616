/**
 * `npm run simpul -- backup <file>` and `restore <file> [--force]`. They run before the CLI's usual
 * migration and first-start seeding: a backup reads the database exactly as it is, and a restore
 * migrates an empty target (tables only, no seeding) so the backup's rows fill it alone.
 * On the embedded engine the server must be stopped first: the CLI cannot open a data directory
 * a running server holds (openDatabase says which process holds it).
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import type { Database } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { getFileStorage } from '../files/storage';
import { createBackup } from './backup.write';
import { restoreBackup } from './backup.restore';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const total = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);

export async function backupCommand(database: Database, command: 'backup' | 'restore', args: string[]) {
	const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false } } });
	const file = positionals[0];
	if (!file) throw new Error(`${command} needs a file, e.g. npm run simpul -- ${command} simpul-backup.ndjson.gz`);
	const log = values.quiet ? () => {} : (s: string) => console.info(s);
	const where = database.engine === 'pglite' ? 'the embedded database' : 'PostgreSQL';
	if (command === 'backup') {
		console.info(`[simpul] backing up ${where} to ${file}`);
		const s = await createBackup(database, getFileStorage(), file, log);
		console.info(`[simpul] backup written: ${total(s.rows)} rows in ${Object.keys(s.rows).length} tables, ${s.sequences} sequences, ${s.files} files — ${mb(s.bytes)}`);
		if (s.missing_files.length) console.warn(`[simpul] ${s.missing_files.length} files were missing from the file storage and are not in the backup`);
		return;
	}
	if (!existsSync(file)) throw new Error(`${file} does not exist`);
	console.info(`[simpul] restoring ${file} into ${where}${values.force ? ' (--force: its current contents are replaced)' : ''}`);
	await migrateDatabase(database);
	const s = await restoreBackup(database, getFileStorage(), file, { force: values.force, log });
	console.info(`[simpul] restored ${total(s.rows)} rows in ${Object.keys(s.rows).length} tables, ${s.sequences} sequences and ${s.files} files (backup of ${s.header.engine}, Simpul ${s.header.app_version}, made ${s.header.created_at})`);
}
