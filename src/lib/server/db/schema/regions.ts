import { pgTable, text, integer, doublePrecision, timestamp, index } from 'drizzle-orm/pg-core';

/** Kemendagri administrative regions. `level`: provinsi | kota | kabupaten | kecamatan | kelurahan | desa. */
export const regions = pgTable(
	'regions',
	{
		code: text('code').primaryKey(),
		name: text('name').notNull(),
		level: text('level').notNull(),
		parentCode: text('parent_code'),
		population: integer('population'),
		areaKm2: doublePrecision('area_km2'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('regions_parent_idx').on(t.parentCode), index('regions_level_idx').on(t.level)]
);
