import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server for the journeys: every message the platform sends lands in $E2E_DATA_DIR/mail. */
export default async function globalSetup() {
	const dir = join(process.env.E2E_DATA_DIR!, 'mail');
	mkdirSync(dir, { recursive: true });
	let n = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				writeFileSync(join(dir, `${String(++n).padStart(4, '0')}.eml`), Buffer.concat(chunks));
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(Number(process.env.E2E_SMTP_PORT), '127.0.0.1', resolve));
	return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
