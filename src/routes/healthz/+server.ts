import { sql } from 'drizzle-orm';
import { getRuntime } from '$lib/server/runtime';

/** 200 when the database answers, 503 otherwise. */
export async function GET() {
	try {
		const { database } = await getRuntime();
		await database.db.execute(sql`select 1`);
		return Response.json({ status: 'ok', engine: database.engine });
	} catch {
		return Response.json({ status: 'unavailable' }, { status: 503 });
	}
}
