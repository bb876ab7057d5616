#!/usr/bin/env node
// `npm start`: builds the production server when the build is missing or older than the
// sources, then runs it. Settings come from the environment (README "Configuration").
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const SOURCES = ['src', 'messages', 'static', 'project.inlang', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];
const IGNORE = new Set(['paraglide', 'node_modules']);

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

const marker = 'build/index.js';
const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
if (built < Math.max(...SOURCES.map(newest))) {
	console.info(built ? '[simpul] sources changed; rebuilding…' : '[simpul] building the production server (first start)…');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

// Uploads (KIM decree files, logos) need more than adapter-node's 512 KB default.
process.env.BODY_SIZE_LIMIT ??= '12M';
await import(join(process.cwd(), marker));
