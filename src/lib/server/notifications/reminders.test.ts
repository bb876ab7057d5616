import { beforeAll, describe, expect, it } from 'vitest';
import { inArray, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildKim, buildUser, PUBLIC_URL } from '../../../../tests/factories';
import { assignments, campaigns, notifications, outbox } from '../db/schema';
import type { Db } from '../db/client';
import { sweepReminders } from './reminders';

let db: Db;
beforeAll(async () => {
	db = (await createTestDatabase()).db;
});

// 28 November 2026, 09.00 WIB
const NOW = new Date('2026-11-28T02:00:00Z');

/** A campaign by a petugas, with one KIM (ketua + sekretaris as pengurus, one anggota) assigned, due on `dueOn`. */
async function setup(dueOn: string, over: { status?: 'new' | 'accepted' | 'declined' | 'done'; campaignStatus?: 'draft' | 'active' | 'finished' } = {}) {
	const petugas = await buildActor(db, 'petugas');
	const [ketua, sekretaris, anggota] = [await buildUser(db), await buildUser(db), await buildUser(db)];
	const kim = await buildKim(db, { members: [[ketua.id, 'ketua'], [sekretaris.id, 'sekretaris'], [anggota.id, 'anggota']] });
	const [campaign] = await db
		.insert(campaigns)
		.values({
			title: 'Cegah DBD', objective: 'Warga menguras bak', whatsappTemplate: 'Ayo 3M', startsOn: '2026-11-01', endsOn: dueOn,
			targetKind: 'all', targetReach: 1000, status: over.campaignStatus ?? 'active', createdBy: petugas.userId
		})
		.returning();
	const [assignment] = await db.insert(assignments).values({ campaignId: campaign.id, kimId: kim.id, dueOn, status: over.status ?? 'new' }).returning();
	return { petugas, ketua, sekretaris, anggota, kim, campaign, assignment };
}

const noticesOf = (userIds: string[]) => db.select().from(notifications).where(inArray(notifications.userId, userIds));
const mailsTo = async (emails: string[]) =>
	(await db.select().from(outbox)).filter((r) => emails.includes((r.payload as { to: string }).to));

describe('the reminder sweep', () => {
	it('due in two days: the KIM’s pengurus get one notice and one email each, named and linked', async () => {
		const s = await setup('2026-11-30');
		await sweepReminders(db, NOW, PUBLIC_URL);
		const rows = await noticesOf([s.ketua.id, s.sekretaris.id, s.anggota.id, s.petugas.userId]);
		expect(rows.map((r) => r.userId).sort()).toEqual([s.ketua.id, s.sekretaris.id].sort());
		expect(rows[0]).toMatchObject({ kind: 'assignment_due_soon', url: '/tugas', dedupeKey: `assignment:${s.assignment.id}:due-soon`, readAt: null });
		expect(rows[0].title).toBe('Tugas “Cegah DBD” jatuh tempo 30 November 2026');
		expect(rows[0].body).toContain(s.kim.name);
		const mails = await mailsTo([s.ketua.email, s.sekretaris.email]);
		expect(mails).toHaveLength(2);
		expect((mails[0].payload as { text: string }).text).toContain(`${PUBLIC_URL}/tugas`);
	});

	it('not yet three days before, and nothing for done, declined or finished campaigns', async () => {
		const early = await setup('2026-12-01');
		const done = await setup('2026-11-27', { status: 'done' });
		const declined = await setup('2026-11-29', { status: 'declined' });
		const finished = await setup('2026-11-27', { campaignStatus: 'finished' });
		const draft = await setup('2026-11-29', { campaignStatus: 'draft' });
		await sweepReminders(db, NOW, PUBLIC_URL);
		const people = [early, done, declined, finished, draft].flatMap((s) => [s.ketua.id, s.petugas.userId]);
		expect(await noticesOf(people)).toEqual([]);
	});

	it('overdue: the pengurus (→ /tugas) and the petugas who made the campaign (→ its reach page)', async () => {
		const s = await setup('2026-11-27', { status: 'accepted' });
		await sweepReminders(db, NOW, PUBLIC_URL);
		const rows = await noticesOf([s.ketua.id, s.sekretaris.id, s.anggota.id, s.petugas.userId]);
		expect(rows).toHaveLength(3);
		const staff = rows.find((r) => r.userId === s.petugas.userId)!;
		expect(staff).toMatchObject({ kind: 'assignment_overdue', url: `/kampanye/${s.campaign.id}/jangkauan`, dedupeKey: `assignment:${s.assignment.id}:overdue` });
		expect(staff.title).toContain(s.kim.name);
		expect(staff.body).toContain('27 November 2026');
		expect(rows.filter((r) => r.userId !== s.petugas.userId).every((r) => r.url === '/tugas' && r.title.includes('lewat tenggat'))).toBe(true);
		expect(await mailsTo([s.ketua.email, s.sekretaris.email, s.petugas.email])).toHaveLength(3);
	});

	it('is idempotent: a second sweep, and two concurrent sweeps, queue one notice and one email per reminder', async () => {
		const soon = await setup('2026-11-29');
		const late = await setup('2026-11-20');
		const people = [soon, late].flatMap((s) => [s.ketua, s.sekretaris]);
		await sweepReminders(db, NOW, PUBLIC_URL);
		const first = { notices: (await noticesOf(people.map((p) => p.id))).length, mails: (await mailsTo(people.map((p) => p.email))).length };
		expect(first).toEqual({ notices: 4, mails: 4 });
		// Again later the same day, then two "processes" at once the next day.
		expect((await sweepReminders(db, new Date(NOW.getTime() + 3600_000), PUBLIC_URL)).notices).toBe(0);
		const tomorrow = new Date(NOW.getTime() + 86_400_000);
		const total = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(notifications))[0].n;
		const before = await total();
		const both = await Promise.all([sweepReminders(db, tomorrow, PUBLIC_URL), sweepReminders(db, tomorrow, PUBLIC_URL)]);
		// (Other tests' assignments come due tomorrow; each of their notices is written by one sweep only.)
		expect(both[0].notices + both[1].notices).toBe((await total()) - before);
		expect((await noticesOf(people.map((p) => p.id))).length).toBe(4);
		expect((await mailsTo([...people.map((p) => p.email), late.petugas.email])).length).toBe(5);
	});

	it('a due-soon reminder is followed by one overdue reminder once the date passes', async () => {
		const s = await setup('2026-11-29');
		await sweepReminders(db, NOW, PUBLIC_URL);
		await sweepReminders(db, new Date('2026-11-29T16:59:00Z'), PUBLIC_URL); // 23.59 WIB on the due date
		expect((await noticesOf([s.ketua.id])).map((r) => r.kind)).toEqual(['assignment_due_soon']);
		await sweepReminders(db, new Date('2026-11-29T17:00:00Z'), PUBLIC_URL); // 00.00 WIB the next day
		await sweepReminders(db, new Date('2026-12-02T02:00:00Z'), PUBLIC_URL);
		expect((await noticesOf([s.ketua.id])).map((r) => r.kind).sort()).toEqual(['assignment_due_soon', 'assignment_overdue']);
	});
});
