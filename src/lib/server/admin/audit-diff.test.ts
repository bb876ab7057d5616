import { describe, expect, it } from 'vitest';
import { diffChange, showValue } from './audit-diff';

describe('diffChange', () => {
	it('lists only the keys whose values changed', () => {
		expect(diffChange({ role: 'warga', email: 'a@b.id', isActive: true }, { role: 'admin', email: 'a@b.id', isActive: true })).toEqual([
			{ key: 'role', before: 'warga', after: 'admin' }
		]);
	});
	it('treats a missing side as null and skips updatedAt', () => {
		expect(diffChange(null, { name: 'Sri', updatedAt: '2026-01-01' })).toEqual([{ key: 'name', before: null, after: 'Sri' }]);
		expect(diffChange({ population: 10 }, {})).toEqual([{ key: 'population', before: '10', after: null }]);
	});
	it('compares nested values deeply and shows them as JSON', () => {
		const before = { '33.71.01.1003': { population: null, areaKm2: 1 } };
		const after = { '33.71.01.1003': { population: 9120, areaKm2: 1 } };
		expect(diffChange(before, after)).toEqual([
			{ key: '33.71.01.1003', before: '{"population":null,"areaKm2":1}', after: '{"population":9120,"areaKm2":1}' }
		]);
		expect(diffChange({ a: { x: 1 } }, { a: { x: 1 } })).toEqual([]);
	});
	it('handles snapshots that are not objects, and nothing at all', () => {
		expect(diffChange(null, null)).toEqual([]);
		expect(diffChange('a', 'b')).toEqual([{ key: '', before: 'a', after: 'b' }]);
	});
	it('shortens long values', () => {
		expect(showValue('x'.repeat(500))!.length).toBe(300);
	});
});
