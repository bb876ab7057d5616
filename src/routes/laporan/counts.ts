import { m } from '$lib/paraglide/messages.js';
import { formatNumber } from '$lib/shared/format';

/** "Perempuan 20, pemuda 6" from the optional counts that were given ('' when neither). */
export const subCounts = (r: { women_count: number | null; youth_count: number | null }) =>
	[
		r.women_count !== null ? m.report_women({ count: formatNumber(r.women_count) }) : '',
		r.youth_count !== null ? m.report_youth({ count: formatNumber(r.youth_count) }) : ''
	].filter(Boolean).join(', ');
