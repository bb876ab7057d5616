import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { connect, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import smtpShared from 'nodemailer/lib/shared/index.js';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';
import type { MailMessage } from './mail';

/**
 * Delivers one outbox row's payload; `meta.id` is the row id (stable across retries). `close`,
 * when present, ends what the deliverer keeps open (pooled SMTP connections); its owner calls it
 * after stopping the worker.
 */
export type Deliver = ((topic: string, payload: unknown, meta: { id: number }) => Promise<'sent' | 'logged'>) & { close?: () => void };

/** Retry delay after `attempts` failures: 30 s, 1 min, 2 min … capped at 1 hour. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
export const MAX_ATTEMPTS = 8;

/** The domain of a From header ("Simpul <no-reply@simpul.go.id>" → "simpul.go.id"). */
export function mailDomain(from: string) {
	return /@([^\s>]+)/.exec(from)?.[1]?.toLowerCase() ?? 'simpul.local';
}

/** The Message-ID of an outbox row's mail: derived from the row id only, so every retry repeats it. */
export const outboxMessageId = (id: number, domain: string) => `<outbox-${id}@${domain}>`;

/** Delivery by SMTP when `smtpUrl` is set; otherwise the mail is written to the log. */
export function mailDeliverer(smtpUrl: string | undefined, from: string, log = console.info): Deliver {
	// Short timeouts: a hung mail server must not hold rows (or the process) for minutes. Pooled:
	// the worker sends several mails at once over a few kept-open connections, not one each.
	// (nodemailer ignores every other option when given `url`, so the URL is parsed here.)
	const transport = smtpUrl
		? nodemailer.createTransport({
				...smtpShared.parseConnectionUrl(smtpUrl),
				pool: true, maxConnections: DELIVERY_CONCURRENCY, maxMessages: 1000,
				connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
				getSocket: noDelaySocket
			})
		: undefined;
	const domain = mailDomain(from);
	const deliver: Deliver = async (topic, payload, meta) => {
		if (topic !== 'email') throw new Error(`unknown outbox topic ${topic}`);
		const mail = payload as MailMessage;
		if (!transport) {
			log(`[mail] SMTP_URL not set; mail to ${mail.to}: ${mail.subject}\n${mail.text}`);
			return 'logged';
		}
		// The same Message-ID on every attempt of a row: a retry after a lost reply is recognisable
		// (and dropped by most receiving servers) instead of looking like a second message.
		await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: outboxMessageId(meta.id, domain) });
		return 'sent';
	};
	deliver.close = () => transport?.close();
	return deliver;
}

/**
 * Plain SMTP connections (STARTTLS upgrades them later) are made with Nagle's algorithm off: a
 * message's headers and body go out as separate small writes, and with it on each message waited
 * for the server's delayed ACK (40 ms). Implicit TLS (smtps) keeps nodemailer's own socket.
 */
function noDelaySocket(options: { secure?: boolean; host?: string; port?: number }, callback: (err: Error | null, socketOptions?: { connection: Socket }) => void) {
	if (options.secure) return callback(null);
	const socket = connect({ host: options.host ?? 'localhost', port: options.port ?? 587, noDelay: true, timeout: 10_000 });
	// A connection that cannot be made is left to nodemailer (it reports the failure and the row is
	// retried; an error handed back from here would leave the pool waiting for ever).
	const fallBack = () => {
		socket.destroy();
		callback(null);
	};
	socket.once('error', fallBack);
	socket.once('timeout', fallBack);
	socket.once('connect', () => {
		socket.off('error', fallBack);
		socket.off('timeout', fallBack);
		socket.setTimeout(0);
		callback(null, { connection: socket });
	});
}

/** Mails delivered at once by one worker (and SMTP connections it keeps open). */
export const DELIVERY_CONCURRENCY = 4;

/** How long a claimed row stays hidden from other workers while it is being delivered. */
export const LEASE_MS = 5 * 60_000;

/**
 * Delivers up to `batch` due outbox rows. Rows are claimed in a short transaction
 * (FOR UPDATE SKIP LOCKED, then leased by moving next_attempt_at forward), delivered outside any
 * transaction, and their results recorded in groups (failures one by one, with their retry).
 * Several workers never take the same row; a worker that dies mid-delivery leaves its rows to be
 * retried when the lease ends. When `shouldStop()` turns true, the row in flight is finished and
 * the rest of the batch is handed back at once (their lease reset to their own due time), so
 * another worker sends them promptly.
 */
export async function processOutbox(
	db: Db, deliver: Deliver, batch = 20, now = new Date(), shouldStop: () => boolean = () => false, concurrency = 1
) {
	const rows = await db.transaction(async (tx) => {
		const due = await tx
			.select()
			.from(outbox)
			.where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
			// Oldest due first, in the index's order: a claim reads `batch` entries, however long the queue.
			.orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
			.limit(batch)
			.for('update', { skipLocked: true });
		if (due.length) {
			await tx
				.update(outbox)
				.set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
				.where(inArray(outbox.id, due.map((r) => r.id)));
		}
		return due;
	});
	let delivered = 0;
	let started = 0;
	// Deliveries are recorded in groups: one UPDATE (one commit) per RECORD_GROUP mails, not one
	// each. A crash between a delivery and its record resends at most that group when the lease
	// ends, with the same Message-ID.
	const done: { id: number; status: 'sent' | 'logged' }[] = [];
	let recording: Promise<void> = Promise.resolve();
	const record = () => {
		const group = done.splice(0);
		recording = recording.then(() => recordDelivered(db, group));
		return recording;
	};
	// `concurrency` lanes take the claimed rows in order.
	const lane = async () => {
		while (started < rows.length && !shouldStop()) {
			const row = rows[started++];
			const status = await deliverRow(db, deliver, row, now);
			if (!status) continue;
			delivered++;
			done.push({ id: row.id, status });
			if (done.length >= RECORD_GROUP) await record();
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, lane));
	await record();
	const released = await releaseRows(db, rows.slice(started));
	return { claimed: rows.length, delivered, released };
}

/** Deliveries recorded per statement (see processOutbox). */
export const RECORD_GROUP = 25;

/** Marks delivered rows with their status, one statement per status. */
async function recordDelivered(db: Db, group: { id: number; status: 'sent' | 'logged' }[]) {
	for (const status of ['sent', 'logged'] as const) {
		const ids = group.filter((d) => d.status === status).map((d) => d.id);
		if (ids.length === 0) continue;
		await db
			.update(outbox)
			.set({ status, attempts: sql`${outbox.attempts} + 1`, processedAt: new Date(), lastError: null })
			.where(sql`${outbox.id} = any(${sql.param(ids)})`);
	}
}

/** Delivers one claimed row: its status when delivered (recorded by the caller); a failure is recorded here, with its retry. */
async function deliverRow(db: Db, deliver: Deliver, row: typeof outbox.$inferSelect, now: Date) {
	try {
		return await deliver(row.topic, row.payload, { id: row.id });
	} catch (err) {
		const attempts = row.attempts + 1;
		await db
			.update(outbox)
			.set({
				attempts,
				lastError: String((err as Error).message ?? err).slice(0, 1000),
				status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
				nextAttemptAt: new Date(now.getTime() + backoffMs(attempts))
			})
			.where(eq(outbox.id, row.id));
		return undefined;
	}
}

/** Ends the lease of claimed rows not attempted: each is due again at the time it was due before. */
async function releaseRows(db: Db, rows: (typeof outbox.$inferSelect)[]) {
	for (const row of rows) {
		await db
			.update(outbox)
			.set({ nextAttemptAt: row.nextAttemptAt })
			.where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending'), eq(outbox.attempts, row.attempts)));
	}
	return rows.length;
}

/** Counts per status, for the admin page. */
export async function outboxCounts(db: Db) {
	const rows = await db
		.select({ status: outbox.status, n: sql<number>`count(*)::int` })
		.from(outbox)
		.where(inArray(outbox.status, ['pending', 'sent', 'logged', 'failed']))
		.groupBy(outbox.status);
	return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
}

/**
 * Work the worker loop does besides mail, at most once per `everyMs` per process (e.g. the
 * reminder sweep). A long task checks `isStopped` between items so a shutdown does not wait for it.
 */
export type PeriodicTask = { name: string; everyMs: number; run: (now: Date, isStopped: () => boolean) => Promise<unknown> };

export type OutboxWorker = {
	/** Stops polling, lets the row in flight finish, hands the rest of its batch back; resolves when idle. */
	stop(): Promise<void>;
};

/**
 * Runs the outbox loop until `stop()`; polls every `intervalMs`. Periodic tasks run from the same
 * loop; their last run is kept in memory only, so each process runs them on its own schedule —
 * the tasks must be idempotent (the reminder sweep is, by its dedupe keys).
 */
export function startOutboxWorker(
	db: Db, deliver: Deliver, opts: { intervalMs?: number; batch?: number; concurrency?: number; tasks?: PeriodicTask[] } = {}
): OutboxWorker {
	const { intervalMs = 2000, batch = 100, concurrency = DELIVERY_CONCURRENCY, tasks = [] } = opts;
	const lastRun = new Map<string, number>();
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	let running: Promise<void> = Promise.resolve();
	const isStopped = () => stopped;
	const runTasks = async () => {
		for (const task of tasks) {
			const now = Date.now();
			if (stopped || now - (lastRun.get(task.name) ?? -Infinity) < task.everyMs) continue;
			lastRun.set(task.name, now);
			try {
				await task.run(new Date(now), isStopped);
			} catch (err) {
				console.error(`[worker] ${task.name} error`, (err as Error).message);
			}
		}
	};
	const tick = async () => {
		try {
			await runTasks();
			while (!stopped && (await processOutbox(db, deliver, batch, new Date(), isStopped, concurrency)).claimed > 0);
		} catch (err) {
			console.error('[worker] outbox error', (err as Error).message);
		}
		if (!stopped) timer = setTimeout(() => (running = tick()), intervalMs);
	};
	timer = setTimeout(() => (running = tick()), 100);
	return {
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await running;
		}
	};
}
