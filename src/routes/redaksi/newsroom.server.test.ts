import { describe, expect, it } from 'vitest';
import { CreatePostFormSchema, toFieldPaths, updatePostFormSchema } from './newsroom.server';

const base = { title: 'Judul', summary: 'Ringkas', body: 'Isi', kim_id: '' };

describe('newsroom form parsing', () => {
	it('splits comma separated tags and sources one per line', () => {
		const v = CreatePostFormSchema.parse({ ...base, kind: 'clarification', tags: 'Kesehatan, posyandu, ', sources: 'https://a.go.id/x\r\n\r\nhttps://b.go.id/y' });
		expect(v.tags).toEqual(['kesehatan', 'posyandu']);
		expect(v.sources).toEqual(['https://a.go.id/x', 'https://b.go.id/y']);
	});

	it('drops the fields of other kinds that a form still posts', () => {
		const v = CreatePostFormSchema.parse({ ...base, kind: 'news', expires_on: '2026-12-31', claim: 'x', form: 'edit' });
		expect(v).not.toHaveProperty('expires_on');
		expect(v).not.toHaveProperty('claim');
		const u = updatePostFormSchema('announcement').parse({ title: 'T', expires_on: '2026-12-31', price: '100' });
		expect(u.expires_on).toBe('2026-12-31');
		expect(u).not.toHaveProperty('price');
	});

	it('an empty kim_id is an agency post', () => {
		expect(CreatePostFormSchema.parse({ ...base, kind: 'news' }).kim_id).toBeNull();
	});

	it('points list errors at the form field, once', () => {
		const r = toFieldPaths({ data: { errors: [{ path: 'sources.0', message: 'm' }, { path: 'sources.1', message: 'm' }, { path: 'title', message: 't' }] } });
		expect(r.data.errors).toEqual([{ path: 'sources', message: 'm' }, { path: 'title', message: 't' }]);
	});
});
