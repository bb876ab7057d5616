import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { canSeeCampaign, canViewStats, statsScopeOf } from './stats.policy';

const actor = (role: 'warga' | 'petugas' | 'admin', kims: NonNullable<Actor>['kims'] = []): Actor => ({ userId: 'u', email: 'u@x', name: 'U', role, kims, units: [] });

describe('stats policy', () => {
	it('staff see the whole campaign, assigned or not', () => {
		expect(statsScopeOf(actor('petugas'), [])).toBe('all');
		expect(statsScopeOf(actor('admin'), ['k1'])).toBe('all');
	});
	it('a pengurus sees the assigned KIMs they lead; an anggota, another KIM’s pengurus and residents nothing', () => {
		expect(statsScopeOf(actor('warga', [{ kimId: 'k1', position: 'ketua' }, { kimId: 'k2', position: 'bendahara' }, { kimId: 'k3', position: 'sekretaris' }]), ['k1', 'k2', 'k1'])).toEqual(['k1', 'k2']);
		expect(statsScopeOf(actor('warga', [{ kimId: 'k1', position: 'anggota' }]), ['k1'])).toEqual([]);
		expect(statsScopeOf(actor('warga', [{ kimId: 'k1', position: 'seksi' }]), ['k1'])).toEqual([]);
		expect(statsScopeOf(actor('warga', [{ kimId: 'k9', position: 'ketua' }]), ['k1'])).toEqual([]);
		expect(statsScopeOf(null, ['k1'])).toEqual([]);
		expect(canViewStats([])).toBe(false);
		expect(canViewStats(['k1'])).toBe(true);
		expect(canViewStats('all')).toBe(true);
	});
	it('a draft exists for staff only', () => {
		expect(canSeeCampaign(actor('petugas'), { status: 'draft' })).toBe(true);
		expect(canSeeCampaign(actor('warga', [{ kimId: 'k1', position: 'ketua' }]), { status: 'draft' })).toBe(false);
		expect(canSeeCampaign(null, { status: 'active' })).toBe(true);
		expect(canSeeCampaign(null, { status: 'finished' })).toBe(true);
	});
});
