import { describe, expect, it } from 'vitest';
import { dueWords } from './aduan.handling.read';
import type { Aduan } from './aduan.handling.queries';

const wib = (s: string) => new Date(`${s}+07:00`);
const received = (verifyBy: Date) => ({ status: 'received', verifyBy, planBy: null, planPostedAt: null, autoCloseAt: null }) as unknown as Aduan;
const none = new Set<string>();

describe('dueWords (the board’s plain words)', () => {
	const due = wib('2026-12-03T23:59:59.999'); // Thursday
	it('counts down in working days, then today, then late', () => {
		expect(dueWords(received(due), wib('2026-11-30T09:00:00'), none)).toMatchObject({ words: 'tenggat 3 hari kerja lagi', overdue: false });
		expect(dueWords(received(due), wib('2026-12-02T09:00:00'), none)?.words).toBe('tenggat besok');
		expect(dueWords(received(due), wib('2026-12-03T00:00:00'), none)).toMatchObject({ words: 'tenggat hari ini', dueToday: true });
		expect(dueWords(received(due), wib('2026-12-04T00:00:01'), none)).toMatchObject({ words: 'terlambat 1 hari kerja', overdue: true });
		expect(dueWords(received(due), wib('2026-12-07T10:00:00'), none)?.words).toBe('terlambat 2 hari kerja');
	});
	it('"besok" is the next calendar day; over a weekend it counts working days', () => {
		const monday = wib('2026-12-07T23:59:59.999');
		expect(dueWords(received(monday), wib('2026-12-04T10:00:00'), none)?.words).toBe('tenggat 1 hari kerja lagi');
		expect(dueWords(received(monday), wib('2026-12-06T10:00:00'), none)?.words).toBe('tenggat besok');
	});
	it('a holiday between now and the deadline is not counted', () => {
		expect(dueWords(received(due), wib('2026-11-30T09:00:00'), new Set(['2026-12-01']))?.words).toBe('tenggat 2 hari kerja lagi');
	});
	it('nothing due: null', () => {
		expect(dueWords({ ...received(due), status: 'closed' } as Aduan, wib('2026-11-30T09:00:00'), none)).toBeNull();
	});
});
