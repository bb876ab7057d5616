import { getConfig, type Config } from './config';
import { openDatabase, type Database } from './db/client';
import { migrateDatabase } from './db/migrate';
import { countDemoUsers, initialiseDatabase } from './bootstrap';
import { seedAduanReference } from './aduan/aduan.seed';
import { mailDeliverer, startOutboxWorker } from './mail/outbox-worker';
import { reminderTask } from './notifications/reminders';
import { aduanSweepTask } from './aduan/aduan.sweep';
import { clickVisitorsTask } from './stats/stats.rollup';
import { flushClicks } from './reach/reach.buffer';
import { createApi } from './http/app';
import { getFileStorage } from './files/storage';

export type Runtime = {
	config: Config;
	database: Database;
	api: ReturnType<typeof createApi>;
	stop(): Promise<void>;
};

/** The periodic tasks every worker runs (in the server, or `npm run simpul -- worker`). */
export const workerTasks = (db: Database['db'], publicUrl: string) => [reminderTask(db, publicUrl), aduanSweepTask(db, publicUrl), clickVisitorsTask(db)];

/** Opens and migrates the database, initialises it on first start, starts the outbox worker. */
export async function startRuntime(config: Config = getConfig()): Promise<Runtime> {
	const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.SIMPUL_DATA_DIR });
	const { db } = database;
	await migrateDatabase(database, async () => {
		await initialiseDatabase(db, { region: config.SIMPUL_REGION, demo: config.SIMPUL_DEMO, storage: getFileStorage() });
		// Reference data added by later versions reaches databases initialised before them.
		await seedAduanReference(db);
	});
	const demoUsers = await countDemoUsers(db);
	if (demoUsers > 0) {
		console.warn(
			`[simpul] WARNING: ${demoUsers} demo accounts exist with the public password "simpul-demo". ` +
				'Remove them before real use: npm run simpul -- demo:purge'
		);
	}
	const deliver = config.SIMPUL_WORKER ? mailDeliverer(config.SMTP_URL, config.MAIL_FROM) : undefined;
	const worker = deliver ? startOutboxWorker(db, deliver, { tasks: workerTasks(db, config.publicUrl) }) : undefined;
	const api = createApi({ db, publicUrl: config.publicUrl, secureCookies: config.secureCookies, sessionDays: config.SESSION_DAYS });
	console.info(`[simpul] ready on ${database.engine === 'pglite' ? `PGlite (${config.SIMPUL_DATA_DIR})` : 'PostgreSQL'}`);
	return {
		config,
		database,
		api,
		async stop() {
			// Let the mail in flight finish and hand the rest back, and write the buffered clicks, before the database closes.
			await worker?.stop();
			deliver?.close?.();
			await flushClicks(db);
			await database.close();
		}
	};
}

// Kept on globalThis so the dev server's hot reloads reuse it instead of opening the embedded
// database a second time in the same process.
const holder = globalThis as typeof globalThis & { __simpulRuntime?: Promise<Runtime> };

/** The process-wide runtime, started on first use; stopped once on SIGTERM/SIGINT via adapter-node. */
export function getRuntime(): Promise<Runtime> {
	if (!holder.__simpulRuntime) {
		holder.__simpulRuntime = startRuntime();
		process.once('sveltekit:shutdown', () => void holder.__simpulRuntime?.then((r) => r.stop()));
	}
	return holder.__simpulRuntime;
}
