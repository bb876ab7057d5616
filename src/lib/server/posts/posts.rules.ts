/**
 * Pure decisions about portal posts and rumours: the review state machine, public visibility,
 * scheduling limits, kind fields, slugs and tags. No I/O; the clock (`now`) is passed in.
 * Who may fire which event is policy (posts.policy.ts); `EVENT_RIGHT` names the right it needs.
 */
import { todayWib } from '../validation';

export const POST_KINDS = ['news', 'program', 'announcement', 'potential', 'clarification'] as const;
export type PostKind = (typeof POST_KINDS)[number];
export const POST_STATUSES = ['draft', 'in_review', 'published'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
export const POST_EVENTS = ['submit', 'publish', 'return', 'unpublish'] as const;
export type PostEvent = (typeof POST_EVENTS)[number];

export const POTENTIAL_CATEGORIES = ['umkm', 'tourism', 'culture'] as const;
export const VERDICTS = ['hoax', 'misleading', 'true', 'unproven'] as const;

/** The flat input fields each kind stores in `posts.details`. */
export const KIND_FIELDS = {
	news: [],
	program: ['eligibility', 'how_to_join', 'deadline', 'contact'],
	announcement: ['expires_on'],
	potential: ['category', 'price', 'contact', 'location'],
	clarification: ['claim', 'verdict', 'sources']
} as const satisfies Record<PostKind, readonly string[]>;
export type KindField = (typeof KIND_FIELDS)[PostKind][number];
export const ALL_KIND_FIELDS = [...new Set(Object.values(KIND_FIELDS).flat())] as KindField[];

/** Kind fields given in `input` that do not belong to `kind` (empty values do not count). */
export function foreignKindFields(kind: PostKind, input: Record<string, unknown>): KindField[] {
	const own = KIND_FIELDS[kind] as readonly string[];
	return ALL_KIND_FIELDS.filter((f) => !own.includes(f) && !isEmpty(input[f]));
}
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Which right fires an event: `writer` (who may write the post: its author while a member, or a
 * reviewer) or `reviewer` (the KIM's pengurus or staff; staff alone for agency posts).
 */
export const EVENT_RIGHT: Record<PostEvent, 'writer' | 'reviewer'> = {
	submit: 'writer',
	publish: 'reviewer',
	return: 'reviewer',
	unpublish: 'reviewer'
};

/** Editing a draft is the writers'; once in review or published only reviewers edit it. */
export const EDIT_RIGHT: Record<PostStatus, 'writer' | 'reviewer'> = {
	draft: 'writer',
	in_review: 'reviewer',
	published: 'reviewer'
};

export type PostTransition = { ok: true; status: PostStatus } | { ok: false };

/**
 * The review workflow.
 *   draft --submit--> in_review        in_review --return--> draft (with the reviewer's comment)
 *   in_review --publish--> published   draft --publish--> published (a reviewer's own post)
 *   published --unpublish--> draft
 * A reviewer may publish a draft directly: only reviewers may publish at all, so review still
 * happens (an anggota's draft must be submitted and published by someone with review rights).
 */
export function nextPostStatus(status: PostStatus, event: PostEvent): PostTransition {
	switch (event) {
		case 'submit':
			return status === 'draft' ? { ok: true, status: 'in_review' } : { ok: false };
		case 'publish':
			return status === 'draft' || status === 'in_review' ? { ok: true, status: 'published' } : { ok: false };
		case 'return':
			return status === 'in_review' ? { ok: true, status: 'draft' } : { ok: false };
		case 'unpublish':
			return status === 'published' ? { ok: true, status: 'draft' } : { ok: false };
	}
}

export const availablePostEvents = (status: PostStatus) => POST_EVENTS.filter((e) => nextPostStatus(status, e).ok);

type Timed = { status: PostStatus; publishAt: Date | null };
type WithExpiry = Timed & { kind: PostKind; details: { expires_on?: string | null } };

/** Published and due: `publish_at` unset or not in the future. */
export const isPubliclyVisible = (post: Timed, now: Date) =>
	post.status === 'published' && (post.publishAt === null || post.publishAt.getTime() <= now.getTime());

/** An announcement past its `expires_on` (a WIB date; it is still valid on that day). */
export const isExpired = (post: Pick<WithExpiry, 'kind' | 'details'>, now: Date) =>
	post.kind === 'announcement' && !!post.details.expires_on && post.details.expires_on < todayWib(now);

/**
 * Whether a post appears in public lists, feeds and search: publicly visible and not an expired
 * announcement. Expired announcements stay reachable at their URL (marked expired) but leave lists.
 */
export const isListed = (post: WithExpiry, now: Date) => isPubliclyVisible(post, now) && !isExpired(post, now);

export const MAX_SCHEDULE_DAYS = 366;

/** Why a scheduled publication time is refused: not in the future, or more than a year ahead. */
export function scheduleProblem(publishAt: Date, now: Date): 'past' | 'too_far' | undefined {
	if (publishAt.getTime() <= now.getTime()) return 'past';
	if (publishAt.getTime() - now.getTime() > MAX_SCHEDULE_DAYS * 86400_000) return 'too_far';
	return undefined;
}

/** What publishing sets: `publishedAt` is when the post becomes public (now or the scheduled time). */
export const publication = (now: Date, publishAt: Date | null) => ({ publishAt, publishedAt: publishAt ?? now });

/**
 * The public page of every kind: `/berita/<slug>` (one scheme, so a link never changes when the
 * kind is corrected). Absolute URLs are `${publicUrl}${publicPath(slug)}`.
 */
export const publicPath = (slug: string) => `/berita/${slug}`;

/** Words a post slug may not be: static pages that may live under /berita (feeds, search, kinds, tags). */
export const RESERVED_POST_SLUGS: readonly string[] = ['rss', 'atom', 'feed', 'cari', 'tag', 'jenis', 'tulis', 'baru', 'kelola'];
const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** "Vaksinasi Gratis di Tidar!" → "vaksinasi-gratis-di-tidar"; reserved or id-like slugs get a suffix. */
export function postSlug(title: string): string {
	const base =
		title
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 80)
			.replace(/-+$/, '') || 'tulisan';
	return RESERVED_POST_SLUGS.includes(base) || UUID_LIKE.test(base) ? `${base}-1` : base;
}

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 40;

/** Tags as stored: trimmed, lower case, inner whitespace collapsed, empty ones dropped, first occurrence kept. */
export function normalizeTags(tags: readonly string[]): string[] {
	const out: string[] = [];
	for (const t of tags) {
		const tag = t.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
		if (tag && !out.includes(tag)) out.push(tag);
	}
	return out;
}

export const RUMOUR_STATUSES = ['open', 'converted', 'dismissed'] as const;
export type RumourStatus = (typeof RUMOUR_STATUSES)[number];

/** open --convert--> converted, open --dismiss--> dismissed; resolved rumours stay resolved. */
export function nextRumourStatus(status: RumourStatus, event: 'convert' | 'dismiss'): RumourStatus | undefined {
	if (status !== 'open') return undefined;
	return event === 'convert' ? 'converted' : 'dismissed';
}

/** The title a clarification drafted from a rumour starts with. */
export function clarificationTitle(rumourText: string): string {
	const oneLine = rumourText.replace(/\s+/g, ' ').trim();
	const short = oneLine.length > 120 ? `${oneLine.slice(0, 117).replace(/\s+\S*$/, '')}…` : oneLine;
	return `Klarifikasi: ${short}`;
}
