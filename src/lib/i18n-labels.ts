import { m } from '$lib/paraglide/messages.js';

/** One word and one colour per state, everywhere (ui.md "Status tags"). */
const STATUS: Record<string, { label: () => string; colour: string }> = {
	registered: { label: () => m.status_registered(), colour: 'blue' },
	verified: { label: () => m.status_verified(), colour: 'green' },
	returned: { label: () => m.status_returned(), colour: 'yellow' },
	inactive: { label: () => m.status_inactive(), colour: 'grey' }
};

export const statusLabel = (s: string) => STATUS[s]?.label() ?? s;
export const statusColour = (s: string) => STATUS[s]?.colour ?? 'grey';

const ROLE: Record<string, () => string> = {
	warga: () => m.role_warga(),
	anggota: () => m.role_anggota(),
	pengurus: () => m.role_pengurus(),
	petugas: () => m.role_petugas(),
	admin: () => m.role_admin()
};
export const roleLabel = (r: string) => ROLE[r]?.() ?? r;

const POSITION: Record<string, () => string> = {
	ketua: () => m.position_ketua(),
	sekretaris: () => m.position_sekretaris(),
	bendahara: () => m.position_bendahara(),
	seksi: () => m.position_seksi(),
	anggota: () => m.position_anggota()
};
export const positionLabel = (p: string) => POSITION[p]?.() ?? p;

const FOCUS: Record<string, () => string> = {
	ekonomi_kreatif: () => m.kim_focus_ekonomi_kreatif(),
	sosial_budaya: () => m.kim_focus_sosial_budaya(),
	literasi: () => m.kim_focus_literasi()
};
export const focusLabel = (f: string) => FOCUS[f]?.() ?? f;
