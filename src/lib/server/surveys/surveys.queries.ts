import { and, asc, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { regions, surveyAnswers, surveyQuestions, surveyResponses, surveys, users } from '../db/schema';
import { homeRegion } from '../regions/regions.queries';
import { isUuid } from '../../shared/slug';

export type Survey = typeof surveys.$inferSelect;
export type Question = typeof surveyQuestions.$inferSelect;
export type NewQuestion = Omit<typeof surveyQuestions.$inferInsert, 'surveyId' | 'position'>;

/** A survey by id, or undefined (also for a malformed id). `lock`: a row lock, inside a transaction (true = FOR UPDATE). */
export async function findSurvey(db: Db, id: string, lock: boolean | 'share' = false) {
	if (!isUuid(id)) return undefined;
	const q = db.select().from(surveys).where(eq(surveys.id, id));
	const [row] = lock ? await q.for(lock === 'share' ? 'share' : 'update') : await q;
	return row;
}

/** Questions in order. */
export const listQuestions = (db: Db, surveyId: string) =>
	db.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId)).orderBy(asc(surveyQuestions.position));

/**
 * Surveys for a list. `scope` 'all' (staff) returns every survey; 'public' only open ones and
 * closed ones with published results. Newest first.
 */
export async function listSurveys(db: Db, scope: 'all' | 'public') {
	const where = scope === 'all' ? undefined : or(eq(surveys.status, 'open'), and(eq(surveys.status, 'closed'), eq(surveys.resultsPublic, true)));
	const rows = await db
		// Table-qualified on purpose: Drizzle renders ${surveys.id} unqualified in a one-table select.
		.select({ survey: surveys, questions: sql<number>`(select count(*)::int from survey_questions q where q.survey_id = surveys.id)`, responses: sql<number>`(select count(*)::int from survey_responses r where r.survey_id = surveys.id)` })
		.from(surveys)
		.where(where)
		.orderBy(desc(surveys.createdAt));
	return rows.map((r) => ({ ...r.survey, questionCount: r.questions, responseCount: r.responses }));
}

export async function insertSurvey(db: Db, row: typeof surveys.$inferInsert) {
	const [s] = await db.insert(surveys).values(row).returning();
	return s;
}

export async function updateSurveyRow(db: Db, id: string, set: Partial<typeof surveys.$inferInsert>) {
	const [s] = await db.update(surveys).set(set).where(eq(surveys.id, id)).returning();
	return s;
}

/** Replaces the survey's questions with `questions`, positions 1..n. */
export async function replaceQuestions(db: Db, surveyId: string, questions: NewQuestion[]) {
	await db.delete(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId));
	if (!questions.length) return [];
	return db.insert(surveyQuestions).values(questions.map((q, i) => ({ ...q, surveyId, position: i + 1 }))).returning();
}

export async function insertQuestion(db: Db, surveyId: string, q: NewQuestion) {
	const [{ next }] = await db.select({ next: sql<number>`coalesce(max(${surveyQuestions.position}), 0)::int + 1` }).from(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId));
	const [row] = await db.insert(surveyQuestions).values({ ...q, surveyId, position: next }).returning();
	return row;
}

export const deleteQuestionRow = (db: Db, surveyId: string, questionId: string) =>
	db.delete(surveyQuestions).where(and(eq(surveyQuestions.surveyId, surveyId), eq(surveyQuestions.id, questionId))).returning();

export const setQuestionPosition = (db: Db, questionId: string, position: number) =>
	db.update(surveyQuestions).set({ position }).where(eq(surveyQuestions.id, questionId));

/** Whether this account (or this device key) has answered already. */
export async function hasResponded(db: Db, surveyId: string, who: { userId?: string | null; deviceKey?: string | null }) {
	const cond = who.userId ? eq(surveyResponses.userId, who.userId) : who.deviceKey ? eq(surveyResponses.deviceKey, who.deviceKey) : undefined;
	if (!cond) return false;
	const [row] = await db.select({ id: surveyResponses.id }).from(surveyResponses).where(and(eq(surveyResponses.surveyId, surveyId), cond)).limit(1);
	return !!row;
}

/** Stores a response; undefined when the unique index says this account/device answered first. */
export async function insertResponse(db: Db, row: typeof surveyResponses.$inferInsert, answers: { questionId: string; value: string | number | string[] }[]) {
	const [response] = await db.insert(surveyResponses).values(row).onConflictDoNothing().returning();
	if (!response) return undefined;
	if (answers.length) await db.insert(surveyAnswers).values(answers.map((a) => ({ responseId: response.id, questionId: a.questionId, value: a.value })));
	return response;
}

/**
 * Every response with its answers — the input of aggregates and the CSV. Oldest first, or by id
 * (`byId`, for anonymous surveys: an order that says nothing about when someone answered).
 */
export async function loadResponses(db: Db, surveyId: string, byId = false) {
	const responses = await db
		.select({ id: surveyResponses.id, userId: surveyResponses.userId, kelurahanCode: surveyResponses.kelurahanCode, createdAt: surveyResponses.createdAt })
		.from(surveyResponses)
		.where(eq(surveyResponses.surveyId, surveyId))
		.orderBy(...(byId ? [asc(surveyResponses.id)] : [asc(surveyResponses.createdAt), asc(surveyResponses.id)]));
	const ids = responses.map((r) => r.id);
	const answers = ids.length
		? await db.select({ responseId: surveyAnswers.responseId, questionId: surveyAnswers.questionId, value: surveyAnswers.value }).from(surveyAnswers).innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId)).where(eq(surveyResponses.surveyId, surveyId))
		: [];
	return { responses, answers };
}

/** The account's kelurahan (what audience checks use). */
export async function userKelurahan(db: Db, userId: string) {
	const [row] = await db.select({ code: users.kelurahanCode }).from(users).where(eq(users.id, userId));
	return row?.code ?? null;
}

/** Kelurahan names by code. */
export async function kelurahanNames(db: Db, codes: string[]) {
	if (!codes.length) return new Map<string, string>();
	const rows = await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes));
	return new Map(rows.map((r) => [r.code, r.name]));
}

/** Kelurahan/desa codes among `codes` that exist in the home kota/kabupaten. */
export async function knownVillages(db: Db, codes: string[]) {
	if (!codes.length) return new Set<string>();
	const home = await homeRegion(db);
	const rows = await db
		.select({ code: regions.code })
		.from(regions)
		.where(and(inArray(regions.code, codes), inArray(regions.level, ['kelurahan', 'desa']), like(regions.code, `${home}.%`)));
	return new Set(rows.map((r) => r.code));
}

export async function countResponses(db: Db, surveyId: string) {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));
	return row.n;
}

/**
 * Surveys this account has answered, or this device (`deviceKeyOf(surveyId)`: the key is per
 * survey, so it is checked against each of `surveyIds`).
 */
export async function answeredSurveyIds(db: Db, who: { userId: string | null; deviceKeyOf: ((surveyId: string) => string) | null }, surveyIds: string[]) {
	const keyOf = who.deviceKeyOf;
	const devices = keyOf && surveyIds.length ? or(...surveyIds.map((id) => and(eq(surveyResponses.surveyId, id), eq(surveyResponses.deviceKey, keyOf(id))))) : undefined;
	const conds = [who.userId ? eq(surveyResponses.userId, who.userId) : undefined, devices].filter((c) => c !== undefined);
	if (!conds.length) return new Set<string>();
	const rows = await db.select({ id: surveyResponses.surveyId }).from(surveyResponses).where(or(...conds));
	return new Set(rows.map((r) => r.id));
}
