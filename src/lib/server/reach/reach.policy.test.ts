import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { canSeeCampaign, canShareFor, isShareable } from './reach.policy';

const actor = (role: 'warga' | 'petugas' | 'admin', kims: [string, 'ketua' | 'anggota' | 'seksi'][] = []): Actor => ({
	userId: 'u', email: 'u@x.id', name: 'U', role, kims: kims.map(([kimId, position]) => ({ kimId, position })), units: []
});

describe('reach policy', () => {
	it('share kits exist for active and finished campaigns only', () => {
		expect(isShareable({ status: 'draft' })).toBe(false);
		expect(isShareable({ status: 'active' })).toBe(true);
		expect(isShareable({ status: 'finished' })).toBe(true);
	});

	it('drafts are visible to staff only', () => {
		expect(canSeeCampaign(actor('petugas'), { status: 'draft' })).toBe(true);
		expect(canSeeCampaign(actor('admin'), { status: 'draft' })).toBe(true);
		expect(canSeeCampaign(actor('warga', [['A', 'ketua']]), { status: 'draft' })).toBe(false);
		expect(canSeeCampaign(null, { status: 'draft' })).toBe(false);
		expect(canSeeCampaign(null, { status: 'active' })).toBe(true);
	});

	it('a member of any position shares for their own carrying KIM only', () => {
		for (const position of ['ketua', 'anggota', 'seksi'] as const) expect(canShareFor(actor('warga', [['A', position]]), 'A', ['A'])).toBe(true);
		expect(canShareFor(actor('warga', [['B', 'ketua']]), 'A', ['A'])).toBe(false);
		expect(canShareFor(actor('warga', [['A', 'anggota']]), 'A', ['B'])).toBe(false);
		expect(canShareFor(actor('warga'), 'A', ['A'])).toBe(false);
		expect(canShareFor(actor('petugas'), 'A', ['A'])).toBe(false);
		expect(canShareFor(actor('petugas', [['A', 'anggota']]), 'A', ['A'])).toBe(true);
		expect(canShareFor(null, 'A', ['A'])).toBe(false);
	});
});
