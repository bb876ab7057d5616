import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { canReadAudit, canRetryOutbox, canViewAdminOverview, canViewOutbox, authorize, authorizeSystemOrActor } from './admin.policy';
import { canChangeUser, canCreateStaff, canListUsers } from '../users/users.policy';
import { canAddRegency, canEditRegion, canImportPopulation } from '../regions/regions.policy';
import { AppError } from '../errors';

const person = (role: 'warga' | 'petugas' | 'admin', position?: 'ketua' | 'anggota'): Actor => ({
	userId: `id-${role}-${position ?? ''}`,
	email: `${role}@contoh.id`,
	name: role,
	role,
	kims: position ? [{ kimId: 'kim-1', position }] : [], units: []
});

const ACTORS: Record<string, Actor> = {
	anonymous: null,
	warga: person('warga'),
	anggota: person('warga', 'anggota'),
	pengurus: person('warga', 'ketua'),
	petugas: person('petugas'),
	admin: person('admin')
};

const someoneElse = { id: 'another-user' };
const ACTIONS: Record<string, (a: Actor) => boolean> = {
	'list users': canListUsers,
	'create staff account': canCreateStaff,
	'change another user': (a) => canChangeUser(a, someoneElse),
	'edit region': canEditRegion,
	'import population': canImportPopulation,
	'add regency': canAddRegency,
	'read audit log': canReadAudit,
	'view outbox': canViewOutbox,
	'retry outbox message': canRetryOutbox,
	'view admin overview': canViewAdminOverview
};

describe('admin policy: every role × every admin action', () => {
	const table = Object.keys(ACTORS).flatMap((role) =>
		Object.keys(ACTIONS).map((action) => ({ role, action, allowed: role === 'admin' }))
	);
	it.each(table)('$role may $action: $allowed', ({ role, action, allowed }) => {
		expect(ACTIONS[action](ACTORS[role])).toBe(allowed);
	});

	it('an admin cannot change their own account', () => {
		const admin = ACTORS.admin!;
		expect(canChangeUser(admin, { id: admin.userId })).toBe(false);
	});
});

describe('authorize', () => {
	const codeOf = (fn: () => void) => {
		try {
			fn();
			return 'ok';
		} catch (err) {
			return (err as AppError).code;
		}
	};
	it('refuses anonymous visitors as UNAUTHENTICATED and others as FORBIDDEN', () => {
		expect(codeOf(() => authorize(null, canReadAudit))).toBe('UNAUTHENTICATED');
		expect(codeOf(() => authorize(ACTORS.petugas, canReadAudit))).toBe('FORBIDDEN');
		expect(codeOf(() => authorize(ACTORS.admin, canReadAudit))).toBe('ok');
	});
	it('the system path lets only null (the CLI) and permitted actors through', () => {
		expect(codeOf(() => authorizeSystemOrActor(null, canAddRegency))).toBe('ok');
		expect(codeOf(() => authorizeSystemOrActor(ACTORS.admin, canAddRegency))).toBe('ok');
		expect(codeOf(() => authorizeSystemOrActor(ACTORS.pengurus, canAddRegency))).toBe('FORBIDDEN');
	});
});
