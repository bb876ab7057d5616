// Builds the production server (build/) when it is missing or older than the sources.
// Used by `npm start`, `npm run bench` and the reliability suite.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const SOURCES = ['src', 'messages', 'static', 'project.inlang', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];
const IGNORE = new Set(['paraglide', 'node_modules']);
export const SERVER_ENTRY = 'build/index.js';

function newest(path) {
	if (!existsSync(path)) return 0;
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	let max = 0;
	for (const entry of readdirSync(path)) {
		if (!IGNORE.has(entry)) max = Math.max(max, newest(join(path, entry)));
	}
	return max;
}

export function ensureBuild() {
	const built = existsSync(SERVER_ENTRY) ? statSync(SERVER_ENTRY).mtimeMs : 0;
	if (built >= Math.max(...SOURCES.map(newest))) return;
	console.info(built ? '[simpul] sources changed; rebuilding…' : '[simpul] building the production server (first start)…');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
