/** Reading the public list filters from a URL (pure) and the feed link that matches them. */
import { POST_KINDS, type PostKind } from '../posts/posts.rules';

export type AreaOption = { code: string; name: string; kelurahan: { code: string; name: string }[] };
export type ListFilter = { kind?: PostKind; kecamatan?: string; kelurahan?: string; tag?: string; page: number };

const isKind = (v: string | null): v is PostKind => (POST_KINDS as readonly string[]).includes(v ?? '');

/**
 * The filter in `params`: unknown kinds and areas are ignored, a kelurahan outside the chosen
 * kecamatan too (no JavaScript resets the second select), the page is a positive integer.
 */
export function readListFilter(params: URLSearchParams, areas: AreaOption[]): ListFilter {
	const jenis = params.get('jenis');
	const kecamatan = areas.find((a) => a.code === params.get('kecamatan'));
	const choices = kecamatan ? kecamatan.kelurahan : areas.flatMap((a) => a.kelurahan);
	const kelurahan = choices.find((k) => k.code === params.get('kelurahan'));
	const tag = params.get('tag')?.trim().slice(0, 60) || undefined;
	const page = Math.min(Math.max(Number.parseInt(params.get('halaman') ?? '1', 10) || 1, 1), 500);
	return { kind: isKind(jenis) ? jenis : undefined, kecamatan: kecamatan?.code, kelurahan: kelurahan?.code, tag, page };
}

/** `path` with the filter's non-empty values as the query (`halaman` only past page 1). */
export function listHref(path: string, f: Partial<ListFilter>): string {
	const q = new URLSearchParams();
	if (f.kind) q.set('jenis', f.kind);
	if (f.kecamatan) q.set('kecamatan', f.kecamatan);
	if (f.kelurahan) q.set('kelurahan', f.kelurahan);
	if (f.tag) q.set('tag', f.tag);
	if (f.page && f.page > 1) q.set('halaman', String(f.page));
	const s = q.toString();
	return s ? `${path}?${s}` : path;
}

/** The RSS feed matching a list (kind, kelurahan or kecamatan, KIM). */
export function feedHref(f: { kind?: string; kelurahan?: string; kecamatan?: string; kim?: string }, format: 'rss' | 'atom' = 'rss'): string {
	const q = new URLSearchParams();
	if (f.kim) q.set('kim', f.kim);
	if (f.kind) q.set('jenis', f.kind);
	if (f.kelurahan) q.set('kelurahan', f.kelurahan);
	else if (f.kecamatan) q.set('kecamatan', f.kecamatan);
	const s = q.toString();
	const path = format === 'rss' ? '/feed.xml' : '/atom.xml';
	return s ? `${path}?${s}` : path;
}
