import { sql, type Column } from 'drizzle-orm';

/**
 * `column = any($1)` with the values as one array parameter. drizzle's `inArray` binds one
 * placeholder per value; for the thousands of KIMs or regions of a national campaign, binding
 * them costs more than the query.
 */
export const anyOf = (column: Column, values: readonly string[]) => sql`${column} = any(${sql.param(values)})`;

/** The rows of a raw `db.execute` result (both drivers answer `{ rows }`). */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);
