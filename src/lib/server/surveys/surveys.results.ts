/**
 * Pure result computations: aggregates per question, the digital-literacy index per kelurahan,
 * and CSV cells safe to open in a spreadsheet.
 */
import { SCALE_MAX, SCALE_MIN, type AnswerValue, type QuestionType } from './surveys.rules';

export type ResultQuestion = { id: string; type: QuestionType; text: string; options: string[]; pillar: string | null; section: string | null };
export type ResultAnswer = { responseId: string; questionId: string; value: AnswerValue };
export type ResultResponse = { id: string; kelurahanCode: string | null };

export type QuestionResult =
	| { kind: 'choice'; answered: number; options: { option: string; count: number; share: number }[] }
	| { kind: 'scale'; answered: number; mean: number | null; distribution: { value: number; count: number; share: number }[] }
	| { kind: 'number'; answered: number; mean: number | null; median: number | null; min: number | null; max: number | null }
	| { kind: 'text'; answered: number; texts: string[] };

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
export const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
export function median(xs: number[]) {
	if (!xs.length) return null;
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
const share = (count: number, of: number) => (of ? round((count / of) * 100, 1) : 0);

/**
 * One question's aggregate: counts per option (a multiple-choice share is of the people who
 * answered, so shares add up to more than 100), mean and distribution of a scale, mean and
 * median of a number, the texts (newest last) of a text question.
 */
export function aggregateQuestion(q: ResultQuestion, answers: ResultAnswer[]): QuestionResult {
	const values = answers.filter((a) => a.questionId === q.id).map((a) => a.value);
	const answered = values.length;
	switch (q.type) {
		case 'single_choice':
		case 'multiple_choice': {
			const picked = values.flatMap((v) => (Array.isArray(v) ? v : [String(v)]));
			return { kind: 'choice', answered, options: q.options.map((option) => { const count = picked.filter((p) => p === option).length; return { option, count, share: share(count, answered) }; }) };
		}
		case 'scale': {
			const nums = values.map(Number);
			const distribution = [];
			for (let v = SCALE_MIN; v <= SCALE_MAX; v++) { const count = nums.filter((n) => n === v).length; distribution.push({ value: v, count, share: share(count, answered) }); }
			const m = mean(nums);
			return { kind: 'scale', answered, mean: m === null ? null : round(m), distribution };
		}
		case 'number': {
			const nums = values.map(Number);
			const m = mean(nums);
			return { kind: 'number', answered, mean: m === null ? null : round(m), median: median(nums), min: nums.length ? Math.min(...nums) : null, max: nums.length ? Math.max(...nums) : null };
		}
		default:
			return { kind: 'text', answered, texts: values.map(String) };
	}
}

// ---------------------------------------------------------------------------------------------
// Indeks Literasi Digital.

export const PILLARS = ['kecakapan', 'etika', 'keamanan', 'budaya'] as const;
export type Pillar = (typeof PILLARS)[number];
export const isPillar = (p: unknown): p is Pillar => PILLARS.includes(p as Pillar);

/** A 1–5 mean as 0–100: (mean − 1) / 4 × 100. */
export const toHundred = (m: number) => round(((m - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)) * 100, 1);

export type PillarRow = {
	/** null for the overall row. */
	kelurahanCode: string | null;
	responses: number;
	pillars: Record<Pillar, number | null>;
	/** The mean of the four pillar means (1–5); null unless all four have answers. */
	index: number | null;
	index100: number | null;
};

/**
 * Pillar means per kelurahan and overall: a pillar's mean is the mean of every answer to its
 * scale items in that group; the index is the mean of the four pillar means. Responses without a
 * kelurahan count in the overall row only. Rows are in kelurahan-code order, overall last.
 */
export function literacyTable(questions: ResultQuestion[], responses: ResultResponse[], answers: ResultAnswer[]): PillarRow[] {
	const pillarOf = new Map(questions.filter((q) => q.type === 'scale' && isPillar(q.pillar)).map((q) => [q.id, q.pillar as Pillar]));
	const kelurahanOf = new Map(responses.map((r) => [r.id, r.kelurahanCode]));
	const row = (code: string | null, ids: Set<string>): PillarRow => {
		const buckets = Object.fromEntries(PILLARS.map((p) => [p, [] as number[]])) as Record<Pillar, number[]>;
		for (const a of answers) {
			const pillar = pillarOf.get(a.questionId);
			if (pillar && ids.has(a.responseId)) buckets[pillar].push(Number(a.value));
		}
		const raw = PILLARS.map((p) => mean(buckets[p]));
		const pillars = Object.fromEntries(PILLARS.map((p, i) => [p, raw[i] === null ? null : round(raw[i]!)])) as Record<Pillar, number | null>;
		// From the unrounded pillar means, rounded once at the end.
		const index = raw.every((v) => v !== null) ? mean(raw as number[])! : null;
		return { kelurahanCode: code, responses: ids.size, pillars, index: index === null ? null : round(index), index100: index === null ? null : toHundred(index) };
	};
	const codes = [...new Set(responses.map((r) => r.kelurahanCode).filter((c): c is string => !!c))].sort();
	const rows = codes.map((code) => row(code, new Set(responses.filter((r) => kelurahanOf.get(r.id) === code).map((r) => r.id))));
	rows.push(row(null, new Set(responses.map((r) => r.id))));
	return rows;
}

/**
 * Public results hide small groups: a kelurahan row with fewer than `min` responses could point
 * at a neighbour's answers. So that the hidden ones cannot be worked out by subtracting the shown
 * rows from the overall row, the responses not shown (hidden rows and those without a kelurahan)
 * must number 0 or at least `min`: the smallest shown rows are hidden too until they do, and if even
 * hiding every kelurahan leaves fewer than `min`, the overall row keeps its count but not its
 * means. Staff see every row.
 */
export const MIN_PUBLIC_GROUP = 5;
export function publicRows(rows: PillarRow[], min = MIN_PUBLIC_GROUP): PillarRow[] {
	const overall = rows.find((r) => r.kelurahanCode === null);
	const shown = rows.filter((r) => r.kelurahanCode !== null && r.responses >= min).sort((a, b) => a.responses - b.responses || a.kelurahanCode!.localeCompare(b.kelurahanCode!));
	const total = overall?.responses ?? 0;
	let unseen = total - shown.reduce((n, r) => n + r.responses, 0);
	while (unseen > 0 && unseen < min && shown.length) unseen += shown.shift()!.responses;
	const keep = new Set(shown);
	return rows.flatMap((r) => {
		if (r.kelurahanCode !== null) return keep.has(r) ? [r] : [];
		if (unseen > 0 && unseen < min) return [{ ...r, pillars: Object.fromEntries(PILLARS.map((p) => [p, null])) as Record<Pillar, number | null>, index: null, index100: null }];
		return [r];
	});
}

// ---------------------------------------------------------------------------------------------
// CSV.

/**
 * One CSV cell: text starting with = + - @ (or a tab / carriage return) gets a leading ' so a
 * spreadsheet shows it instead of running it as a formula; then RFC 4180 quoting. Numbers we
 * computed are written as they are.
 */
export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	let s = value;
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (cells: (string | number | null | undefined)[]) => cells.map(csvCell).join(',');

/** An answer as one cell: choices joined with "; ". */
export const answerCell = (v: AnswerValue | undefined) => (v === undefined ? null : Array.isArray(v) ? v.join('; ') : v);
