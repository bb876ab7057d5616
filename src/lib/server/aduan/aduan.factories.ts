/**
 * Test and demo builders for aduan: a valid aduan inserted directly (no notifications, no
 * audit) and unit staff. Reference data (units, categories, holidays) is seeded when missing.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { aduanEvents, unitMembers, units, users } from '../db/schema';
import { loadActor } from '../auth/auth.queries';
import { hashPassword } from '../auth/password';
import type { Actor } from '../auth/actor';
import { deadlineAfter, formatTrackingId, VERIFY_WITHIN_DAYS } from './aduan.rules';
import { seedAduanReference } from './aduan.seed';
import { findCategory, findHomeRegion, insertAduan, loadHolidaySet, nextTrackingSeq, type Aduan, type NewAduan } from './aduan.queries';
import { trackingPrefix, wibYear } from './aduan.filing.rules';

const uid = () => randomBytes(4).toString('hex');
const TIDAR_SELATAN = '33.71.01.1011';
let hashed: Promise<string> | undefined;

/** Seeds units, categories and holidays unless they are there already. */
export async function ensureAduanReference(db: Db) {
	const [u] = await db.select({ code: units.code }).from(units).where(eq(units.code, 'diskominsta')).limit(1);
	if (!u) await seedAduanReference(db);
}

/**
 * Inserts an aduan: by default a public complaint about `jalan-rusak` in Tidar Selatan, received
 * now, by a new resident, with its tracking id from the counter, verify-by from the rules and a
 * 'received' status event. Anything in `over` wins (e.g. status, privacy, reporterId, createdAt).
 */
export async function buildAduan(db: Db, over: Partial<NewAduan> = {}): Promise<Aduan> {
	await ensureAduanReference(db);
	const createdAt = over.createdAt instanceof Date ? over.createdAt : new Date();
	const categoryCode = over.categoryCode ?? 'jalan-rusak';
	const category = await findCategory(db, categoryCode);
	if (!category) throw new Error(`buildAduan: unknown category ${categoryCode}`);
	let reporterId = over.reporterId;
	if (reporterId === undefined) {
		hashed ??= hashPassword('rahasia-panjang');
		const [u] = await db.insert(users).values({ email: `pelapor-${uid()}@test.id`, name: `Pelapor ${uid()}`, passwordHash: await hashed }).returning();
		reporterId = u.id;
	}
	const year = wibYear(createdAt);
	const trackingId = over.trackingId ?? formatTrackingId(trackingPrefix(await findHomeRegion(db)), year, await nextTrackingSeq(db, year));
	const row = await insertAduan(db, {
		type: 'complaint',
		title: 'Jalan berlubang di depan sekolah',
		description: 'Lubang besar di tengah jalan, membahayakan pengendara motor terutama malam hari.',
		kelurahanCode: TIDAR_SELATAN,
		privacy: 'public',
		status: 'received',
		source: 'web',
		verifyBy: deadlineAfter(createdAt, VERIFY_WITHIN_DAYS, await loadHolidaySet(db)),
		updatedAt: createdAt,
		...over,
		categoryCode,
		unitCode: over.unitCode ?? category.unitCode,
		reporterId,
		trackingId,
		createdAt
	});
	if (!row) throw new Error('buildAduan: insert conflicted');
	await db.insert(aduanEvents).values({ aduanId: row.id, kind: 'status', toStatus: 'received', authorId: reporterId, authorRole: 'reporter', createdAt });
	return row;
}

/** A new user who is staff (or the supervisor) of a unit, as an actor. */
export async function buildUnitStaff(db: Db, unitCode: string, opts: { supervisor?: boolean; role?: 'warga' | 'petugas' } = {}): Promise<NonNullable<Actor>> {
	await ensureAduanReference(db);
	hashed ??= hashPassword('rahasia-panjang');
	const [u] = await db
		.insert(users)
		.values({ email: `staf-${unitCode}-${uid()}@test.id`, name: `Staf ${unitCode} ${uid()}`, passwordHash: await hashed, role: opts.role ?? 'warga' })
		.returning();
	await db.insert(unitMembers).values({ unitCode, userId: u.id, isSupervisor: !!opts.supervisor });
	return (await loadActor(db, u.id))!;
}
