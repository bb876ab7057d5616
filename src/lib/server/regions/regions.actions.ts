import { eq, inArray, sql } from 'drizzle-orm';
import { AppError, invalid } from '../errors';
import { regions } from '../db/schema';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import type { Db } from '../db/client';
import { authorize, authorizeSystemOrActor } from '../admin/admin.policy';
import { m } from '../../paraglide/messages.js';
import { loadRegency } from './region-source';
import { countRegions, findRegion, insertRegions } from './regions.queries';
import { canAddRegency, canEditRegion, canImportPopulation } from './regions.policy';
import {
	AddRegencySchema, ImportPopulationSchema, parsePopulationCsv,
	type AddRegency, type ImportPopulation, type PopulationRow, type UpdateRegion
} from './regions.schema';

const BATCH = 500;

/** Fixes a region's name, population or area. Admins only. */
export async function updateRegion(ctx: Ctx, code: string, input: UpdateRegion) {
	authorize(ctx.actor, canEditRegion);
	return ctx.db.transaction(async (tx) => {
		const region = await findRegion(tx, code);
		if (!region) throw new AppError('NOT_FOUND', m.err_not_found());
		const next = {
			name: input.name ?? region.name,
			population: input.population === undefined ? region.population : input.population,
			areaKm2: input.area_km2 === undefined ? region.areaKm2 : input.area_km2
		};
		const keys = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== region[k]);
		if (keys.length === 0) return region;
		const [row] = await tx.update(regions).set({ ...next, updatedAt: nowOf(ctx) }).where(eq(regions.code, code)).returning();
		const pick = (r: typeof region) => Object.fromEntries(keys.map((k) => [k, r[k]]));
		await audit(tx, ctx.actor, 'region.update', { type: 'region', id: code }, { before: pick(region), after: pick(row) });
		return row;
	});
}

/** Imports populations (and areas) from CSV text for the API and pages. Admins only. */
export async function importPopulationAsAdmin(ctx: Ctx, input: ImportPopulation) {
	authorize(ctx.actor, canImportPopulation);
	return runImport(ctx, input.csv);
}

/**
 * System path for the CLI (`regions:population`): `ctx.actor` null is the system itself. Request
 * handlers use `importPopulationAsAdmin`, which refuses anonymous visitors.
 */
export async function importPopulationAsSystem(ctx: Ctx, input: { csv: string }) {
	authorizeSystemOrActor(ctx.actor, canImportPopulation);
	return runImport(ctx, ImportPopulationSchema.parse(input).csv);
}

/**
 * All or nothing: every line is checked (format, known code) and every problem is reported with
 * its line number; nothing is written unless all lines are good. One transaction, one audit entry.
 */
async function runImport(ctx: Ctx, csv: string) {
	const parsed = parsePopulationCsv(csv);
	return ctx.db.transaction(async (tx) => {
		const current = await currentFigures(tx, parsed.rows.map((r) => r.code));
		const unknown = parsed.rows
			.filter((r) => !current.has(r.code))
			.map((r) => ({ line: r.line, message: m.admin_csv_unknown_code({ line: r.line, code: r.code }) }));
		const problems = [...parsed.problems, ...unknown].sort((a, b) => a.line - b.line);
		if (problems.length) {
			throw invalid(problems.map((p) => ({ path: 'csv', message: p.message })), m.admin_err_csv_rows({ count: problems.length }));
		}

		const changed = parsed.rows.filter((r) => {
			const now = current.get(r.code)!;
			return now.population !== r.population || (r.areaKm2 !== undefined && now.areaKm2 !== r.areaKm2);
		});
		for (let i = 0; i < changed.length; i += BATCH) await writeFigures(tx, changed.slice(i, i + BATCH), nowOf(ctx));
		if (changed.length) {
			const before = Object.fromEntries(changed.map((r) => [r.code, current.get(r.code)]));
			const after = Object.fromEntries(changed.map((r) => [r.code, { population: r.population, areaKm2: r.areaKm2 ?? current.get(r.code)!.areaKm2 }]));
			await audit(tx, ctx.actor, 'region.import_population', { type: 'region' }, { before, after });
		}
		return { updated: changed.length, rows: parsed.rows.length };
	});
}

/** Population and area of the given codes that are loaded. */
async function currentFigures(db: Db, codes: string[]) {
	const out = new Map<string, { population: number | null; areaKm2: number | null }>();
	for (let i = 0; i < codes.length; i += BATCH) {
		const rows = await db
			.select({ code: regions.code, population: regions.population, areaKm2: regions.areaKm2 })
			.from(regions)
			.where(inArray(regions.code, codes.slice(i, i + BATCH)));
		for (const { code, ...figures } of rows) out.set(code, figures);
	}
	return out;
}

/** One UPDATE … FROM (VALUES …) per batch; a missing area keeps the current one. */
async function writeFigures(db: Db, rows: PopulationRow[], now: Date) {
	const values = sql.join(
		rows.map((r) => sql`(${r.code}::text, ${r.population}::int, ${r.areaKm2 ?? null}::double precision)`),
		sql`, `
	);
	await db.execute(sql`
		update ${regions} set
			population = v.population,
			area_km2 = coalesce(v.area, ${regions.areaKm2}),
			updated_at = ${now.toISOString()}::timestamptz
		from (values ${values}) as v(code, population, area)
		where ${regions.code} = v.code`);
}

/** Loads another kota/kabupaten for the API and pages. Admins only. */
export async function addRegencyAsAdmin(ctx: Ctx, input: AddRegency) {
	authorize(ctx.actor, canAddRegency);
	return runAddRegency(ctx, input.code);
}

/**
 * System path for the CLI (`regions:add`): `ctx.actor` null is the system itself. Request
 * handlers use `addRegencyAsAdmin`, which refuses anonymous visitors.
 */
export async function addRegencyAsSystem(ctx: Ctx, input: { code: string }) {
	authorizeSystemOrActor(ctx.actor, canAddRegency);
	return runAddRegency(ctx, AddRegencySchema.parse(input).code);
}

/**
 * Loads a kota/kabupaten with its province (when missing), kecamatan and desa/kelurahan from
 * idn-area-data. Unknown code → INVALID on `code`; already loaded → CONFLICT.
 */
async function runAddRegency(ctx: Ctx, code: string) {
	const rows = loadRegency(code);
	const regency = rows.find((r) => r.code === code);
	if (!regency) throw invalid([{ path: 'code', message: m.admin_err_regency_unknown({ code }) }]);
	return ctx.db.transaction(async (tx) => {
		if (await findRegion(tx, code)) {
			const message = m.admin_err_regency_loaded({ name: regency.name });
			throw new AppError('CONFLICT', message, { errors: [{ path: 'code', message }] });
		}
		const before = await countRegions(tx);
		await insertRegions(tx, rows);
		const inserted = (await countRegions(tx)) - before;
		await audit(tx, ctx.actor, 'region.add_regency', { type: 'region', id: code }, { after: { name: regency.name, inserted } });
		return { code, name: regency.name, inserted };
	});
}
