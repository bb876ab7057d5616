import { describe, expect, it } from 'vitest';
import { declaredSizeProblem, FORM_OVERHEAD_BYTES, sizeProblem, UPLOAD_KINDS } from './files.rules';

const MB = 1024 * 1024;

describe('declaredSizeProblem (the content-length header, before the body is read)', () => {
	const sk = UPLOAD_KINDS.kim_sk;
	const logo = UPLOAD_KINDS.kim_logo;

	it('accepts a body up to the limit plus the form overhead', () => {
		expect(declaredSizeProblem(String(5 * MB), sk)).toBeUndefined();
		expect(declaredSizeProblem(String(5 * MB + FORM_OVERHEAD_BYTES), sk)).toBeUndefined();
		expect(declaredSizeProblem('1234', logo)).toBeUndefined();
	});

	it('refuses a larger body with the same Indonesian message as the API, per kind', () => {
		expect(declaredSizeProblem(String(5 * MB + FORM_OVERHEAD_BYTES + 1), sk)).toBe(
			'Ukuran berkas maksimal 5 MB. Perkecil atau pindai ulang dengan resolusi lebih rendah.'
		);
		expect(declaredSizeProblem(String(3 * MB), logo)).toBe(sizeProblem(3 * MB, logo));
		expect(declaredSizeProblem(String(3 * MB), logo)).toContain('2 MB');
		expect(declaredSizeProblem(' 99999999999 ', sk)).toContain('5 MB');
	});

	it('leaves a missing or malformed header to the checks after reading', () => {
		for (const header of [null, undefined, '', 'abc', '-5', '1e9', '12.5']) expect(declaredSizeProblem(header, sk)).toBeUndefined();
	});
});
