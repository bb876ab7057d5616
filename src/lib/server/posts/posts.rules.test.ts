import { describe, expect, it } from 'vitest';
import {
	ALL_KIND_FIELDS, availablePostEvents, clarificationTitle, EDIT_RIGHT, EVENT_RIGHT, foreignKindFields, isExpired, isListed,
	isPubliclyVisible, KIND_FIELDS, MAX_SCHEDULE_DAYS, nextPostStatus, nextRumourStatus, normalizeTags, POST_EVENTS, POST_KINDS,
	POST_STATUSES, postSlug, publication, publicPath, RESERVED_POST_SLUGS, RUMOUR_STATUSES, scheduleProblem,
	type PostEvent, type PostKind, type PostStatus, type RumourStatus
} from './posts.rules';

describe('nextPostStatus: every status × every event', () => {
	const table: [PostStatus, PostEvent, PostStatus | null][] = [
		['draft', 'submit', 'in_review'],
		['draft', 'publish', 'published'],
		['draft', 'return', null],
		['draft', 'unpublish', null],
		['in_review', 'submit', null],
		['in_review', 'publish', 'published'],
		['in_review', 'return', 'draft'],
		['in_review', 'unpublish', null],
		['published', 'submit', null],
		['published', 'publish', null],
		['published', 'return', null],
		['published', 'unpublish', 'draft']
	];

	it('covers every status and event', () => {
		expect(table).toHaveLength(POST_STATUSES.length * POST_EVENTS.length);
		for (const s of POST_STATUSES) for (const e of POST_EVENTS) expect(table.some(([ts, te]) => ts === s && te === e)).toBe(true);
	});

	it.each(table)('%s --%s--> %s', (status, event, expected) => {
		const t = nextPostStatus(status, event);
		expect(t).toEqual(expected ? { ok: true, status: expected } : { ok: false });
	});

	it('lists the events available from each status', () => {
		expect(availablePostEvents('draft')).toEqual(['submit', 'publish']);
		expect(availablePostEvents('in_review')).toEqual(['publish', 'return']);
		expect(availablePostEvents('published')).toEqual(['unpublish']);
	});

	it('needs review rights for everything but submitting, and for edits once a post left draft', () => {
		expect(EVENT_RIGHT).toEqual({ submit: 'writer', publish: 'reviewer', return: 'reviewer', unpublish: 'reviewer' });
		expect(EDIT_RIGHT).toEqual({ draft: 'writer', in_review: 'reviewer', published: 'reviewer' });
	});
});

describe('visibility', () => {
	const now = new Date('2026-03-10T05:00:00Z'); // 12:00 WIB
	const post = (status: PostStatus, publishAt: Date | null, kind: PostKind = 'news', expires_on?: string | null) =>
		({ status, publishAt, kind, details: { expires_on } });

	it('is public only when published and due', () => {
		for (const s of POST_STATUSES) expect(isPubliclyVisible(post(s, null), now)).toBe(s === 'published');
		expect(isPubliclyVisible(post('published', new Date(now.getTime() - 1)), now)).toBe(true);
		expect(isPubliclyVisible(post('published', now), now)).toBe(true);
		expect(isPubliclyVisible(post('published', new Date(now.getTime() + 1)), now)).toBe(false);
		expect(isPubliclyVisible(post('draft', new Date(now.getTime() - 1000)), now)).toBe(false);
		expect(isPubliclyVisible(post('in_review', new Date(now.getTime() - 1000)), now)).toBe(false);
	});

	it('expires announcements after their last day in WIB', () => {
		expect(isExpired(post('published', null, 'announcement', '2026-03-10'), now)).toBe(false);
		expect(isExpired(post('published', null, 'announcement', '2026-03-11'), now)).toBe(false);
		expect(isExpired(post('published', null, 'announcement', '2026-03-09'), now)).toBe(true);
		expect(isExpired(post('published', null, 'announcement', null), now)).toBe(false);
		expect(isExpired(post('published', null, 'announcement'), now)).toBe(false);
		// 2026-03-09 17:30 UTC is already 2026-03-10 00:30 in WIB: an announcement valid until the 9th is over.
		expect(isExpired(post('published', null, 'announcement', '2026-03-09'), new Date('2026-03-09T17:30:00Z'))).toBe(true);
		expect(isExpired(post('published', null, 'announcement', '2026-03-09'), new Date('2026-03-09T16:59:59Z'))).toBe(false);
		// Only announcements expire.
		for (const k of POST_KINDS.filter((k) => k !== 'announcement')) expect(isExpired(post('published', null, k, '2020-01-01'), now)).toBe(false);
	});

	it('lists visible posts that have not expired; an expired announcement stays visible by URL', () => {
		const expired = post('published', null, 'announcement', '2026-03-01');
		expect(isPubliclyVisible(expired, now)).toBe(true);
		expect(isListed(expired, now)).toBe(false);
		expect(isListed(post('published', null, 'announcement', '2026-03-10'), now)).toBe(true);
		expect(isListed(post('published', null), now)).toBe(true);
		expect(isListed(post('published', new Date(now.getTime() + 60_000)), now)).toBe(false);
		expect(isListed(post('draft', null), now)).toBe(false);
	});
});

describe('scheduling', () => {
	const now = new Date('2026-03-10T05:00:00Z');
	it('accepts a time in the future up to a year ahead', () => {
		expect(scheduleProblem(new Date(now.getTime() + 1), now)).toBeUndefined();
		expect(scheduleProblem(new Date(now.getTime() + MAX_SCHEDULE_DAYS * 86400_000), now)).toBeUndefined();
	});
	it('refuses now, the past and more than a year ahead', () => {
		expect(scheduleProblem(now, now)).toBe('past');
		expect(scheduleProblem(new Date(now.getTime() - 1), now)).toBe('past');
		expect(scheduleProblem(new Date(now.getTime() + MAX_SCHEDULE_DAYS * 86400_000 + 1), now)).toBe('too_far');
	});
	it('dates the publication at the scheduled time, or now', () => {
		const at = new Date('2026-04-01T01:00:00Z');
		expect(publication(now, at)).toEqual({ publishAt: at, publishedAt: at });
		expect(publication(now, null)).toEqual({ publishAt: null, publishedAt: now });
	});
});

describe('kind fields', () => {
	it('names each kind’s own fields', () => {
		expect(KIND_FIELDS.news).toEqual([]);
		expect(KIND_FIELDS.program).toEqual(['eligibility', 'how_to_join', 'deadline', 'contact']);
		expect(KIND_FIELDS.announcement).toEqual(['expires_on']);
		expect(KIND_FIELDS.potential).toEqual(['category', 'price', 'contact', 'location']);
		expect(KIND_FIELDS.clarification).toEqual(['claim', 'verdict', 'sources']);
		expect(new Set(ALL_KIND_FIELDS).size).toBe(ALL_KIND_FIELDS.length);
	});

	it('finds fields given for the wrong kind, ignoring empty ones', () => {
		expect(foreignKindFields('news', { verdict: 'hoax', expires_on: '2026-01-01', price: 0 })).toEqual(['expires_on', 'price', 'verdict']);
		expect(foreignKindFields('program', { contact: 'x', deadline: '2026-01-01' })).toEqual([]);
		expect(foreignKindFields('potential', { contact: 'x', eligibility: 'semua' })).toEqual(['eligibility']);
		expect(foreignKindFields('announcement', { claim: '', sources: [], verdict: null, category: undefined })).toEqual([]);
		for (const kind of POST_KINDS) {
			const all = Object.fromEntries(ALL_KIND_FIELDS.map((f) => [f, 'x']));
			expect(foreignKindFields(kind, all).sort()).toEqual(ALL_KIND_FIELDS.filter((f) => !(KIND_FIELDS[kind] as readonly string[]).includes(f)).sort());
		}
	});
});

describe('slugs and paths', () => {
	it('makes readable slugs', () => {
		expect(postSlug('Vaksinasi Gratis di Tidar!')).toBe('vaksinasi-gratis-di-tidar');
		expect(postSlug('  Pasar Rakyat — Édisi   2026 ')).toBe('pasar-rakyat-edisi-2026');
		expect(postSlug('!!!')).toBe('tulisan');
		expect(postSlug('x'.repeat(200))).toHaveLength(80);
		expect(postSlug(`${'a'.repeat(79)} b`)).toBe('a'.repeat(79));
	});
	it('keeps slugs away from reserved words and ids', () => {
		for (const word of RESERVED_POST_SLUGS) expect(postSlug(word)).toBe(`${word}-1`);
		expect(postSlug('0b9f6c1e-0000-4000-8000-000000000000')).toBe('0b9f6c1e-0000-4000-8000-000000000000-1');
	});
	it('puts every kind under /berita', () => {
		expect(publicPath('vaksinasi')).toBe('/berita/vaksinasi');
	});
});

describe('tags', () => {
	it('trims, lower-cases, collapses spaces and de-duplicates', () => {
		expect(normalizeTags([' Kesehatan ', 'kesehatan', 'Ekonomi   Kreatif', '', '  ', 'UMKM'])).toEqual(['kesehatan', 'ekonomi kreatif', 'umkm']);
		expect(normalizeTags([])).toEqual([]);
	});
});

describe('rumours', () => {
	const table: [RumourStatus, 'convert' | 'dismiss', RumourStatus | undefined][] = [
		['open', 'convert', 'converted'],
		['open', 'dismiss', 'dismissed'],
		['converted', 'convert', undefined],
		['converted', 'dismiss', undefined],
		['dismissed', 'convert', undefined],
		['dismissed', 'dismiss', undefined]
	];
	it.each(table)('%s --%s--> %s', (s, e, expected) => expect(nextRumourStatus(s, e)).toBe(expected));
	it('covers every status', () => {
		for (const s of RUMOUR_STATUSES) expect(table.filter(([ts]) => ts === s)).toHaveLength(2);
	});
	it('titles a clarification after the rumour, shortened on a word boundary', () => {
		expect(clarificationTitle('Air  PDAM\nberacun')).toBe('Klarifikasi: Air PDAM beracun');
		const long = clarificationTitle('kata '.repeat(60));
		expect(long.startsWith('Klarifikasi: kata kata')).toBe(true);
		expect(long.endsWith('kata…')).toBe(true);
		expect(long.length).toBeLessThanOrEqual('Klarifikasi: '.length + 118);
	});
});
