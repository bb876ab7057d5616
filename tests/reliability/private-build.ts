/**
 * A private copy of the production build for a suite file's server (startServer's `cwd`): the
 * shared ./build is rebuilt by other runs while ours serves, and a static file vanishing under a
 * running server crashes it (see the notes). Built if stale and copied under the build lock.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

const COPIES = ['build', 'scripts/server.js', 'src/lib/server/db/migrations', 'src/lib/server/regions/seed'];

/** Copies the (fresh) build into node_modules/.cache (so packages still resolve) and returns its directory. */
export function privateBuild(name: string): { dir: string; remove(): void } {
	const dir = resolve('node_modules/.cache', `simpul-${name}-${process.pid}`);
	const script = `import('./scripts/ensure-build.js').then((m) => { m.ensureBuild(); const fs = require('node:fs'), path = require('node:path');
		for (const p of ${JSON.stringify(COPIES)}) fs.cpSync(p, path.join(${JSON.stringify(dir)}, p), { recursive: true }); })`;
	// A build started elsewhere without the lock can pull files from under ours: try again.
	for (let attempt = 1; ; attempt++) {
		const r = spawnSync('flock', ['/tmp/simpul-build.lock', process.execPath, '--input-type=commonjs', '-e', script], { stdio: 'inherit' });
		if (r.status === 0) break;
		if (attempt === 3) throw new Error('could not build or copy the production server');
		spawnSync('sleep', ['5']);
	}
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
