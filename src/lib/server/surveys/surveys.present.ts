import { z } from '@hono/zod-openapi';
import { effectiveStatus, QUESTION_TYPES } from './surveys.rules';
import { PILLARS, type PillarRow, type QuestionResult } from './surveys.results';
import type { Question, Survey } from './surveys.queries';

export const QuestionOut = z
	.object({
		id: z.uuid(), position: z.number().int(), section: z.string().nullable(), type: z.enum(QUESTION_TYPES), text: z.string(),
		help: z.string().nullable(), options: z.array(z.string()), required: z.boolean(), pillar: z.string().nullable()
	})
	.openapi('SurveyQuestion');

export const SurveyOut = z
	.object({
		id: z.uuid(),
		title: z.string(),
		description: z.string().nullable(),
		status: z.enum(['draft', 'open', 'closed']).openapi({ description: 'An open survey past closes_at is shown as closed' }),
		audience: z.object({ kind: z.enum(['all', 'kelurahan']), codes: z.array(z.string()) }),
		anonymous: z.boolean(),
		results_public: z.boolean(),
		template: z.string().nullable(),
		closes_at: z.string().nullable(),
		opened_at: z.string().nullable(),
		closed_at: z.string().nullable(),
		created_at: z.string(),
		questions: z.array(QuestionOut)
	})
	.openapi('Survey');
export type SurveyView = z.infer<typeof SurveyOut>;

export const SurveySummaryOut = SurveyOut.omit({ questions: true }).extend({ question_count: z.number().int(), response_count: z.number().int().optional() }).openapi('SurveySummary');

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentQuestion = (q: Question) => ({
	id: q.id, position: q.position, section: q.section, type: q.type, text: q.text, help: q.help, options: q.options, required: q.required, pillar: q.pillar
});

function presentBase(s: Survey, now: Date) {
	return {
		id: s.id,
		title: s.title,
		description: s.description,
		status: effectiveStatus(s, now),
		audience: { kind: s.audienceKind, codes: s.audienceCodes },
		anonymous: s.anonymous,
		results_public: s.resultsPublic,
		template: s.template,
		closes_at: iso(s.closesAt),
		opened_at: iso(s.openedAt),
		closed_at: iso(s.closedAt),
		created_at: s.createdAt.toISOString()
	};
}

export const presentSurvey = (s: Survey, questions: Question[], now: Date): SurveyView => ({ ...presentBase(s, now), questions: questions.map(presentQuestion) });

/** A list item; the response count only for staff. */
export const presentSummary = (s: Survey & { questionCount: number; responseCount: number }, now: Date, staff: boolean) => ({
	...presentBase(s, now),
	question_count: s.questionCount,
	...(staff ? { response_count: s.responseCount } : {})
});

const ResultOut = z.union([
	z.object({ kind: z.literal('choice'), answered: z.number().int(), options: z.array(z.object({ option: z.string(), count: z.number().int(), share: z.number() })) }),
	z.object({ kind: z.literal('scale'), answered: z.number().int(), mean: z.number().nullable(), distribution: z.array(z.object({ value: z.number().int(), count: z.number().int(), share: z.number() })) }),
	z.object({ kind: z.literal('number'), answered: z.number().int(), mean: z.number().nullable(), median: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable() }),
	z.object({ kind: z.literal('text'), answered: z.number().int(), texts: z.array(z.string()).optional().openapi({ description: 'Staff only' }) })
]);

const PillarRowOut = z.object({
	kelurahan: z.object({ code: z.string(), name: z.string() }).nullable().openapi({ description: 'null: overall' }),
	responses: z.number().int(),
	pillars: z.object(Object.fromEntries(PILLARS.map((p) => [p, z.number().nullable()])) as Record<(typeof PILLARS)[number], z.ZodNullable<z.ZodNumber>>),
	index: z.number().nullable().openapi({ description: 'Mean of the four pillar means, 1–5' }),
	index_100: z.number().nullable().openapi({ description: '(index − 1) / 4 × 100' })
});

export const ResultsOut = z
	.object({
		survey: SurveyOut.omit({ questions: true }),
		responses: z.number().int(),
		questions: z.array(QuestionOut.extend({ result: ResultOut })),
		literacy: z.array(PillarRowOut).nullable().openapi({ description: 'Digital-literacy pillar means per kelurahan and overall (last); public results leave out kelurahan with fewer than 5 responses (and more, so that none can be worked out by subtraction)' }),
		withheld: z.boolean().openapi({ description: 'Public results of fewer than 5 responses: only the count, no questions or literacy table' })
	})
	.openapi('SurveyResults');
export type ResultsView = z.infer<typeof ResultsOut>;

export function presentResults(
	s: Survey, now: Date, responses: number,
	questions: { q: Question; result: QuestionResult }[],
	literacy: PillarRow[] | null, names: Map<string, string>, withTexts: boolean, withheld = false
): ResultsView {
	return {
		survey: presentBase(s, now),
		responses,
		withheld,
		questions: questions.map(({ q, result }) => ({ ...presentQuestion(q), result: result.kind === 'text' && !withTexts ? { kind: 'text' as const, answered: result.answered } : result })),
		literacy: literacy?.map((r) => ({
			kelurahan: r.kelurahanCode ? { code: r.kelurahanCode, name: names.get(r.kelurahanCode) ?? r.kelurahanCode } : null,
			responses: r.responses, pillars: r.pillars, index: r.index, index_100: r.index100
		})) ?? null
	};
}
