import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import type { KimPosition, KimStatus, SystemRole } from '../../shared/roles';
import {
	canEditKim, canListAllKims, canManageMembers, canOpenManagePage, canRegisterKim, canRegisterOnBehalf,
	canResubmitKim, canReviewKim, canUploadKimFiles, canViewKim, canViewSkFile
} from './kims.policy';

const THIS = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const actor = (role: SystemRole, kim?: [string, KimPosition]): Actor => ({
	userId: 'u', email: 'u@test.id', name: 'U', role, kims: kim ? [{ kimId: kim[0], position: kim[1] }] : []
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
	'open manage page': (a) => canOpenManagePage(a, verified)
};

const Y = true, N = false;
// Columns in ACTIONS order.
const EXPECTED: Record<string, boolean[]> = {
	//                                   view  viewNV listAll reg  behalf edit verify return deact react resub members upload skfile manage
	anonymous:                          [Y,    N,     N,      N,   N,     N,   N,     N,     N,    N,    N,    N,      N,     N,     N],
	warga:                              [Y,    N,     N,      Y,   N,     N,   N,     N,     N,    N,    N,    N,      N,     N,     N],
	'anggota of this KIM':              [Y,    Y,     N,      Y,   N,     N,   N,     N,     N,    N,    N,    N,      N,     Y,     Y],
	'seksi of this KIM':                [Y,    Y,     N,      Y,   N,     N,   N,     N,     N,    N,    N,    N,      N,     Y,     Y],
	'pengurus (ketua) of this KIM':     [Y,    Y,     N,      Y,   N,     Y,   N,     N,     N,    N,    Y,    Y,      Y,     Y,     Y],
	'pengurus (sekretaris) of this KIM':[Y,    Y,     N,      Y,   N,     Y,   N,     N,     N,    N,    Y,    Y,      Y,     Y,     Y],
	'pengurus (bendahara) of this KIM': [Y,    Y,     N,      Y,   N,     Y,   N,     N,     N,    N,    Y,    Y,      Y,     Y,     Y],
	'anggota of another KIM':           [Y,    N,     N,      Y,   N,     N,   N,     N,     N,    N,    N,    N,      N,     N,     N],
	'pengurus of another KIM':          [Y,    N,     N,      Y,   N,     N,   N,     N,     N,    N,    N,    N,      N,     N,     N],
	petugas:                            [Y,    Y,     Y,      Y,   Y,     Y,   Y,     Y,     Y,    Y,    Y,    Y,      Y,     Y,     Y],
	admin:                              [Y,    Y,     Y,      Y,   Y,     Y,   Y,     Y,     Y,    Y,    Y,    Y,      Y,     Y,     Y]
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
