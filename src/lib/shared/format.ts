/** Formatting for id-ID in WIB (Asia/Jakarta). */
const TZ = 'Asia/Jakarta';

export function formatDate(value: string | Date | null | undefined, locale = 'id'): string {
	if (!value) return '—';
	const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00+07:00` : value) : value;
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TZ }).format(d);
}

/** "28 November 2026, 14.30 WIB" */
export function formatDateTime(value: string | Date | null | undefined, locale = 'id'): string {
	if (!value) return '—';
	const d = typeof value === 'string' ? new Date(value) : value;
	const date = formatDate(d, locale);
	const time = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: TZ }).format(d);
	return `${date}, ${time.replace(':', '.')} WIB`;
}

export const formatNumber = (n: number | null | undefined, locale = 'id') =>
	n === null || n === undefined ? '—' : new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID').format(n);

/** Integer rupiah → "Rp 1.500.000". */
export const formatRupiah = (n: number) => `Rp ${new Intl.NumberFormat('id-ID').format(n)}`;
