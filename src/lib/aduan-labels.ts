import { m } from '$lib/paraglide/messages.js';
import type { AduanStatus } from '$lib/server/aduan/aduan.rules';

type Locale = { locale?: 'id' | 'en' };

/** One word and one colour per aduan status, everywhere (ui.md "Status tags"). */
const STATUS: Record<AduanStatus, { label: (o?: Locale) => string; colour: string }> = {
	received: { label: (o) => m.aduan_status_received({}, o), colour: 'blue' },
	verified: { label: (o) => m.aduan_status_verified({}, o), colour: 'blue' },
	in_progress: { label: (o) => m.aduan_status_in_progress({}, o), colour: 'yellow' },
	resolved: { label: (o) => m.aduan_status_resolved({}, o), colour: 'green' },
	closed: { label: (o) => m.aduan_status_closed({}, o), colour: 'grey' },
	rejected: { label: (o) => m.aduan_status_rejected({}, o), colour: 'red' }
};

/** The status's word; `o.locale` for mail and notifications written in a fixed language. */
export const aduanStatusLabel = (s: string, o?: Locale) => STATUS[s as AduanStatus]?.label(o) ?? s;
export const aduanStatusColour = (s: string) => STATUS[s as AduanStatus]?.colour ?? 'grey';
