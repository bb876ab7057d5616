/**
 * Scenario 6, notification fan-out: N queued notification emails in the outbox of a fresh
 * database, delivered by the real outbox worker (startOutboxWorker + mailDeliverer, as the server
 * runs them) to an SMTP sink in another process. Measures messages per second from the worker's
 * start to the last message received, and counts duplicates by Message-ID (must be 0).
 * Runs in the harness process against its own database, not through the HTTP server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import { rowsOf } from '../src/lib/server/db/sql';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { mailDeliverer, startOutboxWorker } from '../src/lib/server/mail/outbox-worker';
import { createPgDatabase } from '../tests/reliability/server';
import { startSink } from './smtp-sink';

export type FanoutResult = {
	engine: 'pglite' | 'postgres';
	queued: number;
	delivered: number;
	unique: number;
	duplicates: number;
	withoutId: number;
	smtpConnections: number;
	outbox: Record<string, number>;
	seconds: number;
	perSecond: number;
	timedOut: boolean;
	enqueueSeconds: number;
};

export async function runFanout(opts: { engine: 'pglite' | 'postgres'; count: number; timeoutS: number; log: (s: string) => void }): Promise<FanoutResult> {
	let database: Database;
	let cleanup: () => Promise<void>;
	if (opts.engine === 'postgres') {
		const pgdb = await createPgDatabase('simpul_bench_fanout');
		database = await openDatabase({ url: pgdb.url, poolSize: 10 });
		cleanup = () => pgdb.drop();
	} else {
		const dir = mkdtempSync(join(tmpdir(), 'simpul-bench-fanout-'));
		database = await openDatabase({ dataDir: dir });
		cleanup = async () => rmSync(dir, { recursive: true, force: true });
	}
	const sink = await startSink();
	try {
		await migrateDatabase(database);
		const { db } = database;
		const t0 = performance.now();
		// What notify() queues: one email per user and event, with its dedupe key.
		await db.execute(sql`
			insert into outbox (topic, payload, dedupe_key)
			select 'email',
				jsonb_build_object(
					'to', 'anggota' || g || '@kim.contoh.id',
					'subject', 'Penugasan baru: Ayo imunisasi campak-rubela (MR) di posyandu',
					'text', 'KIM Anda mendapat penugasan baru. Batas waktu 12 Desember 2026.' || chr(10) || chr(10) || 'https://simpul.contoh.id/kim/kim-' || (g % 3600) || '/tugas'),
				'notice:bench-' || g || ':assignment:created'
			from generate_series(1, ${opts.count}::int) g`);
		const enqueueSeconds = (performance.now() - t0) / 1000;
		opts.log(`  queued ${opts.count} emails in ${enqueueSeconds.toFixed(1)} s; delivering…`);
		const started = performance.now();
		const deliver = mailDeliverer(sink.url, 'Simpul <no-reply@simpul.test>', () => {});
		const worker = startOutboxWorker(db, deliver);
		let stats = await sink.stats();
		let lastLog = started;
		let timedOut = false;
		while (stats.received < opts.count) {
			if ((performance.now() - started) / 1000 > opts.timeoutS) {
				timedOut = true;
				break;
			}
			await new Promise((r) => setTimeout(r, 200));
			stats = await sink.stats();
			if (performance.now() - lastLog > 10_000) {
				lastLog = performance.now();
				const s = (lastLog - started) / 1000;
				opts.log(`  ${stats.received} delivered after ${s.toFixed(0)} s (${(stats.received / s).toFixed(0)}/s)`);
			}
		}
		const seconds = (performance.now() - started) / 1000;
		await worker.stop();
		(deliver as { close?: () => void }).close?.();
		stats = await sink.stats();
		const rows = rowsOf<{ status: string; n: number }>(await db.execute(sql`select status, count(*)::int as n from outbox group by status`));
		const outbox = Object.fromEntries(rows.map((r) => [r.status, r.n]));
		return {
			engine: opts.engine,
			queued: opts.count,
			delivered: stats.received,
			unique: stats.unique,
			duplicates: stats.duplicates,
			withoutId: stats.withoutId,
			smtpConnections: stats.connections,
			outbox,
			seconds: Math.round(seconds * 10) / 10,
			perSecond: Math.round(stats.received / seconds),
			timedOut,
			enqueueSeconds: Math.round(enqueueSeconds * 10) / 10
		};
	} finally {
		await sink.stop();
		await database.close();
		await cleanup();
	}
}
