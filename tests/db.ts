import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { openDatabase, pgliteExtensions, type Database } from '../src/lib/server/db/client';

/**
 * A fresh database for one test file: a clone of the migrated snapshot (PGlite), or a new
 * PostgreSQL database made from the template when TEST_DATABASE_URL is set. Closed after the file.
 */
export async function createTestDatabase(): Promise<Database> {
	const url = process.env.TEST_DATABASE_URL;
	let database: Database;
	if (url) {
		const name = `simpul_t_${inject('pgRun')}_${randomBytes(4).toString('hex')}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
		const dbUrl = new URL(url);
		dbUrl.pathname = `/${name}`;
		database = await openDatabase({ url: dbUrl.toString(), poolSize: 4 });
		afterAll(async () => {
			await database.close();
			await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
		});
	} else {
		const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))]);
		const pglite = await PGlite.create({ loadDataDir: snapshot, extensions: pgliteExtensions });
		database = await openDatabase({ pglite });
		afterAll(() => database.close());
	}
	return database;
}
