import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import type { KimPosition, SystemRole } from '../../shared/roles';
import {
	canListCampaigns, canOpenInbox, canPlanCampaign, canRespondToAssignment, canViewAllAssignments, canViewAssignment, canViewCampaign
} from './campaigns.policy';

const actor = (role: SystemRole, kims: [string, KimPosition][] = []): Actor => ({
	userId: 'u', email: 'u@test.id', name: 'U', role, kims: kims.map(([kimId, position]) => ({ kimId, position })), units: []
});
const admin = actor('admin');
const petugas = actor('petugas');
const ketuaA = actor('warga', [['A', 'ketua']]);
const sekretarisA = actor('warga', [['A', 'sekretaris']]);
const seksiA = actor('warga', [['A', 'seksi']]);
const anggotaA = actor('warga', [['A', 'anggota']]);
const ketuaB = actor('warga', [['B', 'ketua']]);
const warga = actor('warga');

describe('campaign planning', () => {
	it('is for staff only', () => {
		for (const a of [admin, petugas]) expect([canPlanCampaign(a), canListCampaigns(a), canViewAllAssignments(a)]).toEqual([true, true, true]);
		for (const a of [ketuaA, anggotaA, warga, null]) expect([canPlanCampaign(a), canListCampaigns(a), canViewAllAssignments(a)]).toEqual([false, false, false]);
	});
});

describe('canViewCampaign', () => {
	it('shows drafts to staff only', () => {
		expect(canViewCampaign(petugas, { status: 'draft' }, [])).toBe(true);
		expect(canViewCampaign(ketuaA, { status: 'draft' }, ['A'])).toBe(false);
	});
	it('shows launched campaigns to members of assigned KIMs, any position', () => {
		for (const status of ['active', 'finished'] as const) {
			for (const a of [ketuaA, sekretarisA, seksiA, anggotaA]) expect(canViewCampaign(a, { status }, ['A', 'C'])).toBe(true);
			for (const a of [ketuaB, warga, null]) expect(canViewCampaign(a, { status }, ['A', 'C'])).toBe(false);
			expect(canViewCampaign(admin, { status }, [])).toBe(true);
		}
	});
});

describe('assignments', () => {
	const asg = { kimId: 'A' };
	it('are seen by the KIM’s members and staff', () => {
		for (const a of [ketuaA, seksiA, anggotaA, petugas, admin]) expect(canViewAssignment(a, asg)).toBe(true);
		for (const a of [ketuaB, warga, null]) expect(canViewAssignment(a, asg)).toBe(false);
	});
	it('are answered by the KIM’s pengurus and staff, not by anggota, seksi or other KIMs', () => {
		for (const a of [ketuaA, sekretarisA, petugas, admin]) expect(canRespondToAssignment(a, asg)).toBe(true);
		for (const a of [seksiA, anggotaA, ketuaB, warga, null]) expect(canRespondToAssignment(a, asg)).toBe(false);
	});
	it('inbox needs a login', () => {
		expect(canOpenInbox(null)).toBe(false);
		expect(canOpenInbox(warga)).toBe(true);
	});
});
