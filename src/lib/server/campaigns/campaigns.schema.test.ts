import { describe, expect, it } from 'vitest';
import { CampaignFormSchema, CreateCampaignSchema, formFieldPath } from './campaigns.schema';

const P1 = '0b9f6c1e-0000-4000-8000-000000000001';
const P2 = '0b9f6c1e-0000-4000-8000-000000000002';
const K1 = '0b9f6c1e-0000-4000-8000-0000000000a1';
const form = {
	title: ' Imunisasi ', objective: 'Tujuan', key_messages: 'Satu\r\n\r\n  Dua  \n', main_post_id: P1, other_post_ids: [P1, P2],
	whatsapp_template: '{judul} {tautan}', priority: '', starts_on: '2026-11-01', ends_on: '2026-11-30', due_on: '',
	target_kind: 'kelurahan', target_codes: ['33.71.01.1011'], target_kim_ids: [K1], target_reach: ' 5000 '
};

describe('the planning form', () => {
	it('maps flat fields to the API input: lines, main post first, target lists by kind', () => {
		expect(CampaignFormSchema.parse(form)).toEqual({
			title: 'Imunisasi', objective: 'Tujuan', key_messages: ['Satu', 'Dua'], post_ids: [P1, P2], whatsapp_template: '{judul} {tautan}',
			priority: 'medium', starts_on: '2026-11-01', ends_on: '2026-11-30', due_on: null, target: { kind: 'kelurahan', codes: ['33.71.01.1011'] }, target_reach: 5000
		});
		expect(CampaignFormSchema.parse({ ...form, target_kind: 'kims' }).target).toEqual({ kind: 'kims', kim_ids: [K1] });
		expect(CampaignFormSchema.parse({ ...form, target_kind: 'all' }).target).toEqual({ kind: 'all' });
	});
	it('reports missing choices on the form’s fields', () => {
		const r = CampaignFormSchema.safeParse({ ...form, main_post_id: '', other_post_ids: [], target_codes: [], target_reach: '-3' });
		expect(r.success).toBe(false);
		const paths = r.error!.issues.map((i) => formFieldPath(i.path.join('.')));
		expect(paths).toEqual(['main_post_id', 'target_codes', 'target_reach']);
	});
	it('maps API paths to field names', () => {
		expect(['target', 'target.kind', 'target.codes.3', 'target.kim_ids', 'target_reach', 'post_ids.1', 'key_messages.2', 'title'].map(formFieldPath))
			.toEqual(['target_kind', 'target_kind', 'target_codes', 'target_kim_ids', 'target_reach', 'main_post_id', 'key_messages', 'title']);
	});
	it('refuses fractions, zero and absurd reach in the API', () => {
		const base = CampaignFormSchema.parse(form);
		for (const target_reach of [0, 1.5, 10_000_001, '12']) expect(CreateCampaignSchema.safeParse({ ...base, target_reach: target_reach }).success).toBe(target_reach === '12');
	});
});
