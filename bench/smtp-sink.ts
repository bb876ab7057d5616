/**
 * An SMTP sink that accepts every message and counts it by Message-ID, in its own process
 * (a real mail server is elsewhere: the worker must not get the sink's CPU for free).
 * Answers { received, unique, duplicates } when sent 'stats'.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';

export type SinkStats = { received: number; unique: number; duplicates: number; withoutId: number; connections: number };
export type Sink = { url: string; stats(): Promise<SinkStats>; stop(): Promise<void> };

export async function startSink(): Promise<Sink> {
	const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const port = await new Promise<number>((resolve, reject) => {
		child.once('message', (m: { port: number }) => resolve(m.port));
		child.once('exit', (code) => reject(new Error(`SMTP sink exited (${code})`)));
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return {
		url: `smtp://127.0.0.1:${port}`,
		stats: () =>
			new Promise((resolve) => {
				child.once('message', (m) => resolve(m as SinkStats));
				child.send('stats');
			}),
		async stop() {
			child.kill('SIGTERM');
			await exited;
		}
	};
}

/**
 * A minimal SMTP receiver (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT). Not smtp-server: that
 * library holds every new connection for a fixed 100 ms before its greeting (an "early talker"
 * check), which would cap a sender that opens one connection per message at under 10 messages
 * a second and measure the sink instead of the worker. A relay a city would use answers at once.
 */
function serve() {
	const seen = new Map<string, number>();
	let received = 0;
	let withoutId = 0;
	let connections = 0;
	const record = (message: string) => {
		received++;
		const head = message.slice(0, Math.max(0, message.indexOf('\r\n\r\n')) || message.length);
		const id = /^message-id:\s*(\S+)/im.exec(head)?.[1];
		if (!id) withoutId++;
		else seen.set(id, (seen.get(id) ?? 0) + 1);
	};
	const server = createServer((socket) => {
		connections++;
		socket.setNoDelay(true);
		let buf = '';
		let inData = false;
		socket.on('error', () => {});
		socket.write('220 sink.simpul.test ESMTP bench sink\r\n');
		socket.on('data', (chunk: Buffer) => {
			buf += chunk.toString('latin1');
			const replies: string[] = [];
			for (;;) {
				if (inData) {
					const end = buf.startsWith('.\r\n') ? 0 : buf.indexOf('\r\n.\r\n');
					if (end < 0) break;
					record(buf.slice(0, end));
					buf = buf.slice(end === 0 ? 3 : end + 5);
					inData = false;
					replies.push('250 2.0.0 queued');
					continue;
				}
				const eol = buf.indexOf('\r\n');
				if (eol < 0) break;
				const line = buf.slice(0, eol);
				buf = buf.slice(eol + 2);
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO') replies.push('250-sink.simpul.test\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 SIZE 10485760');
				else if (verb === 'HELO') replies.push('250 sink.simpul.test');
				else if (verb === 'MAIL' || verb === 'RCPT' || verb === 'RSET' || verb === 'NOOP') replies.push('250 2.0.0 OK');
				else if (verb === 'DATA') {
					inData = true;
					replies.push('354 go ahead');
				} else if (verb === 'QUIT') {
					socket.end('221 2.0.0 bye\r\n');
					return;
				} else replies.push('502 5.5.2 not implemented');
			}
			if (replies.length) socket.write(replies.join('\r\n') + '\r\n');
		});
	});
	server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
	process.on('message', (m) => {
		if (m !== 'stats') return;
		let duplicates = 0;
		for (const n of seen.values()) duplicates += n - 1;
		process.send!({ received, unique: seen.size, duplicates, withoutId, connections } satisfies SinkStats);
	});
	process.once('SIGTERM', () => process.exit(0));
}

if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) serve();
