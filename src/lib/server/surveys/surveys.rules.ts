/**
 * Pure decisions about surveys: the status machine, the builder's checks, answer validation and
 * who may answer. No I/O; the clock is passed in. Problems are returned as kinds (the actions
 * turn them into messages in the request's language).
 */

export const QUESTION_TYPES = ['single_choice', 'multiple_choice', 'scale', 'number', 'text', 'long_text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export type SurveyStatus = 'draft' | 'open' | 'closed';

export const CHOICE_TYPES: readonly QuestionType[] = ['single_choice', 'multiple_choice'];
export const isChoice = (t: QuestionType) => CHOICE_TYPES.includes(t);

export const MAX_QUESTIONS = 100;
export const MAX_OPTIONS = 30;
export const MAX_OPTION_LENGTH = 200;
export const TEXT_MAX = 500;
export const LONG_TEXT_MAX = 5000;
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
/** Sane bounds for a number answer (ages, household sizes, rupiah amounts). */
export const NUMBER_LIMIT = 1_000_000_000_000;

// ---------------------------------------------------------------------------------------------
// Status machine: draft → open → closed; closing is final.

type StatusFacts = { status: SurveyStatus; closesAt: Date | null };

/** The status as residents experience it: an open survey past its closes_at is closed. */
export function effectiveStatus(s: StatusFacts, now: Date): SurveyStatus {
	if (s.status === 'open' && s.closesAt && s.closesAt.getTime() <= now.getTime()) return 'closed';
	return s.status;
}

export type TransitionProblem = 'not_draft' | 'no_questions' | 'closes_in_past' | 'not_open';

/** Why a draft may not be opened (null: it may). */
export function openProblem(s: StatusFacts & { questionCount: number }, now: Date): TransitionProblem | null {
	if (s.status !== 'draft') return 'not_draft';
	if (s.questionCount < 1) return 'no_questions';
	if (s.closesAt && s.closesAt.getTime() <= now.getTime()) return 'closes_in_past';
	return null;
}

/** Why a survey may not be closed (null: it may). An open survey past closes_at may be closed for the record. */
export function closeProblem(s: StatusFacts): TransitionProblem | null {
	return s.status === 'open' ? null : 'not_open';
}

/** Only drafts are edited: once residents answered, the questions stay as they were asked. */
export const isEditable = (s: { status: SurveyStatus }) => s.status === 'draft';

/** Results may be published once the survey has been opened. */
export const mayPublishResults = (s: { status: SurveyStatus }) => s.status !== 'draft';

// ---------------------------------------------------------------------------------------------
// Builder input.

export type QuestionDraft = { type: QuestionType; text: string; options?: string[] | null; required?: boolean };
export type BuilderProblem = { path: string; kind: 'options_missing' | 'options_too_few' | 'options_duplicate' | 'options_not_allowed' | 'options_too_many' | 'option_too_long' | 'questions_too_few' | 'questions_too_many' | 'closes_in_past' | 'codes_missing' | 'codes_not_allowed' };

/** Problems of one question at `path` (e.g. "questions.2"). */
export function questionProblems(q: QuestionDraft, path: string): BuilderProblem[] {
	const options = (q.options ?? []).map((o) => o.trim());
	const out: BuilderProblem[] = [];
	if (isChoice(q.type)) {
		const filled = options.filter(Boolean);
		if (filled.length === 0) out.push({ path: `${path}.options`, kind: 'options_missing' });
		else if (new Set(filled.map((o) => o.toLowerCase())).size !== filled.length) out.push({ path: `${path}.options`, kind: 'options_duplicate' });
		else if (filled.length < 2) out.push({ path: `${path}.options`, kind: 'options_too_few' });
		else if (filled.length > MAX_OPTIONS) out.push({ path: `${path}.options`, kind: 'options_too_many' });
		else if (filled.some((o) => o.length > MAX_OPTION_LENGTH)) out.push({ path: `${path}.options`, kind: 'option_too_long' });
	} else if (options.some(Boolean)) out.push({ path: `${path}.options`, kind: 'options_not_allowed' });
	return out;
}

/**
 * Problems of a survey as built: 1..100 questions (`minQuestions` 0 for a draft started from a
 * form, questions added one by one), valid options per type, closes_at in the future, target
 * kelurahan given exactly for a kelurahan audience.
 */
export function builderProblems(
	input: { questions?: QuestionDraft[]; closesAt?: Date | null; audience?: { kind: 'all' | 'kelurahan'; codes?: string[] } },
	now: Date,
	opts: { minQuestions?: number } = {}
): BuilderProblem[] {
	const out: BuilderProblem[] = [];
	if (input.questions) {
		const min = opts.minQuestions ?? 1;
		if (input.questions.length < min) out.push({ path: 'questions', kind: 'questions_too_few' });
		if (input.questions.length > MAX_QUESTIONS) out.push({ path: 'questions', kind: 'questions_too_many' });
		input.questions.forEach((q, i) => out.push(...questionProblems(q, `questions.${i}`)));
	}
	if (input.closesAt && input.closesAt.getTime() <= now.getTime()) out.push({ path: 'closes_at', kind: 'closes_in_past' });
	if (input.audience) {
		const codes = input.audience.codes ?? [];
		if (input.audience.kind === 'kelurahan' && codes.length === 0) out.push({ path: 'audience.codes', kind: 'codes_missing' });
		if (input.audience.kind === 'all' && codes.length > 0) out.push({ path: 'audience.codes', kind: 'codes_not_allowed' });
	}
	return out;
}

/** Options as stored: trimmed, blanks dropped. */
export const cleanOptions = (type: QuestionType, options?: string[] | null) =>
	isChoice(type) ? (options ?? []).map((o) => o.trim()).filter(Boolean) : [];

// ---------------------------------------------------------------------------------------------
// Answers.

export type QuestionFacts = { id: string; type: QuestionType; options: string[]; required: boolean };
export type AnswerValue = string | number | string[];
export type AnswerProblemKind =
	| 'required' | 'unknown_question' | 'duplicate' | 'not_an_option' | 'choose_one' | 'choose_some'
	| 'scale' | 'number' | 'text' | 'too_long';
export type AnswerProblem = { path: string; kind: AnswerProblemKind; max?: number };

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
const NUMERIC = /^\s*-?\d+([.,]\d+)?\s*$/;
const toNumber = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && NUMERIC.test(v) ? Number(v.trim().replace(',', '.')) : NaN);

/** One answer's stored value, or its problem. `value` is known not to be blank. */
function checkValue(q: QuestionFacts, value: unknown): { value: AnswerValue } | { kind: AnswerProblemKind; max?: number } {
	switch (q.type) {
		case 'single_choice':
			if (typeof value !== 'string') return { kind: 'choose_one' };
			return q.options.includes(value) ? { value } : { kind: 'not_an_option' };
		case 'multiple_choice': {
			const list = Array.isArray(value) ? value : [value];
			if (!list.every((v) => typeof v === 'string')) return { kind: 'choose_some' };
			if (new Set(list).size !== list.length) return { kind: 'duplicate' };
			if (!list.every((v) => q.options.includes(v as string))) return { kind: 'not_an_option' };
			// Stored in the options' order, whatever order they came in.
			return { value: q.options.filter((o) => list.includes(o)) };
		}
		case 'scale': {
			const n = toNumber(value);
			return Number.isInteger(n) && n >= SCALE_MIN && n <= SCALE_MAX ? { value: n } : { kind: 'scale' };
		}
		case 'number': {
			const n = toNumber(value);
			return Number.isFinite(n) && Math.abs(n) <= NUMBER_LIMIT ? { value: n } : { kind: 'number' };
		}
		case 'text':
		case 'long_text': {
			if (typeof value !== 'string') return { kind: 'text' };
			const max = q.type === 'text' ? TEXT_MAX : LONG_TEXT_MAX;
			const t = value.trim();
			if (t.includes('\0')) return { kind: 'text' };
			return t.length <= max ? { value: t } : { kind: 'too_long', max };
		}
	}
}

/**
 * Checks a response against the questions: every answer to a known question at most once, of
 * the right shape for its type, every required question answered. Problems are keyed
 * `answers.<question_id>` (or `answers.<index>` for an unknown or repeated question). Blank
 * answers to optional questions are dropped.
 */
export function validateAnswers(questions: QuestionFacts[], answers: { question_id: string; value: unknown }[]) {
	const byId = new Map(questions.map((q) => [q.id, q]));
	const problems: AnswerProblem[] = [];
	const values = new Map<string, AnswerValue>();
	const seen = new Set<string>();
	answers.forEach((a, i) => {
		const q = byId.get(a.question_id);
		if (!q) return problems.push({ path: `answers.${i}`, kind: 'unknown_question' });
		if (seen.has(q.id)) return problems.push({ path: `answers.${i}`, kind: 'duplicate' });
		seen.add(q.id);
		if (isBlank(a.value)) return;
		const checked = checkValue(q, a.value);
		if ('value' in checked) values.set(q.id, checked.value);
		else problems.push({ path: `answers.${q.id}`, kind: checked.kind, ...(checked.max ? { max: checked.max } : {}) });
	});
	for (const q of questions) {
		if (q.required && !values.has(q.id) && !problems.some((p) => p.path === `answers.${q.id}`)) problems.push({ path: `answers.${q.id}`, kind: 'required' });
	}
	// Problems in question order, unknown/duplicate ones last.
	const order = new Map(questions.map((q, i) => [`answers.${q.id}`, i]));
	problems.sort((a, b) => (order.get(a.path) ?? 1e6) - (order.get(b.path) ?? 1e6));
	return { problems, values };
}

// ---------------------------------------------------------------------------------------------
// Audience: who may answer, and which kelurahan a response counts for.

type AudienceFacts = { anonymous: boolean; audienceKind: 'all' | 'kelurahan'; audienceCodes: string[]; template: string | null };

/** A kelurahan is asked in the form when the survey needs one and the account does not say it. */
export const needsKelurahan = (s: AudienceFacts) => s.audienceKind === 'kelurahan' || s.template === 'digital_literacy';
export const asksKelurahan = (s: AudienceFacts, userKelurahan: string | null) => s.anonymous || !userKelurahan;

/** Whether a survey is meant for this person (lists): anonymous ones are for everyone (the form asks the kelurahan). */
export function isInAudience(s: AudienceFacts, userKelurahan: string | null) {
	return s.audienceKind === 'all' || s.anonymous || (!!userKelurahan && s.audienceCodes.includes(userKelurahan));
}

export type KelurahanDecision =
	| { ok: true; kelurahanCode: string | null }
	| { ok: false; kind: 'not_in_audience' | 'kelurahan_required' | 'kelurahan_not_targeted' };

/**
 * The kelurahan a response counts for. Account surveys use the account's kelurahan (a
 * kelurahan-targeted one refuses non-residents); anonymous ones use the kelurahan given in the
 * form, which must be one of the targeted ones.
 */
export function responseKelurahan(s: AudienceFacts, userKelurahan: string | null, given: string | null): KelurahanDecision {
	if (!s.anonymous) {
		if (s.audienceKind === 'kelurahan') {
			return userKelurahan && s.audienceCodes.includes(userKelurahan) ? { ok: true, kelurahanCode: userKelurahan } : { ok: false, kind: 'not_in_audience' };
		}
		const code = userKelurahan ?? given;
		if (!code && needsKelurahan(s)) return { ok: false, kind: 'kelurahan_required' };
		return { ok: true, kelurahanCode: code ?? null };
	}
	if (!given) return needsKelurahan(s) ? { ok: false, kind: 'kelurahan_required' } : { ok: true, kelurahanCode: null };
	if (s.audienceKind === 'kelurahan' && !s.audienceCodes.includes(given)) return { ok: false, kind: 'kelurahan_not_targeted' };
	return { ok: true, kelurahanCode: given };
}

const WIB_OFFSET = 7 * 3600_000;
const DAY = 24 * 3600_000;
/** 00:00 WIB (UTC+7, no daylight saving) of the WIB day of `at`: the time an anonymous response is stored with. */
export const wibDayStart = (at: Date) => new Date(Math.floor((at.getTime() + WIB_OFFSET) / DAY) * DAY - WIB_OFFSET);
