/** Pure: turns an audit entry's before/after into the keys that changed, for people to read. */

export type Change = { key: string; before: string | null; after: string | null };

const MAX = 300;
/** Bookkeeping columns that change with every write and say nothing to a reader. */
const NOISE = new Set(['updatedAt', 'updated_at']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
	v !== null && typeof v === 'object' && !Array.isArray(v);

/** A value as short text: strings as they are, the rest as compact JSON, null as null. */
export function showValue(v: unknown): string | null {
	if (v === null || v === undefined) return null;
	const s = typeof v === 'string' ? v : JSON.stringify(v);
	return s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s;
}

/**
 * The changed keys of two snapshots: keys whose values differ (deep), in the order they first
 * appear; a missing side counts as null. Non-object snapshots compare as one unnamed key.
 */
export function diffChange(before: unknown, after: unknown): Change[] {
	if (!isRecord(before) && !isRecord(after)) {
		return JSON.stringify(before ?? null) === JSON.stringify(after ?? null)
			? []
			: [{ key: '', before: showValue(before), after: showValue(after) }];
	}
	const b = isRecord(before) ? before : {};
	const a = isRecord(after) ? after : {};
	const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !NOISE.has(k));
	return keys
		.filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
		.map((k) => ({ key: k, before: showValue(b[k]), after: showValue(a[k]) }));
}
