/**
 * Clicks are written in batches: a short link answers at once and its click joins the next
 * multi-row insert (every 250 ms, or at 500 clicks), one database round trip for many redirects.
 * `flushClicks` writes what is buffered; the runtime calls it on shutdown (SIGTERM), so a
 * graceful stop loses nothing. A crash (kill -9) loses at most the last quarter second of clicks.
 */
import type { Db } from '../db/client';
import { insertClicks, type ClickRow } from './reach.queries';

export const CLICK_BATCH_ROWS = 500;
export const CLICK_BATCH_DELAY_MS = 250;

type Waiting = { row: ClickRow; done: () => void };

class ClickBuffer {
	private waiting: Waiting[] = [];
	private timer: ReturnType<typeof setTimeout> | undefined;
	private writing: Promise<void> = Promise.resolve();

	constructor(private db: Db) {}

	/** Buffers one click; the promise settles (never rejects) once its batch is written or given up. */
	add(row: ClickRow): Promise<void> {
		return new Promise((done) => {
			this.waiting.push({ row, done });
			if (this.waiting.length >= CLICK_BATCH_ROWS) void this.flush();
			else this.timer ??= setTimeout(() => void this.flush(), CLICK_BATCH_DELAY_MS).unref();
		});
	}

	/** Writes everything buffered so far; batches are written one after another. */
	flush(): Promise<void> {
		clearTimeout(this.timer);
		this.timer = undefined;
		const batch = this.waiting;
		this.waiting = [];
		if (batch.length > 0) this.writing = this.writing.then(() => this.write(batch));
		return this.writing;
	}

	private async write(batch: Waiting[]) {
		try {
			await insertClicks(this.db, batch.map((w) => w.row));
		} catch {
			// One bad row (say, a link deleted meanwhile) must not cost the others: write them one by one.
			for (const w of batch) {
				await insertClicks(this.db, [w.row]).catch((err) => console.error('[reach] click not recorded', err));
			}
		}
		for (const w of batch) w.done();
	}
}

const buffers = new WeakMap<Db, ClickBuffer>();
/** Clicks whose row is still being prepared (the visitor key needs the server secret). */
const preparing = new WeakMap<Db, Set<Promise<unknown>>>();

/**
 * Buffers a click once its row is ready. A redirect is answered before that (the first click
 * of a process reads the secret from the database), so flushClicks waits for rows in
 * preparation too: a SIGTERM right after a redirect still records its click. A row that fails
 * to prepare rejects the returned promise.
 */
export function bufferClick(db: Db, row: ClickRow | Promise<ClickRow>): Promise<void> {
	const ready = Promise.resolve(row);
	let pending = preparing.get(db);
	if (!pending) preparing.set(db, (pending = new Set()));
	pending.add(ready);
	const settled = () => void pending.delete(ready);
	ready.then(settled, settled);
	return ready.then((r) => {
		let buffer = buffers.get(db);
		if (!buffer) buffers.set(db, (buffer = new ClickBuffer(db)));
		return buffer.add(r);
	});
}

/** Writes every buffered click of this database handle, and those being prepared (before it closes). */
export async function flushClicks(db: Db): Promise<void> {
	await Promise.allSettled([...(preparing.get(db) ?? [])]);
	// Let the rows just prepared reach the buffer before it is flushed.
	await new Promise((resolve) => setImmediate(resolve));
	await buffers.get(db)?.flush();
}
