import { describe, expect, it } from 'vitest';
import { accountChanges, leavesAnAdmin, likePattern } from './users.rules';

const admin = { role: 'admin' as const, isActive: true };

describe('leavesAnAdmin', () => {
	it.each([
		['demoting the last admin', admin, { role: 'petugas' as const, isActive: true }, 1, false],
		['deactivating the last admin', admin, { role: 'admin' as const, isActive: false }, 1, false],
		['demoting one of two admins', admin, { role: 'warga' as const, isActive: true }, 2, true],
		['changing a petugas', { role: 'petugas' as const, isActive: true }, { role: 'warga' as const, isActive: false }, 1, true],
		['reactivating an admin', { role: 'admin' as const, isActive: false }, admin, 0, true]
	])('%s → %s', (_name, before, after, admins, ok) => {
		expect(leavesAnAdmin(before, after, admins)).toBe(ok);
	});
});

describe('accountChanges', () => {
	it('names one audit action per kind of change', () => {
		expect(accountChanges(admin, admin)).toEqual([]);
		expect(accountChanges(admin, { role: 'petugas', isActive: false }).map((c) => c.action)).toEqual(['user.role_change', 'user.deactivate']);
		expect(accountChanges({ role: 'warga', isActive: false }, { role: 'warga', isActive: true })).toEqual([
			{ action: 'user.reactivate', before: { isActive: false }, after: { isActive: true } }
		]);
	});
});

it('likePattern escapes wildcards', () => {
	expect(likePattern('50%_a')).toBe('%50\\%\\_a%');
});
