import { describe, expect, it } from 'vitest';
import { CreateEmergencySchema, CreateServiceSchema, FacilityFormSchema, ServiceFormSchema, UpdateFacilitySchema, UpdateServiceSchema } from './layanan.schema';

const form = {
	name: ' Izin Reklame ', unit_code: 'dpmptsp', category: 'perizinan', description: '',
	requirements: '1. KTP-el\r\n\r\n- NIB', steps: 'Ajukan\nBayar', fee: 'Rp 15.000', fee_note: '', service_time: '5 hari kerja',
	location: 'MPP', hours: 'Senin–Jumat', contact: '', online_url: '', slug: ''
};

describe('service inputs', () => {
	it('reads a form: lines, rupiah, blanks as null, an unticked box as unpublished', () => {
		const v = ServiceFormSchema.parse(form);
		expect(v).toMatchObject({
			name: 'Izin Reklame', requirements: ['KTP-el', 'NIB'], steps: ['Ajukan', 'Bayar'], fee: 15000, description: null,
			fee_note: null, contact: null, online_url: null, slug: undefined, kelurahan_codes: [], is_published: false
		});
		expect(ServiceFormSchema.parse({ ...form, is_published: 'on', kelurahan_codes: ['33.71.01.1011'] })).toMatchObject({ is_published: true, kelurahan_codes: ['33.71.01.1011'] });
	});

	it('defaults an API create to published and free', () => {
		const v = CreateServiceSchema.parse({ ...form, fee: undefined, requirements: undefined });
		expect(v).toMatchObject({ is_published: true, fee: 0, requirements: [] });
	});

	it('leaves out what a PATCH does not name', () => {
		expect(UpdateServiceSchema.parse({ fee: 'gratis' })).toEqual({ fee: 0 });
		expect(UpdateServiceSchema.parse({})).toEqual({});
	});

	it('refuses NUL bytes, too many lines and non-web links', () => {
		const r = CreateServiceSchema.safeParse({ ...form, name: 'a\0b', requirements: Array.from({ length: 31 }, (_, i) => `r${i}`), online_url: 'ftp://x.id' });
		expect(r.success).toBe(false);
		expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['name', 'online_url', 'requirements']);
	});
});

describe('facility inputs', () => {
	it('reads decimal commas and empty coordinates', () => {
		const base = { name: 'Posyandu', kind: 'posyandu', address: 'RW 1', kelurahan_code: '33.71.01.1011' };
		expect(FacilityFormSchema.parse({ ...base, lat: '-7,49', lng: ' 110,21 ' })).toMatchObject({ lat: -7.49, lng: 110.21, is_published: false, phone: null });
		expect(FacilityFormSchema.parse({ ...base, lat: '', lng: '' })).toMatchObject({ lat: null, lng: null });
		expect(UpdateFacilitySchema.parse({ lat: null })).toEqual({ lat: null });
		const bad = FacilityFormSchema.safeParse({ ...base, lat: 'utara', lng: '400' });
		expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(['lat', 'lng']);
	});
});

describe('emergency inputs', () => {
	it('takes the order as digits and defaults it to 0', () => {
		expect(CreateEmergencySchema.parse({ label: 'Polisi', number: '110', position: '3' })).toMatchObject({ position: 3, description: null });
		expect(CreateEmergencySchema.parse({ label: 'Polisi', number: '110' }).position).toBe(0);
		expect(CreateEmergencySchema.safeParse({ label: 'Polisi', number: '110', position: '-1' }).success).toBe(false);
	});
});
