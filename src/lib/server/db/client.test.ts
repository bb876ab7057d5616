import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import type { Database } from './client';

let database: Database;
beforeAll(async () => {
	database = await createTestDatabase();
});

describe('openDatabase', () => {
	it('lets the event loop turn between queries, so a stream of them does not keep new connections and requests waiting', async () => {
		const { db } = database;
		let done = 0;
		// Three "requests", each running queries one after another, as handlers do.
		const request = async () => {
			for (let i = 0; i < 10; i++) {
				await db.execute(sql`select 1`);
				done++;
			}
		};
		const requests = Promise.all([request(), request(), request()]);
		// A timer stands for the I/O the event loop would poll for (an accept, a request's bytes).
		const seenByTimer = await new Promise<number>((resolve) => setTimeout(() => resolve(done), 0));
		await requests;
		expect(done).toBe(30);
		expect(seenByTimer).toBeLessThan(30);
	});
});
