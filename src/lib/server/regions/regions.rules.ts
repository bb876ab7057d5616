/** Pure helpers for Kemendagri region codes and names. */

export type RegionLevel = 'provinsi' | 'kota' | 'kabupaten' | 'kecamatan' | 'kelurahan' | 'desa';
export const VILLAGE_LEVELS: RegionLevel[] = ['kelurahan', 'desa'];

/** Level from the code's shape: 33 | 33.71 | 33.71.01 | 33.71.01.1003 (1xxx kelurahan, 2xxx desa). */
export function levelOfCode(code: string, regencyName = ''): RegionLevel | undefined {
	const parts = code.split('.');
	if (!parts.every((p) => /^\d+$/.test(p))) return undefined;
	switch (parts.length) {
		case 1: return parts[0].length === 2 ? 'provinsi' : undefined;
		case 2: return /^kota\b/i.test(regencyName) || parts[1].startsWith('7') ? 'kota' : 'kabupaten';
		case 3: return 'kecamatan';
		case 4: return parts[3].startsWith('1') ? 'kelurahan' : 'desa';
	}
	return undefined;
}

export const parentOfCode = (code: string) =>
	code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;

const KEEP_UPPER = new Set(['DKI', 'DI', 'II', 'III', 'IV', 'RT', 'RW']);
/** "KABUPATEN ACEH SELATAN" → "Kabupaten Aceh Selatan"; names already in mixed case are kept. */
export function titleCase(name: string): string {
	if (name !== name.toUpperCase()) return name;
	return name
		.toLowerCase()
		.split(/(\s+|-|\()/)
		.map((w) => (KEEP_UPPER.has(w.toUpperCase()) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
		.join('');
}

/** Parses a simple CSV (no quoted commas needed for codes and numbers; quotes are stripped). */
export function parseCsv(textIn: string): Record<string, string>[] {
	const lines = textIn.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
	if (lines.length === 0) return [];
	const split = (l: string) => l.split(/[,;]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
	const header = split(lines[0]).map((h) => h.toLowerCase());
	return lines.slice(1).map((l) => {
		const cells = split(l);
		return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
	});
}
