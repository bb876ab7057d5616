/** The order of the KIM form's fields, so the error summary lists problems as the form does. */
const ORDER = [
	'name', 'kelurahan_code', 'kecamatan_code', 'focus', 'description', 'founded_on', 'sk_number', 'sk_date',
	'term_starts_on', 'term_ends_on', 'contact_phone', 'contact_email', 'address', 'website', 'instagram',
	'facebook', 'youtube', 'tiktok', 'ketua_email', 'ketua_name'
];

type FieldError = { path: string; message: string };

/** Errors in form order; a kecamatan-level area error points at the one area select. */
export function kimFormErrors(errors: FieldError[] | undefined): FieldError[] {
	const rank = (p: string) => (ORDER.includes(p) ? ORDER.indexOf(p) : ORDER.length);
	return (errors ?? [])
		.map((e) => (e.path === 'kecamatan_code' ? { ...e, path: 'kelurahan_code' } : e))
		.sort((a, b) => rank(a.path) - rank(b.path));
}
