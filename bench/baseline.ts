/**
 * The baseline: a bare node:http server in its own process that answers fixed responses copied
 * from the real server (the same bytes and size for a page, a bare 302 for a short link). It shows
 * what this machine can do with no framework and no database, so the bench reports ratios.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

export type FixedResponse = { status: number; headers: Record<string, string>; bodyBase64: string };
export type BaselineConfig = { port: number; routes: Record<string, FixedResponse>; fallback: FixedResponse };

export type Baseline = { origin: string; child: ChildProcess; stop(): Promise<void> };

/** Starts the baseline server in a child process; resolves once it listens. */
export async function startBaseline(config: BaselineConfig): Promise<Baseline> {
	const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	await new Promise<void>((resolve, reject) => {
		child.once('message', () => resolve());
		child.once('exit', (code) => reject(new Error(`baseline server exited (${code})`)));
		child.send(config);
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return {
		origin: `http://127.0.0.1:${config.port}`,
		child,
		async stop() {
			child.kill('SIGTERM');
			await exited;
		}
	};
}

function serve(config: BaselineConfig) {
	const decode = (r: FixedResponse) => ({ ...r, body: Buffer.from(r.bodyBase64, 'base64') });
	const routes = new Map(Object.entries(config.routes).map(([path, r]) => [path, decode(r)]));
	const fallback = decode(config.fallback);
	const server = createServer((req, res) => {
		const r = routes.get(req.url ?? '/') ?? fallback;
		res.writeHead(r.status, { ...r.headers, 'content-length': String(r.body.length) });
		res.end(r.body);
	});
	server.keepAliveTimeout = 5000;
	server.listen(config.port, '127.0.0.1', () => process.send!('ready'));
	process.once('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
}

if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
	process.once('message', (config: BaselineConfig) => serve(config));
}
