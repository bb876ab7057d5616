import type { Db } from '../db/client';

/** The demo public-service directory: services, facilities, emergency numbers (issue 5). */
export async function seedDemoLayanan(db: Db, villages: { code: string; name: string }[]) {
	void db;
	void villages;
}
