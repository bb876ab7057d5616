import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { mailDeliverer } from './outbox-worker';

/** A port nothing listens on (yet). */
async function freePort() {
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as AddressInfo;
	await new Promise((resolve) => probe.close(resolve));
	return port;
}

describe('mailDeliverer (pooled SMTP)', () => {
	it('a server that is not there yet fails each mail (it is retried), and mail goes out once it is up', async () => {
		const port = await freePort();
		const deliver = mailDeliverer(`smtp://127.0.0.1:${port}`, 'Simpul <no-reply@simpul.test>');
		const send = (id: number) => deliver('email', { to: `w${id}@simpul.test`, subject: 'Tes', text: 'Isi' }, { id });
		try {
			// Refused connections must reject — a pool left waiting would stop the worker for good.
			// More at once than the pool has connections, so some wait in its queue.
			const refused = await Promise.allSettled([1, 2, 3, 4, 5, 6].map(send));
			expect(refused.map((r) => r.status)).toEqual(Array(6).fill('rejected'));

			const received: string[] = [];
			const smtp = new SMTPServer({
				authOptional: true,
				disabledCommands: ['STARTTLS'],
				onData(stream, session, callback) {
					stream.resume();
					stream.on('end', () => {
						received.push(session.envelope.rcptTo[0].address);
						callback();
					});
				}
			});
			await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
			try {
				expect(await Promise.all([11, 12, 13, 14, 15, 16].map(send))).toEqual(Array(6).fill('sent'));
				expect(received.sort()).toEqual(['w11', 'w12', 'w13', 'w14', 'w15', 'w16'].map((w) => `${w}@simpul.test`));
			} finally {
				deliver.close?.();
				await new Promise<void>((resolve) => smtp.close(() => resolve()));
			}
		} finally {
			deliver.close?.();
		}
	});
});
