/**
 * SQL building blocks of the generator: deterministic pseudo-random numbers and ids derived from
 * the seed and a row number, so the same seed writes the same rows on either engine (PGlite and
 * PostgreSQL share the hash functions). Everything here is a SQL fragment as text: the values are
 * the generator's own (integers, fixed word lists), never user input.
 */

/** A SQL string literal. */
export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A SQL text[] literal. */
export const arr = (xs: readonly string[]) => `ARRAY[${xs.map(lit).join(',')}]::text[]`;

/** A timestamptz literal. */
export const ts = (d: Date) => `'${d.toISOString()}'::timestamptz`;

export type Rand = {
	/** A number in [0, 1) from (seed, stream, i): `i` is a SQL int8 expression. */
	r(i: string, stream: number): string;
	/** An integer in [0, n) (`n` a SQL expression or number). */
	int(i: string, stream: number, n: string | number): string;
	/** One element of a text[] literal. */
	pick(i: string, stream: number, xs: readonly string[]): string;
	/** A v4-shaped uuid from (seed, kind, i): the same entity always gets the same id. */
	uid(kind: string, i: string): string;
	seed: number;
};

export function rand(seed: number): Rand {
	if (!Number.isSafeInteger(seed) || seed < 0 || seed > 1_000_000) throw new Error('seed must be an integer from 0 to 1000000');
	const r = (i: string, stream: number) => `((hashint8extended((${i})::int8, ${seed * 1000 + stream}) & 2147483647)::float8 / 2147483648.0)`;
	const int = (i: string, stream: number, n: string | number) => `(floor(${r(i, stream)} * (${n}))::int)`;
	return {
		seed,
		r,
		int,
		pick: (i, stream, xs) => `(${arr(xs)})[1 + ${int(i, stream, xs.length)}]`,
		uid: (kind, i) => `((overlay(overlay(md5(${lit(`${seed}:${kind}:`)} || (${i})::text) placing '4' from 13) placing '8' from 17))::uuid)`
	};
}

/** The WIB (UTC+7) calendar day of a timestamptz expression. */
export const wibDaySql = (t: string) => `(((${t}) at time zone 'UTC') + interval '7 hours')::date`;

/** The end (23:59:59.999 WIB) of a date expression, as timestamptz. */
export const endOfWibDaySql = (d: string) => `((((${d}) + 1)::timestamp - interval '7 hours' - interval '1 millisecond') at time zone 'UTC')`;

/**
 * Short-link codes: the link number through a bijection of [0, 62^7) (multiplying by a number
 * coprime with 62^7 and adding a seed offset), written in base 62. Distinct numbers give
 * distinct codes, so codes never collide, and they look random.
 */
const CODE_SPACE = 3_521_614_606_208n; // 62^7
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export function linkCodeSql(seed: number, n: string) {
	const mult = 1_500_000_000_001n; // odd and not a multiple of 31: coprime with 62^7
	const offset = (BigInt(seed) * 982_451_653n + 12_345n) % CODE_SPACE;
	const x = `((((${n})::int8 * ${mult}) + ${offset}) % ${CODE_SPACE})`;
	const digits = [];
	for (let j = 0; j < 7; j++) digits.push(`substr('${ALPHABET}', ((${x} / ${62n ** BigInt(j)}) % 62)::int + 1, 1)`);
	return `(${digits.join(' || ')})`;
}
