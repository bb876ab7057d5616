import { describe, expect, it } from 'vitest';
import {
	asksKelurahan, builderProblems, cleanOptions, closeProblem, effectiveStatus, isEditable, isInAudience, mayPublishResults,
	MAX_QUESTIONS, needsKelurahan, openProblem, questionProblems, responseKelurahan, validateAnswers, wibDayStart, type QuestionFacts, type SurveyStatus
} from './surveys.rules';
import { deviceKeyOf } from './surveys.respond';

const NOW = new Date('2026-11-28T03:00:00Z');
const past = new Date(NOW.getTime() - 1000);
const future = new Date(NOW.getTime() + 86_400_000);
const STATUSES: SurveyStatus[] = ['draft', 'open', 'closed'];

describe('status machine', () => {
	it('an open survey past closes_at is closed; nothing else changes', () => {
		expect(effectiveStatus({ status: 'open', closesAt: past }, NOW)).toBe('closed');
		expect(effectiveStatus({ status: 'open', closesAt: NOW }, NOW)).toBe('closed');
		expect(effectiveStatus({ status: 'open', closesAt: future }, NOW)).toBe('open');
		expect(effectiveStatus({ status: 'open', closesAt: null }, NOW)).toBe('open');
		expect(effectiveStatus({ status: 'draft', closesAt: past }, NOW)).toBe('draft');
		expect(effectiveStatus({ status: 'closed', closesAt: future }, NOW)).toBe('closed');
	});

	it('only a draft with a question and no past closes_at opens', () => {
		for (const status of STATUSES) {
			const p = openProblem({ status, closesAt: null, questionCount: 3 }, NOW);
			expect(p).toBe(status === 'draft' ? null : 'not_draft');
		}
		expect(openProblem({ status: 'draft', closesAt: null, questionCount: 0 }, NOW)).toBe('no_questions');
		expect(openProblem({ status: 'draft', closesAt: past, questionCount: 1 }, NOW)).toBe('closes_in_past');
		expect(openProblem({ status: 'draft', closesAt: future, questionCount: 1 }, NOW)).toBeNull();
	});

	it('only an open survey closes; closing is final', () => {
		expect(closeProblem({ status: 'open', closesAt: null })).toBeNull();
		expect(closeProblem({ status: 'open', closesAt: past })).toBeNull();
		expect(closeProblem({ status: 'draft', closesAt: null })).toBe('not_open');
		expect(closeProblem({ status: 'closed', closesAt: null })).toBe('not_open');
		expect(openProblem({ status: 'closed', closesAt: null, questionCount: 2 }, NOW)).toBe('not_draft');
	});

	it('drafts are editable; results publish once opened', () => {
		expect(STATUSES.map((status) => isEditable({ status }))).toEqual([true, false, false]);
		expect(STATUSES.map((status) => mayPublishResults({ status }))).toEqual([false, true, true]);
	});
});

describe('builder input', () => {
	const q = (type: QuestionFacts['type'], options?: string[]) => ({ type, text: 'Pertanyaan', options });
	it('choice questions need ≥ 2 distinct, non-blank options', () => {
		for (const type of ['single_choice', 'multiple_choice'] as const) {
			expect(questionProblems(q(type, ['Ya', 'Tidak']), 'q')).toEqual([]);
			expect(questionProblems(q(type), 'q')).toEqual([{ path: 'q.options', kind: 'options_missing' }]);
			expect(questionProblems(q(type, ['', '  ']), 'q')[0].kind).toBe('options_missing');
			expect(questionProblems(q(type, ['Ya']), 'q')[0].kind).toBe('options_too_few');
			expect(questionProblems(q(type, ['Ya', ' ya ']), 'q')[0].kind).toBe('options_duplicate');
			expect(questionProblems(q(type, ['Ya', '', 'Tidak']), 'q')).toEqual([]);
			expect(questionProblems(q(type, Array.from({ length: 31 }, (_, i) => `P${i}`)), 'q')[0].kind).toBe('options_too_many');
			expect(questionProblems(q(type, ['Ya', 'x'.repeat(201)]), 'q')[0].kind).toBe('option_too_long');
		}
	});

	it('other types take no options', () => {
		for (const type of ['scale', 'number', 'text', 'long_text'] as const) {
			expect(questionProblems(q(type), 'q')).toEqual([]);
			expect(questionProblems(q(type, []), 'q')).toEqual([]);
			expect(questionProblems(q(type, ['', ' ']), 'q')).toEqual([]);
			expect(questionProblems(q(type, ['A']), 'q')).toEqual([{ path: 'q.options', kind: 'options_not_allowed' }]);
		}
	});

	it('1..100 questions, closes_at in the future, codes exactly for a kelurahan audience', () => {
		expect(builderProblems({ questions: [] }, NOW)).toEqual([{ path: 'questions', kind: 'questions_too_few' }]);
		expect(builderProblems({ questions: [] }, NOW, { minQuestions: 0 })).toEqual([]);
		expect(builderProblems({ questions: Array.from({ length: MAX_QUESTIONS }, () => q('text')) }, NOW)).toEqual([]);
		expect(builderProblems({ questions: Array.from({ length: MAX_QUESTIONS + 1 }, () => q('text')) }, NOW)).toEqual([{ path: 'questions', kind: 'questions_too_many' }]);
		expect(builderProblems({ questions: [q('text'), q('single_choice', ['A'])] }, NOW)).toEqual([{ path: 'questions.1.options', kind: 'options_too_few' }]);
		expect(builderProblems({ closesAt: past }, NOW)).toEqual([{ path: 'closes_at', kind: 'closes_in_past' }]);
		expect(builderProblems({ closesAt: future }, NOW)).toEqual([]);
		expect(builderProblems({ closesAt: null }, NOW)).toEqual([]);
		expect(builderProblems({ audience: { kind: 'kelurahan', codes: [] } }, NOW)).toEqual([{ path: 'audience.codes', kind: 'codes_missing' }]);
		expect(builderProblems({ audience: { kind: 'kelurahan' } }, NOW)).toEqual([{ path: 'audience.codes', kind: 'codes_missing' }]);
		expect(builderProblems({ audience: { kind: 'all', codes: ['33.71.01.1001'] } }, NOW)).toEqual([{ path: 'audience.codes', kind: 'codes_not_allowed' }]);
		expect(builderProblems({ audience: { kind: 'kelurahan', codes: ['33.71.01.1001'] } }, NOW)).toEqual([]);
		expect(builderProblems({ questions: undefined }, NOW)).toEqual([]);
	});

	it('stores trimmed options for choices and none for the rest', () => {
		expect(cleanOptions('single_choice', [' Ya ', '', 'Tidak'])).toEqual(['Ya', 'Tidak']);
		expect(cleanOptions('scale', ['x'])).toEqual([]);
		expect(cleanOptions('multiple_choice', null)).toEqual([]);
	});
});

describe('answers', () => {
	const Q: QuestionFacts[] = [
		{ id: 'single', type: 'single_choice', options: ['Ya', 'Tidak'], required: true },
		{ id: 'multi', type: 'multiple_choice', options: ['A', 'B', 'C'], required: true },
		{ id: 'scale', type: 'scale', options: [], required: true },
		{ id: 'number', type: 'number', options: [], required: false },
		{ id: 'text', type: 'text', options: [], required: false },
		{ id: 'long', type: 'long_text', options: [], required: false }
	];
	const good = [
		{ question_id: 'single', value: 'Ya' },
		{ question_id: 'multi', value: ['C', 'A'] },
		{ question_id: 'scale', value: 4 }
	];
	const problemsOf = (answers: { question_id: string; value: unknown }[], questions = Q) =>
		validateAnswers(questions, answers).problems.map((p) => `${p.path}:${p.kind}`);
	const with_ = (id: string, value: unknown) => [...good.filter((a) => a.question_id !== id), { question_id: id, value }];

	it('accepts a good response and stores choices in option order', () => {
		const { problems, values } = validateAnswers(Q, [...good, { question_id: 'number', value: '2,5' }, { question_id: 'text', value: '  halo  ' }, { question_id: 'long', value: '' }]);
		expect(problems).toEqual([]);
		expect(Object.fromEntries(values)).toEqual({ single: 'Ya', multi: ['A', 'C'], scale: 4, number: 2.5, text: 'halo' });
	});

	it('requires required questions (blank values count as missing)', () => {
		expect(problemsOf([])).toEqual(['answers.single:required', 'answers.multi:required', 'answers.scale:required']);
		expect(problemsOf(with_('single', ''))).toEqual(['answers.single:required']);
		expect(problemsOf(with_('single', null))).toEqual(['answers.single:required']);
		expect(problemsOf(with_('multi', []))).toEqual(['answers.multi:required']);
		expect(problemsOf(good)).toEqual([]);
	});

	it('single choice: one of the options', () => {
		expect(problemsOf(with_('single', 'Mungkin'))).toEqual(['answers.single:not_an_option']);
		expect(problemsOf(with_('single', 'ya'))).toEqual(['answers.single:not_an_option']);
		expect(problemsOf(with_('single', ['Ya']))).toEqual(['answers.single:choose_one']);
		expect(problemsOf(with_('single', 1))).toEqual(['answers.single:choose_one']);
	});

	it('multiple choice: a non-repeating subset of the options (a single string is one pick)', () => {
		expect(problemsOf(with_('multi', 'B'))).toEqual([]);
		expect(problemsOf(with_('multi', ['A', 'D']))).toEqual(['answers.multi:not_an_option']);
		expect(problemsOf(with_('multi', ['A', 'A']))).toEqual(['answers.multi:duplicate']);
		expect(problemsOf(with_('multi', [1]))).toEqual(['answers.multi:choose_some']);
		const optional = Q.map((q) => (q.id === 'multi' ? { ...q, required: false } : q));
		expect(problemsOf(with_('multi', []), optional)).toEqual([]);
	});

	it('scale: an integer 1..5 (digit strings from forms too)', () => {
		for (const ok of [1, 2, 3, 4, 5, '3', ' 5 ']) expect(problemsOf(with_('scale', ok))).toEqual([]);
		for (const bad of [0, 6, 2.5, -1, 'tiga', '2.5', Number.NaN, Infinity, ['3'], true]) expect(problemsOf(with_('scale', bad))).toEqual(['answers.scale:scale']);
	});

	it('number: finite and within sane bounds', () => {
		for (const ok of [0, -3, 2.75, 1e12, '42', '-7', '3,5']) expect(problemsOf([...good, { question_id: 'number', value: ok }])).toEqual([]);
		for (const bad of [Infinity, -Infinity, Number.NaN, 1e12 + 1, '1e5', 'dua', '0x10', ['1']]) expect(problemsOf([...good, { question_id: 'number', value: bad }])).toEqual(['answers.number:number']);
	});

	it('text ≤ 500 and long text ≤ 5000 characters (after trimming), strings only', () => {
		expect(problemsOf([...good, { question_id: 'text', value: 'x'.repeat(500) }])).toEqual([]);
		expect(validateAnswers(Q, [...good, { question_id: 'text', value: 'x'.repeat(501) }]).problems).toEqual([{ path: 'answers.text', kind: 'too_long', max: 500 }]);
		expect(problemsOf([...good, { question_id: 'text', value: `  ${'x'.repeat(500)}  ` }])).toEqual([]);
		expect(problemsOf([...good, { question_id: 'long', value: 'x'.repeat(5000) }])).toEqual([]);
		expect(problemsOf([...good, { question_id: 'long', value: 'x'.repeat(5001) }])).toEqual(['answers.long:too_long']);
		expect(problemsOf([...good, { question_id: 'text', value: 5 }])).toEqual(['answers.text:text']);
		expect(problemsOf([...good, { question_id: 'text', value: ['a'] }])).toEqual(['answers.text:text']);
		expect(problemsOf([...good, { question_id: 'text', value: 'a\0b' }])).toEqual(['answers.text:text']);
	});

	it('refuses unknown and repeated questions by index, and lists problems in question order', () => {
		expect(problemsOf([...good, { question_id: 'nope', value: 'x' }])).toEqual(['answers.3:unknown_question']);
		expect(problemsOf([...good, { question_id: 'single', value: 'Tidak' }])).toEqual(['answers.3:duplicate']);
		expect(problemsOf([{ question_id: 'nope', value: 1 }, { question_id: 'scale', value: 9 }])).toEqual(['answers.single:required', 'answers.multi:required', 'answers.scale:scale', 'answers.0:unknown_question']);
	});

	it('a question with a bad value is not also reported as missing', () => {
		expect(problemsOf(with_('scale', 7))).toEqual(['answers.scale:scale']);
	});
});

describe('audience', () => {
	const base = { anonymous: false, audienceKind: 'all' as const, audienceCodes: [] as string[], template: null as string | null };
	const kel = { ...base, audienceKind: 'kelurahan' as const, audienceCodes: ['K1', 'K2'] };
	const anon = { ...base, anonymous: true };
	const anonKel = { ...kel, anonymous: true };
	const literacy = { ...base, template: 'digital_literacy' };

	it('who a survey is for (lists)', () => {
		expect(isInAudience(base, null)).toBe(true);
		expect(isInAudience(kel, 'K1')).toBe(true);
		expect(isInAudience(kel, 'K3')).toBe(false);
		expect(isInAudience(kel, null)).toBe(false);
		expect(isInAudience(anonKel, 'K3')).toBe(true);
		expect(isInAudience(anonKel, null)).toBe(true);
	});

	it('when the form asks the kelurahan', () => {
		expect(needsKelurahan(base)).toBe(false);
		expect(needsKelurahan(kel)).toBe(true);
		expect(needsKelurahan(literacy)).toBe(true);
		expect(asksKelurahan(base, 'K1')).toBe(false);
		expect(asksKelurahan(base, null)).toBe(true);
		expect(asksKelurahan(anon, 'K1')).toBe(true);
	});

	it('account surveys: the account’s kelurahan; a kelurahan audience refuses others', () => {
		expect(responseKelurahan(base, 'K1', 'K9')).toEqual({ ok: true, kelurahanCode: 'K1' });
		expect(responseKelurahan(base, null, 'K9')).toEqual({ ok: true, kelurahanCode: 'K9' });
		expect(responseKelurahan(base, null, null)).toEqual({ ok: true, kelurahanCode: null });
		expect(responseKelurahan(literacy, null, null)).toEqual({ ok: false, kind: 'kelurahan_required' });
		expect(responseKelurahan(kel, 'K2', null)).toEqual({ ok: true, kelurahanCode: 'K2' });
		expect(responseKelurahan(kel, 'K3', 'K1')).toEqual({ ok: false, kind: 'not_in_audience' });
		expect(responseKelurahan(kel, null, 'K1')).toEqual({ ok: false, kind: 'not_in_audience' });
	});

	it('anonymous surveys: the kelurahan given in the form, within the target', () => {
		expect(responseKelurahan(anon, 'K1', null)).toEqual({ ok: true, kelurahanCode: null });
		expect(responseKelurahan(anon, null, 'K5')).toEqual({ ok: true, kelurahanCode: 'K5' });
		expect(responseKelurahan({ ...anon, template: 'digital_literacy' }, null, null)).toEqual({ ok: false, kind: 'kelurahan_required' });
		expect(responseKelurahan(anonKel, null, null)).toEqual({ ok: false, kind: 'kelurahan_required' });
		expect(responseKelurahan(anonKel, null, 'K3')).toEqual({ ok: false, kind: 'kelurahan_not_targeted' });
		expect(responseKelurahan(anonKel, 'K3', 'K2')).toEqual({ ok: true, kelurahanCode: 'K2' });
	});
});

describe('anonymous responses', () => {
	it('are stored with the start of their WIB day only', () => {
		expect(wibDayStart(new Date('2026-11-28T03:00:00Z')).toISOString()).toBe('2026-11-27T17:00:00.000Z');
		// 23:30 UTC is already the next day in WIB.
		expect(wibDayStart(new Date('2026-11-28T23:30:00Z')).toISOString()).toBe('2026-11-28T17:00:00.000Z');
		expect(wibDayStart(new Date('2026-11-28T16:59:59Z')).toISOString()).toBe('2026-11-27T17:00:00.000Z');
	});

	it('get a device key per survey and secret', () => {
		const token = 'a'.repeat(43);
		expect(deviceKeyOf('s', 'survey-1', token)).toMatch(/^[0-9a-f]{64}$/);
		expect(deviceKeyOf('s', 'survey-1', token)).not.toBe(deviceKeyOf('s', 'survey-2', token));
		expect(deviceKeyOf('s', 'survey-1', token)).not.toBe(deviceKeyOf('t', 'survey-1', token));
	});
});
