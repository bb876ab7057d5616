import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './client';

/** Any number fixed for Simpul: the advisory lock that serialises start-up across processes. */
const STARTUP_LOCK = 7_317_001;

/** The committed SQL migrations; resolved from the project root (the working directory). */
export function migrationsFolder(): string {
	const candidates = [resolve('src/lib/server/db/migrations'), resolve('migrations')];
	const found = candidates.find((d) => existsSync(resolve(d, 'meta/_journal.json')));
	if (!found) throw new Error(`migrations not found in ${candidates.join(' or ')}`);
	return found;
}

/**
 * Applies pending migrations, then runs `afterMigrate` (first-start seeding) while still holding
 * the lock, so two processes started together against one server neither race nor seed twice.
 * PGlite is single-process, so it needs no lock.
 */
export async function migrateDatabase(
	database: Database,
	afterMigrate?: () => Promise<void>
): Promise<void> {
	const folder = migrationsFolder();
	if (database.engine === 'pglite') {
		await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
		await afterMigrate?.();
		return;
	}
	const client = await database.pool!.connect();
	try {
		await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
		try {
			await migratePg(drizzlePg(client), { migrationsFolder: folder });
			await afterMigrate?.();
		} finally {
			await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
		}
	} finally {
		client.release();
	}
}
