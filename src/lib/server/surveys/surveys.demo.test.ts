import { beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, ctxFor } from '../../../../tests/factories';
import { regions, surveyResponses, surveys } from '../db/schema';
import type { Db } from '../db/client';
import { seedDemoSurveys } from '../demo/demo.surveys';
import { getResults } from './surveys.read.actions';

let db: Db;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
});

describe('demo surveys', () => {
	it('seeds an open info-needs survey with 40 responses, a closed public literacy survey with 60 over several kelurahan, and a draft', async () => {
		const petugas = await buildActor(db, 'petugas');
		const villages = await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.level, ['kelurahan'])).orderBy(regions.code);
		expect(villages.length).toBeGreaterThan(5);
		await seedDemoSurveys(db, { petugasId: petugas.userId, villages });
		const rows = await db.select().from(surveys).where(eq(surveys.createdBy, petugas.userId));
		const byTemplate = Object.fromEntries(rows.map((s) => [s.template ?? 'poll', s]));
		expect(byTemplate.info_needs).toMatchObject({ status: 'open', audienceKind: 'all', anonymous: false });
		expect(byTemplate.digital_literacy).toMatchObject({ status: 'closed', resultsPublic: true, anonymous: true });
		expect(byTemplate.poll).toMatchObject({ status: 'draft' });
		const count = async (id: string) => (await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, id))).length;
		expect(await count(byTemplate.info_needs.id)).toBe(40);
		expect(await count(byTemplate.digital_literacy.id)).toBe(60);
		const results = await getResults(ctxFor(db, null), byTemplate.digital_literacy.id);
		expect(results.literacy!.length).toBeGreaterThanOrEqual(4);
		const overall = results.literacy!.at(-1)!;
		expect(overall.responses).toBe(60);
		expect(overall.index).toBeGreaterThan(1);
		expect(overall.index).toBeLessThan(5);
	});
});
