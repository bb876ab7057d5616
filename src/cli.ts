/**
 * `npm run simpul -- <command>`: administration from the shell. On the embedded database, stop
 * the server first (PGlite allows one process at a time).
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { getConfig, ConfigError } from './lib/server/config';
import { openDatabase } from './lib/server/db/client';
import { migrateDatabase } from './lib/server/db/migrate';
import { initialiseDatabase } from './lib/server/bootstrap';
import { purgeDemo } from './lib/server/demo/demo.seed';
import { mailDeliverer, startOutboxWorker } from './lib/server/mail/outbox-worker';
import { workerTasks } from './lib/server/runtime';
import { addRegencyAsSystem, importPopulationAsSystem } from './lib/server/regions/regions.actions';
import { createUserAsSystem } from './lib/server/users/users.actions';
import type { Ctx } from './lib/server/context';
import { getFileStorage } from './lib/server/files/storage';

const HELP = `Usage: npm run simpul -- <command> [options]

  migrate                      apply database migrations (and first-start initialisation)
  demo:purge                   remove the demo dataset (demo accounts and KIMs)
  regions:add <code>           load another kota/kabupaten, e.g. 33.08
  regions:population <file>   import populations from a CSV with columns code,population[,area_km2]
  user:create --email E --name N --role warga|petugas|admin [--password P]
                               create an account (without --password an email link is sent)
  worker                       run the outbox worker only (mail delivery, reminders), for separate processes
  backup <file>                write the whole database and the uploaded files to one gzip'd file
                               (embedded database: stop the server first)
  restore <file> [--force]     load a backup into an empty database (--force replaces a non-empty one);
                               refused unless the migrations match; all or nothing
  generate --scale city|national [--seed N] [--manifest FILE]
                               fill the database with generated benchmark data (refused if it has some)
                               and write a manifest (default bench/results/manifest-<scale>.json)
`;

async function main() {
	const [command, ...rest] = process.argv.slice(2);
	if (!command || command === 'help' || command === '--help') {
		console.info(HELP);
		return;
	}
	const config = getConfig();
	const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.SIMPUL_DATA_DIR });
	const { db } = database;
	if (command === 'backup' || command === 'restore') {
		// Before the usual migration and seeding: a backup reads the database as it is; a restore fills an empty one.
		const { backupCommand } = await import('./lib/server/backup/backup.cli');
		try {
			await backupCommand(database, command, rest);
		} finally {
			await database.close();
		}
		return;
	}
	// A generated dataset stands alone: no demo accounts or demo reminders beside it.
	await migrateDatabase(database, () => initialiseDatabase(db, { region: config.SIMPUL_REGION, demo: config.SIMPUL_DEMO && command !== 'generate', storage: getFileStorage() }).then(() => undefined));
	const ctx: Ctx = { db, actor: null, publicUrl: config.publicUrl };
	try {
		switch (command) {
			case 'migrate':
				console.info('[simpul] database is migrated');
				break;
			case 'demo:purge': {
				const removed = await purgeDemo(db, getFileStorage());
				console.info(`[simpul] removed ${removed.users} demo accounts, ${removed.kims} demo KIMs, ${removed.posts} posts, ${removed.campaigns} campaigns and ${removed.reports} activity reports`);
				break;
			}
			case 'regions:add': {
				const code = rest[0];
				if (!code) throw new Error('regions:add needs a kota/kabupaten code, e.g. 33.08');
				const added = await addRegencyAsSystem(ctx, { code });
				console.info(`[simpul] ${added.name}: ${added.inserted} regions added`);
				break;
			}
			case 'regions:population': {
				if (!rest[0]) throw new Error('regions:population needs a CSV file');
				const result = await importPopulationAsSystem(ctx, { csv: readFileSync(rest[0], 'utf8') });
				console.info(`[simpul] ${result.updated} regions updated`);
				break;
			}
			case 'user:create': {
				const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'warga' }, password: { type: 'string' } } });
				const user = await createUserAsSystem(ctx, { email: values.email, name: values.name, role: values.role, password: values.password });
				console.info(`[simpul] created ${user.email} (${user.role})`);
				if (!values.password) console.info('[simpul] an invitation with a set-password link is queued; the server (or `worker`) sends it');
				break;
			}
			case 'generate': {
				const { values } = parseArgs({ args: rest, options: { scale: { type: 'string' }, seed: { type: 'string', default: '1' }, manifest: { type: 'string' } } });
				const { generateCommand } = await import('./lib/server/generate/generate.cli');
				await generateCommand(database, values);
				break;
			}
			case 'worker': {
				console.info('[simpul] outbox worker running; Ctrl+C to stop');
				const deliver = mailDeliverer(config.SMTP_URL, config.MAIL_FROM);
				const worker = startOutboxWorker(db, deliver, { tasks: workerTasks(db, config.publicUrl) });
				await new Promise<void>((resolve) => {
					process.once('SIGINT', resolve);
					process.once('SIGTERM', resolve);
				});
				await worker.stop();
				deliver.close?.();
				break;
			}
			default:
				console.error(`Unknown command: ${command}\n\n${HELP}`);
				process.exitCode = 2;
		}
	} finally {
		await database.close();
	}
}

main().catch((err) => {
	if (err instanceof ConfigError) console.error(err.message);
	else if (err?.details?.errors) console.error(`${err.message}\n${err.details.errors.map((e: { path: string; message: string }) => `  - ${e.path}: ${e.message}`).join('\n')}`);
	else console.error(err?.message ?? err);
	process.exit(1);
});
