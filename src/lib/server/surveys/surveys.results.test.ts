import { describe, expect, it } from 'vitest';
import { aggregateQuestion, answerCell, csvCell, csvRow, literacyTable, mean, median, publicRows, toHundred, type ResultAnswer, type ResultQuestion } from './surveys.results';
import { TEMPLATE_CONTENT } from './surveys.templates';
import { builderProblems } from './surveys.rules';

const q = (id: string, type: ResultQuestion['type'], options: string[] = [], pillar: string | null = null): ResultQuestion => ({ id, type, text: id, options, pillar, section: null });
const a = (responseId: string, questionId: string, value: ResultAnswer['value']): ResultAnswer => ({ responseId, questionId, value });

describe('aggregates', () => {
	it('mean and median', () => {
		expect(mean([])).toBeNull();
		expect(mean([1, 2, 3, 4])).toBe(2.5);
		expect(median([])).toBeNull();
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	it('single choice: counts per option in option order, shares of those who answered', () => {
		const r = aggregateQuestion(q('s', 'single_choice', ['Ya', 'Tidak', 'Ragu']), [a('1', 's', 'Ya'), a('2', 's', 'Tidak'), a('3', 's', 'Ya'), a('3', 'x', 'Ya')]);
		expect(r).toEqual({ kind: 'choice', answered: 3, options: [{ option: 'Ya', count: 2, share: 66.7 }, { option: 'Tidak', count: 1, share: 33.3 }, { option: 'Ragu', count: 0, share: 0 }] });
	});

	it('multiple choice: each pick counts; shares may add up past 100', () => {
		const r = aggregateQuestion(q('m', 'multiple_choice', ['A', 'B']), [a('1', 'm', ['A', 'B']), a('2', 'm', ['A'])]);
		expect(r).toEqual({ kind: 'choice', answered: 2, options: [{ option: 'A', count: 2, share: 100 }, { option: 'B', count: 1, share: 50 }] });
	});

	it('scale: mean and the 1..5 distribution; nothing answered → null mean', () => {
		const r = aggregateQuestion(q('s', 'scale'), [a('1', 's', 5), a('2', 's', 4), a('3', 's', 4), a('4', 's', 1)]);
		expect(r.kind === 'scale' && r.mean).toBe(3.5);
		expect(r.kind === 'scale' && r.distribution.map((d) => d.count)).toEqual([1, 0, 0, 2, 1]);
		expect(r.kind === 'scale' && r.distribution[3].share).toBe(50);
		expect(aggregateQuestion(q('s', 'scale'), [])).toEqual({ kind: 'scale', answered: 0, mean: null, distribution: [1, 2, 3, 4, 5].map((value) => ({ value, count: 0, share: 0 })) });
	});

	it('number: mean, median, min and max', () => {
		expect(aggregateQuestion(q('n', 'number'), [a('1', 'n', 2), a('2', 'n', 10), a('3', 'n', 3)])).toEqual({ kind: 'number', answered: 3, mean: 5, median: 3, min: 2, max: 10 });
		expect(aggregateQuestion(q('n', 'number'), [])).toEqual({ kind: 'number', answered: 0, mean: null, median: null, min: null, max: null });
	});

	it('text: the answers listed', () => {
		expect(aggregateQuestion(q('t', 'long_text'), [a('1', 't', 'satu'), a('2', 't', 'dua')])).toEqual({ kind: 'text', answered: 2, texts: ['satu', 'dua'] });
	});
});

describe('digital-literacy index', () => {
	const questions = [
		q('k1', 'scale', [], 'kecakapan'), q('k2', 'scale', [], 'kecakapan'),
		q('e1', 'scale', [], 'etika'), q('s1', 'scale', [], 'keamanan'), q('b1', 'scale', [], 'budaya'),
		q('other', 'scale'), q('choice', 'single_choice', ['x', 'y'], 'kecakapan')
	];
	const answersOf = (r: string, k1: number, k2: number, e: number, s: number, b: number) =>
		[a(r, 'k1', k1), a(r, 'k2', k2), a(r, 'e1', e), a(r, 's1', s), a(r, 'b1', b), a(r, 'other', 1), a(r, 'choice', 'x')];

	it('0..100 from a 1..5 mean', () => {
		expect(toHundred(1)).toBe(0);
		expect(toHundred(5)).toBe(100);
		expect(toHundred(3)).toBe(50);
		expect(toHundred(3.4)).toBe(60);
	});

	it('pillar means per kelurahan and overall; index = mean of the four pillar means', () => {
		const responses = [{ id: 'r1', kelurahanCode: 'B' }, { id: 'r2', kelurahanCode: 'A' }, { id: 'r3', kelurahanCode: 'A' }, { id: 'r4', kelurahanCode: null }];
		const answers = [...answersOf('r1', 5, 5, 5, 5, 5), ...answersOf('r2', 2, 4, 3, 1, 5), ...answersOf('r3', 4, 4, 5, 3, 3), ...answersOf('r4', 1, 1, 1, 1, 1)];
		const rows = literacyTable(questions, responses, answers);
		expect(rows.map((r) => r.kelurahanCode)).toEqual(['A', 'B', null]);
		const [A, B, all] = rows;
		expect(A).toEqual({ kelurahanCode: 'A', responses: 2, pillars: { kecakapan: 3.5, etika: 4, keamanan: 2, budaya: 4 }, index: 3.38, index100: 59.4 });
		expect(B).toEqual({ kelurahanCode: 'B', responses: 1, pillars: { kecakapan: 5, etika: 5, keamanan: 5, budaya: 5 }, index: 5, index100: 100 });
		expect(all.responses).toBe(4);
		expect(all.pillars).toEqual({ kecakapan: 3.25, etika: 3.5, keamanan: 2.5, budaya: 3.5 });
		expect(all.index).toBe(3.19);
		expect(all.index100).toBe(54.7);
	});

	it('no index while a pillar has no answers; no responses → only the empty overall row', () => {
		const rows = literacyTable(questions, [{ id: 'r1', kelurahanCode: 'A' }], [a('r1', 'k1', 4), a('r1', 'e1', 4)]);
		expect(rows[0]).toMatchObject({ pillars: { kecakapan: 4, etika: 4, keamanan: null, budaya: null }, index: null, index100: null });
		expect(literacyTable(questions, [], [])).toEqual([{ kelurahanCode: null, responses: 0, pillars: { kecakapan: null, etika: null, keamanan: null, budaya: null }, index: null, index100: null }]);
	});

	it('public rows leave out kelurahan with fewer than 5 responses, never the overall row', () => {
		const row = (code: string | null, n: number) => ({ kelurahanCode: code, responses: n, pillars: { kecakapan: 1, etika: 1, keamanan: 1, budaya: 1 }, index: 1, index100: 0 });
		expect(publicRows([row('A', 5), row('B', 6), row(null, 11)]).map((r) => r.kelurahanCode)).toEqual(['A', 'B', null]);
		expect(publicRows([row('A', 4), row('B', 5), row('C', 7), row(null, 16)]).map((r) => r.kelurahanCode)).toEqual(['C', null]);
	});

	it('hidden rows cannot be worked out by subtraction: the smallest shown rows are hidden too', () => {
		const row = (code: string | null, n: number, v = 3) => ({ kelurahanCode: code, responses: n, pillars: { kecakapan: v, etika: v, keamanan: v, budaya: v }, index: v, index100: toHundred(v) });
		// One hidden kelurahan of 1 response: overall − A − B would give its means.
		const one = publicRows([row('A', 6), row('B', 5), row('C', 1, 1), row(null, 12)]);
		expect(one.map((r) => r.kelurahanCode)).toEqual(['A', null]);
		expect(one.at(-1)).toMatchObject({ responses: 12, index: 3 });
		// Until the unseen responses reach 5, more rows go (smallest first).
		expect(publicRows([row('A', 5), row('B', 9), row('C', 1), row(null, 15)]).map((r) => r.kelurahanCode)).toEqual(['B', null]);
		// Responses without a kelurahan count as unseen too.
		expect(publicRows([row('A', 6), row('B', 7), row(null, 14)]).map((r) => r.kelurahanCode)).toEqual(['B', null]);
		// If even hiding every kelurahan leaves fewer than 5 unseen, the overall means go too.
		const tiny = publicRows([row('A', 1), row('B', 2), row(null, 3)]);
		expect(tiny).toEqual([{ kelurahanCode: null, responses: 3, pillars: { kecakapan: null, etika: null, keamanan: null, budaya: null }, index: null, index100: null }]);
		// Nothing hidden → everything shown.
		expect(publicRows([row('A', 5), row(null, 5)]).map((r) => r.kelurahanCode)).toEqual(['A', null]);
	});
});

describe('CSV cells', () => {
	it('neutralises formulas with a leading quote', () => {
		for (const s of ['=SUM(A1)', '+62812', '-1+1', '@cmd', '\tx', '\rx']) expect(csvCell(s).replace(/^"/, '').startsWith("'")).toBe(true);
		expect(csvCell('=1+1')).toBe("'=1+1");
		expect(csvCell('aman')).toBe('aman');
		expect(csvCell('a=b')).toBe('a=b');
	});

	it('quotes commas, quotes and line breaks (RFC 4180)', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('kata "kunci"')).toBe('"kata ""kunci"""');
		expect(csvCell('baris\nbaru')).toBe('"baris\nbaru"');
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
	});

	it('numbers as they are, nothing for null', () => {
		expect(csvCell(-5)).toBe('-5');
		expect(csvCell(2.5)).toBe('2.5');
		expect(csvCell(Number.NaN)).toBe('');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
		expect(csvRow(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"');
		expect(answerCell(['A', 'B'])).toBe('A; B');
		expect(answerCell(undefined)).toBeNull();
		expect(answerCell(3)).toBe(3);
	});
});

describe('templates', () => {
	it('both templates pass the builder rules', () => {
		for (const t of Object.values(TEMPLATE_CONTENT)) expect(builderProblems({ questions: t.questions }, new Date())).toEqual([]);
	});

	it('the literacy template has 3–4 scale items on each of the four pillars', () => {
		const items = TEMPLATE_CONTENT.digital_literacy.questions;
		for (const p of ['kecakapan', 'etika', 'keamanan', 'budaya']) {
			const n = items.filter((i) => i.pillar === p && i.type === 'scale').length;
			expect(n).toBeGreaterThanOrEqual(3);
			expect(n).toBeLessThanOrEqual(4);
		}
	});

	it('the information-needs template asks topics, channels now and preferred, frequency, trust, age and an open question', () => {
		const types = TEMPLATE_CONTENT.info_needs.questions.map((i) => i.type);
		expect(types).toContain('multiple_choice');
		expect(types).toContain('scale');
		expect(types).toContain('long_text');
		expect(TEMPLATE_CONTENT.info_needs.questions[0].options).toContain('Bantuan sosial');
	});
});
