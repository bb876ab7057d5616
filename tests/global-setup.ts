import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, pgliteExtensions } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { loadRegency } from '../src/lib/server/regions/region-source';
import { insertRegions } from '../src/lib/server/regions/regions.queries';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteSnapshot: string;
		pgTemplate: string;
		pgRun: string;
	}
}

/** Prepares one migrated database with Kota Magelang's regions that every test file clones. */
async function prepare(database: Awaited<ReturnType<typeof openDatabase>>) {
	await migrateDatabase(database, () => insertRegions(database.db, loadRegency('33.71')));
}

export default async function setup(project: TestProject) {
	const url = process.env.TEST_DATABASE_URL;
	if (url) {
		// One prefix per run, so a run never touches the databases of another run on the same server.
		const run = `${process.pid}_${Date.now().toString(36)}`;
		const template = `simpul_tpl_${run}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`DROP DATABASE IF EXISTS ${template}`);
		await admin.query(`CREATE DATABASE ${template}`);
		const tplUrl = new URL(url);
		tplUrl.pathname = `/${template}`;
		const database = await openDatabase({ url: tplUrl.toString(), poolSize: 2 });
		await prepare(database);
		await database.close();
		project.provide('pgTemplate', template);
		project.provide('pgRun', run);
		project.provide('pgliteSnapshot', '');
		return async () => {
			const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [`simpul_t_${run}_%`, template]);
			for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
			await admin.end();
		};
	}
	const pglite = await PGlite.create({ extensions: pgliteExtensions });
	const database = await openDatabase({ pglite });
	await prepare(database);
	const dump = await pglite.dumpDataDir('none');
	await pglite.close();
	const dir = mkdtempSync(join(tmpdir(), 'simpul-test-'));
	const file = join(dir, 'snapshot.tar');
	writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
	project.provide('pgliteSnapshot', file);
	project.provide('pgTemplate', '');
	project.provide('pgRun', '');
	return () => rmSync(dir, { recursive: true, force: true });
}
