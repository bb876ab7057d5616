import type { Db } from '../db/client';

/** Demo surveys made from the two templates, with responses (issue 5). */
export async function seedDemoSurveys(db: Db, input: { petugasId: string; villages: { code: string; name: string }[] }) {
	void db;
	void input;
}
