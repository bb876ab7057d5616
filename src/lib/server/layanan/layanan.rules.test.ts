import { describe, expect, it } from 'vitest';
import {
	FACILITY_KINDS, FACILITY_SCHEMA_TYPE, MAX_FEE, contactParts, feeLabel, formatFee, groupByKind, isPhoneNumber, isSlug, kecamatanOf, orderEmergency, osmUrl,
	parseFee, parseLines, pointProblem, slugify, telHref, uniqueSlug
} from './layanan.rules';
import { CITY_BBOX } from '../aduan/aduan.rules';

describe('formatFee', () => {
	it('writes rupiah with id-ID thousands dots, and 0 as free', () => {
		expect(formatFee(15000)).toBe('Rp 15.000');
		expect(formatFee(1_500_000)).toBe('Rp 1.500.000');
		expect(formatFee(500)).toBe('Rp 500');
		expect(formatFee(0)).toBe('Gratis');
		expect(formatFee(0, 'Free')).toBe('Free');
	});
});

describe('feeLabel', () => {
	it('uses the note for a varying fee (0 with a note), else the amount or free', () => {
		expect(feeLabel(0, null)).toBe('Gratis');
		expect(feeLabel(0, '  ')).toBe('Gratis');
		expect(feeLabel(0, 'Sesuai luas bangunan')).toBe('Sesuai luas bangunan');
		expect(feeLabel(15000, 'per bulan')).toBe('Rp 15.000');
		expect(feeLabel(0, undefined, 'Free')).toBe('Free');
	});
});

describe('parseFee', () => {
	it.each([
		['15000', 15000], ['15.000', 15000], ['Rp 15.000', 15000], ['rp15.000', 15000], ['Rp. 1.500.000', 1_500_000],
		['Rp 15.000,00', 15000], ['Rp 15.000,-', 15000], ['gratis', 0], ['Gratis', 0], ['', 0], ['-', 0], ['0', 0], [' 250 ', 250],
		[15000, 15000], [0, 0], [String(MAX_FEE), MAX_FEE]
	])('%s → %s', (input, expected) => expect(parseFee(input)).toBe(expected));

	it.each([['-5'], ['15.00'], ['1.5'], ['15,5'], ['lima ribu'], ['1e5'], ['15.0000'], [String(MAX_FEE + 1)], ['99999999999999999999']])(
		'refuses %s', (input) => expect(parseFee(input)).toBeNull()
	);
	it('refuses numbers that are not whole, negative or too big', () => {
		expect(parseFee(-1)).toBeNull();
		expect(parseFee(1.5)).toBeNull();
		expect(parseFee(MAX_FEE + 1)).toBeNull();
		expect(parseFee(Number.NaN)).toBeNull();
	});
});

describe('slugs', () => {
	it('makes ASCII slugs from names', () => {
		expect(slugify('Penerbitan Akta Kelahiran')).toBe('penerbitan-akta-kelahiran');
		expect(slugify('  NIB / Izin Usaha (OSS)  ')).toBe('nib-izin-usaha-oss');
		expect(slugify('Perizinan & Usaha')).toBe('perizinan-dan-usaha');
		expect(slugify('Café Pelayanan')).toBe('cafe-pelayanan');
		expect(slugify('!!!')).toBe('layanan');
		expect(slugify('a'.repeat(78) + ' b c')).toHaveLength(80);
		expect(slugify('a'.repeat(79) + ' bc').endsWith('-')).toBe(false);
	});

	it('validates slugs and keeps route names free', () => {
		expect(isSlug('akta-kelahiran')).toBe(true);
		expect(isSlug('ktp-el-2')).toBe(true);
		for (const bad of ['Akta', 'akta--kelahiran', '-akta', 'akta-', 'akta kelahiran', '', 'fasilitas', 'a'.repeat(81)]) expect(isSlug(bad)).toBe(false);
	});

	it('refuses UUID-shaped slugs, which would read as an id (and numbers a made one)', () => {
		expect(isSlug('0b9f6c1e-0000-4000-8000-000000000000')).toBe(false);
		expect(isSlug('0b9f6c1e-0000-4000-8000-00000000000')).toBe(true);
		expect(uniqueSlug(slugify('0B9F6C1E-0000-4000-8000-000000000000'), [])).toBe('0b9f6c1e-0000-4000-8000-000000000000-2');
	});

	it('numbers a taken slug', () => {
		expect(uniqueSlug('ktp', [])).toBe('ktp');
		expect(uniqueSlug('ktp', ['ktp'])).toBe('ktp-2');
		expect(uniqueSlug('ktp', ['ktp', 'ktp-2', 'ktp-3'])).toBe('ktp-4');
		expect(uniqueSlug('fasilitas', [])).toBe('fasilitas-2');
	});
});

describe('parseLines', () => {
	it('splits a textarea into items, dropping blanks and list markers', () => {
		expect(parseLines('Fotokopi KK\r\n\n  2. Surat pengantar RT/RW \n- KTP-el asli\n• Pas foto\n1) Formulir F-1.01')).toEqual([
			'Fotokopi KK', 'Surat pengantar RT/RW', 'KTP-el asli', 'Pas foto', 'Formulir F-1.01'
		]);
		expect(parseLines(['  a ', '', 'b'])).toEqual(['a', 'b']);
		expect(parseLines('')).toEqual([]);
		expect(parseLines(null)).toEqual([]);
		// A year or a number that is part of the text stays.
		expect(parseLines('2024 ke atas\n10.000 lembar')).toEqual(['2024 ke atas', '10.000 lembar']);
	});
});

describe('phone numbers', () => {
	it('builds tel: links from what people write', () => {
		expect(telHref('112')).toBe('tel:112');
		expect(telHref('(0293) 362-345')).toBe('tel:0293362345');
		expect(telHref('+62 293 362345')).toBe('tel:+62293362345');
	});
	it('accepts phone-like strings only', () => {
		for (const ok of ['112', '(0293) 362345', '+62 812-3456-7890', '0293.362.345']) expect(isPhoneNumber(ok)).toBe(true);
		for (const bad of ['12', 'abc', '112a', 'tel:112', '', '+', '1'.repeat(21)]) expect(isPhoneNumber(bad)).toBe(false);
	});
});

describe('points', () => {
	it('needs both coordinates or neither, inside the city box (edges included)', () => {
		expect(pointProblem(null, null)).toBeNull();
		expect(pointProblem(undefined, undefined)).toBeNull();
		expect(pointProblem(-7.47, null)).toBe('incomplete');
		expect(pointProblem(undefined, 110.22)).toBe('incomplete');
		expect(pointProblem(-7.47, 110.22)).toBeNull();
		expect(pointProblem(CITY_BBOX.minLat, CITY_BBOX.minLng)).toBeNull();
		expect(pointProblem(CITY_BBOX.maxLat, CITY_BBOX.maxLng)).toBeNull();
		expect(pointProblem(CITY_BBOX.minLat - 0.001, 110.22)).toBe('outside');
		expect(pointProblem(-7.47, CITY_BBOX.maxLng + 0.001)).toBe('outside');
		expect(pointProblem(7.47, 110.22)).toBe('outside');
		expect(pointProblem(0, 0)).toBe('outside');
	});
	it('links OpenStreetMap at the point', () => {
		expect(osmUrl(-7.4797, 110.2177)).toBe('https://www.openstreetmap.org/?mlat=-7.479700&mlon=110.217700#map=18/-7.479700/110.217700');
	});
});

describe('ordering and grouping', () => {
	it('puts 112 first whatever its position, then by position and label', () => {
		const rows = [
			{ number: '110', position: 1, label: 'Polisi' },
			{ number: '113', position: 1, label: 'Damkar' },
			{ number: '1 1 2', position: 9, label: 'Darurat' },
			{ number: '119', position: 0, label: 'Ambulans' }
		];
		expect(orderEmergency(rows).map((r) => r.number)).toEqual(['1 1 2', '119', '113', '110']);
	});
	it('groups facilities by kind in the fixed order, without empty groups', () => {
		const groups = groupByKind([{ kind: 'posyandu', n: 1 }, { kind: 'puskesmas', n: 2 }, { kind: 'posyandu', n: 3 }]);
		expect(groups.map((g) => [g.kind, g.items.map((i) => i.n)])).toEqual([['puskesmas', [2]], ['posyandu', [1, 3]]]);
	});
	it('has a schema.org type for every kind', () => {
		for (const k of FACILITY_KINDS) expect(FACILITY_SCHEMA_TYPE[k]).toMatch(/^[A-Z]/);
		expect(FACILITY_SCHEMA_TYPE.rumah_sakit).toBe('Hospital');
		expect(FACILITY_SCHEMA_TYPE.kantor_kelurahan).toBe('GovernmentOffice');
	});
	it('finds the kecamatan of a kelurahan code', () => expect(kecamatanOf('33.71.01.1011')).toBe('33.71.01'));
});

describe('contactParts', () => {
	it('links phone numbers and e-mail addresses in free text', () => {
		expect(contactParts('Telepon (0293) 362-345 atau surel dukcapil@magelangkota.go.id.')).toEqual([
			{ text: 'Telepon ' },
			{ text: '(0293) 362-345', href: 'tel:0293362345' },
			{ text: ' atau surel ' },
			{ text: 'dukcapil@magelangkota.go.id', href: 'mailto:dukcapil@magelangkota.go.id' },
			{ text: '.' }
		]);
		expect(contactParts('WA +62 812-3456-7890')).toEqual([{ text: 'WA ' }, { text: '+62 812-3456-7890', href: 'tel:+6281234567890' }]);
	});
	it('leaves short numbers and plain text alone', () => {
		expect(contactParts('Loket 3, lantai 2')).toEqual([{ text: 'Loket 3, lantai 2' }]);
		expect(contactParts('')).toEqual([]);
	});
});
