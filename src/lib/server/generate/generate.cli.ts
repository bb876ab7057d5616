/** `npm run simpul -- generate --scale city|national [--seed N] [--manifest FILE]`. */
import type { Database } from '../db/client';
import { generate } from './generate';
import { isScaleName } from './generate.plan';
import { writeManifest } from './generate.manifest';

export async function generateCommand(database: Database, args: { scale?: string; seed?: string; manifest?: string }) {
	const scale = args.scale ?? '';
	if (scale !== 'city' && scale !== 'national') throw new Error('generate needs --scale city or --scale national');
	if (!isScaleName(scale)) throw new Error(`unknown scale ${scale}`);
	const seed = Number(args.seed ?? '1');
	if (!Number.isInteger(seed) || seed < 0 || seed > 1_000_000) throw new Error('--seed must be an integer from 0 to 1000000');
	if (scale === 'national' && database.engine !== 'postgres') {
		console.warn('[generate] national scale is meant for PostgreSQL (DATABASE_URL); on the embedded engine it is slow and large');
	}
	console.info(`[generate] ${scale} scale, seed ${seed}, ${database.engine}`);
	const manifest = await generate(database, { scale, seed });
	const file = args.manifest ?? `bench/results/manifest-${scale}.json`;
	writeManifest(file, manifest);
	console.info(`[generate] ${JSON.stringify(manifest.counts)}`);
	console.info(`[generate] manifest written to ${file}`);
}
