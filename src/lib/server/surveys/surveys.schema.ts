import { z } from '@hono/zod-openapi';
import { m } from '../../paraglide/messages.js';
import { optionalText, text } from '../validation';
import { QUESTION_TYPES } from './surveys.rules';
import { PILLARS } from './surveys.results';
import { TEMPLATES } from './surveys.templates';

/**
 * Inputs of the survey feature. The API takes JSON; the petugas pages send the same fields as
 * strings (handled by the preprocessors). Rules that need the clock or the whole survey (option
 * counts, closes_at in the future, audience codes) run in the action through surveys.rules.
 */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const boolish = (v: unknown) => (v === 'on' || v === 'true' || v === '1' ? true : v === 'false' || v === '0' || v === '' ? false : v);

const KELURAHAN_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
const kelurahanCode = () => z.string({ error: () => m.err_kelurahan_unknown() }).trim().regex(KELURAHAN_CODE, { error: () => m.err_kelurahan_unknown() });

export const QuestionSchema = z
	.object({
		type: z.enum(QUESTION_TYPES, { error: () => m.survey_err_type() }),
		text: text(500),
		options: z.array(z.string().trim().max(200, { error: () => m.survey_err_option_too_long() })).max(100).nullable().optional(),
		required: z.preprocess(boolish, z.boolean()).default(true),
		section: optionalText(200),
		help: optionalText(500),
		pillar: z.preprocess(blankToUndefined, z.enum(PILLARS).nullable().optional()).transform((v) => v ?? null)
	})
	.openapi('SurveyQuestionInput');
export type QuestionInput = z.infer<typeof QuestionSchema>;

const AudienceSchema = z.object({
	kind: z.enum(['all', 'kelurahan'], { error: () => m.survey_err_audience() }),
	codes: z.array(kelurahanCode()).max(100).optional()
});

const closesAt = () =>
	z.preprocess(blankToUndefined, z.iso.datetime({ offset: true, error: () => m.survey_err_closes_at() }).nullable().optional())
		.transform((v) => (v ? new Date(v) : null))
		.openapi({ type: 'string', format: 'date-time', description: 'Must be in the future; an open survey past it takes no more answers' });

export const CreateSurveySchema = z
	.object({
		title: text(200).optional().openapi({ description: 'Required unless a template gives it', example: 'Survei Kebutuhan Informasi Warga' }),
		description: optionalText(2000),
		audience: AudienceSchema.default({ kind: 'all' }),
		anonymous: z.boolean().optional().openapi({ description: 'One response per device (hashed cookie) instead of per account; defaults to the template’s choice or false' }),
		closes_at: closesAt(),
		template: z.enum(TEMPLATES, { error: () => m.survey_err_template() }).optional().openapi({ description: 'Start from a ready template (its questions unless `questions` is given)' }),
		questions: z.array(QuestionSchema).optional().openapi({ description: '1–100 questions (required unless a template is given)' })
	})
	.openapi('CreateSurveyInput');
export type CreateSurvey = z.infer<typeof CreateSurveySchema>;

/** PATCH keeps what is left out: only a given null (or "") clears the description or closes_at. */
const patchClear = <T extends z.ZodType>(schema: T) =>
	z.union([schema, z.null(), z.literal('')]).optional().transform((v) => (v === undefined ? undefined : v === '' ? null : v));

export const UpdateSurveySchema = z
	.object({
		title: text(200).optional(),
		description: patchClear(z.string().trim().max(2000).refine((s) => !s.includes('\0'), { error: () => m.err_invalid() }))
			.transform((v) => (v === '' ? null : v)).openapi({ type: 'string' }),
		audience: AudienceSchema.optional(),
		anonymous: z.boolean().optional(),
		closes_at: patchClear(z.iso.datetime({ offset: true, error: () => m.survey_err_closes_at() }))
			.transform((v) => (typeof v === 'string' ? new Date(v) : v))
			.openapi({ type: 'string', format: 'date-time' }),
		questions: z.array(QuestionSchema).optional().openapi({ description: 'When given, replaces every question' })
	})
	.openapi('UpdateSurveyInput');
export type UpdateSurvey = z.infer<typeof UpdateSurveySchema>;

export const SubmitResponseSchema = z
	.object({
		answers: z.array(z.object({ question_id: z.string().max(64), value: z.union([z.string().max(10_000), z.number(), z.array(z.string().max(500)).max(100), z.null()]) })).max(200),
		kelurahan_code: z.preprocess(blankToUndefined, kelurahanCode().nullable().optional()).transform((v) => v ?? null)
			.openapi({ type: 'string', description: 'For anonymous surveys (and accounts without a kelurahan): the kelurahan the respondent lives in' })
	})
	.openapi('SurveyResponseInput');
export type SubmitResponse = z.infer<typeof SubmitResponseSchema>;

/** A survey id in a path. Not validated as a UUID here: a malformed id names no survey, so it is a 404 (findSurvey), not a 400. */
export const SurveyIdParam = z.object({
	id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid', example: '0b9f6c1e-0000-4000-8000-000000000000' })
});

/** The petugas page's survey settings form (strings; codes as a checkbox list). */
export const SurveySettingsFormSchema = z.object({
	title: text(200),
	description: optionalText(2000),
	audience_kind: z.enum(['all', 'kelurahan'], { error: () => m.survey_err_audience() }).default('all'),
	audience_codes: z.array(kelurahanCode()).max(100).default([]),
	anonymous: z.preprocess(boolish, z.boolean()).default(false),
	closes_on: z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => m.survey_err_closes_at() }).optional())
});
export type SurveySettingsForm = z.infer<typeof SurveySettingsFormSchema>;

/** The builder's "add a question" form: options one per line. */
export const QuestionFormSchema = z.object({
	type: z.enum(QUESTION_TYPES, { error: () => m.survey_err_type() }),
	text: text(500),
	options: z.preprocess((v) => (typeof v === 'string' ? v.split(/\r?\n/) : v), z.array(z.string().trim().max(200, { error: () => m.survey_err_option_too_long() })).max(100)).default([]),
	required: z.preprocess(boolish, z.boolean()).default(false),
	section: optionalText(200),
	help: optionalText(500)
});
