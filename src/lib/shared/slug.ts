const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `s` has the shape of a UUID (how /kim/{id-or-slug} tells an id from a slug). */
export const isUuid = (s: string) => UUID.test(s);

/**
 * Words a KIM slug may not be: the static routes under /kim (src/routes/kim/<word>, and the
 * pages under a KIM such as /kim/{slug}/kelola), which a KIM page of that slug would be shadowed
 * by or would shadow. kims.rules.test.ts checks that every static folder under /kim is listed.
 */
export const RESERVED_SLUGS: readonly string[] = ['daftar', 'kelola'];

/**
 * "KIM Tidar Selatan Cerdas" → "kim-tidar-selatan-cerdas". A reserved word ("Daftar") or a
 * UUID-shaped name gets a "kim-" prefix, so a slug never collides with a route or reads as an id.
 */
export function slugify(s: string): string {
	const base =
		s
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 80)
			.replace(/-+$/, '') || 'kim';
	return RESERVED_SLUGS.includes(base) || isUuid(base) ? `kim-${base}` : base;
}
