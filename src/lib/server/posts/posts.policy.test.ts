import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import type { KimPosition, SystemRole } from '../../shared/roles';
import {
	canCreatePost, canEditPost, canFirePostEvent, canFlagRumour, canListAllPosts, canListRumours, canResolveRumour, canReviewPost,
	canViewPost, canViewRevisions, canViewRumour, type PostRef
} from './posts.policy';

const THIS = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const SOMEONE = 'someone-else';
const actor = (id: string, role: SystemRole, kim?: [string, KimPosition]): Actor => ({
	userId: id, email: `${id}@test.id`, name: id, role, kims: kim ? [{ kimId: kim[0], position: kim[1] }] : [], units: []
});

const ROLES: Record<string, Actor> = {
	anonymous: null,
	warga: actor('warga', 'warga'),
	'anggota of this KIM': actor('anggota', 'warga', [THIS, 'anggota']),
	'seksi of this KIM': actor('seksi', 'warga', [THIS, 'seksi']),
	'pengurus of this KIM': actor('ketua', 'warga', [THIS, 'ketua']),
	'sekretaris of this KIM': actor('sekretaris', 'warga', [THIS, 'sekretaris']),
	'anggota of another KIM': actor('anggota2', 'warga', [OTHER, 'anggota']),
	'pengurus of another KIM': actor('ketua2', 'warga', [OTHER, 'ketua']),
	petugas: actor('petugas', 'petugas'),
	admin: actor('admin', 'admin')
};

const now = new Date('2026-03-10T05:00:00Z');
/** A KIM post of THIS KIM written by `authorId`. */
const kimPost = (status: PostRef['status'], authorId: string | null = SOMEONE, publishAt: Date | null = null): PostRef =>
	({ kimId: THIS, authorId, status, kind: 'news', publishAt });
const agencyPost = (status: PostRef['status'], authorId: string | null = SOMEONE): PostRef =>
	({ kimId: null, authorId, status, kind: 'news', publishAt: null });
/** The post written by the actor themselves (for "own draft"). */
const own = (a: Actor, status: PostRef['status'] = 'draft') => kimPost(status, a?.userId ?? null);

const ACTIONS: Record<string, (a: Actor) => boolean> = {
	'create KIM post': (a) => canCreatePost(a, { kimId: THIS, kind: 'news' }),
	'create agency post': (a) => canCreatePost(a, { kimId: null, kind: 'news' }),
	'create program (KIM)': (a) => canCreatePost(a, { kimId: THIS, kind: 'program' }),
	'create program (agency)': (a) => canCreatePost(a, { kimId: null, kind: 'program' }),
	'edit own draft': (a) => canEditPost(a, own(a)),
	'edit others’ draft': (a) => canEditPost(a, kimPost('draft')),
	'submit own': (a) => canFirePostEvent(a, own(a), 'submit'),
	'submit others’': (a) => canFirePostEvent(a, kimPost('draft'), 'submit'),
	'publish (own)': (a) => canFirePostEvent(a, own(a, 'in_review'), 'publish'),
	publish: (a) => canFirePostEvent(a, kimPost('in_review'), 'publish'),
	return: (a) => canFirePostEvent(a, kimPost('in_review'), 'return'),
	unpublish: (a) => canFirePostEvent(a, kimPost('published'), 'unpublish'),
	'edit in review (own)': (a) => canEditPost(a, own(a, 'in_review')),
	'edit published (own)': (a) => canEditPost(a, own(a, 'published')),
	'edit published': (a) => canEditPost(a, kimPost('published')),
	'view draft': (a) => canViewPost(a, kimPost('draft'), now),
	'view scheduled': (a) => canViewPost(a, kimPost('published', SOMEONE, new Date(now.getTime() + 3600_000)), now),
	'view published': (a) => canViewPost(a, kimPost('published'), now),
	'view revisions': (a) => canViewRevisions(a, kimPost('published')),
	'review agency post': (a) => canReviewPost(a, agencyPost('in_review')),
	'edit agency draft': (a) => canEditPost(a, agencyPost('draft')),
	'view agency draft': (a) => canViewPost(a, agencyPost('draft'), now),
	'list all posts': (a) => canListAllPosts(a),
	'flag rumour': (a) => canFlagRumour(a, THIS),
	'list rumours': (a) => canListRumours(a),
	'view rumour': (a) => canViewRumour(a, { kimId: THIS }),
	'convert rumour': (a) => canResolveRumour(a),
	'dismiss rumour': (a) => canResolveRumour(a)
};

const Y = true, N = false;
// Columns in ACTIONS order.
const EXPECTED: Record<string, boolean[]> = {
	//                         KIM  agency progK progA ownDr othDr subOwn subOth pubOwn pub  ret  unpub edRevOwn edPubOwn edPub viewDr viewSch viewPub revs revAg edAg viewAg listAll flag listR viewR conv dism
	anonymous:                [N,   N,     N,    N,    N,    N,    N,     N,     N,     N,   N,   N,    N,       N,       N,    N,     N,      Y,      N,   N,    N,   N,     N,      N,   N,    N,    N,   N],
	warga:                    [N,   N,     N,    N,    N,    N,    N,     N,     N,     N,   N,   N,    N,       N,       N,    N,     N,      Y,      N,   N,    N,   N,     N,      N,   N,    N,    N,   N],
	'anggota of this KIM':    [Y,   N,     N,    N,    Y,    N,    Y,     N,     N,     N,   N,   N,    N,       N,       N,    Y,     Y,      Y,      Y,   N,    N,   N,     N,      Y,   Y,    Y,    N,   N],
	'seksi of this KIM':      [Y,   N,     N,    N,    Y,    N,    Y,     N,     N,     N,   N,   N,    N,       N,       N,    Y,     Y,      Y,      Y,   N,    N,   N,     N,      Y,   Y,    Y,    N,   N],
	'pengurus of this KIM':   [Y,   N,     N,    N,    Y,    Y,    Y,     Y,     Y,     Y,   Y,   Y,    Y,       Y,       Y,    Y,     Y,      Y,      Y,   N,    N,   N,     N,      Y,   Y,    Y,    N,   N],
	'sekretaris of this KIM': [Y,   N,     N,    N,    Y,    Y,    Y,     Y,     Y,     Y,   Y,   Y,    Y,       Y,       Y,    Y,     Y,      Y,      Y,   N,    N,   N,     N,      Y,   Y,    Y,    N,   N],
	'anggota of another KIM': [N,   N,     N,    N,    N,    N,    N,     N,     N,     N,   N,   N,    N,       N,       N,    N,     N,      Y,      N,   N,    N,   N,     N,      N,   Y,    N,    N,   N],
	'pengurus of another KIM':[N,   N,     N,    N,    N,    N,    N,     N,     N,     N,   N,   N,    N,       N,       N,    N,     N,      Y,      N,   N,    N,   N,     N,      N,   Y,    N,    N,   N],
	petugas:                  [N,   Y,     N,    Y,    Y,    Y,    Y,     Y,     Y,     Y,   Y,   Y,    Y,       Y,       Y,    Y,     Y,      Y,      Y,   Y,    Y,   Y,     Y,      N,   Y,    Y,    Y,   Y],
	admin:                    [N,   Y,     N,    Y,    Y,    Y,    Y,     Y,     Y,     Y,   Y,   Y,    Y,       Y,       Y,    Y,     Y,      Y,      Y,   Y,    Y,   Y,     Y,      N,   Y,    Y,    Y,   Y]
};

describe('posts policy: role × action', () => {
	it('has a row for every role and a column for every action', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(ROLES).sort());
		for (const row of Object.values(EXPECTED)) expect(row).toHaveLength(Object.keys(ACTIONS).length);
	});

	for (const [role, a] of Object.entries(ROLES)) {
		for (const [i, [action, check]] of Object.entries(ACTIONS).entries()) {
			const expected = EXPECTED[role][i];
			it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => expect(check(a)).toBe(expected));
		}
	}
});

describe('posts policy: details', () => {
	it('an author who left the KIM loses write rights over their draft', () => {
		const left = actor('anggota', 'warga');
		expect(canEditPost(left, kimPost('draft', 'anggota'))).toBe(false);
		expect(canFirePostEvent(left, kimPost('draft', 'anggota'), 'submit')).toBe(false);
	});

	it('a member of two KIMs has each KIM’s rights only on that KIM’s posts', () => {
		const both: Actor = { ...actor('dua', 'warga')!, kims: [{ kimId: THIS, position: 'anggota' }, { kimId: OTHER, position: 'ketua' }] };
		expect(canReviewPost(both, kimPost('in_review'))).toBe(false);
		expect(canReviewPost(both, { kimId: OTHER })).toBe(true);
	});

	it('a KIM member never writes programs, an agency post never belongs to members', () => {
		for (const a of Object.values(ROLES)) expect(canCreatePost(a, { kimId: THIS, kind: 'program' })).toBe(false);
		expect(canEditPost(ROLES['pengurus of this KIM'], agencyPost('draft', 'ketua'))).toBe(false);
	});
});
