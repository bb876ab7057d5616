/** CSV writing for the reach export: RFC 4180 quoting, a BOM for Excel, and no formula injection. */

/** Byte order mark: Excel opens the file as UTF-8 only with it. */
export const BOM = '\uFEFF';

/**
 * One cell. A text starting with = + - @ (or a tab or carriage return, which Excel also skips
 * before a formula) is prefixed with ' so a spreadsheet shows it as text instead of running it;
 * cells with a comma, quote or line break are quoted, quotes doubled.
 */
export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	let s = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows → CSV text with CRLF line ends and a leading BOM. */
export const toCsv = (rows: (string | number | null | undefined)[][]) =>
	BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
