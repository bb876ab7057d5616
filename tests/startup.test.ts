import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, pgliteExtensions, type Database } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { initialiseDatabase } from '../src/lib/server/bootstrap';
import { regions, users } from '../src/lib/server/db/schema';

const url = process.env.TEST_DATABASE_URL;
const opened: Database[] = [];
afterAll(async () => {
	for (const d of opened) await d.close();
});

const startUp = (database: Database) =>
	migrateDatabase(database, () => initialiseDatabase(database.db, { region: '33.71', demo: true, log: () => {} }).then(() => undefined));

describe('start-up on an empty database', () => {
	it.runIf(!url)('PGlite: migrates from nothing and initialises the city', async () => {
		const database = await openDatabase({ pglite: await PGlite.create({ extensions: pgliteExtensions }) });
		opened.push(database);
		await startUp(database);
		const [kota] = await database.db.select().from(regions).where(eq(regions.code, '33.71'));
		expect(kota).toMatchObject({ name: 'Kota Magelang', level: 'kota', population: 128709 });
	});

	it.runIf(!!url)('PostgreSQL: two processes starting together migrate and seed once', async () => {
		const name = `simpul_t_${randomBytes(6).toString('hex')}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name}`);
		try {
			const dbUrl = new URL(url!);
			dbUrl.pathname = `/${name}`;
			const a = await openDatabase({ url: dbUrl.toString(), poolSize: 2 });
			const b = await openDatabase({ url: dbUrl.toString(), poolSize: 2 });
			await Promise.all([startUp(a), startUp(b)]);
			const [row] = await a.db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.email, 'admin@simpul.test'));
			expect(row.n).toBe(1);
			await a.close();
			await b.close();
		} finally {
			await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
		}
	});
});
