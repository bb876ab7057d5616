#!/usr/bin/env node
// The production server: adapter-node's handler (static files, then SvelteKit) behind a small
// node:http server that first offers each request to Simpul's fast paths (a cached anonymous page,
// a short-link redirect: src/lib/server/http/fast-path.ts). Settings as adapter-node's: PORT,
// HOST, ORIGIN, BODY_SIZE_LIMIT, ADDRESS_HEADER, XFF_DEPTH, SHUTDOWN_TIMEOUT (seconds).
// SIGTERM/SIGINT stop accepting requests, let those in flight finish, then close the runtime
// (mail worker, buffered clicks, database).
import http from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const { handler } = await import(pathToFileURL(join(process.cwd(), 'build/handler.js')).href);
const fast = globalThis[Symbol.for('simpul.fastPaths')];

const notFound = (_req, res) => {
	res.statusCode = 404;
	res.end('Not found');
};

function fallback(req, res) {
	handler(req, res, () => notFound(req, res));
}

const server = http.createServer((req, res) => {
	const served = fast ? fast.serve(req, res) : false;
	if (served === false) return fallback(req, res);
	served.then(
		(done) => done || fallback(req, res),
		(err) => {
			console.error('[simpul] fast path failed', err);
			if (!res.headersSent) fallback(req, res);
		}
	);
});

// Keep idle connections longer than a proxy or a busy client would (Node's 5 s default can close
// a kept-alive connection just as a client reuses it, which the client sees as a reset).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
server.listen(port, host, () => console.info(`Listening on http://${host}:${port}`));

let stopping = false;
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	const force = setTimeout(() => server.closeAllConnections(), Number(process.env.SHUTDOWN_TIMEOUT ?? 30) * 1000);
	server.close(() => {
		clearTimeout(force);
		process.emit('sveltekit:shutdown', reason);
	});
	// Keep-alive connections that become idle while we wait are closed at once.
	server.on('request', (_req, res) => res.on('finish', () => server.closeIdleConnections()));
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
