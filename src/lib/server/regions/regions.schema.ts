import { z } from '@hono/zod-openapi';
import { text } from '../validation';
import { m } from '../../paraglide/messages.js';

/** More people than any region has; keeps values inside the int column. */
export const MAX_POPULATION = 1_000_000_000;

/** A count of people: a whole number ≥ 0; '' or null clears it ("belum diisi"). */
const optionalCount = () =>
	z
		.union([z.number(), z.string().trim(), z.null()], { error: () => m.admin_err_population() })
		.optional()
		.transform((v, ctx) => {
			if (v === undefined) return undefined;
			if (v === null || v === '') return null;
			const n = typeof v === 'number' ? v : /^\d+$/.test(v) ? Number(v) : NaN;
			if (!Number.isSafeInteger(n) || n < 0 || n > MAX_POPULATION) {
				ctx.addIssue({ code: 'custom', message: m.admin_err_population() });
				return z.NEVER;
			}
			return n;
		})
		.openapi({ type: ['integer', 'null'], minimum: 0, example: 128709 });

/** An area in km²: a number ≥ 0 (a decimal comma is accepted); '' or null clears it. */
const optionalArea = () =>
	z
		.union([z.number(), z.string().trim(), z.null()], { error: () => m.admin_err_area() })
		.optional()
		.transform((v, ctx) => {
			if (v === undefined) return undefined;
			if (v === null || v === '') return null;
			const n = typeof v === 'number' ? v : /^\d+([.,]\d+)?$/.test(v) ? Number(v.replace(',', '.')) : NaN;
			if (!Number.isFinite(n) || n < 0 || n > 1_000_000) {
				ctx.addIssue({ code: 'custom', message: m.admin_err_area() });
				return z.NEVER;
			}
			return n;
		})
		.openapi({ type: ['number', 'null'], minimum: 0, example: 18.558 });

export const UpdateRegionSchema = z
	.object({ name: text(120).optional(), population: optionalCount(), area_km2: optionalArea() })
	.openapi('RegionUpdateInput');
export type UpdateRegion = z.infer<typeof UpdateRegionSchema>;

export const MAX_CSV_CHARS = 2_000_000;
export const ImportPopulationSchema = z
	.object({
		csv: z
			.string({ error: () => m.admin_err_csv_empty() })
			.trim()
			.min(1, { error: () => m.admin_err_csv_empty() })
			.max(MAX_CSV_CHARS, { error: () => m.admin_err_csv_too_big() })
			.openapi({ description: 'CSV text with a header row: code,population[,area_km2] (comma or semicolon)', example: 'code,population\n33.71.01.1003,9120' })
	})
	.openapi('PopulationImportInput');
export type ImportPopulation = z.infer<typeof ImportPopulationSchema>;

export const AddRegencySchema = z
	.object({
		code: z
			.string({ error: () => m.admin_err_regency_code() })
			.trim()
			.regex(/^\d{2}\.\d{2}$/, { error: () => m.admin_err_regency_code() })
			.openapi({ example: '33.08' })
	})
	.openapi('AddRegencyInput');
export type AddRegency = z.infer<typeof AddRegencySchema>;

export type PopulationRow = { line: number; code: string; population: number; areaKm2?: number };

/**
 * Parses a population CSV (header `code,population[,area_km2]`, comma or semicolon separated,
 * other columns ignored). Checks every line and returns all problems, each naming its line
 * number in the file; whether the codes exist is for the caller to check.
 */
export type CsvProblem = { line: number; message: string };

export function parsePopulationCsv(csv: string): { rows: PopulationRow[]; problems: CsvProblem[] } {
	const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
	const first = lines.findIndex((l) => l.trim() !== '');
	if (first < 0) return { rows: [], problems: [{ line: 1, message: m.admin_err_csv_empty() }] };
	const sep = lines[first].includes(';') ? ';' : ',';
	const cells = (l: string) => l.split(sep).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
	const header = cells(lines[first]).map((h) => h.toLowerCase());
	const col = { code: header.indexOf('code'), population: header.indexOf('population'), area: header.indexOf('area_km2') };
	if (col.code < 0 || col.population < 0) return { rows: [], problems: [{ line: first + 1, message: m.admin_err_csv_header() }] };

	const rows: PopulationRow[] = [];
	const errors: CsvProblem[] = [];
	const seen = new Map<string, number>();
	for (let i = first + 1; i < lines.length; i++) {
		if (lines[i].trim() === '') continue;
		const line = i + 1;
		const c = cells(lines[i]);
		const code = c[col.code] ?? '';
		const pop = c[col.population] ?? '';
		const area = col.area >= 0 ? (c[col.area] ?? '') : '';
		const before = errors.length;
		const problem = (message: string) => ({ line, message });
		if (c.length > header.length) errors.push(problem(m.admin_csv_columns({ line, count: c.length, expected: header.length })));
		if (code === '') errors.push(problem(m.admin_csv_missing_code({ line })));
		else if (!/^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/.test(code)) errors.push(problem(m.admin_csv_bad_code({ line, code })));
		else if (seen.has(code)) errors.push(problem(m.admin_csv_duplicate({ line, code, first: seen.get(code)! })));
		else seen.set(code, line);
		if (pop === '') errors.push(problem(m.admin_csv_missing_population({ line })));
		else if (/^-\d+([.,]\d+)?$/.test(pop)) errors.push(problem(m.admin_csv_negative({ line, value: pop })));
		else if (!/^\d+$/.test(pop) || Number(pop) > MAX_POPULATION) errors.push(problem(m.admin_csv_bad_population({ line, value: pop })));
		const areaText = sep === ';' ? area.replace(',', '.') : area;
		if (area !== '' && !/^\d+(\.\d+)?$/.test(areaText)) errors.push(problem(m.admin_csv_bad_area({ line, value: area })));
		if (errors.length === before) {
			rows.push({ line, code, population: Number(pop), ...(area !== '' ? { areaKm2: Number(areaText) } : {}) });
		}
	}
	if (rows.length === 0 && errors.length === 0) errors.push({ line: first + 1, message: m.admin_err_csv_no_rows() });
	return { rows, problems: errors };
}
