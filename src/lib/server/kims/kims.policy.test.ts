import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { KIM_POSITIONS, type KimPosition, type KimStatus, type SystemRole } from '../../shared/roles';
import {
	canChangeMember, canEditKim, canListAllKims, canManageKetua, canManageMembers, canOpenManagePage, canRegisterKim, canRegisterOnBehalf,
	canResubmitKim, canReviewKim, canSeeAllMembers, canSeeMemberEmails, canUploadKimFiles, canViewKim, canViewSkFile
} from './kims.policy';

const THIS = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const actor = (role: SystemRole, kim?: [string, KimPosition]): Actor => ({
	userId: 'u', email: 'u@test.id', name: 'U', role, kims: kim ? [{ kimId: kim[0], position: kim[1] }] : [], units: []
});

const ROLES: Record<string, Actor> = {
	anonymous: null,
	warga: actor('warga'),
	'anggota of this KIM': actor('warga', [THIS, 'anggota']),
	'seksi of this KIM': actor('warga', [THIS, 'seksi']),
	'pengurus (ketua) of this KIM': actor('warga', [THIS, 'ketua']),
	'pengurus (sekretaris) of this KIM': actor('warga', [THIS, 'sekretaris']),
	'pengurus (bendahara) of this KIM': actor('warga', [THIS, 'bendahara']),
	'anggota of another KIM': actor('warga', [OTHER, 'anggota']),
	'pengurus of another KIM': actor('warga', [OTHER, 'ketua']),
	petugas: actor('petugas'),
	admin: actor('admin')
};

const verified = { id: THIS, status: 'verified' as KimStatus };
const registered = { id: THIS, status: 'registered' as KimStatus };

const ACTIONS: Record<string, (a: Actor) => boolean> = {
	'view (verified)': (a) => canViewKim(a, verified),
	'view (not verified)': (a) => canViewKim(a, registered),
	'list all non-verified': (a) => canListAllKims(a),
	register: (a) => canRegisterKim(a),
	'register on behalf': (a) => canRegisterOnBehalf(a),
	edit: (a) => canEditKim(a, verified),
	verify: (a) => canReviewKim(a),
	return: (a) => canReviewKim(a),
	deactivate: (a) => canReviewKim(a),
	reactivate: (a) => canReviewKim(a),
	resubmit: (a) => canResubmitKim(a, registered),
	'manage members': (a) => canManageMembers(a, verified),
	'upload files': (a) => canUploadKimFiles(a, verified),
	'view SK file': (a) => canViewSkFile(a, verified),
	'open manage page': (a) => canOpenManagePage(a, verified),
	'manage ketua': (a) => canManageKetua(a, verified),
	'see all members': (a) => canSeeAllMembers(a, verified),
	'see member emails': (a) => canSeeMemberEmails(a, verified)
};

const Y = true, N = false;
// Columns in ACTIONS order.
const EXPECTED: Record<string, boolean[]> = {
	//                                   view  viewNV listAll reg  behalf edit verify return deact react resub members upload skfile manage ketua allMem emails
	anonymous:                          [Y,    N,     N,      N,   N,     N,   N,     N,     N,    N,    N,    N,      N,     N,     N,      N,     N,      N],
	warga:                              [Y,    N,     N,      Y,   N,     N,   N,     N,     N,    N,    N,    N,      N,     N,     N,      N,     N,      N],
	'anggota of this KIM':              [Y,    Y,     N,      Y,   N,     N,   N,     N,     N,    N,    N,    N,      N,     Y,     Y,      N,     Y,      N],
	'seksi of this KIM':                [Y,    Y,     N,      Y,   N,     N,   N,     N,     N,    N,    N,    N,      N,     Y,     Y,      N,     Y,      N],
	'pengurus (ketua) of this KIM':     [Y,    Y,     N,      Y,   N,     Y,   N,     N,     N,    N,    Y,    Y,      Y,     Y,     Y,      Y,     Y,      Y],
	'pengurus (sekretaris) of this KIM':[Y,    Y,     N,      Y,   N,     Y,   N,     N,     N,    N,    Y,    Y,      Y,     Y,     Y,      N,     Y,      Y],
	'pengurus (bendahara) of this KIM': [Y,    Y,     N,      Y,   N,     Y,   N,     N,     N,    N,    Y,    Y,      Y,     Y,     Y,      N,     Y,      Y],
	'anggota of another KIM':           [Y,    N,     N,      Y,   N,     N,   N,     N,     N,    N,    N,    N,      N,     N,     N,      N,     N,      N],
	'pengurus of another KIM':          [Y,    N,     N,      Y,   N,     N,   N,     N,     N,    N,    N,    N,      N,     N,     N,      N,     N,      N],
	petugas:                            [Y,    Y,     Y,      Y,   Y,     Y,   Y,     Y,     Y,    Y,    Y,    Y,      Y,     Y,     Y,      Y,     Y,      Y],
	admin:                              [Y,    Y,     Y,      Y,   Y,     Y,   Y,     Y,     Y,    Y,    Y,    Y,      Y,     Y,     Y,      Y,     Y,      Y]
};

describe('KIM policy: every role × every action', () => {
	const actionNames = Object.keys(ACTIONS);
	it('the table is complete', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(ROLES).sort());
		for (const row of Object.values(EXPECTED)) expect(row).toHaveLength(actionNames.length);
	});

	const cases = Object.entries(EXPECTED).flatMap(([role, row]) =>
		actionNames.map((action, i) => [role, action, row[i]] as const)
	);
	it.each(cases)('%s → %s: %s', (role, action, allowed) => {
		expect(ACTIONS[action](ROLES[role])).toBe(allowed);
	});
});

describe('canChangeMember: the ketua position is for a ketua or staff', () => {
	const sides: (KimPosition | null)[] = [null, ...KIM_POSITIONS];
	const changes = sides.flatMap((from) => sides.map((to) => ({ from, to }))).filter((c) => c.from !== null || c.to !== null);
	const touchesKetua = (c: { from: KimPosition | null; to: KimPosition | null }) => c.from === 'ketua' || c.to === 'ketua';

	it.each(changes)('ketua, petugas and admin may make any change: %j', (change) => {
		for (const role of ['pengurus (ketua) of this KIM', 'petugas', 'admin']) expect(canChangeMember(ROLES[role], verified, change)).toBe(true);
	});

	it.each(changes)('sekretaris and bendahara only when the ketua is not involved: %j', (change) => {
		for (const role of ['pengurus (sekretaris) of this KIM', 'pengurus (bendahara) of this KIM']) {
			expect(canChangeMember(ROLES[role], verified, change)).toBe(!touchesKetua(change));
		}
	});

	it.each(changes)('no one else may change members at all: %j', (change) => {
		for (const role of ['anonymous', 'warga', 'anggota of this KIM', 'seksi of this KIM', 'anggota of another KIM', 'pengurus of another KIM']) {
			expect(canChangeMember(ROLES[role], verified, change)).toBe(false);
		}
	});

	it('names the takeover: a sekretaris cannot promote themselves or remove the ketua', () => {
		const sek = ROLES['pengurus (sekretaris) of this KIM'];
		expect(canChangeMember(sek, verified, { from: 'sekretaris', to: 'ketua' })).toBe(false);
		expect(canChangeMember(sek, verified, { from: 'ketua', to: null })).toBe(false);
		expect(canChangeMember(sek, verified, { from: 'ketua', to: 'anggota' })).toBe(false);
		expect(canChangeMember(sek, verified, { from: null, to: 'ketua' })).toBe(false);
		expect(canChangeMember(sek, verified, { from: 'anggota', to: 'bendahara' })).toBe(true);
	});

	it('a ketua of another KIM is no ketua here', () => {
		expect(canChangeMember(ROLES['pengurus of another KIM'], verified, { from: 'anggota', to: 'ketua' })).toBe(false);
	});
});
